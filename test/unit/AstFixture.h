//===--- AstFixture.h - A small AST built from a string, for unit tests ---===//
#ifndef CANCELLINT_TEST_UNIT_ASTFIXTURE_H
#define CANCELLINT_TEST_UNIT_ASTFIXTURE_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

namespace cancellint::test {

/// Parses \p Code as C++20 (with <stop_token> and <chrono> available) and
/// answers lookups by name.
class Ast {
public:
  explicit Ast(const std::string &Code)
      : Unit(clang::tooling::buildASTFromCodeWithArgs(
            Code,
            {"-std=c++20", "-fsyntax-only",
             "-resource-dir=" CANCELLINT_CLANG_RESOURCE_DIR},
            "input.cpp")) {}

  bool valid() const {
    return Unit && !Unit->getDiagnostics().hasErrorOccurred();
  }
  clang::ASTContext &context() { return Unit->getASTContext(); }

  /// The definition of the function named \p Name.
  const clang::FunctionDecl *function(const std::string &Name) {
    using namespace clang::ast_matchers;
    return selectFirst<clang::FunctionDecl>(
        "f", match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                   context()));
  }

  /// The first call of the function named \p Callee, in source order.
  const clang::CallExpr *call(const std::string &Callee) {
    using namespace clang::ast_matchers;
    return selectFirst<clang::CallExpr>(
        "c", match(callExpr(callee(functionDecl(hasName(Callee)))).bind("c"),
                   context()));
  }

private:
  std::unique_ptr<clang::ASTUnit> Unit;
};

} // namespace cancellint::test

#endif
