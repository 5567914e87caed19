//===--- SwallowedDoneCheck.cpp - cancel-swallowed-done -------------------===//
//
// A cancellation that arrives as a value (a status code, an error code, a
// channel status, an exception) is only honoured if the code that receives
// it leaves. Go's `select { case <-ctx.Done(): ...; default: }` mistakes
// have C++ twins wherever a loop or a chain of asynchronous operations
// looks at such a value and carries on:
//   1. a switch (or if/else-if/else chain) in a loop sends a model done
//      value without a case of its own into a default branch from which
//      control goes round the loop again;
//   2. an asynchronous completion handler starts the next operation on a
//      path where its error code may still say "cancelled", so cancel() or
//      close() never ends the chain;
//   3. `if (token.stop_requested())` in a loop whose branch neither leaves
//      the loop nor changes what the loop decides on;
//   4. a catch of a model done exception, or a catch-all around a
//      cancellable call, in a loop, whose handler goes round again.
// "Goes round", "leaves" and the cancelled state of branch conditions are
// analysis/FunctionPaths and analysis/DoneSignals; the CFG of a function is
// built only once one of its statements is a candidate.
//
//===----------------------------------------------------------------------===//
#include "SwallowedDoneCheck.h"
#include "Wording.h"
#include "analysis/CallArguments.h"
#include "analysis/CompletionHandlers.h"
#include "analysis/DeclNames.h"
#include "analysis/DirectCloses.h"
#include "analysis/DoneSignals.h"
#include "analysis/Expressions.h"
#include "analysis/Limits.h"
#include "analysis/Loops.h"
#include "analysis/MemberWrites.h"
#include "analysis/Parents.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

struct SwallowedDoneCheck::State {
  State(analysis::ModelQueries &Q, ASTContext &Ctx,
        analysis::FunctionPathsCache &Paths)
      : Ctx(Ctx), Signals(Q, Ctx), Handlers(Q, Signals, Paths), Closes(Ctx),
        Writes(Ctx) {}
  ASTContext &Ctx;
  analysis::DoneSignals Signals;
  analysis::CompletionHandlers Handlers;
  analysis::DirectCloses Closes;
  analysis::MemberWrites Writes;
  llvm::DenseSet<const FunctionDecl *> Checked;
  llvm::DenseMap<const Stmt *, std::unique_ptr<analysis::LoopConditionReads>>
      Reads;

  const analysis::LoopConditionReads &readsOf(const Stmt *Loop) {
    std::unique_ptr<analysis::LoopConditionReads> &R = Reads[Loop];
    if (!R)
      R = std::make_unique<analysis::LoopConditionReads>(Loop);
    return *R;
  }
};

SwallowedDoneCheck::SwallowedDoneCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ModelCheck(Name, Context) {}

SwallowedDoneCheck::~SwallowedDoneCheck() = default;

void SwallowedDoneCheck::startTranslationUnit() { TU.reset(); }

SwallowedDoneCheck::State &SwallowedDoneCheck::state(ASTContext &Ctx) {
  if (!TU || &TU->Ctx != &Ctx)
    TU = std::make_unique<State>(queries(), Ctx, unit(Ctx).Paths);
  return *TU;
}

void SwallowedDoneCheck::registerModelMatchers(MatchFinder *F) {
  auto User = unless(isExpansionInSystemHeader());
  F->addMatcher(switchStmt(User).bind("switch"), this);
  F->addMatcher(ifStmt(User).bind("if"), this);
  F->addMatcher(cxxCatchStmt(User).bind("catch"), this);
  // A status received in a loop: `grpc::Status st = stub->Call(...);`.
  F->addMatcher(declStmt(User, hasSingleDecl(varDecl(hasLocalStorage(),
                                                     hasInitializer(expr()))))
                    .bind("status"),
                this);
  // Cheap prefilter on the last name component; the model decides.
  llvm::StringSet<> Names;
  for (const model::LibraryModel &L : model().libraries())
    for (const std::string &Op : L.AsyncOperations) {
      const StringRef Last = StringRef(Op).rsplit("::").second;
      Names.insert(Last.empty() ? StringRef(Op) : Last);
    }
  if (!Names.empty()) {
    std::vector<StringRef> List;
    for (const auto &N : Names)
      List.push_back(N.getKey());
    F->addMatcher(
        callExpr(User, callee(functionDecl(hasAnyName(List)))).bind("async"),
        this);
  }
}

