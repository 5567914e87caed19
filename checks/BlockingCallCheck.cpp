//===--- BlockingCallCheck.cpp - cancel-blocking-call ---------------------===//
//
// Where a function holds a token (a parameter, a lambda capture, a token a
// coroutine co_awaits: TokensInScope.h), work that cannot observe the token
// defeats cancellation. Two findings:
//
//  1. A blocking call (model `blocking[]`, or a function annotated
//     "cancellint::blocking") that does not receive the token: it blocks
//     without bound, or for a time not known here, or longer than
//     MaxUncheckedWait. The message names the model's alternative; where the
//     callee has an overload taking the held token, a note carries the
//     fix-it.
//  2. A loop that can run for long (infinite, or driven by a condition) and
//     waits (a blocking call or co_await, directly or in a function it
//     calls), but never consults the token (TokenConsultation.h).
//  3. A co_await of an awaitable that ignores the coroutine's token (model
//     `uncancellable_awaitables`: folly::coro::Baton), also in a coroutine
//     that never takes its token when its promise carries one (Awaits.h).
//
// Not reported, each for the reason in the code: calls passing a token,
// waits woken by a callback registered on the token, calls that return
// promptly because of what came before (PromptCalls.h: non-blocking
// descriptors, readiness waits, ready checks, work handed the token), waits
// bounded by at most MaxUncheckedWait, and waits of unknown bound inside a
// loop that consults the token.
//
//===----------------------------------------------------------------------===//
#include "BlockingCallCheck.h"
#include "CheckOptions.h"
#include "Wording.h"
#include "analysis/Awaits.h"
#include "analysis/CallArguments.h"
#include "analysis/Expressions.h"
#include "analysis/Locks.h"
#include "analysis/PromptCalls.h"
#include "analysis/SourceText.h"
#include "analysis/TokenOverloads.h"
#include "analysis/WaitBounds.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <cstdint>

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

namespace {
enum FindingKind : std::uint8_t {
  BlockingCallFinding,
  LoopFinding,
  AwaitFinding
};
} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : ModelCheck(Name, Context),
      MaxUncheckedWaitText(Options.get(options::MaxUncheckedWait.Name,
                                       options::MaxUncheckedWait.Default)) {
  const CheckOption &O = options::MaxUncheckedWait;
  if (std::string Error = invalidOptionValue(O, MaxUncheckedWaitText);
      !Error.empty()) {
    configurationDiag("%0; using %1") << Error << O.Default;
    MaxUncheckedWaitText = O.Default.str();
  }
  MaxUncheckedWait = *analysis::parseSecondsOption(MaxUncheckedWaitText);
}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  ModelCheck::storeOptions(Opts);
  Options.store(Opts, options::MaxUncheckedWait.Name, MaxUncheckedWaitText);
}

void BlockingCallCheck::registerModelMatchers(MatchFinder *F) {
  // Every function definition is a candidate; holding a token is decided
  // in check() from memoised type queries, which is cheaper than matching
  // parameter types against every model token.
  F->addMatcher(functionDecl(isDefinition(), unless(isImplicit()),
                             unless(isExpansionInSystemHeader()))
                    .bind("function"),
                this);
  // Lambda call operators are reached through their expressions.
  F->addMatcher(lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"),
                this);
}

void BlockingCallCheck::startTranslationUnit() {
  Holders.emplace(queries());
  Blocking.emplace(queries());
  Analysed.clear();
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &R) {
  if (const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("function")) {
    analyse(FD, *R.Context);
    return;
  }
  if (const auto *L = R.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    analyse(L->getCallOperator(), *R.Context);
    // A generic lambda holds a token only in its instantiations, e.g. the
    // one std::jthread makes for `[](auto st) { ... }`.
    if (const FunctionTemplateDecl *T = L->getDependentCallOperator())
      for (const FunctionDecl *Spec : T->specializations())
        analyse(Spec, *R.Context);
  }
}

