//===--- CompletionHandlers.cpp - The handler an operation completes into ===//
#include "CompletionHandlers.h"
#include "CallArguments.h"
#include "Callables.h"
#include "Expressions.h"
#include "Limits.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

bool isSystem(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(
      D->getLocation());
}

/// `x_.is_open()` or its negation, on a data member `x_`: the call, else
/// null.
const CXXMemberCallExpr *openTestOfMember(const Expr *Cond) {
  const Expr *E = Cond->IgnoreParenImpCasts();
  for (const auto *Not = dyn_cast<UnaryOperator>(E);
       Not && Not->getOpcode() == UO_LNot; Not = dyn_cast<UnaryOperator>(E))
    E = Not->getSubExpr()->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = Call ? Call->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || MD->getName() != "is_open" ||
      Call->getNumArgs() != 0)
    return nullptr;
  const auto *Object = dyn_cast<MemberExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return Object && isa<FieldDecl>(Object->getMemberDecl()) ? Call : nullptr;
}

const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  return FD && FD->getDefinition() ? FD->getDefinition() : FD;
}

/// N for a bind placeholder: a value of a class template specialization
/// whose only argument is the integer N (std::placeholders::_1 is a
/// std::_Placeholder<1>, boost's _1 a boost::arg<1>), or a function
/// returning one (boost::asio::placeholders::error). 0 otherwise.
unsigned placeholderIndex(const Expr *E) {
  E = ignoreValueWrappers(E);
  QualType T = E->getType().getNonReferenceType();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
        FD && FD->getNumParams() == 0)
      T = FD->getReturnType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() != 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Integral ||
      !Spec->field_empty())
    return 0;
  return static_cast<unsigned>(
      Spec->getTemplateArgs()[0].getAsIntegral().getZExtValue());
}

/// The bind call in \p Token, if the handler is bound: std::bind,
/// boost::bind, std::bind_front, whose first argument names the function.
const CallExpr *bindIn(const Expr *Token) {
  const Stmt *Found = findEvaluated(Token, [](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getIdentifier() &&
           (Callee->getName() == "bind" || Callee->getName() == "bind_front") &&
           Call->getNumArgs() > 0 && !callablesIn(Call->getArg(0)).empty();
  });
  return cast_or_null<CallExpr>(Found);
}

/// The completion token of \p Op: the last argument written (Boost's
/// overloads end in a defaulted enable_if parameter).
const Expr *completionToken(const CallExpr *Op) {
  const Expr *Token = nullptr;
  for (const Expr *Arg : Op->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Token = Arg;
  return Token;
}

/// The variable an object expression is reached through: `t` in `t->f()`,
/// `(*t).f()`, `t.f()`.
const VarDecl *objectVariable(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const VarDecl *V = referencedVar(E))
      return V;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() == 1 &&
        (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
      E = Op->getArg(0);
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && U->getOpcode() == UO_Deref)
      E = U->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// `new T(...)`, `std::make_shared<T>(...)`, `std::make_unique<T>(...)`.
bool isFreshAllocation(const Expr *E) {
  E = E ? ignoreValueWrappers(E) : nullptr;
  if (isa_and_nonnull<CXXNewExpr>(E))
    return true;
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         (FD->getName() == "make_shared" || FD->getName() == "make_unique");
}

} // namespace