void SwallowedDoneCheck::check(const MatchFinder::MatchResult &R) {
  ASTContext &Ctx = *R.Context;
  if (const auto *S = R.Nodes.getNodeAs<SwitchStmt>("switch"))
    checkSwitch(S, Ctx);
  if (const auto *If = R.Nodes.getNodeAs<IfStmt>("if")) {
    checkElseChain(If, Ctx);
    checkStopCheck(If, Ctx);
  }
  if (const auto *Catch = R.Nodes.getNodeAs<CXXCatchStmt>("catch"))
    checkCatch(Catch, Ctx);
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("async"))
    checkAsyncCall(Call, Ctx);
  if (const auto *Decl = R.Nodes.getNodeAs<DeclStmt>("status"))
    checkRetriedStatus(Decl, Ctx);
}

//===--- Helpers ----------------------------------------------------------===//

namespace {

/// Where a finding about a completion handler goes: a lambda's
/// introducer (the whole lambda marked), or a named function's name.
struct HandlerSite {
  SourceLocation Loc;
  SourceRange Range;
  std::string Name; ///< " 'f'" for a named handler, empty for a lambda
};
HandlerSite handlerSite(const FunctionDecl *Handler) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Handler);
  if (MD && MD->getParent()->isLambda()) {
    const SourceLocation Loc = MD->getParent()->getBeginLoc();
    return {Loc, SourceRange(Loc, MD->getEndLoc()), ""};
  }
  return {Handler->getLocation(), SourceRange(Handler->getLocation()),
          " '" + Handler->getNameAsString() + "'"};
}

/// The loop around \p S that a done signal landing in \p S could go round,
/// in an analysable function.
analysis::LoopContext loopAround(ASTContext &Ctx, const Stmt *S) {
  analysis::LoopContext LC = analysis::enclosingLoop(Ctx, S);
  // Templates are analysed through their instantiations.
  if (!LC.Loop || !LC.Function || LC.Function->isDependentContext())
    return {};
  return LC;
}

const CFGBlock *successor(const CFGBlock *B, unsigned I) {
  if (!B || B->succ_size() <= I)
    return nullptr;
  return B->succ_begin()[I].getReachableBlock();
}

} // namespace

void SwallowedDoneCheck::noteBackEdge(const Stmt *BackEdge) {
  if (!BackEdge)
    return;
  SourceLocation Loc = BackEdge->getBeginLoc();
  if (const auto *D = dyn_cast<DoStmt>(BackEdge))
    Loc = D->getWhileLoc();
  diag(Loc, "control goes round the loop again here", DiagnosticIDs::Note);
}

/// Walks from \p From, in the loop \p LC, in the cancelled state:
/// branches are decided as \p Carrier's done signal makes them go, and a
/// path ends where the signal is handed on (`finish(status)`) or what the
/// loop decides on changes (`done = true`): such a branch does not swallow
/// it. \p Region: see WalkRules.
analysis::LoopWalk SwallowedDoneCheck::walkCancelled(
    const analysis::LoopContext &LC, const CFGBlock *From,
    const analysis::DoneCarrier &Carrier, const Stmt *Region) {
  State &St = *TU;
  const analysis::FunctionPaths *Paths = unit(St.Ctx).Paths.get(LC.Function);
  if (!Paths || !From)
    return {};
  const analysis::LoopConditionReads &Reads = St.readsOf(LC.Loop);
  auto Branch = [&](const Expr *Cond, bool LoopCond) {
    return analysis::branchesFor(St.Signals.onceCancelled(Cond, Carrier, LoopCond));
  };
  auto Ends = [&](const Stmt *E) {
    return St.Signals.handsOn(E, Carrier.Var) ||
           Reads.mayChange(E);
  };
  const analysis::WalkRules Rules{Branch, Ends, Region};
  return Paths->walkLoop(From, LC.Loop, Rules);
}

//===--- 1. Done values falling into a default that goes round -----------===//

