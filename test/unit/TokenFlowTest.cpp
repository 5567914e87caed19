//===--- TokenFlowTest.cpp - Where the tokens a function passes come from -===//
#include "analysis/TokenFlow.h"
#include "AstFixture.h"
#include "analysis/ModelQueries.h"
#include "analysis/TokensInScope.h"
#include "model/Model.h"
#include "model/ModelLoader.h"

using namespace clang;
using namespace cancellint;
using analysis::Provenance;
using cancellint::test::Ast;

namespace {

/// std::stop_token and std::stop_source, as the built-in model says.
model::Model stdModel() {
  model::LibraryModel Library;
  std::vector<model::ModelError> Errors;
  EXPECT_TRUE(model::parseModel(R"({"format": "cancellint-model/1", "library": "std",
    "tokens": [{"type": "std::stop_token", "done_checks": ["stop_requested"],
                "root": "default-constructed"}],
    "sources": [{"type": "std::stop_source", "token_getter": "get_token",
                 "cancel": "request_stop"}]})",
                                "std.json", Library, Errors));
  model::Model M;
  M.add(std::move(Library));
  return M;
}

/// The provenance of each argument passed to `use` in `f`, in order.
std::vector<Provenance::Kind> provenances(const std::string &Body) {
  Ast A("#include <stop_token>\n"
        "void use(std::stop_token);\n"
        "std::stop_token global;\n"
        "void f(std::stop_token held) { " + Body + " }");
  EXPECT_TRUE(A.valid());
  const model::Model M = stdModel();
  analysis::ModelQueries Queries(M);
  analysis::TokensInScope Holders(Queries);
  analysis::TokenFlow Flow(Queries, Holders, A.function("f"));
  std::vector<Provenance::Kind> Kinds;
  for (const Expr *E : Flow.calls())
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->getDirectCallee() &&
        Call->getDirectCallee()->getName() == "use")
      Kinds.push_back(Flow.provenance(Call->getArg(0)).What);
  return Kinds;
}

TEST(TokenFlow, HeldTokensAndCopies) {
  EXPECT_EQ(provenances("use(held); auto copy = held; use(copy);"),
            (std::vector<Provenance::Kind>{Provenance::Held, Provenance::Held}));
}

TEST(TokenFlow, DefaultConstructedTokensAreRoots) {
  EXPECT_EQ(provenances("use(std::stop_token{}); std::stop_token t; use(t);"),
            (std::vector<Provenance::Kind>{Provenance::Root, Provenance::Root}));
}

TEST(TokenFlow, LocalSourcesAndGlobals) {
  EXPECT_EQ(provenances("std::stop_source s; use(s.get_token()); use(global);"),
            (std::vector<Provenance::Kind>{Provenance::LocalSource,
                                           Provenance::Foreign}));
}

} // namespace
