//===--- Loops.cpp - The loop around a statement, and what decides it ----===//
#include "Loops.h"
#include "CallArguments.h"
#include "DoneSignals.h"
#include "Expressions.h"
#include "Limits.h"
#include "NoReturn.h"
#include "Parents.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace cancellint::analysis {

//===--- Where a statement sits -------------------------------------------===//

LoopContext enclosingLoop(ASTContext &Ctx, const Stmt *S) {
  LoopContext Out;
  DynTypedNode Node = DynTypedNode::create(*S);
  const Stmt *Prev = S;
  for (unsigned Steps = 0; Steps < limits::MaxParentSteps; ++Steps) {
    const DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return Out;
    Node = Parents[0];
    if (const auto *P = Node.get<Stmt>()) {
      if (const auto *L = dyn_cast<LambdaExpr>(P)) {
        Out.Function = L->getCallOperator();
        return Out;
      }
      if (!Out.Loop && Prev && loopBody(P) == Prev)
        Out.Loop = P;
      Prev = P;
      continue;
    }
    Prev = nullptr;
    if (const auto *FD = Node.get<FunctionDecl>()) {
      Out.Function = FD;
      return Out;
    }
    // Blocks, captured statements, Objective-C methods: not walked here.
    if (Node.get<BlockDecl>() || Node.get<CapturedDecl>() ||
        Node.get<ObjCMethodDecl>())
      return {};
    // Other declarations (a variable whose initialiser holds S) sit in a
    // statement of the same function: keep going.
  }
  return Out;
}

const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *D = dyn_cast<DoStmt>(Loop))
    return D->getCond();
  return roundCondition(Loop);
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(Loop))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop))
    return R->getBody();
  return nullptr;
}

const Expr *roundCondition(const Stmt *Loop) {
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return F->getCond();
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    return W->getCond();
  return nullptr;
}

//===--- Loops with no exit -----------------------------------------------===//

/// Whether \p S holds a statement that leaves the loop whose body it is:
/// its own break (not one of a nested loop or switch), a return, co_return,
/// throw or goto, or a noreturn call. Lambdas run elsewhere.
static bool leavesLoop(const Stmt *S, bool BreakLeaves) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, IndirectGotoStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  if (neverReturns(S))
    return true;
  // A break inside a nested loop or switch leaves that one.
  const bool Nested =
      isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leavesLoop(Child, BreakLeaves && !Nested))
      return true;
  return false;
}

bool hasNoExit(const Stmt *Loop, const ASTContext &Ctx) {
  const Expr *Cond = loopCondition(Loop);
  if (!Loop || isa<CXXForRangeStmt>(Loop))
    return false; // a range-for ends with its range
  if (Cond) {
    bool Value = false;
    if (Cond->isValueDependent() || !Cond->EvaluateAsBooleanCondition(Value, Ctx) ||
        !Value)
      return false;
  }
  return !leavesLoop(loopBody(Loop), true);
}

//===--- LoopConditionReads -----------------------------------------------===//

LoopConditionReads::LoopConditionReads(const Stmt *Loop) {
  llvm::SmallVector<const Stmt *, 16> Work;
  if (const Expr *Cond = loopCondition(Loop))
    Work.push_back(Cond);
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxExpressionNodes;
       ++Steps) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Vars.insert(DRE->getDecl());
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && VD->hasGlobalStorage())
        ReadsOpaque = true; // any call may change a global
    } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        Vars.insert(ME->getMemberDecl());
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      if (const Expr *Obj = MC->getImplicitObjectArgument();
          Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
        CallsMember = true;
    } else if (isa<CallExpr>(S) && !isa<CXXOperatorCallExpr>(S)) {
      ReadsOpaque = true; // a free function may read anything
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  // The variables the branches of the body decide on (`if (failed)
  // break;`): setting them is how a loop is often told to end.
  if (const Stmt *Body = loopBody(Loop))
    findEvaluated(Body, [&](const Stmt *S) {
      const Expr *Cond = nullptr;
      if (const auto *If = dyn_cast<IfStmt>(S))
        Cond = If->getCond();
      else if (const auto *CO = dyn_cast<ConditionalOperator>(S))
        Cond = CO->getCond();
      else if (S != Loop && isa<ForStmt, WhileStmt, DoStmt>(S))
        Cond = loopCondition(S);
      if (Cond)
        findEvaluated(Cond, [&](const Stmt *C) {
          if (const auto *DRE = dyn_cast<DeclRefExpr>(C);
              DRE && isa<VarDecl>(DRE->getDecl()))
            Vars.insert(DRE->getDecl());
          else if (const auto *ME = dyn_cast<MemberExpr>(C);
                   ME && isa<FieldDecl>(ME->getMemberDecl()) &&
                   isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
            Vars.insert(ME->getMemberDecl());
          return false;
        });
      return false;
    });
}

bool LoopConditionReads::touches(const Expr *Target) const {
  const ValueDecl *Root = DoneSignals::rootVariable(Target);
  if (Root && Vars.count(Root))
    return true;
  if (CallsMember && Root && isa<FieldDecl>(Root))
    return true;
  if (ReadsOpaque) {
    const auto *VD = dyn_cast_or_null<VarDecl>(Root);
    return !Root || (VD && VD->hasGlobalStorage());
  }
  return false;
}

static bool isThis(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  return isa<CXXThisExpr>(E);
}

bool LoopConditionReads::mayChange(const Stmt *S) const {
  if (Vars.empty() && !CallsMember && !ReadsOpaque)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() && touches(BO->getLHS());
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() && touches(UO->getSubExpr());
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    const OverloadedOperatorKind K = Op->getOperator();
    if ((Op->isAssignmentOp() || K == OO_PlusPlus || K == OO_MinusMinus) &&
        Op->getNumArgs() >= 1)
      return touches(Op->getArg(0));
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && !MD->isConst() && Obj &&
        (touches(Obj) || (CallsMember && isThis(Obj))))
      return true;
  }
  if (ReadsOpaque && !isa<CXXOperatorCallExpr>(Call))
    return true;
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  for (unsigned I = 0; I < Args.size(); ++I) {
    const ParmVarDecl *P = parameterFor(Call, I);
    if (!P)
      continue;
    const QualType T = P->getType();
    const bool Writable =
        (T->isLValueReferenceType() && !T.getNonReferenceType().isConstQualified()) ||
        (T->isPointerType() && !T->getPointeeType().isConstQualified());
    if (Writable && (touches(Args[I]) || ((CallsMember || !Vars.empty()) &&
                                          isThis(Args[I]))))
      return true;
  }
  return false;
}

} // namespace cancellint::analysis