bool CompletionHandlers::onlyHandlerHolds(const CallExpr *Op) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Op);
  const VarDecl *V =
      Member ? objectVariable(Member->getImplicitObjectArgument()) : nullptr;
  const auto *FD = V ? dyn_cast<FunctionDecl>(V->getDeclContext()) : nullptr;
  const Expr *Token = completionToken(Op);
  if (!FD || !FD->getBody() || !Token || !V->hasLocalStorage() ||
      isa<ParmVarDecl>(V) || !isFreshAllocation(V->getInit()))
    return false;
  // Every use of V: calls of its members, or inside the token.
  unsigned Uses = 0, Allowed = 0;
  bool Cancelled = false;
  llvm::SmallVector<std::pair<const Stmt *, bool>, 32> Work{{FD->getBody(),
                                                             false}};
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxBodyNodes;
       ++Steps) {
    auto [S, InToken] = Work.pop_back_val();
    if (!S)
      continue;
    InToken |= S == Token;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == V)
      Allowed += InToken, ++Uses;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
        Call && objectVariable(Call->getImplicitObjectArgument()) == V) {
      const CXXMethodDecl *MD = Call->getMethodDecl();
      Cancelled |= MD && MD->getIdentifier() &&
                   (MD->getName() == "cancel" || MD->getName() == "close");
      if (!InToken)
        ++Allowed;
    }
    // A lambda's captures are evaluated here; its body runs elsewhere.
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : L->capture_inits())
        Work.push_back({Init, InToken});
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back({Child, InToken});
  }
  // A body too large to walk whole may hold other uses.
  return Work.empty() && !Cancelled && Uses > 0 && Uses == Allowed;
}

bool CompletionHandlers::isErrorCodeType(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && Queries.isErrorCodeType(RD);
}

llvm::SmallVector<CompletionHandler, 2>
CompletionHandlers::handlersOf(const CallExpr *Op) {
  llvm::SmallVector<CompletionHandler, 2> Out;
  const Expr *Token = completionToken(Op);
  if (!Token)
    return Out;
  auto Add = [&](const FunctionDecl *Named, const ParmVarDecl *ErrorCode) {
    // `&C::on_accept` may name a declaration before the out-of-line
    // definition, whose own parameters are the ones its body reads.
    const FunctionDecl *H = definitionOf(Named);
    if (!H->hasBody() || isSystem(H) || H->isDependentContext())
      return;
    if (ErrorCode && ErrorCode->getDeclContext() != H)
      ErrorCode = H->getParamDecl(ErrorCode->getFunctionScopeIndex());
    Out.push_back({H, ErrorCode});
  };
  if (wrapperPassesOnlySuccess(Token))
    return Out;
  if (const CallExpr *Bind = bindIn(Token)) {
    const llvm::SmallVector<const FunctionDecl *, 2> Bound =
        callablesIn(Bind->getArg(0));
    if (Bound.size() != 1)
      return Out;
    const FunctionDecl *F = definitionOf(Bound.front());
    const bool Member = isa<CXXMethodDecl>(F) &&
                        !cast<CXXMethodDecl>(F)->isStatic();
    // Bound arguments after the callable (and the object, for members).
    const unsigned First = Member ? 2 : 1;
    const ParmVarDecl *ErrorCode = nullptr;
    const FunctionDecl *Callee = Bind->getDirectCallee();
    if (Callee->getName() == "bind_front") {
      const unsigned Given = Bind->getNumArgs() - First;
      if (Given < F->getNumParams())
        ErrorCode = F->getParamDecl(Given);
    } else {
      for (unsigned I = First; I < Bind->getNumArgs(); ++I)
        if (placeholderIndex(Bind->getArg(I)) == 1 &&
            I - First < F->getNumParams())
          ErrorCode = F->getParamDecl(I - First);
    }
    Add(F, ErrorCode);
    return Out;
  }
  for (const FunctionDecl *Named : callablesIn(Token)) {
    const FunctionDecl *H = definitionOf(Named);
    if (H->getNumParams() == 0) {
      Add(H, nullptr);
      continue;
    }
    // Exactly one parameter of an error code type receives it; a handler
    // taking something else is bound in a way not followed here.
    const ParmVarDecl *ErrorCode = nullptr;
    unsigned Count = 0;
    for (const ParmVarDecl *P : H->parameters())
      if (isErrorCodeType(P->getType())) {
        ErrorCode = P;
        ++Count;
      }
    if (Count == 1)
      Add(H, ErrorCode);
  }
  return Out;
}

