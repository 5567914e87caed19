//===--- ModelLoader.cpp - Reading and validating model documents --------===//
//
// Validates a document against the keys of ModelSchema.h, row by row, and
// stores what it holds. Unknown keys are errors so that a typo
// ("done_check") cannot silently disable what the user meant to configure.
//
//===----------------------------------------------------------------------===//
#include "ModelLoader.h"
#include "LocatedJson.h"
#include "ModelSchema.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"

#include <cassert>
#include <iterator>
#include <regex>

namespace cancellint::model {

using nlohmann::json;

std::string ModelError::format() const {
  std::string S = File + ":";
  if (Line != 0)
    S += std::to_string(Line) + ":" + std::to_string(Column) + ":";
  S += " error: " + Message;
  if (!JsonPointer.empty())
    S += " (at " + JsonPointer + ")";
  return S;
}

namespace {

using schema::Key;
using schema::Kind;
using schema::Schema;

/// A JSON key or string as the model file spells it: "scope".
std::string jsonQuoted(const char *S) { return std::string("\"") + S + "\""; }

/// `"scope" must be "request" or "any"`: a Choice given another string.
std::string choiceError(const Key &K) {
  if (K.Invalid)
    return K.Invalid;
  std::vector<std::string> Choices;
  for (const char *C : K.Choices)
    if (C)
      Choices.push_back(jsonQuoted(C));
  std::string Last = Choices.back();
  Choices.pop_back();
  return jsonQuoted(K.Name) + " must be " +
         (Choices.empty() ? "" : llvm::join(Choices, ", ") + " or ") + Last;
}

class DocumentValidator {
public:
  DocumentValidator(const std::string &Text, const std::string &Origin,
                    const LocatedJson &Doc, std::vector<ModelError> &Errors)
      : Text(Text), Origin(Origin), Doc(Doc), Errors(Errors) {}

  bool run(LibraryModel &Out) {
    size_t Before = Errors.size();
    const json &Root = Doc.Value;
    if (!Root.is_object()) {
      error("", "a model document must be a JSON object");
      return false;
    }
    readFields(Root, "", Out);
    Out.Origin = Origin;
    // Every entry names its library, for messages.
    Schema<LibraryModel>::rows([&](auto List, const Key &) {
      if constexpr (schema::HoldsEntries<schema::MemberType<decltype(List)>>)
        for (auto &Entry : Out.*List)
          Entry.Library = Out.Library;
    });
    return Errors.size() == Before;
  }

private:
  const std::string &Text;
  const std::string &Origin;
  const LocatedJson &Doc;
  std::vector<ModelError> &Errors;

  void error(const std::string &Pointer, const std::string &Message) {
    TextPosition Pos = positionOf(Text, Doc.offsetOf(Pointer));
    Errors.push_back({Origin, Pos.Line, Pos.Column,
                      Pointer.empty() ? "/" : Pointer, Message});
  }

  /// The keys of \p Object at \p P, checked and stored into \p Out row by
  /// row.
  template <typename S>
  void readFields(const json &Object, const std::string &P, S &Out) {
    static const std::vector<const char *> Known = schema::keyNames<S>();
    checkKeys(Object, P, Known);
    Schema<S>::rows([&](auto Member, const Key &K) {
      if (!Object.contains(K.Name)) {
        if (K.Need == schema::Required)
          error(P, "missing required key " + jsonQuoted(K.Name));
        return;
      }
      const json &V = Object[K.Name];
      const std::string VP = P + "/" + K.Name;
      if constexpr (std::is_null_pointer_v<decltype(Member)>) {
        if (!V.is_string() || V.get<std::string>() != ModelFormatTag)
          error(VP,
                jsonQuoted(K.Name) + " must be " + jsonQuoted(ModelFormatTag));
      } else {
        read(V, VP, K, Out.*Member);
      }
    });
  }

  void checkKeys(const json &Object, const std::string &P,
                 const std::vector<const char *> &Allowed) {
    for (const auto &Item : Object.items()) {
      const std::string &Name = Item.key();
      if (llvm::is_contained(Allowed, llvm::StringRef(Name)))
        continue;
      error(P + "/" + jsonPointerToken(Name),
            llvm::formatv("unknown key \"{0}\" (expected one of: {1})", Name,
                          llvm::join(Allowed.begin(), Allowed.end(), ", "))
                .str());
    }
  }