void SwallowedDoneCheck::checkSwitch(const SwitchStmt *S, ASTContext &Ctx) {
  State &St = state(Ctx);
  const std::vector<const EnumConstantDecl *> Done =
      St.Signals.doneValuesWithoutCase(S);
  if (Done.empty())
    return;
  const analysis::LoopContext LC = loopAround(Ctx, S);
  // A range-for goes on to the next element, not to another try at the
  // same operation: skipping one element's status is not a retry.
  if (!LC.Loop || isa<CXXForRangeStmt>(LC.Loop))
    return;
  const DefaultStmt *Default = nullptr;
  for (const SwitchCase *SC = S->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *D = dyn_cast<DefaultStmt>(SC))
      Default = D;
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(LC.Function);
  if (!Paths)
    return;
  const CFGBlock *From = nullptr;
  if (Default) {
    From = Paths->blockLabelled(Default);
  } else if (const CFGBlock *B = Paths->blockTerminatedBy(S);
             B && B->succ_size() > 0) {
    // Without a default, unmatched values leave the switch: its last edge.
    From = B->succ_rbegin()->getReachableBlock();
  }
  analysis::DoneCarrier Carrier;
  Carrier.Subject = S->getCond()->IgnoreParenImpCasts();
  Carrier.Var = analysis::DoneSignals::rootVariable(Carrier.Subject);
  const analysis::LoopWalk W = walkCancelled(LC, From, Carrier, nullptr);
  if (!W.GoesRound)
    return;
  const SourceLocation Loc = Default ? Default->getKeywordLoc() : S->getSwitchLoc();
  if (!reportOnce(Loc))
    return;
  const std::string Values = wording::quotedList(queries(), Done);
  if (Default)
    diag(Loc, "done value%select{|s}0 %1 fall%select{s|}0 into this default "
              "branch, which goes round the loop again instead of leaving it")
        << (Done.size() > 1) << Values;
  else
    diag(Loc, "done value%select{|s}0 %1 %select{has|have}0 no case in this "
              "switch, which goes round the loop again instead of leaving it")
        << (Done.size() > 1) << Values;
  noteBackEdge(W.BackEdge);
}

void SwallowedDoneCheck::checkElseChain(const IfStmt *If, ASTContext &Ctx) {
  if (!If->getElse())
    return;
  State &St = state(Ctx);
  std::optional<analysis::DoneSignals::ElseChain> Chain =
      St.Signals.elseChain(If);
  if (!Chain)
    return;
  // An else-if is looked at from the first if of its chain.
  for (const DynTypedNode &P : analysis::parentsOf(*If, Ctx))
    if (const auto *Outer = P.get<IfStmt>(); Outer && Outer->getElse() == If)
      return;
  const analysis::LoopContext LC = loopAround(Ctx, If);
  if (!LC.Loop || isa<CXXForRangeStmt>(LC.Loop))
    return;
  analysis::DoneCarrier Carrier;
  Carrier.Subject = Chain->Subject;
  Carrier.Var = analysis::DoneSignals::rootVariable(Chain->Subject);
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(LC.Function);
  if (!Paths)
    return;
  const analysis::LoopWalk W = walkCancelled(
      LC, successor(Paths->blockTerminatedBy(Chain->Last), 1), Carrier,
      nullptr);
  if (!W.GoesRound || !reportOnce(Chain->Last->getElseLoc()))
    return;
  diag(Chain->Last->getElseLoc(),
       "done value%select{|s}0 %1 fall%select{s|}0 into this else branch, "
       "which goes round the loop again instead of leaving it")
      << (Chain->Unhandled.size() > 1)
      << wording::quotedList(queries(), Chain->Unhandled);
  noteBackEdge(W.BackEdge);
}

//===--- 1b. A status that may hold a done value goes round ---------------===//

/// The done values a status of class \p RD can hold, when its `ok()` says
/// "no error" and a member without arguments returns an enum with done
/// values (grpc::Status::error_code(), absl::Status::code()).
static std::vector<const EnumConstantDecl *>
statusDoneValues(const CXXRecordDecl *RD, analysis::DoneSignals &Signals) {
  if (!RD || !RD->hasDefinition())
    return {};
  bool HasOk = false;
  std::vector<const EnumConstantDecl *> Done;
  for (const CXXMethodDecl *MD : RD->methods()) {
    if (!MD->getIdentifier() || MD->getNumParams() != 0)
      continue;
    if (MD->getName() == "ok" && MD->getReturnType()->isBooleanType())
      HasOk = true;
    else if (Done.empty())
      for (const EnumConstantDecl *EC :
           Signals.doneEnumerators(MD->getReturnType()))
        Done.push_back(EC);
  }
  return HasOk ? Done : std::vector<const EnumConstantDecl *>{};
}

