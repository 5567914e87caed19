//===--- TokenFlow.cpp - Where the tokens a function passes come from ----===//
#include "TokenFlow.h"
#include "BlockingCalls.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Lambdas.h"
#include "Limits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace cancellint::analysis {

static Provenance join(const Provenance &A, const Provenance &B) {
  if (A.What == B.What)
    return A;
  if (A.isHeldOrDerived() && B.isHeldOrDerived()) {
    Provenance R = A;
    R.What = Provenance::Derived;
    return R;
  }
  return {};
}

TokenFlow::TokenFlow(ModelQueries &Queries, TokensInScope &Holders,
                     const FunctionDecl *Fn)
    : Queries(Queries), Holders(Holders),
      F(Fn->getDefinition() ? Fn->getDefinition() : Fn),
      Ctx(Fn->getASTContext()) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        walk(Init->getInit());
  const Stmt *Body = F->getBody();
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coro->getBody(); // the rest is the promise's machinery
  walk(Body);
}

bool TokenFlow::isLocal(const ValueDecl *V) const {
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  return VD && !isa<ParmVarDecl>(VD) && VD->hasLocalStorage() &&
         VD->getDeclContext() == static_cast<const DeclContext *>(F);
}

//===----------------------------------------------------------------------===//
// The walk
//===----------------------------------------------------------------------===//

void TokenFlow::walk(const Stmt *S) {
  if (!S || Parents.size() > limits::MaxExpressionNesting)
    return;
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    walkLambda(L);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD)
        continue;
      if (isLocal(VD)) {
        LocalInfo &Info = Locals[VD];
        Info.Definitions.push_back(VD->getInit());
        Info.Declaration = DS;
      }
      if (const Expr *Init = VD->getInit()) {
        Parents.push_back(DS);
        walk(Init);
        Parents.pop_back();
        if (Queries.isLinkConstruction(VD))
          LinkCalls.push_back(Init);
      }
      // In scope from here to the end of the block.
      if (!isLocal(VD))
        continue;
      if (const auto *DD = dyn_cast<DecompositionDecl>(VD)) {
        for (const BindingDecl *B : DD->bindings())
          if (tokenParameterType(Queries, B->getType()))
            ScopeTokenLocals.push_back(B);
      } else if (tokenParameterType(Queries, VD->getType())) {
        ScopeTokenLocals.push_back(VD);
      }
    }
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && isLocal(V))
      recordUse(Ref, V);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    recordAssignment(BO->getLHS(), BO->getRHS());
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    recordAssignment(Op->getArg(0), Op->getArg(1));

  // Statements under a condition: uses there may be cancel wiring.
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    Parents.push_back(S);
    walk(If->getInit());
    if (const DeclStmt *CondVar = If->getConditionVariableDeclStmt())
      walk(CondVar);
    walk(If->getCond());
    Parents.pop_back();
    walkGuarded(If->getCond(), {If->getThen(), If->getElse()}, S);
    return;
  }
  if (const auto *W = dyn_cast<WhileStmt>(S)) {
    Parents.push_back(S);
    if (const DeclStmt *CondVar = W->getConditionVariableDeclStmt())
      walk(CondVar);
    walk(W->getCond());
    Parents.pop_back();
    walkGuarded(W->getCond(), {W->getBody()}, S);
    return;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
    Parents.push_back(S);
    walk(CO->getCond());
    Parents.pop_back();
    walkGuarded(CO->getCond(), {CO->getTrueExpr(), CO->getFalseExpr()}, S);
    return;
  }

  const size_t ScopeSize = ScopeTokenLocals.size();
  Parents.push_back(S);
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S))
    walk(Await->getOperand()); // the rest is the promise's machinery
  else if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    walk(Return->getOperand());
  else
    for (const Stmt *Child : S->children())
      walk(Child);
  Parents.pop_back();
  if (isa<CompoundStmt>(S))
    ScopeTokenLocals.resize(ScopeSize);

  if (isa<CallExpr, CXXConstructExpr>(S)) {
    const auto *Call = cast<Expr>(S);
    Calls.push_back(Call);
    if (!ScopeTokenLocals.empty())
      TokenLocalsAt[Call].assign(ScopeTokenLocals.begin(),
                                 ScopeTokenLocals.end());
    if (Queries.isLinkCall(Call))
      LinkCalls.push_back(Call);
  } else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(S);
             U && Queries.isLinkCall(U)) {
    LinkCalls.push_back(U);
  }
}