bool CompletionHandlers::wrapperPassesOnlySuccess(const Expr *Token) {
  const auto *Call = dyn_cast<CallExpr>(ignoreValueWrappers(Token));
  const FunctionDecl *Wrapper = Call ? definitionOf(calleeOf(Call)) : nullptr;
  if (!Wrapper || !Wrapper->hasBody() || isSystem(Wrapper))
    return false;
  // The lambda it returns, and that lambda's one error code parameter.
  const auto *Return = dyn_cast_or_null<ReturnStmt>(findEvaluated(
      Wrapper->getBody(), [](const Stmt *S) { return isa<ReturnStmt>(S); }));
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
      Return && Return->getRetValue()
          ? ignoreValueWrappers(Return->getRetValue())
          : nullptr);
  if (!Lambda)
    return false;
  const CXXMethodDecl *Op = Lambda->getCallOperator();
  // A generic lambda: the one instantiation the operation calls.
  if (const FunctionTemplateDecl *T =
          Lambda->getLambdaClass()->getDependentLambdaCallOperator()) {
    auto Specs = T->specializations();
    if (std::distance(Specs.begin(), Specs.end()) != 1)
      return false;
    Op = cast<CXXMethodDecl>(*Specs.begin());
  }
  const ParmVarDecl *ErrorCode = nullptr;
  for (const ParmVarDecl *P : Op->parameters())
    if (isErrorCodeType(P->getType())) {
      if (ErrorCode)
        return false;
      ErrorCode = P;
    }
  const FunctionPaths *P = ErrorCode ? Paths.get(Op) : nullptr;
  if (!P)
    return false;
  // The wrapped callable is called without a function the call names: a
  // member pointer (`(c->*f)()`) or a captured callable (`f()`).
  auto CallsWrapped = [](const Stmt *S) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
      return Op->getOperator() == OO_Call;
    const auto *C = dyn_cast<CallExpr>(S);
    return C && !C->getDirectCallee();
  };
  DoneCarrier Carrier;
  Carrier.Var = ErrorCode;
  Carrier.TruthyOnError = true;
  auto Branch = [&](const Expr *Cond, bool LoopCond) {
    return branchesFor(Signals.onceCancelled(Cond, Carrier, LoopCond));
  };
  const WalkRules Rules{Branch, nullptr, nullptr};
  return findEvaluated(Op->getBody(), CallsWrapped) &&
         !P->firstReachable(Rules, CallsWrapped);
}

bool CompletionHandlers::startsOperation(const Stmt *S, unsigned Depth) {
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? calleeOf(Call) : nullptr;
  return Callee && (Queries.isAsyncOperation(Callee) ||
                    (Depth < limits::MaxCallDepth &&
                     startsAsync(Callee, Depth + 1)));
}

const CallExpr *CompletionHandlers::startsAsync(const FunctionDecl *FD,
                                                unsigned Depth) {
  FD = definitionOf(FD);
  if (!FD || !FD->hasBody() || isSystem(FD))
    return nullptr;
  if (auto It = AsyncStarts.find(FD); It != AsyncStarts.end())
    return It->second;
  AsyncStarts[FD] = nullptr; // recursion finds nothing new
  const auto *Found = cast_or_null<CallExpr>(findEvaluated(
      FD->getBody(), [&](const Stmt *S) { return startsOperation(S, Depth); }));
  // A call of a function that starts one: the operation inside it.
  if (const FunctionDecl *Callee = Found ? calleeOf(Found) : nullptr;
      Callee && !Queries.isAsyncOperation(Callee))
    Found = startsAsync(Callee, Depth + 1);
  AsyncStarts[FD] = Found;
  return Found;
}

bool CompletionHandlers::startsOnlyBehindStopFlag(const FunctionDecl *FD) {
  FD = definitionOf(FD);
  if (auto It = BehindStopFlag.find(FD); It != BehindStopFlag.end())
    return It->second;
  BehindStopFlag[FD] = false;
  const FunctionPaths *P = Paths.get(FD);
  if (!P)
    return false;
  // A branch on a stop flag settles the path, as it does in the handler.
  auto Branch = [](const Expr *Cond, bool) {
    return readsStopFlag(Cond) ? Follow::Neither : Follow::Both;
  };
  auto Starts = [&](const Stmt *S) { return startsOperation(S, 0); };
  const WalkRules Rules{Branch, nullptr, nullptr};
  const bool Behind = !P->firstReachable(Rules, Starts);
  BehindStopFlag[FD] = Behind;
  return Behind;
}

