//===--- WaitBoundsTest.cpp - How long a timed wait can last --------------===//
#include "AstFixture.h"
#include "analysis/WaitBounds.h"

using namespace clang;
using cancellint::analysis::constantWaitSeconds;
using cancellint::analysis::formatSeconds;
using cancellint::analysis::parseSecondsOption;
using cancellint::model::TimeoutArg;
using cancellint::test::Ast;

namespace {

/// The bound of the first argument of the first call of `wait` in \p Body.
std::optional<double> boundOf(const std::string &Body, TimeoutArg::Unit U) {
  Ast A("#include <chrono>\n"
        "template <class T> void wait(T);\n"
        "using namespace std::chrono_literals;\n"
        "void f(int n) { " + Body + " }");
  EXPECT_TRUE(A.valid());
  const CallExpr *Call = A.call("wait");
  EXPECT_NE(Call, nullptr);
  if (!Call)
    return std::nullopt;
  return constantWaitSeconds(Call->getArg(0), U, A.context());
}

TEST(WaitBounds, ChronoDurations) {
  EXPECT_EQ(boundOf("wait(std::chrono::milliseconds(1500));", TimeoutArg::Duration),
            std::optional<double>(1.5));
  EXPECT_EQ(boundOf("wait(2min);", TimeoutArg::Duration),
            std::optional<double>(120.0));
  EXPECT_EQ(boundOf("wait(std::chrono::seconds(n));", TimeoutArg::Duration),
            std::nullopt);
}

TEST(WaitBounds, NumbersInAUnit) {
  EXPECT_EQ(boundOf("wait(250);", TimeoutArg::Milliseconds),
            std::optional<double>(0.25));
  EXPECT_EQ(boundOf("wait(3);", TimeoutArg::Seconds), std::optional<double>(3.0));
  EXPECT_EQ(boundOf("wait(n);", TimeoutArg::Milliseconds), std::nullopt);
}

TEST(WaitBounds, TimePointsFromNow) {
  EXPECT_EQ(boundOf("wait(std::chrono::steady_clock::now() + 5s);",
                    TimeoutArg::TimePoint),
            std::optional<double>(5.0));
  EXPECT_EQ(boundOf("wait(std::chrono::steady_clock::time_point{});",
                    TimeoutArg::TimePoint),
            std::nullopt);
}

TEST(WaitBounds, Formatting) {
  EXPECT_EQ(formatSeconds(5), "5 s");
  EXPECT_EQ(formatSeconds(1.5), "1500 ms");
  EXPECT_EQ(formatSeconds(0.00025), "250 us");
  EXPECT_EQ(formatSeconds(0), "0 s");
}

TEST(WaitBounds, Options) {
  EXPECT_EQ(parseSecondsOption("1s"), std::optional<double>(1.0));
  EXPECT_EQ(parseSecondsOption("500ms"), std::optional<double>(0.5));
  EXPECT_EQ(parseSecondsOption("2min"), std::optional<double>(120.0));
  EXPECT_EQ(parseSecondsOption("250"), std::optional<double>(0.25));
  EXPECT_EQ(parseSecondsOption("-1s"), std::nullopt);
  EXPECT_EQ(parseSecondsOption("soon"), std::nullopt);
}

} // namespace