void TokenFlow::walkGuarded(const Expr *Cond,
                            llvm::ArrayRef<const Stmt *> Controlled,
                            const Stmt *Owner) {
  const int Saved = CurrentGuard;
  Guards.push_back({Cond, CurrentGuard});
  CurrentGuard = static_cast<int>(Guards.size()) - 1;
  Parents.push_back(Owner);
  for (const Stmt *S : Controlled)
    walk(S);
  Parents.pop_back();
  CurrentGuard = Saved;
}

void TokenFlow::walkLambda(const LambdaExpr *L) {
  Lambdas.push_back(L);
  Parents.push_back(L);
  for (const Expr *Init : L->capture_inits())
    walk(Init);
  Parents.pop_back();
}

void TokenFlow::recordAssignment(const Expr *Target, const Expr *Value) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  if (!Ref)
    return;
  if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && isLocal(V))
    Locals[V].Definitions.push_back(Value);
}

/// Whether \p P passes the value of its child \p Child on unchanged (or
/// only copied), so the use is decided further up.
static bool passesOn(const Stmt *P, const Stmt *Child) {
  if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, FullExpr>(P))
    return true;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P))
    return Cast->getCastKind() == CK_NoOp ||
           Cast->getCastKind() == CK_DerivedToBase ||
           Cast->getCastKind() == CK_ConstructorConversion;
  if (const auto *U = dyn_cast<UnaryOperator>(P))
    return U->getOpcode() == UO_Deref;
  if (const auto *C = dyn_cast<CXXConstructExpr>(P))
    return C->getNumArgs() == 1 &&
           C->getConstructor()->isCopyOrMoveConstructor();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    // Dereferencing a smart pointer: `*p`, and `p->` before a member.
    return (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
           Op->getNumArgs() == 1 && Op->getArg(0) == Child;
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return isValueForwardingCall(Call); // std::move(x), std::as_const(x)
  return false;
}

void TokenFlow::recordUse(const DeclRefExpr *Ref, const VarDecl *V) {
  LocalUse U;
  U.Ref = Ref;
  const Stmt *Child = Ref;
  bool AddressTaken = false;
  const CXXMemberCallExpr *MemberCall = nullptr;
  size_t I = Parents.size();
  while (I > 0) {
    const Stmt *P = Parents[--I];
    if (passesOn(P, Child)) {
      Child = P;
      continue;
    }
    if (const auto *U2 = dyn_cast<UnaryOperator>(P);
        U2 && U2->getOpcode() == UO_AddrOf && !AddressTaken) {
      AddressTaken = true;
      U.AddressOf = U2;
      Child = P;
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      U.How = LocalUse::Member;
      if (I > 0)
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Parents[I - 1]);
            MC && MC->getCallee() == ME)
          MemberCall = MC;
      break;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P);
        Op && Op->getNumArgs() > 0 && Op->getArg(0) == Child) {
      if (Op->getOperator() == OO_Equal) {
        U.How = LocalUse::Assign;
        break;
      }
      if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee())) {
        U.How = LocalUse::Member;
        break;
      }
    }
    if (isa<CallExpr, CXXConstructExpr>(P)) {
      const auto *Call = cast<Expr>(P);
      const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
      for (unsigned Index = 0; Index < Args.size(); ++Index) {
        if (Args[Index] != Child)
          continue;
        U.How = AddressTaken ? LocalUse::AddressArg : LocalUse::Argument;
        U.Call = Call;
        U.Index = Index;
        U.ToTokenParameter = isTokenParameter(Call, Index);
        break;
      }
      // Otherwise it is the callee (calling a local function object).
      break;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      U.How = LocalUse::Alias;
      U.ByReference = AddressTaken;
      for (const Decl *D : DS->decls())
        if (const auto *Into = dyn_cast<VarDecl>(D);
            Into && Into->getInit() == Child)
          U.ByReference |= Into->getType()->isReferenceType();
      break;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(P)) {
      U.How = LocalUse::CopyByValue;
      auto Capture = L->capture_begin();
      for (const Expr *Init : L->capture_inits()) {
        if (Init == Child && Capture->getCaptureKind() == LCK_ByRef)
          U.How = LocalUse::CopyByRef;
        ++Capture;
      }
      break;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->isAssignmentOp())
        U.How = BO->getLHS() == Child ? LocalUse::Assign : LocalUse::Escape;
      break;
    }
    if (isa<ReturnStmt, CoreturnStmt, CoyieldExpr, CXXThrowExpr, InitListExpr,
            ParenListExpr, CXXParenListInitExpr>(P))
      U.How = LocalUse::Escape;
    break;
  }
  if (AddressTaken && U.How == LocalUse::Read)
    U.How = LocalUse::Escape; // a pointer to it kept in some expression
  LocalInfo &Info = Locals[V];
  Info.Uses.push_back(U);
  // A member call that does not hand out a token (request_stop(),
  // TryCancel()) under a condition is what cancel wiring looks like.
  if (MemberCall && CurrentGuard >= 0 &&
      !Queries.tokenHeldBy(MemberCall->getType()))
    GuardedUses.emplace_back(V, CurrentGuard);
}