void SwallowedDoneCheck::checkRetriedStatus(const DeclStmt *Decl,
                                            ASTContext &Ctx) {
  const auto *Status = cast<VarDecl>(Decl->getSingleDecl());
  State &St = state(Ctx);
  const std::vector<const EnumConstantDecl *> Done = statusDoneValues(
      Status->getType().getNonReferenceType()->getAsCXXRecordDecl(),
      St.Signals);
  if (Done.empty())
    return;
  const analysis::LoopContext LC = loopAround(Ctx, Decl);
  if (!LC.Loop || isa<CXXForRangeStmt>(LC.Loop))
    return;
  // Bounded retries stay quiet: the loop's own condition reads something
  // the body changes (`while (attempts < limit)` with `++attempts` inside).
  const analysis::LoopConditionReads &Reads = St.readsOf(LC.Loop);
  const Stmt *Body = analysis::loopBody(LC.Loop);
  if (analysis::loopCondition(LC.Loop) && Body &&
      analysis::findEvaluated(
          Body, [&](const Stmt *S) { return Reads.mayChange(S); }))
    return;
  // A switch or else-if chain over the status is rule 1's to judge.
  if (Body && analysis::findEvaluated(Body, [&](const Stmt *S) {
        const Expr *Subject = nullptr;
        if (const auto *Switch = dyn_cast<SwitchStmt>(S))
          Subject = Switch->getCond();
        else if (const auto *If = dyn_cast<IfStmt>(S); If && If->getElse())
          if (std::optional<analysis::DoneSignals::ElseChain> Chain =
                  St.Signals.elseChain(If))
            Subject = Chain->Subject;
        return Subject &&
               analysis::DoneSignals::rootVariable(Subject) == Status;
      }))
    return;
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(LC.Function);
  std::optional<analysis::CFGPoint> At =
      Paths ? Paths->pointOfDecl(Status) : std::nullopt;
  if (!At)
    return;
  analysis::DoneCarrier Carrier;
  Carrier.Var = Status;
  Carrier.OkMeansSuccess = true;
  const analysis::LoopWalk W = walkCancelled(LC, At->Block, Carrier, nullptr);
  if (!W.GoesRound || !reportOnce(LC.Loop->getBeginLoc()))
    return;
  diag(LC.Loop->getBeginLoc(),
       "this loop goes round again when '%0' holds done value%select{|s}1 "
       "%2, retrying a cancelled call instead of leaving")
      << Status->getName() << (Done.size() > 1)
      << wording::quotedList(queries(), Done);
  diag(Status->getLocation(), "'%0' receives the status here",
       DiagnosticIDs::Note)
      << Status->getName();
  noteBackEdge(W.BackEdge);
}

//===--- 3. Stop requests noticed and ignored -----------------------------===//

void SwallowedDoneCheck::checkStopCheck(const IfStmt *If, ASTContext &Ctx) {
  if (If->isConstexpr() || If->isConsteval() || !If->getCond())
    return;
  const Expr *Cond = If->getCond()->IgnoreParenImpCasts();
  bool Negated = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot) {
    Negated = true;
    Cond = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *Check = dyn_cast<CXXMemberCallExpr>(Cond);
  if (!Check || !queries().isDoneCheck(Check->getMethodDecl()))
    return;
  const Stmt *Branch = Negated ? If->getElse() : If->getThen();
  if (!Branch)
    return;
  // Outside a loop the code after the if may still act on the request;
  // only a loop shows that nothing does.
  const analysis::LoopContext LC = loopAround(Ctx, If);
  if (!LC.Loop)
    return;
  State &St = state(Ctx);
  const analysis::DoneCarrier NoCarrier;
  // A loop whose own condition looks at the request ends at its next test.
  if (const Expr *LoopCond = analysis::loopCondition(LC.Loop)) {
    const analysis::Verdict V = St.Signals.onceCancelled(LoopCond, NoCarrier, true);
    if (V == analysis::Verdict::False || V == analysis::Verdict::Decided)
      return;
  }
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(LC.Function);
  const CFGBlock *From =
      Paths ? successor(Paths->blockTerminatedBy(If), Negated ? 1 : 0)
            : nullptr;
  if (!From)
    return;
  const analysis::LoopWalk W = walkCancelled(LC, From, NoCarrier, Branch);
  if (W.Leaves || W.Ends || !reportOnce(If->getIfLoc()))
    return;
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Check->getSourceRange()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  diag(If->getIfLoc(),
       "stop request seen by '%0' is ignored: this branch neither leaves the "
       "loop nor changes what the loop decides on")
      << (Text.empty() ? Check->getMethodDecl()->getName() : Text);
  noteBackEdge(W.BackEdge ? W.BackEdge : LC.Loop);
}

//===--- 4. Catch handlers swallowing cancellation ------------------------===//

namespace {

/// The first call in \p S that a cancellation can end by throwing: a
/// co_await, or a call passed a token.
const Stmt *cancellableCallIn(const Stmt *S, analysis::ModelQueries &Q) {
  return analysis::findEvaluated(S, [&](const Stmt *Cur) {
    if (isa<CoawaitExpr, DependentCoawaitExpr>(Cur))
      return true;
    if (!isa<CallExpr, CXXConstructExpr>(Cur))
      return false;
    return llvm::any_of(
        analysis::parameterArguments(cast<Expr>(Cur)),
        [&](const Expr *Arg) { return Arg && Q.tokenHeldBy(Arg->getType()); });
  });
}

} // namespace

