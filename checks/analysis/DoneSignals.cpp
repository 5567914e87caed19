//===--- DoneSignals.cpp - Where done signals go, what code makes of them -===//
#include "DoneSignals.h"
#include "Expressions.h"
#include "Limits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/FoldingSet.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

/// `a == b` / `a != b` in any of its shapes: built-in, overloaded, or
/// rewritten by C++20 (`ec != x` as `!(ec == x)`).
struct Equality {
  bool Equal = true;
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
};

std::optional<Equality> asEquality(const Expr *E) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)
      return Equality{BO->getOpcode() == BO_EQ, BO->getLHS(), BO->getRHS()};
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    const OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_EqualEqual || K == OO_ExclaimEqual) && Op->getNumArgs() == 2)
      return Equality{K == OO_EqualEqual, Op->getArg(0), Op->getArg(1)};
    return std::nullopt;
  }
  if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    const CXXRewrittenBinaryOperator::DecomposedForm F = RW->getDecomposedForm();
    if (F.Opcode == BO_EQ || F.Opcode == BO_NE)
      return Equality{F.Opcode == BO_EQ, F.LHS, F.RHS};
  }
  return std::nullopt;
}

Verdict negate(Verdict V) {
  if (V == Verdict::True)
    return Verdict::False;
  if (V == Verdict::False)
    return Verdict::True;
  return V;
}

Verdict both(Verdict A, Verdict B) {
  if (A == Verdict::False || B == Verdict::False)
    return Verdict::False;
  if (A == Verdict::True && B == Verdict::True)
    return Verdict::True;
  if (A == Verdict::Decided || B == Verdict::Decided)
    return Verdict::Decided;
  return Verdict::Unknown;
}

Verdict either(Verdict A, Verdict B) {
  return negate(both(negate(A), negate(B)));
}

const Expr *skipWrappers(const Expr *E) {
  return E ? E->IgnoreUnlessSpelledInSource() : nullptr;
}

/// `std::move(x)`, `std::forward<T>(x)`, `&x`, copies: still x.
const Expr *skipMovesAndCopies(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = skipWrappers(E);
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && isValueForwardingCall(Call)) {
      E = Call->getArg(0);
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor()) {
      E = CE->getArg(0);
      continue;
    }
    return E;
  }
  return E;
}

/// What an object expression is read from: a variable (`s` in
/// `s.error_code()`, `p` in `p->flag`), or a member of `*this`.
struct ObjectRoot {
  const ValueDecl *Decl = nullptr; ///< the variable, or the member of *this
  const DeclRefExpr *Ref = nullptr; ///< the reference to the variable
  bool OfThis = false;
};

ObjectRoot objectRoot(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < limits::MaxWrapperDepth; ++Depth) {
    E = skipWrappers(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return {DRE->getDecl(), DRE, false};
    if (isa<CXXThisExpr>(E))
      return {nullptr, nullptr, true};
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        return {ME->getMemberDecl(), nullptr, true};
      E = ME->getBase();
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
               MC && MC->getNumArgs() == 0) {
      E = MC->getImplicitObjectArgument();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->getNumArgs() == 1 &&
               (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star)) {
      E = Op->getArg(0);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref) {
      E = UO->getSubExpr();
    } else {
      return {};
    }
  }
  return {};
}

bool refersTo(const Expr *E, const ValueDecl *Var) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(skipMovesAndCopies(E));
  return DRE && DRE->getDecl() == Var;
}

} // namespace

const ValueDecl *namedConstant(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(skipWrappers(E));
  if (!DRE)
    return nullptr;
  const ValueDecl *D = DRE->getDecl();
  if (isa<EnumConstantDecl>(D))
    return D;
  if (const auto *VD = dyn_cast<VarDecl>(D);
      VD && VD->hasGlobalStorage() && VD->getType().isConstQualified())
    return D;
  return nullptr;
}

/// \p E under any number of `!`.
static const Expr *withoutNegations(const Expr *E) {
  E = E->IgnoreParens();
  while (const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts())) {
    if (UO->getOpcode() != UO_LNot)
      break;
    E = UO->getSubExpr()->IgnoreParens();
  }
  return E;
}