//===----------------------------------------------------------------------===//
// Token parameters
//===----------------------------------------------------------------------===//

std::optional<HeldToken> tokenParameterType(ModelQueries &Q, QualType T) {
  auto Held = Q.tokenHeldBy(T);
  if (!Held || Held->How == Holding::Element)
    return std::nullopt;
  return Held;
}

/// The parameter \p P as written in the template it was instantiated from;
/// null when it is part of a pack. Generic plumbing (`T&&`, `Args&&...`,
/// `const value_type&`) was not written to take a token. The exception is
/// the (non-template) call operator of a class template: its signature is
/// the one the user wrote in the type (std::function<void(Context)>).
static const ParmVarDecl *
writtenParameter(const Expr *Call, const ParmVarDecl *P, unsigned Index) {
  const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
  if (!FD)
    return P;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Call && !FD->getPrimaryTemplate())
    return P;
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (!Pattern)
    return P;
  for (unsigned I = 0; I < Pattern->getNumParams(); ++I) {
    if (Pattern->getParamDecl(I)->isParameterPack())
      return nullptr;
    if (I == Index)
      return Pattern->getParamDecl(I);
  }
  return nullptr;
}

bool TokenFlow::isTokenParameter(const Expr *Call, unsigned Index) {
  llvm::SmallVector<TokenArgument, 2> Args = tokenArguments(Call);
  return llvm::any_of(Args,
                      [&](const TokenArgument &A) { return A.Index == Index; });
}

bool worksOnTokenItself(ModelQueries &Q, const Expr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() != OO_Call)
    return true;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(calleeOf(Call));
  return MD && (Q.tokenOfRecord(MD->getParent()) ||
                Q.sourceOfRecord(MD->getParent()));
}

llvm::SmallVector<TokenArgument, 2>
TokenFlow::tokenArguments(const Expr *Call) {
  llvm::SmallVector<TokenArgument, 2> Result;
  if (worksOnTokenItself(Queries, Call))
    return Result;
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  auto Candidates = unresolvedCandidates(Call);
  const bool Dependent = callsDependentCallable(Call);
  const FunctionProtoType *Proto = calleePrototype(Call);
  for (unsigned Index = 0; Index < Args.size(); ++Index) {
    std::optional<HeldToken> Token;
    const ParmVarDecl *Param = parameterFor(Call, Index);
    if (Param) {
      if (const ParmVarDecl *Written = writtenParameter(Call, Param, Index))
        if (tokenParameterType(Queries, Written->getType()))
          Token = tokenParameterType(Queries, Param->getType());
    } else if (!Candidates.empty()) {
      // Every overload the template may call takes a token here.
      bool All = true;
      for (const FunctionDecl *C : Candidates) {
        auto T =
            Index < C->getNumParams()
                ? tokenParameterType(Queries, C->getParamDecl(Index)->getType())
                : std::nullopt;
        All &= T.has_value();
        if (T && !Token)
          Token = T;
      }
      if (!All)
        Token.reset();
    } else if (Proto) {
      if (Index < Proto->getNumParams())
        Token = tokenParameterType(Queries, Proto->getParamType(Index));
    } else if (Dependent && !Args[Index]->isTypeDependent()) {
      Token = tokenParameterType(Queries, Args[Index]->getType());
    }
    if (Token)
      Result.push_back({Args[Index], Index, Param, *Token});
  }
  return Result;
}

