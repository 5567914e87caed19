//===--- LoopExits.cpp - Does control go round the loop again? -----------===//
#include "LoopExits.h"
#include "CallArguments.h"
#include "DoneSignals.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/BitVector.h"

using namespace clang;

namespace cancellint::analysis {

//===--- FunctionCFGs -----------------------------------------------------===//

const FunctionCFGs::Entry *FunctionCFGs::entry(const FunctionDecl *FD) {
  if (!FD || !FD->hasBody())
    return nullptr;
  FD = FD->getDefinition() ? FD->getDefinition() : FD;
  auto [It, Inserted] = Cache.try_emplace(FD);
  Entry &E = It->second;
  if (!Inserted)
    return E.Paths ? &E : nullptr;
  E.Paths = FunctionPaths::build(FD, FD->getASTContext());
  if (E.Paths && E.Paths->cfg().getNumBlockIDs() > MaxBlocks)
    E.Paths.reset();
  if (!E.Paths)
    return nullptr;
  for (const CFGBlock *B : E.Paths->cfg()) {
    if (const Stmt *L = B->getLabel())
      E.Labels.try_emplace(L, B);
    if (const Stmt *T = B->getTerminatorStmt())
      E.Terminators.try_emplace(T, B);
  }
  return &E;
}

const CFG *FunctionCFGs::get(const FunctionDecl *FD) {
  const Entry *E = entry(FD);
  return E ? &E->Paths->cfg() : nullptr;
}

const CFGBlock *FunctionCFGs::blockLabelled(const FunctionDecl *FD,
                                            const Stmt *Label) {
  const Entry *E = entry(FD);
  return E ? E->Labels.lookup(Label) : nullptr;
}

const CFGBlock *FunctionCFGs::blockTerminatedBy(const FunctionDecl *FD,
                                                const Stmt *Terminator) {
  const Entry *E = entry(FD);
  return E ? E->Terminators.lookup(Terminator) : nullptr;
}

//===--- Where a statement sits -------------------------------------------===//

static const Stmt *loopBody(const Stmt *S) {
  if (const auto *F = dyn_cast<ForStmt>(S))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(S))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(S))
    return R->getBody();
  return nullptr;
}

LoopContext enclosingLoop(ASTContext &Ctx, const Stmt *S) {
  LoopContext Out;
  DynTypedNode Node = DynTypedNode::create(*S);
  const Stmt *Prev = S;
  for (int Steps = 0; Steps < 256; ++Steps) {
    const DynTypedNodeList Parents = Ctx.getParents(Node);
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

const Expr *roundCondition(const Stmt *Loop) {
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return F->getCond();
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    return W->getCond();
  return nullptr;
}

//===--- LoopConditionReads -----------------------------------------------===//

LoopConditionReads::LoopConditionReads(const Stmt *Loop) {
  llvm::SmallVector<const Stmt *, 16> Work;
  if (const Expr *Cond = loopCondition(Loop))
    Work.push_back(Cond);
  for (unsigned Steps = 0; !Work.empty() && Steps < 512; ++Steps) {
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

//===--- Walks ------------------------------------------------------------===//

const llvm::DenseSet<const Stmt *> &LoopExits::statementsOf(const Stmt *S) {
  std::unique_ptr<llvm::DenseSet<const Stmt *>> &Set = Statements[S];
  if (Set)
    return *Set;
  Set = std::make_unique<llvm::DenseSet<const Stmt *>>();
  llvm::SmallVector<const Stmt *, 64> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur || !Set->insert(Cur).second)
      continue;
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return *Set;
}

namespace {

using WorkList =
    llvm::SmallVector<std::pair<const CFGBlock *, const CFGBlock *>, 32>;

bool isTwoWayBranch(const CFGBlock &B) {
  const Stmt *T = B.getTerminatorStmt();
  return T && B.succ_size() == 2 &&
         isa<IfStmt, WhileStmt, ForStmt, DoStmt, ConditionalOperator,
             BinaryConditionalOperator, BinaryOperator>(T);
}

/// Pushes the successors of \p B that \p Rules let a path take; returns
/// false when the branch settles the path instead.
bool pushSuccessors(const CFGBlock &B, const WalkRules &Rules,
                    const Stmt *Loop, WorkList &Work) {
  if (isTwoWayBranch(B)) {
    Follow F = Follow::Both;
    const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    if (Cond && Rules.Branch)
      F = Rules.Branch(Cond, Loop && B.getTerminatorStmt() == Loop);
    if (F == Follow::Neither)
      return false;
    auto Succ = B.succ_begin();
    if (F != Follow::FalseOnly)
      Work.push_back({Succ[0].getReachableBlock(), &B});
    if (F != Follow::TrueOnly)
      Work.push_back({Succ[1].getReachableBlock(), &B});
    return true;
  }
  // A switch on the signal itself decides on it in its cases.
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(B.getTerminatorStmt());
      Switch && Switch->getCond() && Rules.Branch &&
      Rules.Branch(Switch->getCond(), false) == Follow::Neither)
    return false;
  for (const CFGBlock::AdjacentBlock &Succ : B.succs())
    Work.push_back({Succ.getReachableBlock(), &B});
  return true;
}

} // namespace

const Stmt *findEvaluated(const Stmt *S,
                          llvm::function_ref<bool(const Stmt *)> Pred) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  for (unsigned Steps = 0; !Work.empty() && Steps < 4096; ++Steps) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (Pred(Cur))
      return Cur;
    if (isa<LambdaExpr, BlockExpr>(Cur))
      continue;
    // Source order: push children in reverse.
    llvm::SmallVector<const Stmt *, 8> Children(Cur->child_begin(),
                                                Cur->child_end());
    Work.append(Children.rbegin(), Children.rend());
  }
  return nullptr;
}