bool readsStopFlag(const Expr *E) {
  if (!E)
    return false;
  E = withoutNegations(E);
  if (!E->getType()->isBooleanType())
    return false;
  // `if (!host)` on a raw pointer tests for null: nothing sets it to stop.
  if (E->IgnoreParenImpCasts()->getType()->isAnyPointerType())
    return false;
  // The conversion of an atomic<bool> or of a flag object is implicit; a
  // call with arguments computes something rather than reading a flag.
  const Expr *Base = skipWrappers(E);
  if (const auto *Call = dyn_cast<CallExpr>(Base);
      Call && (!isa<CXXMemberCallExpr>(Call) || Call->getNumArgs() != 0))
    return false;
  const ObjectRoot Root = objectRoot(Base);
  if (Root.OfThis)
    return true; // a member: another handler or stop() may set it
  const auto *VD = dyn_cast_or_null<VarDecl>(Root.Decl);
  if (!VD)
    return false;
  // Shared with someone who can set it: a global, a capture, or an object
  // reached through a reference or pointer.
  return VD->hasGlobalStorage() || Root.Ref->refersToEnclosingVariableOrCapture() ||
         VD->getType()->isReferenceType() || VD->getType()->isPointerType();
}

const FieldDecl *stopFlagMember(const Expr *E) {
  if (!readsStopFlag(E))
    return nullptr;
  const ObjectRoot Root = objectRoot(skipWrappers(withoutNegations(E)));
  return Root.OfThis ? dyn_cast_or_null<FieldDecl>(Root.Decl) : nullptr;
}

llvm::ArrayRef<const EnumConstantDecl *>
DoneSignals::doneEnumerators(QualType T) {
  if (T.isNull())
    return {};
  return doneEnumerators(T.getCanonicalType()->getAsEnumDecl());
}

llvm::ArrayRef<const EnumConstantDecl *>
DoneSignals::doneEnumerators(const EnumDecl *ED) {
  if (ED)
    ED = ED->getDefinition();
  if (!ED)
    return {};
  auto [It, Inserted] = DoneByEnum.try_emplace(ED);
  if (Inserted)
    for (const EnumConstantDecl *EC : ED->enumerators())
      if (Queries.isDoneValue(EC))
        It->second.push_back(EC);
  return It->second;
}

std::vector<const EnumConstantDecl *>
DoneSignals::doneValuesWithoutCase(const SwitchStmt *S) {
  std::vector<const EnumConstantDecl *> Out;
  const Expr *Cond = S->getCond();
  if (!Cond)
    return Out;
  const llvm::ArrayRef<const EnumConstantDecl *> Done =
      doneEnumerators(Cond->IgnoreParenImpCasts()->getType());
  if (Done.empty())
    return Out;
  struct Range {
    llvm::APSInt Low, High;
  };
  llvm::SmallVector<Range, 16> Cases;
  for (const SwitchCase *SC = S->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase()) {
    const auto *CS = dyn_cast<CaseStmt>(SC);
    if (!CS)
      continue;
    // Scoped enumerators are no integer constant expressions: evaluate.
    Expr::EvalResult Low, High;
    if (!CS->getLHS()->EvaluateAsInt(Low, Ctx))
      return {}; // a case we cannot read: say nothing about this switch
    if (!CS->getRHS())
      High = Low;
    else if (!CS->getRHS()->EvaluateAsInt(High, Ctx))
      return {};
    Cases.push_back({Low.Val.getInt(), High.Val.getInt()});
  }
  for (const EnumConstantDecl *EC : Done) {
    const llvm::APSInt &V = EC->getInitVal();
    const bool Covered = llvm::any_of(Cases, [&](const Range &R) {
      return llvm::APSInt::compareValues(R.Low, V) <= 0 &&
             llvm::APSInt::compareValues(V, R.High) <= 0;
    });
    if (!Covered)
      Out.push_back(EC);
  }
  return Out;
}

bool DoneSignals::chainTests(const Expr *Cond, const Expr *&Subject,
                             std::vector<const EnumConstantDecl *> &Tested) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_LOr)
    return chainTests(BO->getLHS(), Subject, Tested) &&
           chainTests(BO->getRHS(), Subject, Tested);
  std::optional<Equality> Eq = asEquality(Cond);
  if (!Eq || !Eq->Equal)
    return false;
  const Expr *Other = Eq->LHS;
  const auto *EC = dyn_cast_or_null<EnumConstantDecl>(namedConstant(Eq->RHS));
  if (!EC) {
    Other = Eq->RHS;
    EC = dyn_cast_or_null<EnumConstantDecl>(namedConstant(Eq->LHS));
  }
  if (!EC || namedConstant(Other))
    return false;
  if (!Subject) {
    Subject = Other;
    if (doneEnumerators(dyn_cast<EnumDecl>(EC->getDeclContext())).empty())
      return false;
  } else if (!sameSubject(Subject, Other)) {
    return false;
  }
  Tested.push_back(EC);
  return true;
}