//===----------------------------------------------------------------------===//
// Provenance
//===----------------------------------------------------------------------===//

Provenance TokenFlow::provenance(const Expr *E) { return of(E, 0); }

Provenance TokenFlow::provenanceOf(const ValueDecl *V) {
  if (const auto *B = dyn_cast_or_null<BindingDecl>(V))
    V = B->getDecomposedDecl();
  if (const auto *VD = dyn_cast_or_null<VarDecl>(V))
    return ofVariable(VD, 0);
  return {};
}

llvm::ArrayRef<const ValueDecl *>
TokenFlow::tokenLocalsAt(const Expr *Call) const {
  auto It = TokenLocalsAt.find(Call);
  if (It == TokenLocalsAt.end())
    return {};
  return It->second;
}

Provenance TokenFlow::held(const ValueDecl *V) {
  for (const TokenInScope &H : Holders.of(F))
    if (H.Var == V) {
      Provenance P;
      P.What = Provenance::Held;
      P.From = &H;
      return P;
    }
  return {};
}

Provenance TokenFlow::root(Provenance::RootKind How, const Expr *Origin) {
  Provenance P;
  P.What = Provenance::Root;
  P.How = How;
  P.Origin = Origin;
  if (auto Held = Queries.tokenHeldBy(Origin->getType()))
    P.Record = Held->Record;
  return P;
}

Provenance TokenFlow::defaultConstructed(const Expr *E, QualType T) {
  Provenance P;
  auto Held = Queries.tokenHeldBy(T);
  if (!Held)
    return P;
  P.Origin = E;
  P.Record = Held->Record;
  switch (Held->Spec->DefaultConstructed) {
  case model::TokenSpec::DefaultRoot::NeverCancelled:
    P.What = Provenance::Root;
    P.How = Provenance::DefaultConstructed;
    break;
  case model::TokenSpec::DefaultRoot::NewContext:
    P.What = Provenance::Root;
    P.How = Provenance::NewContext;
    break;
  case model::TokenSpec::DefaultRoot::Unknown:
    P.What = Provenance::Fresh;
    break;
  }
  return P;
}