namespace {

/// The index of the argument of \p Call that is \p P, if one is.
std::optional<unsigned> argumentIndexOf(const CallExpr *Call,
                                        const ParmVarDecl *P) {
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  for (unsigned I = 0; I < Args.size(); ++I) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
        Args[I] ? Args[I]->IgnoreUnlessSpelledInSource() : nullptr);
    if (DRE && DRE->getDecl() == P)
      return I;
  }
  return std::nullopt;
}

} // namespace

CompletionHandlers::Chain
CompletionHandlers::chainOf(const FunctionDecl *Handler,
                            const ParmVarDecl *ErrorCode) {
  Chain Out;
  const FunctionPaths *P = Paths.get(Handler);
  if (!P)
    return Out;
  // Functions the error code is handed to are handlers too; a call that
  // forwards it is theirs to judge, not a re-arm here.
  auto Forwards = [&](const CallExpr *Call) {
    std::optional<unsigned> Index =
        ErrorCode ? argumentIndexOf(Call, ErrorCode) : std::nullopt;
    if (!Index)
      return false;
    const FunctionDecl *Callee = calleeOf(Call);
    if (Callee && startsAsync(Callee) && *Index < Callee->getNumParams() &&
        !llvm::is_contained(Out.Forwarded, std::make_pair(Callee, *Index)))
      Out.Forwarded.push_back({Callee, *Index});
    return true;
  };
  Rearm Found;
  auto IsRearm = [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || isa<CXXOperatorCallExpr>(Call))
      return false;
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee)
      return false;
    if (Queries.isAsyncOperation(Callee)) {
      Found = {Call, Callee, nullptr, Call};
      return true;
    }
    if (Forwards(Call))
      return false;
    // The callee tests a stop flag before it starts the next operation
    // (`void do_accept() { if (!stopping_) async_accept(...); }`): stopping
    // its owner ends the chain, like the flag tested in the handler.
    if (const CallExpr *Op = startsAsync(Callee);
        Op && !startsOnlyBehindStopFlag(Callee)) {
      Found = {Call, nullptr, Callee, Op};
      return true;
    }
    return false;
  };
  DoneCarrier Carrier;
  Carrier.Var = ErrorCode;
  Carrier.TruthyOnError = true;
  auto Branch = [&](const Expr *Cond, bool LoopCond) {
    const Verdict V = Signals.onceCancelled(Cond, Carrier, LoopCond);
    // A test of the error code that the path goes on through.
    if (!Out.Tested && ErrorCode && V != Verdict::Unknown &&
        V != Verdict::Decided &&
        findEvaluated(Cond, [&](const Stmt *S) {
          const auto *DRE = dyn_cast<DeclRefExpr>(S);
          return DRE && DRE->getDecl() == ErrorCode;
        }))
      Out.Tested = Cond;
    return branchesFor(V);
  };
  const WalkRules Rules{Branch, nullptr, nullptr};
  if (P->firstReachable(Rules, IsRearm)) {
    Out.Next = Found;
  } else {
    Out.Tested = nullptr;
    // Settled by is_open() alone? Walk again with that test deciding
    // nothing: whether it guards depends on where the object is closed.
    auto PastOpen = [&](const Expr *Cond, bool LoopCond) {
      if (const CXXMemberCallExpr *Open = openTestOfMember(Cond)) {
        if (!Out.OpenTest)
          Out.OpenTest = Open;
        return Follow::Both;
      }
      return branchesFor(Signals.onceCancelled(Cond, Carrier, LoopCond));
    };
    if (P->firstReachable(WalkRules{PastOpen, nullptr, nullptr}, IsRearm) &&
        Out.OpenTest) {
      Out.PastOpenTest = Found;
      Out.OpenObject = cast<FieldDecl>(
          cast<MemberExpr>(
              Out.OpenTest->getImplicitObjectArgument()->IgnoreParenImpCasts())
              ->getMemberDecl());
    } else {
      Out.OpenTest = nullptr;
    }
    // Settled by a member tested as a stop flag? Walk again with those
    // tests deciding nothing: whether they guard depends on who writes
    // the member (MemberWrites).
    auto PastGuard = [&](const Expr *Cond, bool LoopCond) {
      if (const FieldDecl *Member = stopFlagMember(Cond)) {
        if (!Out.GuardTest) {
          Out.GuardTest = Cond;
          Out.GuardMember = Member;
        }
        return Follow::Both;
      }
      return branchesFor(Signals.onceCancelled(Cond, Carrier, LoopCond));
    };
    if (!Out.PastOpenTest &&
        P->firstReachable(WalkRules{PastGuard, nullptr, nullptr}, IsRearm) &&
        Out.GuardTest) {
      Out.PastGuard = Found;
    } else {
      Out.GuardTest = nullptr;
      Out.GuardMember = nullptr;
    }
  }
  // Every forwarding call, also those past the re-arm.
  if (ErrorCode)
    findEvaluated(Handler->getBody(), [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CallExpr>(S))
        Forwards(Call);
      return false;
    });
  return Out;
}

