//===--- SourceText.h - Quoting code in messages -------------------------===//
#ifndef CANCELLINT_ANALYSIS_SOURCETEXT_H
#define CANCELLINT_ANALYSIS_SOURCETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace cancellint::analysis {

/// How a message can name \p E: the variable it refers to, or its source
/// text when that is one short line. Nullopt when neither fits; the caller
/// then says "the argument", "this value"...
std::optional<std::string> shortSpelling(const clang::Expr *E,
                                         const clang::ASTContext &Ctx);

/// What a finding about loop \p Loop marks: its head, from the keyword to
/// the closing parenthesis of its condition (`while (...)`, `for (...)`),
/// or the `do` of a do-while loop; not the body, which can be long.
clang::SourceRange loopHeaderRange(const clang::Stmt *Loop);

} // namespace cancellint::analysis

#endif