  void read(const json &V, const std::string &P, const Key &K,
            std::string &Out) {
    switch (K.Is) {
    case Kind::Text:
      Out = requireString(V, P);
      if (K.Need == schema::Required && V.is_string() && Out.empty())
        error(P, jsonQuoted(K.Name) + " must not be empty");
      return;
    case Kind::Name:
      Out = name(V, P);
      return;
    case Kind::Member:
      Out = name(V, P);
      if (Out.find("::") != std::string::npos) {
        error(P, jsonQuoted(K.Name) +
                     " names a member function: write it without a class");
        Out.clear();
      }
      return;
    default:
      llvm_unreachable("a string key is Text, a Name or a Member");
    }
  }

  void read(const json &V, const std::string &P, const Key &K,
            std::vector<std::string> &Out) {
    switch (K.Is) {
    case Kind::Names:
      if (!V.is_array())
        return error(P, jsonQuoted(K.Name) +
                            " must be an array of qualified names");
      for (size_t I = 0; I < V.size(); ++I) {
        std::string S = name(V[I], P + "/" + std::to_string(I));
        if (!S.empty())
          Out.push_back(S);
      }
      return;
    case Kind::Members:
      if (!V.is_array())
        return error(P, "expected an array of member function names");
      for (size_t I = 0; I < V.size(); ++I) {
        std::string S = name(V[I], P + "/" + std::to_string(I));
        if (S.find("::") != std::string::npos)
          error(P + "/" + std::to_string(I),
                "expected a member function name without a class");
        else if (!S.empty())
          Out.push_back(S);
      }
      return;
    case Kind::Identifiers:
      return identifiers(V, P, K, Out);
    default:
      llvm_unreachable("a list of strings is Names, Members or Identifiers");
    }
  }

  void read(const json &V, const std::string &P, const Key &K, bool &Out) {
    if (K.Is == Kind::Choice) {
      // The only choice sets it ("root": "default-constructed").
      if (choice(V, P, K))
        Out = true;
      return;
    }
    assert(K.Is == Kind::Bool);
    if (V.is_boolean())
      Out = V.get<bool>();
    else
      error(P, K.Invalid ? K.Invalid : "expected true or false");
  }

  std::optional<unsigned> argIndex(const json &V, const std::string &P,
                                   const Key &K) {
    assert(K.Is == Kind::ArgIndex);
    if (V.is_number_unsigned())
      return V.get<unsigned>();
    error(P, K.Invalid ? K.Invalid
                       : "expected an argument index (a non-negative integer)");
    return std::nullopt;
  }

  void read(const json &V, const std::string &P, const Key &K, unsigned &Out) {
    if (auto I = argIndex(V, P, K))
      Out = *I;
  }

  void read(const json &V, const std::string &P, const Key &K,
            std::optional<unsigned> &Out) {
    Out = argIndex(V, P, K);
  }

  /// The index of the choice \p V is; nullopt, after an error, for any
  /// other value, and without one for "" where there is a default.
  std::optional<unsigned> choice(const json &V, const std::string &P,
                                 const Key &K) {
    assert(K.Is == Kind::Choice);
    const std::string S = requireString(V, P);
    if (!V.is_string())
      return std::nullopt;
    for (unsigned I = 0; I < std::size(K.Choices) && K.Choices[I]; ++I)
      if (S == K.Choices[I])
        return I;
    if (!(S.empty() && K.Default))
      error(P, choiceError(K));
    return std::nullopt;
  }

  template <typename E>
  std::enable_if_t<std::is_enum_v<E>> read(const json &V, const std::string &P,
                                           const Key &K, E &Out) {
    if (auto I = choice(V, P, K))
      Out = static_cast<E>(*I);
  }