void BlockingCallCheck::analyse(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || !Analysed.insert(FD).second)
    return;
  if (Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return;
  const llvm::ArrayRef<analysis::TokenInScope> Held = Holders->of(FD);
  if (!Held.empty())
    analyseTokens(FD, Held, Ctx);
  else if (const std::optional<analysis::HeldToken> Promised =
               analysis::promiseToken(FD, queries())) {
    // A coroutine that never takes the token its promise carries: only its
    // awaitables can observe it.
    const analysis::FunctionScan Scan =
        analysis::scanTokenConsultation(FD, {}, queries(), *Blocking);
    std::vector<bool> LoopHasFinding(Scan.Loops.size());
    if (!Scan.Truncated)
      checkAwaits(Scan, {nullptr, *Promised, analysis::TokenInScope::Awaited},
                  /*NeverTaken=*/true, LoopHasFinding);
  }
  analysis::StopFlags &Flags = unit(Ctx).stopFlags(model(), Ctx);
  const llvm::ArrayRef<const analysis::StopFlag *> Polled = Flags.polledBy(FD);
  if (!Polled.empty())
    analyseStopFlags(FD, Polled, Flags, Ctx);
  for (const analysis::StopFlag *F : Flags.setBy(FD))
    checkJoinUnderLock(FD, *F, Flags);
}

void BlockingCallCheck::analyseTokens(
    const FunctionDecl *FD, llvm::ArrayRef<analysis::TokenInScope> Held,
    const ASTContext &Ctx) {
  const analysis::FunctionScan Scan =
      analysis::scanTokenConsultation(FD, Held, queries(), *Blocking);
  // A callback registered on the token (std::stop_callback notifying a
  // condition variable, closing a socket) can wake every wait here; what it
  // does is not checked.
  if (Scan.Registration)
    return;
  // Facts from a partial walk could report a loop whose check was not seen.
  if (Scan.Truncated)
    return;
  const analysis::TokenInScope &Token = Held.front();
  llvm::SmallPtrSet<const Stmt *, 8> PromptWaits;
  std::vector<bool> LoopHasFinding =
      checkCalls(Scan, Token, Ctx, PromptWaits);
  checkAwaits(Scan, Token, /*NeverTaken=*/false, LoopHasFinding);
  checkLoops(Scan, LoopHasFinding, PromptWaits, Token);
  checkLockWrappers(FD, Token, Ctx);
}

void BlockingCallCheck::checkAwaits(const analysis::FunctionScan &Scan,
                                    const analysis::TokenInScope &Token,
                                    bool NeverTaken,
                                    std::vector<bool> &LoopHasFinding) {
  for (const analysis::ScannedAwait &A : Scan.Awaits) {
    const analysis::UncancellableAwait U =
        analysis::uncancellableAwait(A.Await, queries());
    if (!U)
      continue;
    for (int L = A.Loop; L >= 0; L = Scan.Loops[L].Parent)
      LoopHasFinding[L] = true;
    const SourceLocation Loc = A.Await->getExprLoc();
    if (!reportOnce(Loc, AwaitFinding))
      continue;
    const std::string Name = queries().name(U.Record);
    const std::string Use =
        U.Spec->Alternative.empty() ? "" : "; use " + U.Spec->Alternative;
    if (NeverTaken)
      diag(Loc, "co_await on '%0' does not observe the coroutine's "
                "cancellation token, which the coroutine never takes: "
                "cancelling the coroutine cannot interrupt this wait%1")
          << Name << Use << A.Await->getSourceRange();
    else
      diag(Loc, "co_await on '%0' does not observe %1: cancellation cannot "
                "interrupt this wait%2")
          << Name << wording::tokenName(Token) << Use
          << A.Await->getSourceRange();
  }
}

void BlockingCallCheck::checkLockWrappers(const FunctionDecl *FD,
                                          const analysis::TokenInScope &Token,
                                          const ASTContext &Ctx) {
  // `std::lock_guard<NamedMutex> g(m);` calls NamedMutex::lock; standard
  // mutexes stay quiet (the model names no std lock as blocking).
  analysis::findEvaluated(FD->getBody(), [&](const Stmt *S) {
    const auto *E = dyn_cast<CXXConstructExpr>(S);
    if (!E)
      return false;
    const analysis::BlockingCallee B = Blocking->lockedBy(E);
    if (B && !Blocking->passesToken(E))
      reportCall(E, B, {analysis::WaitBound::Unbounded, 0}, Token, Ctx);
    return false;
  });
}