Provenance TokenFlow::of(const Expr *E, unsigned Depth) {
  if (!E || Depth > limits::MaxProvenanceDepth)
    return {};
  // Look through what does not change which token it is.
  for (;;) {
    E = E->IgnoreParens();
    if (E->isTypeDependent() || E->isValueDependent())
      return {};
    if (E->getType()->isPointerType() &&
        E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return root(Provenance::NullPointer, E);
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case CK_NoOp:
      case CK_LValueToRValue:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_ConstructorConversion:
        E = Cast->getSubExpr();
        continue;
      default:
        return {};
      }
    }
    if (const auto *Full = dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
      continue;
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    break;
  }

  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      return ofVariable(V, Depth + 1);
    if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *V = dyn_cast_or_null<VarDecl>(B->getDecomposedDecl()))
        return ofVariable(V, Depth + 1);
    return {};
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Member = ME->getMemberDecl();
    if (isa<VarDecl>(Member)) // static data member
      return {Provenance::Foreign};
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      return {Provenance::Foreign};
    // pair.first, a field of a local aggregate holding the token
    if (Queries.tokenHeldBy(Base->getType()))
      return of(Base, Depth + 1);
    return {};
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      return of(U->getSubExpr(), Depth + 1);
    return {};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return ofCall(Call, Depth);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return ofConstruct(C, Depth);
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    if (const CXXConstructExpr *C = New->getConstructExpr()) {
      Provenance P = ofConstruct(C, Depth);
      if (P.Origin == C)
        P.Origin = New;
      return P;
    }
    return {};
  }
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    if (List->getNumInits() == 1)
      return of(List->getInit(0), Depth + 1);
    if (List->getNumInits() == 0)
      return defaultConstructed(E, E->getType());
    return {};
  }
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return of(Default->getExpr(), Depth + 1);
  if (isa<CoawaitExpr>(E) && Queries.tokenHeldBy(E->getType())) {
    // The coroutine's own token (TokensInScope counts every such co_await).
    for (const TokenInScope &H : Holders.of(F))
      if (H.From == TokenInScope::Awaited) {
        Provenance P;
        P.What = Provenance::Held;
        P.From = &H;
        return P;
      }
    return {};
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
    return join(of(Cond->getTrueExpr(), Depth + 1),
                of(Cond->getFalseExpr(), Depth + 1));
  return {};
}

Provenance TokenFlow::ofCall(const CallExpr *Call, unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return {};
  if (isValueForwardingCall(Call))
    return of(Call->getArg(0), Depth + 1);

  if (Queries.isRoot(FD))
    return root(Provenance::ModelRoot, Call);
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  if (const model::DeriveSpec *D = Queries.derivation(FD)) {
    if (D->ParentArg >= Args.size())
      return {};
    Provenance Parent = of(Args[D->ParentArg], Depth + 1);
    if (Parent.isHeldOrDerived()) {
      Parent.What = Provenance::Derived;
      return Parent;
    }
    // Derived from a root is still unrelated to the held token.
    if (Parent.What == Provenance::Root || Parent.What == Provenance::Fresh ||
        Parent.What == Provenance::LocalSource ||
        Parent.What == Provenance::Foreign)
      return Parent;
    return {};
  }
  if (Queries.isLink(FD) && Queries.tokenHeldBy(Call->getType())) {
    // A merge of the held token with others still follows the held one.
    for (const Expr *Arg : Args) {
      Provenance P = of(Arg, Depth + 1);
      if (P.isHeldOrDerived()) {
        P.What = Provenance::Derived;
        return P;
      }
    }
    return {};
  }

  if (const Expr *Object = objectOfCall(Call)) {
    // A source's token getter hands out the token of that source.
    if (const model::SourceSpec *Source =
            Queries.sourceHeldBy(Object->getType());
        Source && FD->getIdentifier() && FD->getName() == Source->TokenGetter) {
      const Expr *O = Object->IgnoreParenImpCasts();
      // `h->get_token()` on a local that std::make_shared or make_unique
      // filled owns its source as a plain local does.
      const bool ThroughOwner = ownerMadeHere(O);
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(O);
          ThroughOwner && Arrow)
        O = Arrow->getArg(0)->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(O)) {
        const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
        if (V && isLocal(V) && Queries.sourceHeldBy(V->getType()) &&
            !V->getType()->isReferenceType() &&
            (ThroughOwner || !V->getType()->isPointerType())) {
          Provenance P;
          P.What = Provenance::LocalSource;
          P.Local = V;
          return P;
        }
        if (V && V->hasGlobalStorage())
          return {Provenance::Foreign};
      }
      if (const auto *ME = dyn_cast<MemberExpr>(O);
          ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        return {Provenance::Foreign};
      return {};
    }
    // An accessor handing out the token its object holds: p.get(), *p,
    // opt.value().
    if (Args.empty()) {
      auto Result = Queries.tokenHeldBy(Call->getType());
      auto Holder = Queries.tokenHeldBy(Object->getType());
      if (Result && Holder && Result->Record == Holder->Record &&
          Holder->How != Holding::Value)
        return of(Object, Depth + 1);
    }
    return {};
  }
  // std::make_unique<T>() and the like: a template of T called without
  // arguments, returning a pointer to a new T.
  if (Args.empty())
    if (const TemplateArgumentList *TArgs =
            FD->getTemplateSpecializationArgs()) {
      auto Result = Queries.tokenHeldBy(Call->getType());
      if (Result && (Result->How == Holding::SmartPointer ||
                     Result->How == Holding::Pointer))
        for (const TemplateArgument &A : TArgs->asArray())
          if (A.getKind() == TemplateArgument::Type &&
              A.getAsType()->getAsCXXRecordDecl() == Result->Record)
            return defaultConstructed(Call, A.getAsType());
    }
  return {};
}