std::optional<DoneSignals::ElseChain>
DoneSignals::elseChain(const IfStmt *First) {
  ElseChain Chain;
  std::vector<const EnumConstantDecl *> Tested;
  const IfStmt *If = First;
  for (unsigned Links = 0; If && Links < limits::MaxElseIfChain; ++Links) {
    if (If->isConsteval() || If->isConstexpr() || If->getConditionVariable() ||
        !If->getCond() || !chainTests(If->getCond(), Chain.Subject, Tested))
      return std::nullopt;
    const Stmt *Else = If->getElse();
    if (!Else)
      return std::nullopt; // no final else: nothing is swallowed by it
    if (const auto *Next = dyn_cast<IfStmt>(Else)) {
      If = Next;
      continue;
    }
    Chain.Last = If;
    break;
  }
  if (!Chain.Last || Tested.empty())
    return std::nullopt;
  for (const EnumConstantDecl *Done :
       doneEnumerators(dyn_cast<EnumDecl>(Tested.front()->getDeclContext()))) {
    const bool IsTested = llvm::any_of(Tested, [&](const EnumConstantDecl *T) {
      return llvm::APSInt::isSameValue(T->getInitVal(), Done->getInitVal());
    });
    if (!IsTested)
      Chain.Unhandled.push_back(Done);
  }
  if (Chain.Unhandled.empty())
    return std::nullopt;
  return Chain;
}

bool DoneSignals::sameSubject(const Expr *A, const Expr *B) const {
  if (!A || !B)
    return false;
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (A->getStmtClass() != B->getStmtClass())
    return false;
  llvm::FoldingSetNodeID IA, IB;
  A->Profile(IA, Ctx, /*Canonical=*/true);
  B->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

bool DoneSignals::mentions(const Expr *E, const DoneCarrier &C) const {
  if (!E || (!C.Var && !C.Subject))
    return false;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxExpressionNodes;
       ++Steps) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && C.Var &&
                                                    DRE->getDecl() == C.Var)
      return true;
    if (const auto *SE = dyn_cast<Expr>(S); SE && sameSubject(SE, C.Subject))
      return true;
    if (isa<LambdaExpr>(S))
      continue;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

bool DoneSignals::isDoneCheckCall(const Expr *E) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return MC && Queries.isDoneCheck(MC->getMethodDecl());
}

bool DoneSignals::containsDoneCheck(const Stmt *S, unsigned Depth) {
  if (!S || Depth > limits::MaxConditionDepth)
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && isDoneCheckCall(E))
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return containsDoneCheck(Child, Depth + 1);
  });
}

Verdict DoneSignals::comparison(const Expr *E, const DoneCarrier &C,
                                bool LoopCondition) {
  std::optional<Equality> Eq = asEquality(E);
  if (!Eq)
    return Verdict::Unknown;
  const ValueDecl *K = namedConstant(Eq->RHS);
  const Expr *Other = Eq->LHS;
  if (!K || namedConstant(Other)) {
    K = namedConstant(Eq->LHS);
    Other = Eq->RHS;
  }
  if (!K || namedConstant(Other))
    return mentions(E, C) ? Verdict::Decided : Verdict::Unknown;
  const bool AboutCarrier = mentions(Other, C);
  if (Queries.isDoneValue(K)) {
    // Something else compared with a done value: the code looks at a
    // cancellation we do not follow.
    if (!AboutCarrier)
      return Verdict::Decided;
    // A branch entered because the signal is a done value handles the
    // cancellation on purpose (`if (ec == operation_aborted) { reconnect();
    // return; }`); `ec != operation_aborted` only steps around it.
    if (Eq->Equal)
      return LoopCondition ? Verdict::True : Verdict::Decided;
    return Verdict::False;
  }
  if (!AboutCarrier)
    return Verdict::Unknown;
  // A done signal equals no other enumerator.
  if (isa<EnumConstantDecl>(K))
    return Eq->Equal ? Verdict::False : Verdict::True;
  return Verdict::Decided;
}