std::vector<bool> BlockingCallCheck::checkCalls(
    const analysis::FunctionScan &Scan, const analysis::TokenInScope &Token,
    const ASTContext &Ctx, llvm::SmallPtrSetImpl<const Stmt *> &PromptWaits) {
  std::optional<analysis::PromptCalls> Prompt;
  std::vector<bool> LoopHasFinding(Scan.Loops.size());
  for (size_t I = 0; I < Scan.Calls.size(); ++I) {
    const analysis::ScannedCall &SC = Scan.Calls[I];
    const analysis::BlockingCallee B = Blocking->blockingCallee(SC.Call);
    if (!B) {
      // In a loop that never consults the token, the loop is the finding.
      const bool LoopsReport = SC.Loop >= 0 && !Scan.Loops[SC.Loop].Consults;
      if (!LoopsReport && reportIndirectWait(SC.Call, Token, Ctx))
        for (int L = SC.Loop; L >= 0; L = Scan.Loops[L].Parent)
          LoopHasFinding[L] = true;
      continue;
    }
    // The cancellable overload (wait(lock, token, pred)) observes it.
    if (Blocking->passesToken(SC.Call))
      continue;
    // Made non-blocking, reported ready, or checked ready before.
    if (!Prompt)
      Prompt.emplace(Scan, *Blocking, queries(), Ctx);
    if (Prompt->isPrompt(I, B)) {
      PromptWaits.insert(SC.Call);
      continue;
    }
    const analysis::WaitBound Bound = Blocking->boundOf(SC.Call, B, Ctx);
    switch (Bound.What) {
    case analysis::WaitBound::NotBlocking:
      continue; // poll with a timeout that is not provably infinite
    case analysis::WaitBound::Constant:
      // A short bounded wait delays cancellation by at most its bound.
      if (Bound.Seconds <= MaxUncheckedWait)
        continue;
      break;
    case analysis::WaitBound::Unknown:
      // A timed wait inside a loop that consults the token is the polling
      // idiom; its interval is the author's choice.
      if (SC.Loop >= 0 && Scan.Loops[SC.Loop].Consults)
        continue;
      break;
    case analysis::WaitBound::Unbounded:
      break;
    }
    reportCall(SC.Call, B, Bound, Token, Ctx);
    for (int L = SC.Loop; L >= 0; L = Scan.Loops[L].Parent)
      LoopHasFinding[L] = true;
  }
  return LoopHasFinding;
}

void BlockingCallCheck::checkLoops(
    const analysis::FunctionScan &Scan, const std::vector<bool> &LoopHasFinding,
    const llvm::SmallPtrSetImpl<const Stmt *> &PromptWaits,
    const analysis::TokenInScope &Token) {
  // One finding per loop nest: a loop inside a reported loop, or around a
  // reported call, is not reported again.
  std::vector<bool> LoopReported(Scan.Loops.size());
  // Per loop, a call in it to a function that waits; computed on first use.
  std::vector<const CallExpr *> WaitingCallIn;
  auto WaitingCall = [&](size_t L) {
    if (WaitingCallIn.empty()) {
      WaitingCallIn.assign(Scan.Loops.size(), nullptr);
      for (const analysis::ScannedCall &SC : Scan.Calls) {
        if (SC.Loop < 0 || WaitingCallIn[SC.Loop] ||
            !Blocking->mayBlock(SC.Call->getDirectCallee()))
          continue;
        for (int P = SC.Loop; P >= 0 && !WaitingCallIn[P];
             P = Scan.Loops[P].Parent)
          WaitingCallIn[P] = SC.Call;
      }
    }
    return WaitingCallIn[L];
  };
  for (size_t L = 0; L < Scan.Loops.size(); ++L) {
    const analysis::ScannedLoop &Loop = Scan.Loops[L];
    // Counted and range loops have a trip count; they end by themselves.
    if (Loop.Kind != analysis::ScannedLoop::Infinite &&
        Loop.Kind != analysis::ScannedLoop::ConditionDriven)
      continue;
    if (Loop.Consults || LoopHasFinding[L])
      continue;
    bool InsideReported = false;
    for (int P = Loop.Parent; P >= 0 && !InsideReported;
         P = Scan.Loops[P].Parent)
      InsideReported = LoopReported[P];
    if (InsideReported)
      continue;
    const Stmt *Wait = Loop.FirstWait;
    const FunctionDecl *Via = nullptr;
    if (!Wait)
      if (const CallExpr *Call = WaitingCall(L)) {
        Wait = Call;
        Via = Call->getDirectCallee();
      }
    // A loop that never waits (a search, a parse) ends by itself; one
    // whose first wait returns promptly here (reading a file) is not
    // reported on another's account.
    if (!Wait || PromptWaits.contains(Wait))
      continue;
    reportLoop(Scan, L, Wait, Via, Token);
    LoopReported[L] = true;
  }
}