Provenance TokenFlow::ofConstruct(const CXXConstructExpr *C, unsigned Depth) {
  auto Token = Queries.tokenHeldBy(C->getType());
  if (!Token)
    return {};
  if (Token->How == Holding::Value) {
    if (C->getConstructor()->isCopyOrMoveConstructor() && C->getNumArgs() >= 1)
      return of(C->getArg(0), Depth + 1);
    const bool AllDefaulted = llvm::all_of(C->arguments(), [](const Expr *A) {
      return isa<CXXDefaultArgExpr>(A);
    });
    if (AllDefaulted)
      return defaultConstructed(C, C->getType());
    return {};
  }
  // unique_ptr<T>(new T), optional<T>(t): a wrapper of one token.
  if (C->getNumArgs() == 1) {
    auto Inner = Queries.tokenHeldBy(C->getArg(0)->getType());
    if (Inner && Inner->Record == Token->Record)
      return of(C->getArg(0), Depth + 1);
  }
  return {};
}

bool TokenFlow::mayBeRebound(const LocalInfo &Info) {
  return llvm::any_of(Info.Uses, [](const LocalUse &U) {
    switch (U.How) {
    case LocalUse::CopyByRef:
      return true;
    case LocalUse::Alias:
      return U.ByReference;
    case LocalUse::AddressArg:
      return !U.ToTokenParameter;
    case LocalUse::Argument: {
      if (U.ToTokenParameter)
        return false;
      const ParmVarDecl *P = parameterFor(U.Call, U.Index);
      return !P || (P->getType()->isLValueReferenceType() &&
                    !P->getType()->getPointeeType().isConstQualified());
    }
    default:
      return false;
    }
  });
}

Provenance TokenFlow::ofVariable(const VarDecl *V, unsigned Depth) {
  if (Holders.isHeld(F, V))
    return held(V);
  if (!isLocal(V)) {
    if (V->hasGlobalStorage())
      return {Provenance::Foreign};
    return {}; // a capture of an outer local, or a parameter
  }
  auto It = Locals.find(V);
  if (It == Locals.end())
    return {};
  LocalInfo &Info = It->second;
  if (Info.Memo)
    return *Info.Memo;
  if (Info.InProgress)
    return {};
  Info.InProgress = true;
  Provenance R;
  if (!mayBeRebound(Info) && !Info.Definitions.empty()) {
    bool First = true;
    // Definitions are not added after the walk, so this stays valid.
    for (const Expr *Def : Info.Definitions) {
      const Provenance P = Def ? of(Def, Depth + 1) : Provenance{};
      R = First ? P : join(R, P);
      First = false;
      if (R.What == Provenance::Unknown)
        break;
    }
  }
  if ((R.What == Provenance::Root || R.What == Provenance::Fresh) && !R.Local)
    R.Local = V;
  Info.InProgress = false;
  Info.Memo = R;
  return R;
}

//===----------------------------------------------------------------------===//
// Links
//===----------------------------------------------------------------------===//

/// Calls \p Visit on the variables \p S refers to, lambdas included through
/// their captures (and init-captures' initialisers); stops when it returns
/// true.
static bool anyVariable(const Stmt *S,
                        llvm::function_ref<bool(const VarDecl *)> Visit) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Cur)) {
      const ValueDecl *D = Ref->getDecl();
      if (const auto *B = dyn_cast<BindingDecl>(D))
        D = B->getDecomposedDecl();
      if (const auto *V = dyn_cast_or_null<VarDecl>(D); V && Visit(V))
        return true;
      continue;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(Cur)) {
      for (const CapturedEntity &C : capturesOf(L)) {
        const auto *V = dyn_cast_or_null<VarDecl>(C.Var);
        if (V && C.Init)
          Work.push_back(V->getInit());
        else if (V && Visit(V))
          return true;
      }
      continue;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return false;
}

