//===--- SwallowedDoneCheck.h - cancel-swallowed-done ----------------------===//
#ifndef CANCELLINT_CHECKS_SWALLOWEDDONECHECK_H
#define CANCELLINT_CHECKS_SWALLOWEDDONECHECK_H

#include "ModelCheck.h"
#include "analysis/CompletionHandlers.h"
#include "analysis/DirectCloses.h"
#include "analysis/DoneSignals.h"
#include "analysis/FunctionPaths.h"
#include "analysis/Loops.h"
#include <memory>

namespace clang {
class CallExpr;
class CXXCatchStmt;
class FunctionDecl;
class IfStmt;
class ParmVarDecl;
class Stmt;
class SwitchStmt;
} // namespace clang

namespace cancellint {

/// Docs: docs/checks/cancel-swallowed-done.md
class SwallowedDoneCheck : public ModelCheck {
public:
  SwallowedDoneCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  ~SwallowedDoneCheck() override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
  void startTranslationUnit() override;

private:
  struct State; ///< per translation unit: CFGs, memo tables
  std::unique_ptr<State> TU;

  State &state(clang::ASTContext &Ctx);
  void checkSwitch(const clang::SwitchStmt *S, clang::ASTContext &Ctx);
  void checkElseChain(const clang::IfStmt *If, clang::ASTContext &Ctx);
  void checkStopCheck(const clang::IfStmt *If, clang::ASTContext &Ctx);
  void checkCatch(const clang::CXXCatchStmt *Catch, clang::ASTContext &Ctx);
  void checkAsyncCall(const clang::CallExpr *Call, clang::ASTContext &Ctx);
  void checkQueuedCompletion(const analysis::CompletionHandler &H,
                             const clang::CallExpr *Armed);
  void checkRetriedStatus(const clang::DeclStmt *Decl, clang::ASTContext &Ctx);
  void checkHandler(const clang::FunctionDecl *Handler,
                    const clang::ParmVarDecl *ErrorCode,
                    const clang::CallExpr *Armed, unsigned Depth);
  void checkGuardedRearm(const clang::FunctionDecl *Handler,
                         const clang::ParmVarDecl *ErrorCode,
                         const clang::CallExpr *Armed,
                         const analysis::CompletionHandlers::Chain &C);
  /// "'async_read' again through 'do_read'", "'async_write', which leads
  /// back to 'async_read'".
  std::string nextPhrase(const analysis::Rearm &Next,
                         const clang::FunctionDecl *Own);
  /// Rule 2. \p Tested: an error code test control goes on past;
  /// \p Setting: a test of a member only constructors set.
  void reportRearm(const clang::FunctionDecl *Handler,
                   const clang::ParmVarDecl *ErrorCode,
                   const clang::CallExpr *Armed, const analysis::Rearm &Next,
                   const clang::Expr *Tested, const clang::Expr *Setting);
  void reportOpenRace(const clang::FunctionDecl *Handler,
                      const clang::CallExpr *Armed,
                      const analysis::CompletionHandlers::Chain &C,
                      const analysis::DirectCloses::Close &Close);
  analysis::LoopWalk walkCancelled(const analysis::LoopContext &LC,
                                   const clang::CFGBlock *From,
                                   const analysis::DoneCarrier &Carrier,
                                   const clang::Stmt *Region);
  void noteBackEdge(const clang::Stmt *BackEdge);
};

} // namespace cancellint

#endif