/// Finding 1 through a function of the unit: \p Call calls a function that
/// takes no token and waits long (a model blocking call, a few calls
/// deep): the held token cannot reach that wait. Returns whether it
/// reported.
bool BlockingCallCheck::reportIndirectWait(const CallExpr *Call,
                                           const analysis::TokenInScope &Token,
                                           const ASTContext &Ctx) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || (isa<CXXMethodDecl>(Callee) &&
                  cast<CXXMethodDecl>(Callee)->getParent()->isLambda()))
    return false;
  // A function taking a token is judged on its own.
  for (const ParmVarDecl *P : Callee->parameters())
    if (queries().tokenHeldBy(P->getType()))
      return false;
  const analysis::BlockingCalls::LongWait *W =
      Blocking->longWaitIn(Callee, MaxUncheckedWait, Ctx);
  const SourceLocation Loc = Call->getExprLoc();
  if (!W || !reportOnce(Loc, BlockingCallFinding))
    return W != nullptr;
  const std::string Waits =
      W->Bound.What == analysis::WaitBound::Constant
          ? "up to " + analysis::formatSeconds(W->Bound.Seconds)
          : "without bound";
  diag(Loc, "'%0' waits %1 (it calls '%2') without observing %3, which it "
            "does not take: cancellation cannot interrupt it; pass %3 down "
            "to it")
      << Callee->getNameAsString() << Waits
      << wording::blockingCalleeName(W->Callee, queries())
      << wording::tokenName(Token);
  diag(W->Call->getExprLoc(), "waits here", DiagnosticIDs::Note);
  return true;
}

/// Whether a callable argument of \p Call (a wait's predicate) reads the
/// held token or calls one of its done checks.
bool BlockingCallCheck::predicateReads(const CallExpr *Call,
                                       const analysis::TokenInScope &Token) {
  for (const Expr *Arg : Call->arguments()) {
    const auto *L = dyn_cast<LambdaExpr>(analysis::ignoreValueWrappers(Arg));
    if (!L)
      continue;
    if (analysis::findEvaluated(L->getBody(), [&](const Stmt *S) {
          if (const auto *ME = dyn_cast<MemberExpr>(S))
            return Token.Var && ME->getMemberDecl() == Token.Var;
          if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
            return Token.Var && DRE->getDecl() == Token.Var;
          return false;
        }))
      return true;
  }
  return false;
}

/// The advice of a finding: the model's alternative when it can take the
/// held token; else what the token's own model offers: its done check
/// between bounded waits, and a callback registered through one of its
/// links that can wake the wait.
std::string BlockingCallCheck::adviceFor(const analysis::BlockingCallee &B,
                                         const analysis::TokenInScope &Token) {
  // Every token in scope has its model entry (TokensInScope records only
  // model tokens).
  const bool Fits = !B.Spec || B.Spec->AlternativeTakes.empty() ||
                    B.Spec->AlternativeTakes == Token.Token.Spec->Type;
  if (Fits)
    return B.Alternative.empty() ? "" : "; use " + B.Alternative;
  std::string Advice;
  const std::string Check = wording::doneCheckCall(Token);
  if (!Check.empty())
    Advice = "; wait in bounded slices and check '" + Check +
             "' between them";
  // A link member of the token's class registers a callback on it.
  const std::string Prefix = Token.Token.Spec->Type + "::";
  for (const model::LibraryModel &L : model().libraries())
    for (const std::string &Link : L.Links)
      if (llvm::StringRef(Link).starts_with(Prefix) &&
          !llvm::StringRef(Link).drop_front(Prefix.size()).contains(':')) {
        Advice += (Advice.empty() ? "; " : ", or ") +
                  std::string("wake it from a callback registered with '") +
                  Link.substr(Prefix.size()) + "'";
        return Advice;
      }
  return Advice;
}