void SwallowedDoneCheck::checkCatch(const CXXCatchStmt *Catch,
                                    ASTContext &Ctx) {
  const CXXTryStmt *Try = nullptr;
  for (const DynTypedNode &P : analysis::parentsOf(*Catch, Ctx))
    if (!Try)
      Try = P.get<CXXTryStmt>();
  if (!Try)
    return;
  const QualType Caught = Catch->getCaughtType();
  const Stmt *Cancellable = nullptr;
  if (Caught.isNull()) {
    // catch (...) swallows cancellation only around something cancellable.
    Cancellable = cancellableCallIn(Try->getTryBlock(), queries());
    if (!Cancellable)
      return;
  } else {
    const QualType T = Caught.getNonReferenceType();
    if (!queries().isDoneException(T->getAsCXXRecordDecl()))
      return;
  }
  const analysis::LoopContext LC = loopAround(Ctx, Try);
  if (!LC.Loop)
    return;
  state(Ctx); // walkCancelled works in the unit's state
  analysis::DoneCarrier Carrier;
  Carrier.Var = Catch->getExceptionDecl();
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(LC.Function);
  if (!Paths)
    return;
  const analysis::LoopWalk W =
      walkCancelled(LC, Paths->blockLabelled(Catch), Carrier, nullptr);
  if (!W.GoesRound || !reportOnce(Catch->getCatchLoc()))
    return;
  if (Cancellable) {
    diag(Catch->getCatchLoc(),
         "catch-all handler swallows the cancellation of a cancellable call "
         "and goes round the loop again instead of leaving it");
    diag(Cancellable->getBeginLoc(), "this can throw when cancelled",
         DiagnosticIDs::Note)
        << Cancellable->getSourceRange();
  } else {
    diag(Catch->getCatchLoc(),
         "catch handler swallows '%0' and goes round the loop again instead "
         "of leaving it")
        << Caught.getNonReferenceType().getUnqualifiedType().getAsString(
               Ctx.getPrintingPolicy());
  }
  noteBackEdge(W.BackEdge);
}

//===--- 2. Completion handlers re-arming after cancellation -------------===//

void SwallowedDoneCheck::checkAsyncCall(const CallExpr *Call,
                                        ASTContext &Ctx) {
  const FunctionDecl *Op = analysis::calleeOf(Call);
  if (!Op || !queries().isAsyncOperation(Op) || Call->getNumArgs() == 0)
    return;
  State &St = state(Ctx);
  // Nothing can cancel an operation on an object only its handler holds.
  if (St.Handlers.onlyHandlerHolds(Call))
    return;
  for (const analysis::CompletionHandler &H : St.Handlers.handlersOf(Call)) {
    checkHandler(H.Function, H.ErrorCode, Call, 0);
    checkQueuedCompletion(H, Call);
  }
}

//===--- 2c. The expired-timer trap --------------------------------------===//

namespace {

/// Whether \p T is std::shared_ptr or std::weak_ptr: a capture of one
/// keeps (or can check) the handler's object.
bool keepsOwnerAlive(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "shared_ptr" || RD->getName() == "weak_ptr");
}

/// The data member an asynchronous operation works on: the object of
/// `timer_.async_wait(...)`, or the first argument of
/// `asio::async_write(socket_, ...)`.
const FieldDecl *operationObject(const CallExpr *Op) {
  const Expr *Object = nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Op))
    Object = M->getImplicitObjectArgument();
  else if (Op->getNumArgs() > 0)
    Object = Op->getArg(0);
  const auto *ME =
      Object ? dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  return ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())
             ? dyn_cast<FieldDecl>(ME->getMemberDecl())
             : nullptr;
}

/// Whether \p Body writes a flag-like data member (a bool, an atomic, an
/// enum): the function that cancels also tells the handlers.
bool setsMemberFlag(const Stmt *Body) {
  return Body && analysis::findEvaluated(Body, [](const Stmt *S) {
           const Expr *Target = nullptr;
           if (const auto *Assign = dyn_cast<BinaryOperator>(S);
               Assign && Assign->isAssignmentOp())
             Target = Assign->getLHS();
           else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
                    Op && Op->getOperator() == OO_Equal)
             Target = Op->getArg(0);
           else if (const auto *Store = dyn_cast<CXXMemberCallExpr>(S);
                    Store && Store->getMethodDecl() &&
                    Store->getMethodDecl()->getIdentifier() &&
                    (Store->getMethodDecl()->getName() == "store" ||
                     Store->getMethodDecl()->getName() == "exchange"))
             Target = Store->getImplicitObjectArgument();
           const auto *ME =
               Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts())
                      : nullptr;
           return ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
         });
}

} // namespace

