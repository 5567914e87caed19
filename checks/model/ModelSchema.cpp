//===--- ModelSchema.cpp - The keys of cancellint-model/1 as JSON ---------===//
#include "ModelSchema.h"

#include <iterator>
#include <nlohmann/json.hpp>

namespace cancellint::model::schema {

using nlohmann::ordered_json;

/// Kind in the dump, in the order of its enumerators.
static const char *const KindNames[] = {
    "format",      "text", "name",      "member", "names",  "members",
    "identifiers", "bool", "arg_index", "choice", "object", "objects"};
static_assert(std::size(KindNames) == static_cast<size_t>(Kind::Objects) + 1);

/// The rows of Schema<S>, nested objects included.
template <typename S> static ordered_json rowsOf() {
  ordered_json Rows = ordered_json::array();
  Schema<S>::rows([&](auto Member, const Key &K) {
    ordered_json Row = {{"key", K.Name},
                        {"kind", KindNames[static_cast<size_t>(K.Is)]},
                        {"required", K.Need == Required}};
    if (K.Declares != NoDecl) {
      ordered_json &Declares = Row["declares"] = ordered_json::array();
      for (const auto &[Bit, Word] : DeclKindWords)
        if (K.Declares & Bit)
          Declares.push_back(Word);
    }
    if (K.Default)
      Row["default"] = K.Default;
    if (K.Is == Kind::Choice) {
      ordered_json &Choices = Row["choices"] = ordered_json::array();
      for (const char *C : K.Choices)
        if (C)
          Choices.push_back(C);
    }
    Row["doc"] = K.Doc;
    using M = MemberType<decltype(Member)>;
    if constexpr (HoldsEntries<M>)
      Row["fields"] = rowsOf<typename M::value_type>();
    Rows.push_back(std::move(Row));
  });
  return Rows;
}

std::string schemaJson() {
  return ordered_json{{"keys", rowsOf<LibraryModel>()}}.dump(2) + "\n";
}

} // namespace cancellint::model::schema