void BlockingCallCheck::reportCall(const Expr *Call,
                                   const analysis::BlockingCallee &B,
                                   const analysis::WaitBound &Bound,
                                   const analysis::TokenInScope &Token,
                                   const ASTContext &Ctx) {
  const SourceLocation Loc = Call->getExprLoc();
  if (!reportOnce(Loc, BlockingCallFinding))
    return;
  std::string Name = wording::quoted(wording::blockingCalleeName(B, queries()));
  // Building a lock wrapper calls the mutex's lock member.
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Call))
    Name += " (called by '" +
            queries().name(Ctor->getConstructor()->getParent()) + "')";
  const std::string Use = adviceFor(B, Token);
  // A wait whose predicate reads the token does observe it, but only
  // when something wakes it; nothing here does.
  if (const auto *CE = dyn_cast<CallExpr>(Call);
      CE && Bound.What != analysis::WaitBound::Constant &&
      predicateReads(CE, Token)) {
    diag(Loc, "%0 is not woken when %1 is cancelled: its predicate reads %1, "
              "but nothing wakes the wait then%2")
        << Name << wording::tokenName(Token) << Use;
    return;
  }
  if (Bound.What == analysis::WaitBound::Constant)
    diag(Loc, "%0 waits up to %1 without observing %2, longer than "
              "MaxUncheckedWait (%3)%4")
        << Name << analysis::formatSeconds(Bound.Seconds)
        << wording::tokenName(Token)
        << analysis::formatSeconds(MaxUncheckedWait) << Use
        << Call->getSourceRange();
  else
    diag(Loc, "%0 blocks without observing %1: cancellation cannot "
              "interrupt it%2")
        << Name << wording::tokenName(Token) << Use << Call->getSourceRange();
  if (B.AnnotatedAt) {
    const std::string Declared = queries().name(B.AnnotatedAt);
    diag(B.AnnotatedAt->getLocation(), "'%0' is declared blocking here",
         DiagnosticIDs::Note)
        << (Declared.empty() ? Name : Declared);
  }

  if (const auto *CE = dyn_cast<CallExpr>(Call))
    offerTokenOverload(CE, B, Token, Ctx);
}

