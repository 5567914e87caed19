//===--- FunctionPaths.cpp - Path questions on one function's CFG --------===//
#include "FunctionPaths.h"
#include "Expressions.h"
#include "Limits.h"
#include "Loops.h"
#include "NoReturn.h"
#include "Parents.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

using namespace clang;

namespace cancellint::analysis {

/// Whether \p Body holds code clang could not make sense of: building a
/// CFG over it is not safe, and paths through it would mean nothing.
static bool containsErrors(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

std::unique_ptr<FunctionPaths> FunctionPaths::build(const Decl *D,
                                                    ASTContext &Ctx) {
  Stmt *Body = D ? D->getBody() : nullptr;
  if (!Body || D->isInvalidDecl() || containsErrors(Body))
    return nullptr;
  CFG::BuildOptions Options;
  // Implicit and temporary destructors so that destructors marked
  // [[noreturn]] end paths; lifetime ends so that locals with trivial
  // destructors also show where their life ends.
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddLifetime = true;
  std::unique_ptr<CFG> Graph = CFG::buildCFG(D, Body, &Ctx, Options);
  if (!Graph)
    return nullptr;

  std::unique_ptr<FunctionPaths> Result(new FunctionPaths());
  Result->D = D;
  Result->Ctx = &Ctx;
  for (const CFGBlock *B : *Graph) {
    for (unsigned I = 0, N = B->size(); I < N; ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      const Stmt *St = S->getStmt();
      Result->StmtPoints.try_emplace(St, CFGPoint{B, I});
      if (const auto *DS = dyn_cast<DeclStmt>(St))
        for (const Decl *Dcl : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(Dcl))
            Result->DeclPoints.try_emplace(VD, CFGPoint{B, I});
    }
  }
  // The CFG splits `T a = x, b = y;` into one synthetic DeclStmt per
  // variable; statements inside the original map to the first of them.
  for (const auto &[Synthetic, Original] : Graph->synthetic_stmts()) {
    auto It = Result->StmtPoints.find(Synthetic);
    if (It != Result->StmtPoints.end())
      Result->StmtPoints.try_emplace(Original, It->second);
  }
  for (const CFGBlock *B : *Graph) {
    if (const Stmt *L = B->getLabel())
      Result->Labels.try_emplace(L, B);
    if (const Stmt *T = B->getTerminatorStmt())
      Result->Terminators.try_emplace(T, B);
  }
  Result->Graph = std::move(Graph);
  return Result;
}

std::optional<CFGPoint> FunctionPaths::pointOf(const Stmt *S) const {
  for (const Stmt *Cur = S; Cur;) {
    auto It = StmtPoints.find(Cur);
    if (It != StmtPoints.end())
      return It->second;
    // Built on the first question that needs it: many functions only ask
    // about CFG elements, and the unit keeps every function's paths.
    if (!Parents)
      Parents = std::make_unique<ParentMap>(D->getBody());
    Cur = Parents->getParent(Cur);
  }
  return std::nullopt;
}

std::optional<CFGPoint> FunctionPaths::pointOfDecl(const VarDecl *VD) const {
  auto It = DeclPoints.find(VD);
  if (It == DeclPoints.end())
    return std::nullopt;
  return It->second;
}

const CFGBlock *FunctionPaths::blockLabelled(const Stmt *Label) const {
  return Labels.lookup(Label);
}

const CFGBlock *FunctionPaths::blockTerminatedBy(const Stmt *Terminator) const {
  return Terminators.lookup(Terminator);
}

std::optional<bool> FunctionPaths::search(const CFGBlock *From,
                                          unsigned Start,
                                          const Visitor &V) const {
  // The memo: a block entered from its start once is never entered again.
  // A search starting inside a block does not mark it, so that a loop back
  // to that block's start is followed.
  llvm::BitVector Entered(Graph->getNumBlockIDs());
  struct Item {
    const CFGBlock *B;
    unsigned Start;
    const CFGBlock *Pred;
  };
  llvm::SmallVector<Item, 32> Work;
  if (Start == 0)
    Entered.set(From->getBlockID());
  Work.push_back({From, Start, nullptr});
  llvm::SmallVector<const CFGBlock *, 4> Next;
  while (!Work.empty()) {
    auto [B, First, Pred] = Work.pop_back_val();
    if (First == 0 && V.Enter) {
      const Step S = V.Enter(*B, Pred);
      if (S == Step::Found)
        return true;
      if (S == Step::StopPath)
        continue;
    }
    bool PathEnded = false;
    bool NeverReturns = false;
    for (unsigned I = First, N = B->size(); I < N && !PathEnded; ++I) {
      if (StepsLeft == 0)
        return std::nullopt;
      --StepsLeft;
      const Step S = V.Element ? V.Element(*B, I) : Step::Continue;
      if (S == Step::Found)
        return true;
      if (S == Step::StopPath) {
        PathEnded = true;
      } else if (endsPath((*B)[I], *Ctx)) {
        // Past a noreturn call, throw or noreturn destructor nothing runs.
        PathEnded = NeverReturns = true;
      }
    }
    if (!PathEnded && B->hasNoReturnElement())
      PathEnded = NeverReturns = true;
    if (NeverReturns && V.NoReturn && V.NoReturn() == Step::Found)
      return true;
    if (PathEnded)
      continue;
    if (StepsLeft == 0)
      return std::nullopt;
    --StepsLeft;
    Next.clear();
    if (V.Leave) {
      const Step S = V.Leave(*B, Next);
      if (S == Step::Found)
        return true;
      if (S == Step::StopPath)
        continue;
    } else {
      // Edges pruned as never taken (a constant condition: endless loops)
      // have no reachable block.
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        Next.push_back(Succ.getReachableBlock());
    }
    for (const CFGBlock *N : Next) {
      if (!N || Entered.test(N->getBlockID()))
        continue;
      Entered.set(N->getBlockID());
      Work.push_back({N, 0, B});
    }
  }
  return false;
}

std::optional<std::vector<PathEnd>>
FunctionPaths::pathsAvoiding(CFGPoint From, const PathStops &Stops,
                             const VarDecl *Watched) const {
  std::vector<PathEnd> Ends;
  auto EndsLife = [&](const CFGElement &E) -> const Stmt * {
    if (!Watched)
      return nullptr;
    if (auto Dtor = E.getAs<CFGAutomaticObjDtor>())
      if (Dtor->getVarDecl() == Watched)
        return Dtor->getTriggerStmt();
    if (auto Life = E.getAs<CFGLifetimeEnds>())
      if (Life->getVarDecl() == Watched)
        return Life->getTriggerStmt();
    return nullptr;
  };
  auto Element = [&](const CFGBlock &B, unsigned I) {
    if (const PathStops::Stop *S = Stops.find(&B, I)) {
      if (S->Reported)
        Ends.push_back({PathEnd::Stopped, S->S, S->Tag});
      return Step::StopPath;
    }
    if (const Stmt *Trigger = EndsLife(B[I])) {
      Ends.push_back({PathEnd::LifetimeEnd, Trigger, 0});
      return Step::StopPath;
    }
    return Step::Continue;
  };
  auto Enter = [&](const CFGBlock &B, const CFGBlock *) {
    if (&B != &Graph->getExit())
      return Step::Continue;
    Ends.push_back({PathEnd::FunctionExit, nullptr, 0});
    return Step::StopPath;
  };
  // Where control never comes back, nothing leaks: the process ends, or
  // the exception unwinds past every caller that could still use it.
  Visitor V;
  V.Enter = Enter;
  V.Element = Element;
  if (!search(From.Block, From.Index + 1, V))
    return std::nullopt;

  // Deterministic order: by position, then kind; one entry per place.
  const SourceManager &SM = Ctx->getSourceManager();
  auto Loc = [](const PathEnd &E) {
    return E.At ? E.At->getEndLoc() : SourceLocation();
  };
  llvm::sort(Ends, [&](const PathEnd &A, const PathEnd &B) {
    const SourceLocation LA = Loc(A), LB = Loc(B);
    if (LA != LB)
      return LA.isValid() && LB.isValid()
                 ? SM.isBeforeInTranslationUnit(LA, LB)
                 : LB.isInvalid();
    return A.What < B.What;
  });
  Ends.erase(std::unique(Ends.begin(), Ends.end(),
                         [](const PathEnd &A, const PathEnd &B) {
                           return A.What == B.What && A.At == B.At;
                         }),
             Ends.end());
  return Ends;
}

std::optional<bool> FunctionPaths::reaches(CFGPoint From, CFGPoint To,
                                           const PathStops &Stops) const {
  Visitor V;
  auto Element = [&](const CFGBlock &B, unsigned I) {
    if (&B == To.Block && I == To.Index)
      return Step::Found;
    return Stops.find(&B, I) ? Step::StopPath : Step::Continue;
  };
  V.Element = Element;
  return search(From.Block, From.Index + 1, V);
}

namespace {

/// \p S and every statement below it. Not kept: a walk needs them for its
/// own length, and kept for every loop of the unit they would outgrow the
/// CFGs.
llvm::DenseSet<const Stmt *> statementsOf(const Stmt *S) {
  llvm::DenseSet<const Stmt *> Set;
  llvm::SmallVector<const Stmt *, 64> Work{S};
  while (!Work.empty()) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur || !Set.insert(Cur).second)
      continue;
    for (const Stmt *Child : Cur->children())
      Work.push_back(Child);
  }
  return Set;
}

bool isTwoWayBranch(const CFGBlock &B) {
  const Stmt *T = B.getTerminatorStmt();
  return T && B.succ_size() == 2 &&
         isa<IfStmt, WhileStmt, ForStmt, DoStmt, ConditionalOperator,
             BinaryConditionalOperator, BinaryOperator>(T);
}

/// Appends the successors of \p B that \p Rules let a path take; false
/// when the branch settles the path instead.
bool followedSuccessors(const CFGBlock &B, const WalkRules &Rules,
                        const Stmt *Loop,
                        llvm::SmallVectorImpl<const CFGBlock *> &Next) {
  if (isTwoWayBranch(B)) {
    Follow F = Follow::Both;
    const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    if (Cond && Rules.Branch)
      F = Rules.Branch(Cond, Loop && B.getTerminatorStmt() == Loop);
    if (F == Follow::Neither)
      return false;
    auto Succ = B.succ_begin();
    if (F != Follow::FalseOnly)
      Next.push_back(Succ[0].getReachableBlock());
    if (F != Follow::TrueOnly)
      Next.push_back(Succ[1].getReachableBlock());
    return true;
  }
  // A switch on the signal itself decides on it in its cases.
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(B.getTerminatorStmt());
      Switch && Switch->getCond() && Rules.Branch &&
      Rules.Branch(Switch->getCond(), false) == Follow::Neither)
    return false;
  for (const CFGBlock::AdjacentBlock &Succ : B.succs())
    Next.push_back(Succ.getReachableBlock());
  return true;
}