namespace {

bool endsIn(const CFGBlock &B, const WalkRules &Rules) {
  if (!Rules.Ends)
    return false;
  for (const CFGElement &El : B)
    if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
      if (findEvaluated(CS->getStmt(), Rules.Ends))
        return true;
  return false;
}

} // namespace

LoopWalk LoopExits::walk(const CFG &G, const CFGBlock *From, const Stmt *Loop,
                         const WalkRules &Rules) {
  LoopWalk Out;
  const llvm::DenseSet<const Stmt *> &InLoop = statementsOf(Loop);
  const llvm::DenseSet<const Stmt *> *InRegion =
      Rules.Region ? &statementsOf(Rules.Region) : nullptr;
  llvm::BitVector Seen(G.getNumBlockIDs());
  WorkList Work{{From, nullptr}};
  while (!Work.empty()) {
    auto [B, Pred] = Work.pop_back_val();
    if (!B || Seen.test(B->getBlockID()))
      continue;
    Seen.set(B->getBlockID());
    if (B == &G.getExit()) {
      Out.Leaves = true;
      continue;
    }
    if (const Stmt *Target = B->getLoopTarget()) {
      if (Target == Loop) {
        // The back edge: the loop goes round unless its condition, in the
        // cancelled state, ends it (do-while conditions were met already).
        Follow F = Follow::Both;
        if (const Expr *Cond = roundCondition(Loop); Cond && Rules.Branch)
          F = Rules.Branch(Cond, /*LoopCondition=*/true);
        if (F == Follow::FalseOnly) {
          Out.Leaves = true;
        } else if (F == Follow::Neither) {
          Out.Ends = true;
        } else if (!Out.GoesRound) {
          Out.GoesRound = true;
          const Stmt *PredEnd = Pred ? Pred->getTerminatorStmt() : nullptr;
          Out.BackEdge =
              PredEnd && isa<ContinueStmt>(PredEnd) ? PredEnd : Loop;
        }
        continue;
      }
      if (!InLoop.count(Target)) { // the back edge of a loop around Loop
        Out.Leaves = true;
        continue;
      }
    }
    bool Any = false, InL = false, InR = false;
    auto Note = [&](const Stmt *S) {
      if (!S)
        return;
      Any = true;
      InL |= InLoop.count(S) != 0;
      InR |= InRegion && InRegion->count(S);
    };
    for (const CFGElement &El : *B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        Note(CS->getStmt());
    Note(B->getTerminatorStmt());
    Note(B->getLabel());
    if (Any && !InL) {
      Out.Leaves = true;
      continue;
    }
    if (Any && InRegion && !InR) {
      Out.Continues = true;
      continue;
    }
    if (endsIn(*B, Rules) || !pushSuccessors(*B, Rules, Loop, Work))
      Out.Ends = true;
  }
  return Out;
}

const Stmt *
LoopExits::firstReachable(const CFG &G, const WalkRules &Rules,
                          llvm::function_ref<bool(const Stmt *)> IsTarget) {
  llvm::BitVector Seen(G.getNumBlockIDs());
  WorkList Work{{&G.getEntry(), nullptr}};
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val().first;
    if (!B || Seen.test(B->getBlockID()))
      continue;
    Seen.set(B->getBlockID());
    bool Ended = false;
    for (const CFGElement &El : *B) {
      std::optional<CFGStmt> CS = El.getAs<CFGStmt>();
      if (!CS)
        continue;
      if (const Stmt *Found = findEvaluated(CS->getStmt(), IsTarget))
        return Found;
      if (Rules.Ends && findEvaluated(CS->getStmt(), Rules.Ends)) {
        Ended = true;
        break;
      }
    }
    if (!Ended)
      pushSuccessors(*B, Rules, nullptr, Work);
  }
  return nullptr;
}

} // namespace cancellint::analysis
