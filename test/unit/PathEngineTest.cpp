//===--- PathEngineTest.cpp - FunctionPaths: what control can reach -------===//
#include "AstFixture.h"
#include "analysis/FunctionPaths.h"

using namespace clang;
using cancellint::analysis::FunctionPaths;
using cancellint::analysis::WalkRules;
using cancellint::test::Ast;

namespace {

/// Whether \p S calls the function named `target`.
bool isTargetCall(const Stmt *S) {
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getName() == "target";
}

/// The first call of `target` control reaches from the entry of `f`.
const Stmt *firstTarget(Ast &A) {
  const FunctionDecl *F = A.function("f");
  EXPECT_NE(F, nullptr);
  std::unique_ptr<FunctionPaths> Paths = FunctionPaths::build(F, A.context());
  EXPECT_NE(Paths, nullptr);
  if (!Paths)
    return nullptr;
  return Paths->firstReachable(WalkRules{}, isTargetCall);
}

const char *const Prelude = "void target(); [[noreturn]] void die();\n";

TEST(PathEngine, ReachesAcallOnSomePath) {
  Ast A(std::string(Prelude) + "void f(bool c) { if (c) return; target(); }");
  ASSERT_TRUE(A.valid());
  EXPECT_EQ(firstTarget(A), A.call("target"));
}

TEST(PathEngine, NothingAfterAReturn) {
  Ast A(std::string(Prelude) + "void f() { return; target(); }");
  ASSERT_TRUE(A.valid());
  EXPECT_EQ(firstTarget(A), nullptr);
}

TEST(PathEngine, NoreturnCallsEndThePath) {
  Ast A(std::string(Prelude) + "void f() { die(); target(); }");
  ASSERT_TRUE(A.valid());
  EXPECT_EQ(firstTarget(A), nullptr);
}

TEST(PathEngine, ANoreturnCallOnOneBranchLeavesTheOther) {
  Ast A(std::string(Prelude) + "void f(bool c) { if (c) die(); target(); }");
  ASSERT_TRUE(A.valid());
  EXPECT_EQ(firstTarget(A), A.call("target"));
}

TEST(PathEngine, NothingAfterAnEndlessLoop) {
  Ast A(std::string(Prelude) + "void f(int n) { for (;;) ++n; target(); }");
  ASSERT_TRUE(A.valid());
  EXPECT_EQ(firstTarget(A), nullptr);
}

TEST(PathEngine, BranchRulesSettlePaths) {
  Ast A(std::string(Prelude) +
        "bool stop();\n"
        "void f() { if (stop()) return; target(); }");
  ASSERT_TRUE(A.valid());
  const FunctionDecl *F = A.function("f");
  std::unique_ptr<FunctionPaths> Paths = FunctionPaths::build(F, A.context());
  ASSERT_NE(Paths, nullptr);
  // Following only the true edge of `if (stop())` reaches the return.
  auto TrueOnly = [](const Expr *, bool) {
    return cancellint::analysis::Follow::TrueOnly;
  };
  EXPECT_EQ(Paths->firstReachable(WalkRules{TrueOnly, nullptr, nullptr},
                                  isTargetCall),
            nullptr);
  auto FalseOnly = [](const Expr *, bool) {
    return cancellint::analysis::Follow::FalseOnly;
  };
  EXPECT_EQ(Paths->firstReachable(WalkRules{FalseOnly, nullptr, nullptr},
                                  isTargetCall),
            A.call("target"));
}

TEST(PathEngine, ReachesBetweenPointsAvoidingStops) {
  Ast A(std::string(Prelude) +
        "void first(); void second();\n"
        "void f(bool c) { first(); if (c) die(); second(); }");
  ASSERT_TRUE(A.valid());
  std::unique_ptr<FunctionPaths> Paths =
      FunctionPaths::build(A.function("f"), A.context());
  ASSERT_NE(Paths, nullptr);
  auto First = Paths->pointOf(A.call("first"));
  auto Second = Paths->pointOf(A.call("second"));
  ASSERT_TRUE(First && Second);
  cancellint::analysis::PathStops None;
  EXPECT_EQ(Paths->reaches(*First, *Second, None), std::optional<bool>(true));
  // Backwards: no path from second() to first().
  EXPECT_EQ(Paths->reaches(*Second, *First, None), std::optional<bool>(false));
}

} // namespace