/// Whether evaluating element \p E settles the path under \p Rules.
bool settles(const CFGElement &E, const WalkRules &Rules) {
  std::optional<CFGStmt> CS = E.getAs<CFGStmt>();
  return Rules.Ends && CS && findEvaluated(CS->getStmt(), Rules.Ends);
}

} // namespace

LoopWalk FunctionPaths::walkLoop(const CFGBlock *From, const Stmt *Loop,
                                 const WalkRules &Rules) const {
  LoopWalk Out;
  if (!From)
    return Out;
  const llvm::DenseSet<const Stmt *> InLoop = statementsOf(Loop);
  std::optional<llvm::DenseSet<const Stmt *>> Region;
  if (Rules.Region)
    Region = statementsOf(Rules.Region);
  const llvm::DenseSet<const Stmt *> *InRegion = Region ? &*Region : nullptr;
  auto Enter = [&](const CFGBlock &B, const CFGBlock *Pred) {
    if (&B == &Graph->getExit()) {
      Out.Leaves = true;
      return Step::StopPath;
    }
    if (const Stmt *Target = B.getLoopTarget()) {
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
        return Step::StopPath;
      }
      if (!InLoop.count(Target)) { // the back edge of a loop around Loop
        Out.Leaves = true;
        return Step::StopPath;
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
    for (const CFGElement &El : B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        Note(CS->getStmt());
    Note(B.getTerminatorStmt());
    Note(B.getLabel());
    if (Any && !InL) {
      Out.Leaves = true;
      return Step::StopPath;
    }
    if (Any && InRegion && !InR) {
      Out.Continues = true;
      return Step::StopPath;
    }
    return Step::Continue;
  };
  auto Element = [&](const CFGBlock &B, unsigned I) {
    if (!settles(B[I], Rules))
      return Step::Continue;
    Out.Ends = true;
    return Step::StopPath;
  };
  // Control that never comes back has left the loop.
  auto NoReturn = [&] {
    Out.Leaves = true;
    return Step::StopPath;
  };
  auto Leave = [&](const CFGBlock &B,
                   llvm::SmallVectorImpl<const CFGBlock *> &Next) {
    if (followedSuccessors(B, Rules, Loop, Next))
      return Step::Continue;
    Out.Ends = true;
    return Step::StopPath;
  };
  Visitor V;
  V.Enter = Enter;
  V.Element = Element;
  V.NoReturn = NoReturn;
  V.Leave = Leave;
  if (!search(From, 0, V))
    return {}; // over budget: say nothing
  return Out;
}

const Stmt *FunctionPaths::firstReachable(
    const WalkRules &Rules,
    llvm::function_ref<bool(const Stmt *)> IsTarget) const {
  const Stmt *Found = nullptr;
  auto Element = [&](const CFGBlock &B, unsigned I) {
    std::optional<CFGStmt> CS = B[I].getAs<CFGStmt>();
    if (!CS)
      return Step::Continue;
    Found = findEvaluated(CS->getStmt(), IsTarget);
    if (Found)
      return Step::Found;
    return settles(B[I], Rules) ? Step::StopPath : Step::Continue;
  };
  auto Leave = [&](const CFGBlock &B,
                   llvm::SmallVectorImpl<const CFGBlock *> &Next) {
    return followedSuccessors(B, Rules, nullptr, Next) ? Step::Continue
                                                       : Step::StopPath;
  };
  Visitor V;
  V.Element = Element;
  V.Leave = Leave;
  const std::optional<bool> Result = search(&Graph->getEntry(), 0, V);
  return Result && *Result ? Found : nullptr;
}

const FunctionPaths *FunctionPathsCache::get(const Decl *D) {
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(D)) {
    if (!FD->hasBody())
      return nullptr;
    if (const FunctionDecl *Def = FD->getDefinition())
      D = Def;
  }
  if (!D || !D->getBody())
    return nullptr;
  auto [It, Inserted] = Cache.try_emplace(D);
  if (Inserted) {
    It->second = FunctionPaths::build(D, D->getASTContext());
    if (It->second && It->second->cfg().getNumBlockIDs() > limits::MaxCfgBlocks)
      It->second.reset();
  }
  return It->second.get();
}

const Decl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(*S, Ctx);
  for (unsigned Depth = 0; !Parents.empty() && Depth < limits::MaxParentSteps;
       ++Depth) {
    const DynTypedNode &P = Parents[0];
    if (const auto *L = P.get<LambdaExpr>())
      return L->getCallOperator();
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *BD = P.get<BlockDecl>())
      return BD;
    if (const auto *ND = P.get<Decl>())
      if (isa<TranslationUnitDecl, NamespaceDecl, RecordDecl>(ND))
        return nullptr;
    Parents = parentsOf(P, Ctx);
  }
  return nullptr;
}

} // namespace cancellint::analysis