void SwallowedDoneCheck::checkQueuedCompletion(
    const analysis::CompletionHandler &H, const CallExpr *Armed) {
  State &St = *TU;
  const auto *MD = dyn_cast<CXXMethodDecl>(H.Function);
  if (!MD || !MD->getParent()->isLambda() || !H.ErrorCode || !MD->getBody())
    return;
  // Raw `this`, and nothing that keeps or checks the owner.
  bool CapturesThis = false;
  for (const LambdaCapture &C : MD->getParent()->captures()) {
    CapturesThis |= C.capturesThis();
    if (C.capturesVariable() && keepsOwnerAlive(C.getCapturedVar()->getType()))
      return;
  }
  if (!CapturesThis)
    return;
  // The error code is the only guard: it is tested, no stop flag is.
  bool TestsErrorCode = false;
  bool TestsFlag = false;
  auto MentionsErrorCode = [&](const Stmt *E) {
    return analysis::findEvaluated(E, [&](const Stmt *Sub) {
             const auto *Ref = dyn_cast<DeclRefExpr>(Sub);
             return Ref && Ref->getDecl() == H.ErrorCode;
           }) != nullptr;
  };
  // A flag tested by a function the handler calls counts (Crow's
  // `doAccept() { if (!shuttingDown_) async_accept(...); }`).
  auto CalleeTestsFlag = [](const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    return Def && Def->getBody() &&
           !Def->getASTContext().getSourceManager().isInSystemHeader(
               Def->getLocation()) &&
           analysis::findEvaluated(Def->getBody(), [](const Stmt *S) {
             const auto *If = dyn_cast<IfStmt>(S);
             return If && If->getCond() &&
                    analysis::readsStopFlag(If->getCond());
           });
  };
  analysis::findEvaluated(MD->getBody(), [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      TestsFlag |= CalleeTestsFlag(Call);
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !If->getCond())
      return false;
    // Each part of the condition: `if (stopped_ || ec)` tests both.
    analysis::findEvaluated(If->getCond(), [&](const Stmt *Part) {
      const auto *E = dyn_cast<Expr>(Part);
      if (!E)
        return false;
      if (MentionsErrorCode(E))
        TestsErrorCode = true;
      else if (analysis::readsStopFlag(E))
        TestsFlag = true;
      return false;
    });
    return false;
  });
  if (!TestsErrorCode || TestsFlag)
    return;
  const FieldDecl *Object = operationObject(Armed);
  if (!Object)
    return;
  // A cancel or close in a named function; the destructor's first: its
  // queued completion runs on a destroyed object.
  std::optional<analysis::DirectCloses::Close> Quiet;
  for (const analysis::DirectCloses::Close &C : St.Closes.allOf(Object))
    if (!Quiet || isa<CXXDestructorDecl>(C.In))
      Quiet = C;
  if (!Quiet)
    return;
  // `m_context.stop()` after the cancel: run() returns, and the queued
  // completion never runs.
  if (analysis::findEvaluated(Quiet->In->getBody(), [&](const Stmt *S) {
        const auto *Stop = dyn_cast<CXXMemberCallExpr>(S);
        const CXXMethodDecl *MD = Stop ? Stop->getMethodDecl() : nullptr;
        return MD && MD->getIdentifier() && MD->getName() == "stop" &&
               llvm::any_of(MD->getParent()->methods(),
                            [&](const CXXMethodDecl *Run) {
                              return queries().isEventLoopRun(Run);
                            });
      }))
    return;
  const bool SetsFlag = setsMemberFlag(Quiet->In->getBody());
  const HandlerSite Site = handlerSite(MD);
  if (!reportOnce(Site.Loc))
    return;
  const bool InDestructor = isa<CXXDestructorDecl>(Quiet->In);
  const bool Closes = Quiet->Call->getMethodDecl()->getName() == "close";
  const std::string Canceller = analysis::spelledName(Quiet->In);
  diag(Site.Loc,
       "completion handler captures raw 'this' and trusts its error code "
       "alone: '%0' %select{cancels|closes}1 '%2', but a completion "
       "already queued with success is not cancelled and can run after "
       "that, on %select{a cancelled|a destroyed}3 object; test "
       "%select{a flag that '%0' sets|the flag '%0' sets}4, or capture "
       "shared_from_this()")
      << Canceller << Closes << Object->getName() << InDestructor << SetsFlag
      << Site.Range;
  diag(Armed->getBeginLoc(), "the handler of this '%0'", DiagnosticIDs::Note)
      << analysis::calleeOf(Armed)->getNameAsString()
      << Armed->getSourceRange();
  diag(Quiet->Call->getBeginLoc(),
       "'%0' is %select{cancelled|closed}1 here; a completion already queued "
       "is not",
       DiagnosticIDs::Note)
      << Object->getName() << Closes << Quiet->Call->getSourceRange();
}