bool TokenFlow::carriesHeld(const VarDecl *V) {
  if (Holders.isHeld(F, V))
    return true;
  auto It = Locals.find(V);
  if (It == Locals.end())
    return false;
  if (It->second.CarriesHeld >= 0)
    return It->second.CarriesHeld == 1;
  It->second.CarriesHeld = 0; // cycles carry nothing
  const bool Carries =
      llvm::any_of(It->second.Definitions,
                   [&](const Expr *Def) { return Def && readsHeld(Def); });
  Locals.find(V)->second.CarriesHeld = Carries ? 1 : 0;
  return Carries;
}

bool TokenFlow::readsHeld(const Expr *E) {
  bool Awaits = false;
  for (const TokenInScope &H : Holders.of(F))
    Awaits |= H.From == TokenInScope::Awaited;
  if (Awaits) {
    // The coroutine's own token, awaited in place.
    llvm::SmallVector<const Stmt *, 16> Work{E};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *A = dyn_cast<CoawaitExpr>(S);
          A && Queries.tokenHeldBy(A->getType()))
        return true;
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
  }
  return anyVariable(E, [&](const VarDecl *V) { return carriesHeld(V); });
}

bool TokenFlow::capturesToken(const LambdaExpr *L) {
  for (const CapturedEntity &C : capturesOf(L)) {
    const auto *V = dyn_cast_or_null<VarDecl>(C.Var);
    if (!V)
      continue;
    const Expr *Init = C.Init ? V->getInit() : nullptr;
    const Provenance P = Init ? provenance(Init) : ofVariable(V, 0);
    if (P.isHeldOrDerived())
      return true;
  }
  return false;
}

void TokenFlow::collectLocals(const Stmt *S,
                              llvm::SmallVectorImpl<const VarDecl *> &Out) {
  anyVariable(S, [&](const VarDecl *V) {
    if (isLocal(V))
      Out.push_back(V);
    return false;
  });
}

void TokenFlow::resolveLinks() {
  if (LinksResolved)
    return;
  LinksResolved = true;
  auto MarkLinked = [&](const Stmt *S, bool Certain) {
    llvm::SmallVector<const VarDecl *, 4> Vars;
    collectLocals(S, Vars);
    for (const VarDecl *V : Vars)
      if (auto It = Locals.find(V); It != Locals.end()) {
        It->second.LinkedByCall = true;
        It->second.ChildOfHeld |= Certain;
      }
  };
  // links[] calls that refer to a held token tie the locals they refer to,
  // also from inside the lambdas they receive: in a template, a lambda's
  // implicit captures are not listed, only its body names them.
  for (const Expr *Call : LinkCalls)
    if (readsHeld(Call)) {
      MarkLinked(Call, true);
      llvm::SmallVector<const Stmt *, 16> Work{Call};
      while (!Work.empty()) {
        const Stmt *S = Work.pop_back_val();
        if (!S)
          continue;
        if (const auto *L = dyn_cast<LambdaExpr>(S))
          MarkLinked(L->getBody(), true);
        for (const Stmt *Child : S->children())
          Work.push_back(Child);
      }
    }
  // So does a links[] constructor given one: `timer_handler h(token)`.
  for (auto &[V, Info] : Locals)
    if (linkedAtBirth(V))
      Info.LinkedByCall = Info.ChildOfHeld = true;
  // A lambda capturing both a held (or derived) token and a local; other
  // values computed from the held token (a reactor, a peer name) do not
  // make it wiring.
  for (const LambdaExpr *L : Lambdas)
    if (capturesToken(L))
      MarkLinked(L, false);
  // One call passing a local context and a held token to two token
  // parameters: a helper wiring them together.
  for (const Expr *Call : Calls) {
    llvm::SmallVector<TokenArgument, 2> Args = tokenArguments(Call);
    if (Args.size() < 2)
      continue;
    const bool PassesHeld = llvm::any_of(Args, [&](const TokenArgument &A) {
      return provenance(A.Arg).isHeldOrDerived();
    });
    if (!PassesHeld)
      continue;
    for (const TokenArgument &A : Args) {
      const Provenance P = provenance(A.Arg);
      if (P.Local)
        if (auto It = Locals.find(P.Local); It != Locals.end())
          It->second.LinkedByCall = true;
    }
  }
  // Member calls under conditions that read a held token.
  for (Guard &G : Guards)
    G.ReadsHeld =
        readsHeld(G.Condition) || (G.Parent >= 0 && Guards[G.Parent].ReadsHeld);
  for (const auto &[V, GuardIndex] : GuardedUses)
    if (Guards[GuardIndex].ReadsHeld)
      Locals.find(V)->second.Guarded = true;
}

