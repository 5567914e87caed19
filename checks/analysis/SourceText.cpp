//===--- SourceText.cpp - Quoting code in messages -----------------------===//
#include "SourceText.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cancellint::analysis {

std::optional<std::string> shortSpelling(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreImplicit();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return Ref->getDecl()->getNameAsString();
  StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                           Ctx.getSourceManager(), Ctx.getLangOpts());
  if (Text.empty() || Text.size() > 40 || Text.contains('\n'))
    return std::nullopt;
  return Text.str();
}

SourceRange loopHeaderRange(const Stmt *Loop) {
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    return {W->getWhileLoc(), W->getRParenLoc()};
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return {F->getForLoc(), F->getRParenLoc()};
  if (const auto *F = dyn_cast<CXXForRangeStmt>(Loop))
    return {F->getForLoc(), F->getRParenLoc()};
  return {Loop->getBeginLoc(), Loop->getBeginLoc()};
}

} // namespace cancellint::analysis