void SwallowedDoneCheck::checkHandler(const FunctionDecl *Handler,
                                      const ParmVarDecl *ErrorCode,
                                      const CallExpr *Armed, unsigned Depth) {
  State &St = *TU;
  if (Depth > analysis::limits::MaxCallDepth ||
      !St.Checked.insert(Handler).second)
    return;
  const analysis::CompletionHandlers::Chain C =
      St.Handlers.chainOf(Handler, ErrorCode);
  // Only a next operation that can come back to this handler makes a chain
  // that cancelling does not stop; a final reply before teardown ends it.
  if (C.Next && St.Handlers.comesBack(*C.Next, Armed, Handler))
    reportRearm(Handler, ErrorCode, Armed, *C.Next, C.Tested, nullptr);
  else if (C.PastOpenTest && St.Handlers.comesBack(*C.PastOpenTest, Armed, Handler)) {
    if (std::optional<analysis::DirectCloses::Close> Close =
            St.Closes.of(C.OpenObject))
      reportOpenRace(Handler, Armed, C, *Close);
  } else if (C.PastGuard && St.Handlers.comesBack(*C.PastGuard, Armed, Handler)) {
    checkGuardedRearm(Handler, ErrorCode, Armed, C);
  }
  for (const auto &[Callee, Index] : C.Forwarded) {
    const FunctionDecl *Def =
        Callee->getDefinition() ? Callee->getDefinition() : Callee;
    if (Index < Def->getNumParams())
      checkHandler(Def, Def->getParamDecl(Index), Armed, Depth + 1);
  }
}

void SwallowedDoneCheck::reportOpenRace(
    const FunctionDecl *Handler, const CallExpr *Armed,
    const analysis::CompletionHandlers::Chain &C,
    const analysis::DirectCloses::Close &Close) {
  const HandlerSite Site = handlerSite(Handler);
  if (!reportOnce(Site.Loc))
    return;
  const FunctionDecl *Own = analysis::calleeOf(Armed);
  const std::string Object = C.OpenObject->getNameAsString();
  diag(Site.Loc,
       "completion handler%0 decides from '%1.is_open()' alone to start "
       "%2, but '%3' closes '%1' outside the handler's executor: a "
       "completion aborted by that close can still see '%1' open, and the "
       "read races with the close; test the error code for "
       "operation_aborted first")
      << Site.Name << Object << nextPhrase(*C.PastOpenTest, Own)
      << Close.In->getNameAsString() << Site.Range;
  diag(Armed->getBeginLoc(), "the handler of this '%0'", DiagnosticIDs::Note)
      << Own->getNameAsString() << Armed->getSourceRange();
  diag(C.OpenTest->getBeginLoc(), "the only test before the next operation",
       DiagnosticIDs::Note)
      << C.OpenTest->getSourceRange();
  diag(C.PastOpenTest->At->getBeginLoc(), "next operation started here",
       DiagnosticIDs::Note)
      << C.PastOpenTest->At->getSourceRange();
  diag(Close.Call->getBeginLoc(),
       "'%0' is closed here, in a function that nothing in this file runs on "
       "the handler's executor",
       DiagnosticIDs::Note)
      << Object << Close.Call->getSourceRange();
}