bool TokenFlow::isLinked(const VarDecl *Local) {
  resolveLinks();
  auto It = Locals.find(Local);
  if (It == Locals.end())
    return true; // not ours to judge
  const LocalInfo &Info = It->second;
  if (Info.LinkedByCall || Info.Guarded)
    return true;
  return llvm::any_of(Info.Uses, [](const LocalUse &U) {
    switch (U.How) {
    case LocalUse::Alias:
    case LocalUse::Escape:
      return true;
    case LocalUse::Argument:
    case LocalUse::AddressArg:
      return !U.ToTokenParameter;
    default:
      return false;
    }
  });
}

/// `std::make_shared<T>(...)` or `std::make_unique<T>(...)`.
static const CallExpr *smartPointerMaking(const Expr *E) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(E ? ignoreValueWrappers(E) : nullptr);
  const FunctionDecl *Maker = Call ? Call->getDirectCallee() : nullptr;
  return Maker && Maker->isInStdNamespace() && Maker->getIdentifier() &&
                 (Maker->getName() == "make_shared" ||
                  Maker->getName() == "make_unique")
             ? Call
             : nullptr;
}

bool TokenFlow::ownerMadeHere(const Expr *E) const {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  if (!Op || (Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star))
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return V && isLocal(V) && !V->getType()->isReferenceType() &&
         smartPointerMaking(V->getInit());
}

bool TokenFlow::isChildOfHeld(const VarDecl *Local) {
  resolveLinks();
  auto It = Locals.find(Local);
  return It != Locals.end() && It->second.ChildOfHeld;
}

bool TokenFlow::linkedAtBirth(const VarDecl *V) {
  const Expr *Init = V->getInit() ? ignoreValueWrappers(V->getInit()) : nullptr;
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(Init))
    return Queries.isLink(C->getConstructor()) && readsHeld(C);
  const CallExpr *Call = smartPointerMaking(Init);
  if (!Call)
    return false;
  // The class made: the one template argument of the smart pointer.
  const auto *Pointer = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Call->getType()->getAsCXXRecordDecl());
  if (!Pointer || Pointer->getTemplateArgs().size() < 1 ||
      Pointer->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Made =
      Pointer->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Made &&
         llvm::any_of(
             Made->ctors(),
             [&](const CXXConstructorDecl *C) { return Queries.isLink(C); }) &&
         readsHeld(Call);
}

bool TokenFlow::isWiredToHeld(const VarDecl *Local) {
  resolveLinks();
  auto It = Locals.find(Local);
  return It != Locals.end() && It->second.LinkedByCall;
}

const DeclStmt *TokenFlow::declarationOf(const VarDecl *Local) const {
  auto It = Locals.find(Local);
  return It == Locals.end() ? nullptr : It->second.Declaration;
}

llvm::ArrayRef<LocalUse> TokenFlow::usesOf(const VarDecl *Local) const {
  auto It = Locals.find(Local);
  if (It == Locals.end())
    return {};
  return It->second.Uses;
}

} // namespace cancellint::analysis