bool CompletionHandlers::comesBack(const Rearm &Next, const CallExpr *Armed,
                                   const FunctionDecl *Handler) {
  if (!Next.Operation)
    return false;
  llvm::SmallVector<const FunctionDecl *, 2> Own{Handler};
  for (const CompletionHandler &H : handlersOf(Armed))
    Own.push_back(H.Function);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  return comesBack(Next.Operation, Armed, Own, 0, Seen);
}

bool CompletionHandlers::comesBack(
    const CallExpr *Operation, const CallExpr *Armed,
    llvm::ArrayRef<const FunctionDecl *> Own, unsigned Depth,
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (Operation == Armed)
    return true;
  const llvm::SmallVector<CompletionHandler, 2> Handlers = handlersOf(Operation);
  // A handler not followed here: the same operation may come back.
  if (Handlers.empty()) {
    const FunctionDecl *Op = calleeOf(Operation);
    const FunctionDecl *ArmedOp = calleeOf(Armed);
    return Op && ArmedOp && Queries.name(Op) == Queries.name(ArmedOp);
  }
  // Follow the chain: the handlers of this operation (back at the first
  // operation's own handler?), and what they start next (on any path: the
  // question is whether the chain can come back).
  for (const CompletionHandler &H : Handlers) {
    // The same handler, or one that hands over to it
    // (`[sp](error_code ec, std::size_t n) { sp->on_read(ec, n); }`).
    if (llvm::is_contained(Own, H.Function) ||
        findEvaluated(H.Function->getBody(), [&](const Stmt *S) {
          const auto *Call = dyn_cast<CallExpr>(S);
          const FunctionDecl *Callee = Call ? calleeOf(Call) : nullptr;
          return Callee && llvm::is_contained(Own, definitionOf(Callee));
        }))
      return true;
    if (Depth >= limits::MaxHandlerChain || !Seen.insert(H.Function).second)
      continue;
    for (const CallExpr *Next : operationsStartedBy(H.Function))
      if (comesBack(Next, Armed, Own, Depth + 1, Seen))
        return true;
  }
  return false;
}

llvm::SmallVector<const CallExpr *, 4>
CompletionHandlers::operationsStartedBy(const FunctionDecl *FD) {
  llvm::SmallVector<const CallExpr *, 4> Out;
  FD = definitionOf(FD);
  if (!FD || !FD->hasBody())
    return Out;
  findEvaluated(FD->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? calleeOf(Call) : nullptr;
    if (!Callee)
      return false;
    if (Queries.isAsyncOperation(Callee))
      Out.push_back(Call);
    else if (const CallExpr *Op = startsAsync(Callee))
      Out.push_back(Op);
    return false;
  });
  return Out;
}

} // namespace cancellint::analysis