Verdict DoneSignals::onceCancelled(const Expr *Cond, const DoneCarrier &C,
                                   bool LoopCondition) {
  if (!Cond)
    return Verdict::Unknown;
  const Expr *E = Cond->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot)
    return negate(onceCancelled(UO->getSubExpr(), C, LoopCondition));
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Exclaim && Op->getNumArgs() == 1)
    return negate(onceCancelled(Op->getArg(0), C, LoopCondition));
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_LAnd)
      return both(onceCancelled(BO->getLHS(), C, LoopCondition),
                  onceCancelled(BO->getRHS(), C, LoopCondition));
    if (BO->getOpcode() == BO_LOr)
      return either(onceCancelled(BO->getLHS(), C, LoopCondition),
                    onceCancelled(BO->getRHS(), C, LoopCondition));
  }
  // Likewise a branch entered on a done check handles the request; a loop
  // condition testing it ends the loop.
  if (isDoneCheckCall(E))
    return LoopCondition ? Verdict::True : Verdict::Decided;
  if (const Verdict V = comparison(E, C, LoopCondition); V != Verdict::Unknown)
    return V;
  if (containsDoneCheck(E, 0))
    return Verdict::Decided;
  if (const auto *Ok = dyn_cast<CXXMemberCallExpr>(E);
      Ok && C.OkMeansSuccess && C.Var && Ok->getNumArgs() == 0 &&
      Ok->getMethodDecl() && Ok->getMethodDecl()->getIdentifier() &&
      Ok->getMethodDecl()->getName() == "ok" &&
      objectRoot(Ok->getImplicitObjectArgument()).Decl == C.Var)
    return Verdict::False;
  if (mentions(E, C)) {
    // `if (ec)`: an error code converts to true when it holds an error.
    const Expr *Plain = skipWrappers(E);
    bool IsCarrier = false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Plain))
      IsCarrier = C.Var && DRE->getDecl() == C.Var;
    if (!IsCarrier)
      IsCarrier = sameSubject(Plain, C.Subject);
    if (IsCarrier && C.TruthyOnError)
      return Verdict::True;
    return Verdict::Decided;
  }
  if (readsStopFlag(E))
    return LoopCondition ? Verdict::Unknown : Verdict::Decided;
  return Verdict::Unknown;
}

const ValueDecl *DoneSignals::rootVariable(const Expr *E) {
  return objectRoot(E).Decl;
}

bool DoneSignals::handsOn(const Stmt *S, const ValueDecl *Var) {
  if (!S || !Var)
    return false;
  const auto *Call = dyn_cast<CallExpr>(S);
  // Operators are logging or arithmetic (`LOG(ERROR) << status`), not a
  // hand-over.
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return false;
  const ValueDecl *Origin = nullptr;
  if (const auto *VD = dyn_cast<VarDecl>(Var); VD && VD->getInit())
    Origin = rootVariable(VD->getInit());
  for (const Expr *Arg : Call->arguments())
    if (refersTo(Arg, Var) || (Origin && refersTo(Arg, Origin)))
      return canStopLoop(Call->getDirectCallee());
  return false;
}

bool DoneSignals::canStopLoop(const FunctionDecl *FD) {
  // Calls through pointers and unresolved calls: not known, so they count.
  if (!FD)
    return true;
  return FD->isNoReturn() || !FD->getReturnType()->isVoidType() ||
         mayThrow(FD, 0);
}

bool DoneSignals::mayThrow(const FunctionDecl *FD, unsigned Depth) {
  const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
  if (Proto && Proto->isNothrow())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Def = FD->getDefinition();
  // Library functions report; they do not end the caller's loop.
  if (SM.isInSystemHeader((Def ? Def : FD)->getLocation()))
    return false;
  if (!Def || !Def->getBody())
    return true; // user code elsewhere: it may
  if (Depth > limits::MaxCallDepth)
    return true;
  auto [It, Inserted] = MayThrow.try_emplace(Def, false);
  if (!Inserted)
    return It->second; // known, or being computed (a cycle adds nothing)
  const bool Throws = findEvaluated(Def->getBody(), [&](const Stmt *S) {
    if (isa<CXXThrowExpr>(S))
      return true;
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && !isa<CXXOperatorCallExpr>(Call) &&
           mayThrow(Callee, Depth + 1);
  }) != nullptr;
  MayThrow[Def] = Throws;
  return Throws;
}

Follow branchesFor(Verdict V) {
  switch (V) {
  case Verdict::True:
    return Follow::TrueOnly;
  case Verdict::False:
    return Follow::FalseOnly;
  case Verdict::Decided:
    return Follow::Neither;
  case Verdict::Unknown:
    break;
  }
  return Follow::Both;
}

} // namespace cancellint::analysis
