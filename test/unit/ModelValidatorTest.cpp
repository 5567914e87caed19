//===--- ModelValidatorTest.cpp - What the model loader accepts -----------===//
#include "model/ModelLoader.h"
#include "gtest/gtest.h"

using namespace cancellint::model;

namespace {

std::vector<std::string> errorsOf(const std::string &Text) {
  LibraryModel Out;
  std::vector<ModelError> Errors;
  const bool Ok = parseModel(Text, "m.json", Out, Errors);
  std::vector<std::string> Formatted;
  for (const ModelError &E : Errors)
    Formatted.push_back(E.format());
  EXPECT_EQ(Ok, Formatted.empty());
  return Formatted;
}

TEST(ModelValidator, AcceptsAValidModel) {
  LibraryModel Out;
  std::vector<ModelError> Errors;
  ASSERT_TRUE(parseModel(R"({"format": "cancellint-model/1", "library": "mine",
      "tokens": [{"type": "my::Token", "root": "new-context"}],
      "sources": [{"type": "my::Source", "token_getter": "token", "cancel": "stop"}]})",
                         "m.json", Out, Errors));
  EXPECT_TRUE(Errors.empty());
  ASSERT_EQ(Out.Tokens.size(), 1u);
  EXPECT_EQ(Out.Tokens[0].Type, "my::Token");
  EXPECT_EQ(Out.Tokens[0].DefaultConstructed, TokenSpec::DefaultRoot::NewContext);
  ASSERT_EQ(Out.Sources.size(), 1u);
  EXPECT_EQ(Out.Sources[0].TokenGetter, "token");
}

TEST(ModelValidator, UnknownKeysNamedWithTheirPlace) {
  const auto Errors = errorsOf(R"({"format": "cancellint-model/1", "library": "mine",
  "spawns": [{"function": "f", "joins": "join"}]})");
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0], "m.json:2:32: error: unknown key \"joins\" (expected one "
                       "of: function, join) (at /spawns/0/joins)");
}

TEST(ModelValidator, BadValuesAndWrongTypes) {
  const auto Errors = errorsOf(R"({"format": "cancellint-model/1", "library": "mine",
  "tokens": [{"type": "T", "root": "sometimes"}],
  "sources": [{"type": "S", "destructor_cancels": "yes"}]})");
  ASSERT_EQ(Errors.size(), 2u);
  EXPECT_NE(Errors[0].find("\"root\" must be \"default-constructed\" or "
                           "\"new-context\" (at /tokens/0/root)"),
            std::string::npos);
  EXPECT_NE(Errors[1].find("expected true or false (at "
                           "/sources/0/destructor_cancels)"),
            std::string::npos);
}

TEST(ModelValidator, WrongFormatAndSyntax) {
  EXPECT_FALSE(errorsOf(R"({"format": "cancellint-model/9", "library": "x"})").empty());
  const auto Syntax = errorsOf("{\"format\": ");
  ASSERT_FALSE(Syntax.empty());
  EXPECT_EQ(Syntax[0].rfind("m.json:1:", 0), 0u);
}

} // namespace