  /// "second", "result" or "arg:N".
  void read(const json &V, const std::string &P, const Key &K,
            CancelHandleLocation &Out) {
    static const std::regex Arg(R"(^arg:([0-9]+)$)");
    std::smatch M;
    const std::string S = V.is_string() ? V.get<std::string>() : "";
    if (V.is_string() && std::regex_match(S, M, Arg)) {
      Out.Where = CancelHandleLocation::OutArg;
      Out.ArgIndex = static_cast<unsigned>(std::stoul(M[1].str()));
    } else if (auto I = choice(V, P, K)) {
      // The choices in order: "second", "result", then "arg:N" itself.
      if (*I == 0)
        Out.Where = CancelHandleLocation::SecondOfResult;
      else if (*I == 1)
        Out.Where = CancelHandleLocation::Result;
      else
        error(P, choiceError(K));
    }
  }

  /// Kind::Object: stored only when it is valid.
  template <typename S>
  std::enable_if_t<Schema<S>::Described>
  read(const json &V, const std::string &P, const Key &K,
       std::optional<S> &Out) {
    assert(K.Is == Kind::Object && K.Invalid);
    if (!V.is_object())
      return error(P, K.Invalid);
    const size_t Before = Errors.size();
    S Value;
    readFields(V, P, Value);
    if (Errors.size() == Before)
      Out = Value;
  }

  /// Kind::Objects.
  template <typename S>
  std::enable_if_t<Schema<S>::Described>
  read(const json &V, const std::string &P, const Key &K, std::vector<S> &Out) {
    assert(K.Is == Kind::Objects);
    if (!V.is_array())
      return error(P, jsonQuoted(K.Name) + " must be an array of objects");
    for (size_t I = 0; I < V.size(); ++I) {
      std::string EP = P + "/" + std::to_string(I);
      if (!V[I].is_object()) {
        error(EP, "expected an object");
        continue;
      }
      S Entry;
      readFields(V[I], EP, Entry);
      Out.push_back(std::move(Entry));
    }
  }

  std::string requireString(const json &V, const std::string &P) {
    if (V.is_string())
      return V.get<std::string>();
    error(P, "expected a string");
    return "";
  }

  static bool isQualifiedName(const std::string &S) {
    static const std::regex Name(
        R"(^(::)?([A-Za-z_][A-Za-z0-9_]*::)*(~?[A-Za-z_][A-Za-z0-9_]*|operator(\(\)|\[\]|[-+*/%^&|~!=<>,]+))$)");
    return std::regex_match(S, Name);
  }

  /// A qualified C++ name, normalised without a leading "::".
  std::string name(const json &V, const std::string &P) {
    std::string S = requireString(V, P);
    if (!V.is_string())
      return "";
    if (!isQualifiedName(S)) {
      error(P,
            "\"" + S +
                "\" is not a qualified C++ name (write \"ns::Class::member\" "
                "without template arguments or parameters)");
      return "";
    }
    return S.rfind("::", 0) == 0 ? S.substr(2) : S;
  }

  /// Plain identifiers: macro or enumerator names as spelled in code.
  void identifiers(const json &V, const std::string &P, const Key &K,
                   std::vector<std::string> &Out) {
    if (!V.is_array())
      return error(P, jsonQuoted(K.Name) +
                          " must be an array of macro or enumerator names");
    static const std::regex Identifier(R"(^[A-Za-z_][A-Za-z0-9_]*$)");
    for (size_t I = 0; I < V.size(); ++I) {
      const std::string EP = P + "/" + std::to_string(I);
      const std::string S = requireString(V[I], EP);
      if (!V[I].is_string())
        continue;
      if (std::regex_match(S, Identifier))
        Out.push_back(S);
      else
        error(EP, "\"" + S + "\" is not a macro or enumerator name (write "
                  "it as spelled in code, without \"::\")");
    }
  }
};

} // namespace

bool parseModel(const std::string &Text, const std::string &Origin,
                LibraryModel &Out, std::vector<ModelError> &Errors) {
  LocatedJson Doc;
  JsonSyntaxError Syntax;
  if (!parseLocatedJson(Text, Doc, Syntax)) {
    TextPosition Pos = positionOf(Text, Syntax.Offset);
    Errors.push_back({Origin, Pos.Line, Pos.Column, "", Syntax.Message});
    return false;
  }
  LibraryModel Parsed;
  if (!DocumentValidator(Text, Origin, Doc, Errors).run(Parsed))
    return false;
  Out = std::move(Parsed);
  return true;
}

} // namespace cancellint::model