void SwallowedDoneCheck::checkGuardedRearm(
    const FunctionDecl *Handler, const ParmVarDecl *ErrorCode,
    const CallExpr *Armed, const analysis::CompletionHandlers::Chain &C) {
  State &St = *TU;
  // Only constructors write it: a setting, or a null test of a callable;
  // nothing stops the chain through it.
  if (St.Writes.onlyConstructorsChange(C.GuardMember)) {
    reportRearm(Handler, ErrorCode, Armed, *C.PastGuard, nullptr, C.GuardTest);
    return;
  }
  const FunctionDecl *Own = analysis::calleeOf(Armed);
  auto Cancels = [&](const FunctionDecl *FD) {
    return !isa<CXXConstructorDecl>(FD) && FD != Handler &&
           St.Closes.closesAny(FD);
  };
  // A public member function, not the handler, that starts the same chain.
  auto StartsChain = [&](const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || isa<CXXConstructorDecl, CXXDestructorDecl>(MD) ||
        MD->getAccess() != AS_public || FD == Handler)
      return false;
    const CallExpr *Op = St.Handlers.startsAsync(FD);
    return Op &&
           St.Handlers.comesBack(analysis::Rearm{Op, nullptr, nullptr, Op},
                                  Armed, Handler);
  };
  const std::optional<analysis::MemberWrites::Restart> R =
      St.Writes.restartOf(C.GuardMember, Cancels, StartsChain);
  if (!R)
    return;
  const HandlerSite Site = handlerSite(Handler);
  if (!reportOnce(Site.Loc))
    return;
  const std::string Member = C.GuardMember->getNameAsString();
  const std::string Canceller = R->Reset.In->getNameAsString();
  const std::string Starter = R->SetAgain.In->getNameAsString();
  diag(Site.Loc,
       "completion handler%0 is guarded only by '%1', which '%2' sets again "
       "after '%3' resets it: a completion aborted by '%3' that runs after "
       "'%2' starts %4, and two chains run; test the error code for "
       "operation_aborted first")
      << Site.Name << Member << Starter << Canceller
      << nextPhrase(*C.PastGuard, Own) << Site.Range;
  diag(Armed->getBeginLoc(), "the handler of this '%0'", DiagnosticIDs::Note)
      << Own->getNameAsString() << Armed->getSourceRange();
  diag(C.GuardTest->getBeginLoc(), "the only test before the next operation",
       DiagnosticIDs::Note)
      << C.GuardTest->getSourceRange();
  diag(C.PastGuard->At->getBeginLoc(), "next operation started here",
       DiagnosticIDs::Note)
      << C.PastGuard->At->getSourceRange();
  diag(R->Reset.At->getBeginLoc(), "'%0' is reset here", DiagnosticIDs::Note)
      << Member << R->Reset.At->getSourceRange();
  diag(R->SetAgain.At->getBeginLoc(),
       "and set again here, in a function that starts the chain",
       DiagnosticIDs::Note)
      << R->SetAgain.At->getSourceRange();
}

std::string SwallowedDoneCheck::nextPhrase(const analysis::Rearm &Next,
                                           const FunctionDecl *Own) {
  const FunctionDecl *Started = analysis::calleeOf(Next.Operation);
  const bool Same = Started && queries().name(Started) == queries().name(Own);
  const std::string Via =
      Next.Via ? " through '" + Next.Via->getNameAsString() + "'" : "";
  std::string What =
      "'" + (Started ? Started->getNameAsString() : std::string()) + "'";
  return What + (Same ? " again" + Via
                      : Via + ", which leads back to '" +
                            Own->getNameAsString() + "'");
}

void SwallowedDoneCheck::reportRearm(const FunctionDecl *Handler,
                                     const ParmVarDecl *ErrorCode,
                                     const CallExpr *Armed,
                                     const analysis::Rearm &Next,
                                     const Expr *Tested, const Expr *Setting) {
  const HandlerSite Site = handlerSite(Handler);
  if (!reportOnce(Site.Loc))
    return;
  const FunctionDecl *Own = analysis::calleeOf(Armed);
  const std::string What = nextPhrase(Next, Own);
  const unsigned Kind = !ErrorCode ? 0 : !ErrorCode->isReferenced() ? 1 : 2;
  diag(Site.Loc, "completion handler%0 %select{discards its error code and "
                 "starts|ignores its error code and starts|starts}1 %2"
                 "%select{| even when its operation was cancelled}3, so "
                 "cancelling the operation does not stop the chain")
      << Site.Name << Kind << What << (Kind == 2) << Site.Range;
  diag(Armed->getBeginLoc(), "the handler of this '%0'", DiagnosticIDs::Note)
      << Own->getNameAsString() << Armed->getSourceRange();
  if (Tested)
    diag(Tested->getBeginLoc(),
         "the error code is tested here, but control goes on to the next "
         "operation",
         DiagnosticIDs::Note);
  if (Setting)
    diag(Setting->getBeginLoc(),
         "'%0' is tested here, but only constructors set it: it does not "
         "stop the chain",
         DiagnosticIDs::Note)
        << analysis::stopFlagMember(Setting)->getName()
        << Setting->getSourceRange();
  diag(Next.At->getBeginLoc(), "next operation started here",
       DiagnosticIDs::Note)
      << Next.At->getSourceRange();
}

} // namespace cancellint