void BlockingCallCheck::offerTokenOverload(const CallExpr *Call,
                                           const analysis::BlockingCallee &B,
                                           const analysis::TokenInScope &Token,
                                           const ASTContext &Ctx) {
  // The overload taking the held token, as a fix-it on a note: it changes
  // what the call means (condition_variable_any::wait(lock, token, pred)
  // returns false instead of waiting for pred once stop is requested), so
  // the code after it must look at the result.
  const std::optional<analysis::TokenOverload> O =
      analysis::tokenOverloadOf(B.Callee, queries());
  if (!O || !Token.Var || !Token.Var->getIdentifier() ||
      (Token.Token.How != analysis::Holding::Value &&
       Token.Token.How != analysis::Holding::Reference) ||
      Token.Token.Record->getCanonicalDecl() !=
          O->Token.Record->getCanonicalDecl())
    return;
  const llvm::ArrayRef<const Expr *> Args = analysis::parameterArguments(Call);
  // Every parameter written out, so the token's place is known.
  if (Args.size() != B.Callee->getNumParams() || O->TokenParam > Args.size() ||
      llvm::any_of(Args,
                   [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
    return;
  const std::string TokenName = Token.Var->getName().str();
  FixItHint Fix;
  if (O->TokenParam < Args.size()) {
    const SourceLocation At = Args[O->TokenParam]->getBeginLoc();
    if (At.isMacroID())
      return;
    Fix = FixItHint::CreateInsertion(At, TokenName + ", ");
  } else {
    const SourceLocation End =
        Args.empty() ? SourceLocation()
                     : Lexer::getLocForEndOfToken(Args.back()->getEndLoc(), 0,
                                                  Ctx.getSourceManager(),
                                                  Ctx.getLangOpts());
    if (End.isInvalid() || End.isMacroID())
      return;
    Fix = FixItHint::CreateInsertion(End, ", " + TokenName);
  }
  diag(Call->getExprLoc(),
       "pass '%0' to the overload of '%1' that observes it; it returns early "
       "when cancellation is requested, so check its result",
       DiagnosticIDs::Note)
      << TokenName << Call->getDirectCallee()->getName() << Fix;
}

void BlockingCallCheck::reportLoop(const analysis::FunctionScan &Scan,
                                   size_t LoopIndex, const Stmt *Wait,
                                   const FunctionDecl *Via,
                                   const analysis::TokenInScope &Token) {
  const Stmt *Loop = Scan.Loops[LoopIndex].Loop;
  if (!reportOnce(Loop->getBeginLoc(), LoopFinding))
    return;
  const std::string Name = wording::tokenName(Token);
  const std::string Check = wording::doneCheckCall(Token);
  const std::string Advice =
      Check.empty() ? "pass " + Name + " to the calls that wait in it"
                    : "check '" + Check + "' in it or pass " + Name +
                          " to the calls that wait in it";
  diag(Loop->getBeginLoc(),
       "loop never consults %0: cancellation cannot end it; %1")
      << Name << Advice << analysis::loopHeaderRange(Loop);
  if (const auto *E = dyn_cast<Expr>(Wait)) {
    if (Via)
      diag(E->getExprLoc(), "'%0' waits: it makes a blocking call",
           DiagnosticIDs::Note)
          << Via->getName() << E->getSourceRange();
    else if (isa<CoawaitExpr>(E))
      diag(E->getExprLoc(), "suspends here without observing %0",
           DiagnosticIDs::Note)
          << Name << E->getSourceRange();
    else
      diag(E->getExprLoc(), "waits here without observing %0",
           DiagnosticIDs::Note)
          << Name << E->getSourceRange();
  }
}

//===--- 3, 4. Waits that setting a stop flag cannot end ------------------===//

/// The polled flag that loop \p L of \p Scan, or a loop around it, reads.
static const analysis::StopFlag *
flagOfLoop(const analysis::FunctionScan &Scan, int L,
           llvm::ArrayRef<const analysis::StopFlag *> Polled,
           analysis::StopFlags &Flags) {
  for (; L >= 0; L = Scan.Loops[L].Parent) {
    if (!Scan.Loops[L].Consults)
      continue;
    for (const analysis::StopFlag *F : Polled)
      if (Flags.reads(Scan.Loops[L].Loop, *F))
        return F;
  }
  return nullptr;
}

void BlockingCallCheck::analyseStopFlags(
    const FunctionDecl *FD, llvm::ArrayRef<const analysis::StopFlag *> Polled,
    analysis::StopFlags &Flags, const ASTContext &Ctx) {
  const analysis::PolledFlags Reads{Polled, Flags};
  const analysis::FunctionScan Scan =
      analysis::scanTokenConsultation(FD, {}, queries(), *Blocking, &Reads);
  if (Scan.Truncated)
    return;
  std::optional<analysis::PromptCalls> Prompt;
  for (size_t I = 0; I < Scan.Calls.size(); ++I) {
    const analysis::ScannedCall &SC = Scan.Calls[I];
    const analysis::BlockingCallee B = Blocking->blockingCallee(SC.Call);
    if (!B)
      continue;
    // Only a loop that polls the flag is stopped by it.
    const analysis::StopFlag *Flag = flagOfLoop(Scan, SC.Loop, Polled, Flags);
    if (!Flag)
      continue;
    if (!Prompt)
      Prompt.emplace(Scan, *Blocking, queries(), Ctx);
    if (Prompt->isPrompt(I, B))
      continue;
    const analysis::WaitBound Bound = Blocking->boundOf(SC.Call, B, Ctx);
    if (Bound.What == analysis::WaitBound::NotBlocking ||
        (Bound.What == analysis::WaitBound::Constant &&
         Bound.Seconds <= MaxUncheckedWait))
      continue;
    const analysis::FlagWait W =
        analysis::flagWaitOf(SC.Call, B, *Flag, Flags);
    if (W.What == analysis::FlagWait::Woken)
      continue;
    // A timed wait of unknown length is the polling idiom, unless it is a
    // sleep: then nothing but its time ends it.
    if (W.What == analysis::FlagWait::NotWoken &&
        Bound.What == analysis::WaitBound::Unknown && !W.Sleeps)
      continue;
    reportFlagWait(SC.Call, B, Bound, *Flag, W);
  }
}

void BlockingCallCheck::reportFlagWait(const CallExpr *Call,
                                       const analysis::BlockingCallee &B,
                                       const analysis::WaitBound &Bound,
                                       const analysis::StopFlag &Flag,
                                       const analysis::FlagWait &W) {
  const SourceLocation Loc = Call->getExprLoc();
  if (!reportOnce(Loc, BlockingCallFinding))
    return;
  const std::string Name = wording::blockingCalleeName(B, queries());
  const std::string FlagName = Flag.Var->getNameAsString();
  switch (W.What) {
  case analysis::FlagWait::PredicateIgnores:
    diag(Loc, "the predicate of '%0' does not read stop flag '%1': when '%1' "
              "is set and '%2' wakes the wait, it goes back to waiting, so "
              "the thread may not stop; make the predicate return when '%1' "
              "is set")
        << Name << FlagName << W.Wake->getDirectCallee()->getNameAsString()
        << Call->getSourceRange();
    break;
  case analysis::FlagWait::LostWakeup:
    diag(Loc, "'%0' can miss the stop request: stop flag '%1' is set and '%3' "
              "is called without holding '%2', the mutex of this wait, so the "
              "wake-up can come between the predicate's check and the wait, "
              "and the thread %select{may never wake|may sleep until the wait "
              "times out}4; set '%1' or call '%3' while holding '%2'")
        << Name << FlagName << W.Mutex->getNameAsString()
        << W.Wake->getDirectCallee()->getNameAsString()
        << (Bound.What != analysis::WaitBound::Unbounded)
        << Call->getSourceRange();
    break;
  case analysis::FlagWait::NotWoken:
  case analysis::FlagWait::Woken: {
    std::string Advice;
    if (W.Sleeps)
      Advice = "wait on a condition variable with a predicate that reads '" +
               FlagName + "', and notify it where '" + FlagName + "' is set";
    else if (B.Spec && !B.Spec->WokenBy.empty())
      Advice = "call '" + B.Spec->WokenBy.back() + "' on what it waits for "
               "where '" + FlagName + "' is set";
    else
      Advice = "bound the wait, or end it where '" + FlagName + "' is set";
    if (Bound.What == analysis::WaitBound::Constant)
      diag(Loc, "'%0' waits up to %1 without observing stop flag '%2', "
                "longer than MaxUncheckedWait (%3), so stopping this thread "
                "can take that long; %4")
          << Name << analysis::formatSeconds(Bound.Seconds) << FlagName
          << analysis::formatSeconds(MaxUncheckedWait) << Advice
          << Call->getSourceRange();
    else if (Bound.What == analysis::WaitBound::Unknown)
      diag(Loc, "'%0' waits for a time not known here, and setting stop "
                "flag '%1' does not end the wait, so stopping this thread can "
                "take that long; %2")
          << Name << FlagName << Advice << Call->getSourceRange();
    else
      diag(Loc, "'%0' blocks without observing stop flag '%1', and setting "
                "it does not end the wait, so the thread may never stop; %2")
          << Name << FlagName << Advice << Call->getSourceRange();
    break;
  }
  }
  diag(Flag.SetAt->getBeginLoc(), wording::stopFlagReason(Flag),
       DiagnosticIDs::Note);
}

//===--- 5. Joining a thread under the mutex it needs to end --------------===//

void BlockingCallCheck::checkJoinUnderLock(const FunctionDecl *Setter,
                                           const analysis::StopFlag &Flag,
                                           analysis::StopFlags &Flags) {
  const CallExpr *Join = Flag.Signal;
  if (!Flag.SignalJoins || !Setter->getBody())
    return;
  for (const FunctionDecl *Poller : Flags.pollersOf(Flag)) {
    if (!Poller->getBody())
      continue;
    for (const auto &[Mutex, LockedAt] :
         analysis::mutexesLockedIn(Poller->getBody(), queries())) {
      if (!analysis::mutexHeldAt(Setter->getBody(), Join, Mutex, queries()) ||
          !reportOnce(Join->getExprLoc(), BlockingCallFinding))
        continue;
      const std::string M = Mutex->getNameAsString();
      diag(Join->getExprLoc(),
           "'join' waits for the thread while '%0' is held, and the thread "
           "locks '%0' in '%1': if it is waiting for '%0' when the join "
           "starts, neither can go on; release '%0' before joining")
          << M << Poller->getNameAsString();
      diag(LockedAt->getBeginLoc(), "'%0' locks '%1' here",
           DiagnosticIDs::Note)
          << Poller->getNameAsString() << M;
      diag(Flag.SetAt->getBeginLoc(), wording::stopFlagReason(Flag),
           DiagnosticIDs::Note);
      return;
    }
  }
}

} // namespace cancellint
