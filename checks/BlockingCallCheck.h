//===--- BlockingCallCheck.h - cancel-blocking-call -----------------------===//
#ifndef CANCELLINT_CHECKS_BLOCKINGCALLCHECK_H
#define CANCELLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "ModelCheck.h"
#include "analysis/BlockingCalls.h"
#include "analysis/FlagWaits.h"
#include "analysis/StopFlags.h"
#include "analysis/TokenConsultation.h"
#include "analysis/TokensInScope.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <set>

namespace cancellint {

/// Inside a function that holds a token: blocking calls that cannot observe
/// it, and loops that never consult it. In a coroutine, also co_awaits of
/// awaitables that ignore its token, whether it takes the token or not.
///
/// Docs: docs/checks/cancel-blocking-call.md
class BlockingCallCheck : public ModelCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override;

private:
  std::string MaxUncheckedWaitText;
  double MaxUncheckedWait = 1.0; ///< seconds

  // Per translation unit.
  std::optional<analysis::TokensInScope> Holders;
  std::optional<analysis::BlockingCalls> Blocking;
  llvm::DenseSet<const clang::FunctionDecl *> Analysed;

  void analyse(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);
  void analyseTokens(const clang::FunctionDecl *FD,
                     llvm::ArrayRef<analysis::TokenInScope> Held,
                     const clang::ASTContext &Ctx);
  /// Findings 3 and 4: waits in a loop polling a stop flag.
  void analyseStopFlags(const clang::FunctionDecl *FD,
                        llvm::ArrayRef<const analysis::StopFlag *> Polled,
                        analysis::StopFlags &Flags,
                        const clang::ASTContext &Ctx);
  /// Finding 5: the setter joins the thread while holding a mutex the
  /// thread's loop locks.
  void checkJoinUnderLock(const clang::FunctionDecl *Setter,
                          const analysis::StopFlag &Flag,
                          analysis::StopFlags &Flags);
  void reportFlagWait(const clang::CallExpr *Call,
                      const analysis::BlockingCallee &B,
                      const analysis::WaitBound &Bound,
                      const analysis::StopFlag &Flag,
                      const analysis::FlagWait &W);
  /// Finding 1; returns, per loop, whether a call inside it was reported,
  /// and adds to \p PromptWaits the blocking calls that return promptly.
  std::vector<bool>
  checkCalls(const analysis::FunctionScan &Scan,
             const analysis::TokenInScope &Token, const clang::ASTContext &Ctx,
             llvm::SmallPtrSetImpl<const clang::Stmt *> &PromptWaits);
  /// Finding 2.
  void checkLoops(const analysis::FunctionScan &Scan,
                  const std::vector<bool> &LoopHasFinding,
                  const llvm::SmallPtrSetImpl<const clang::Stmt *> &PromptWaits,
                  const analysis::TokenInScope &Token);
  /// co_awaits of awaitables that ignore the coroutine's token (model
  /// uncancellable_awaitables); marks the loops around each reported one.
  /// \p NeverTaken: the coroutine holds no token, \p Token stands for the
  /// one its promise carries.
  void checkAwaits(const analysis::FunctionScan &Scan,
                   const analysis::TokenInScope &Token, bool NeverTaken,
                   std::vector<bool> &LoopHasFinding);
  /// Lock wrappers built on a mutex whose lock blocks (model
  /// lock_wrappers).
  void checkLockWrappers(const clang::FunctionDecl *FD,
                         const analysis::TokenInScope &Token,
                         const clang::ASTContext &Ctx);
  bool reportIndirectWait(const clang::CallExpr *Call,
                          const analysis::TokenInScope &Token,
                          const clang::ASTContext &Ctx);
  std::string adviceFor(const analysis::BlockingCallee &B,
                        const analysis::TokenInScope &Token);
  static bool predicateReads(const clang::CallExpr *Call,
                             const analysis::TokenInScope &Token);
  void reportCall(const clang::Expr *Call, const analysis::BlockingCallee &B,
                  const analysis::WaitBound &Bound,
                  const analysis::TokenInScope &Token,
                  const clang::ASTContext &Ctx);
  void offerTokenOverload(const clang::CallExpr *Call,
                          const analysis::BlockingCallee &B,
                          const analysis::TokenInScope &Token,
                          const clang::ASTContext &Ctx);
  void reportLoop(const analysis::FunctionScan &Scan, size_t LoopIndex,
                  const clang::Stmt *Wait, const clang::FunctionDecl *Via,
                  const analysis::TokenInScope &Token);
};

} // namespace cancellint

#endif
