//===--- SourceText.cpp - Quoting code in messages -----------------------===//
#include "SourceText.h"
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

} // namespace cancellint::analysis
