//===--- ModelLoader.cpp - Reading and validating model documents --------===//
//
// The schema of cancellint-model/1 lives here and only here. Every key is
// checked; unknown keys are errors so that a typo ("done_check") cannot
// silently disable what the user meant to configure.
//
// Optional keys of `blocking[]` entries, added to v1 without changing the
// meaning of any existing key (an entry without them blocks always):
//   "blocks_when": {"arg": N, "is": "negative" | "null"}
//       the call blocks without bound only when argument N is a negative
//       integer constant (poll's -1) or a null pointer constant (select's
//       timeout); with any other argument it is not reported as unbounded.
//   "timeout": {"arg": N, "unit": "s" | "ms" | "us" | "ns" | "duration" |
//               "time_point"}
//       argument N bounds the wait: a number in the unit, a
//       std::chrono::duration-shaped value, or a time point (bounded when
//       written `Clock::now() + d`).
//   "descriptor_arg": N
//       the call does I/O on the file descriptor in argument N: it does not
//       block when a `nonblocking_markers` name appears in a call on that
//       descriptor (or in its initializer, or in this call), or after a
//       `readiness_wait` call in the same loop iteration.
//   "readiness_wait": true
//       poll/select-like: descriptor calls after it find their data ready.
//   "not_blocking_after": ["member", ...]
//       member functions that, called earlier on the same object, make this
//       call return promptly (future::get after wait_for()).
//   "woken_by": ["name", ...]
//       calls that end the wait early when made on the same object (for a
//       free function, with the same first argument): notify_all for a
//       condition variable, shutdown for a blocking recv.
//   "sleeps": true
//       nothing but its time ends the wait (sleep_for, usleep).
// Optional top-level keys:
//   "nonblocking_markers": ["O_NONBLOCK", ...]
//       macro or enumerator names that make descriptor I/O non-blocking or
//       bounded (see "descriptor_arg").
//   "async_operations": ["asio::basic_waitable_timer::async_wait", ...]
//       asynchronous operations whose completion handler receives an error
//       code as its first argument; cancelling the operation completes it
//       with a done value (operation_aborted).
//   "done_exceptions": ["folly::OperationCancelled", ...]
//       exception types (and their subclasses) thrown to report
//       cancellation.
//
//===----------------------------------------------------------------------===//
#include "ModelLoader.h"
#include "LocatedJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <array>
#include <functional>
#include <regex>
#include <set>

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
    checkKeys(Root, "",
              {"format", "library", "tokens", "sources", "roots", "derive",
               "links", "registrations", "done_values", "blocking",
               "token_variants", "long_lived_types", "nonblocking_markers",
               "spawns", "async_operations", "done_exceptions"});

    if (!Root.contains("format"))
      error("", "missing required key \"format\"");
    else if (!Root["format"].is_string() ||
             Root["format"].get<std::string>() != ModelFormatTag)
      error("/format", std::string(R"("format" must be ")") + ModelFormatTag +
                           "\"");

    if (!Root.contains("library"))
      error("", "missing required key \"library\"");
    else
      Out.Library = requireString(Root["library"], "/library");
    if (Root.contains("library") && Out.Library.empty() &&
        Root["library"].is_string())
      error("/library", "\"library\" must not be empty");

    Out.Origin = Origin;
    forEachObject(Root, "tokens", [&](const json &E, const std::string &P) {
      checkKeys(E, P, {"type", "scope", "done_checks", "root"});
      TokenSpec T;
      T.Type = requireName(E, P, "type");
      if (E.contains("scope")) {
        std::string S = requireString(E["scope"], P + "/scope");
        if (S == "request")
          T.Scope = TokenScope::Request;
        else if (S == "any")
          T.Scope = TokenScope::Any;
        else if (!S.empty())
          error(P + "/scope", R"("scope" must be "request" or "any")");
      }
      if (E.contains("done_checks"))
        T.DoneChecks = identifierList(E["done_checks"], P + "/done_checks");
      if (E.contains("root")) {
        if (requireString(E["root"], P + "/root") == "default-constructed")
          T.DefaultConstructedIsRoot = true;
        else if (E["root"].is_string())
          error(P + "/root", R"("root" must be "default-constructed")");
      }
      T.Library = Out.Library;
      Out.Tokens.push_back(std::move(T));
    });
    forEachObject(Root, "sources", [&](const json &E, const std::string &P) {
      checkKeys(E, P,
                {"type", "token_getter", "cancel", "source_getter", "detach",
                 "destructor_cancels"});
      SourceSpec S;
      S.Type = requireName(E, P, "type");
      S.TokenGetter = optionalIdentifier(E, P, "token_getter");
      S.Cancel = optionalIdentifier(E, P, "cancel");
      // source_getter: a member handing out a source sharing the state;
      // detach: a member after which the source's own work runs on alone;
      // destructor_cancels: destroying the source requests cancellation.
      S.SourceGetter = optionalIdentifier(E, P, "source_getter");
      S.Detach = optionalIdentifier(E, P, "detach");
      if (E.contains("destructor_cancels")) {
        if (E["destructor_cancels"].is_boolean())
          S.DestructorCancels = E["destructor_cancels"].get<bool>();
        else
          error(P + "/destructor_cancels", "expected true or false");
      }
      S.Library = Out.Library;
      Out.Sources.push_back(std::move(S));
    });
    Out.Roots = nameList(Root, "roots");
    forEachObject(Root, "derive", [&](const json &E, const std::string &P) {
      checkKeys(E, P, {"function", "parent_arg", "cancel"});
      DeriveSpec D;
      D.Function = requireName(E, P, "function");
      if (!E.contains("parent_arg"))
        error(P, "missing required key \"parent_arg\"");
      else if (!E["parent_arg"].is_number_unsigned())
        error(P + "/parent_arg", "\"parent_arg\" must be an argument index "
                                 "(a non-negative integer)");
      else
        D.ParentArg = E["parent_arg"].get<unsigned>();
      if (E.contains("cancel"))
        D.Cancel = cancelLocation(E["cancel"], P + "/cancel");
      D.Library = Out.Library;
      Out.Derive.push_back(std::move(D));
    });
    Out.Links = nameList(Root, "links");
    Out.Registrations = nameList(Root, "registrations");
    Out.DoneValues = nameList(Root, "done_values");
    forEachObject(Root, "blocking", [&](const json &E, const std::string &P) {
      checkKeys(E, P,
                {"function", "alternative", "blocks_when", "timeout",
                 "descriptor_arg", "readiness_wait", "not_blocking_after",
                 "woken_by", "sleeps"});
      BlockingSpec B;
      B.Function = requireName(E, P, "function");
      if (E.contains("alternative"))
        B.Alternative = requireString(E["alternative"], P + "/alternative");
      if (E.contains("blocks_when"))
        B.BlocksWhen = argCondition(E["blocks_when"], P + "/blocks_when");
      if (E.contains("timeout"))
        B.Timeout = timeoutArg(E["timeout"], P + "/timeout");
      if (E.contains("descriptor_arg"))
        B.DescriptorArg =
            argIndex(E["descriptor_arg"], P + "/descriptor_arg");
      if (E.contains("readiness_wait")) {
        if (E["readiness_wait"].is_boolean())
          B.ReadinessWait = E["readiness_wait"].get<bool>();
        else
          error(P + "/readiness_wait",
                R"("readiness_wait" must be true or false)");
      }
      if (E.contains("not_blocking_after"))
        B.NotBlockingAfter = identifierList(E["not_blocking_after"],
                                            P + "/not_blocking_after");
      if (E.contains("woken_by"))
        B.WokenBy = identifierList(E["woken_by"], P + "/woken_by");
      if (E.contains("sleeps")) {
        if (E["sleeps"].is_boolean())
          B.Sleeps = E["sleeps"].get<bool>();
        else
          error(P + "/sleeps", R"("sleeps" must be true or false)");
      }
      B.Library = Out.Library;
      Out.Blocking.push_back(std::move(B));
    });
    forEachObject(Root, "token_variants",
                  [&](const json &E, const std::string &P) {
                    checkKeys(E, P, {"function", "alternative"});
                    TokenVariantSpec V;
                    V.Function = requireName(E, P, "function");
                    V.Alternative = requireName(E, P, "alternative");
                    V.Library = Out.Library;
                    Out.TokenVariants.push_back(std::move(V));
                  });
    Out.LongLivedTypes = nameList(Root, "long_lived_types");
    Out.NonblockingMarkers = markerList(Root, "nonblocking_markers");
    // spawns: functions and constructors starting work that can outlive the
    // call; join: for a constructor, the member waiting for that work.
    forEachObject(Root, "spawns", [&](const json &E, const std::string &P) {
      checkKeys(E, P, {"function", "join"});
      SpawnSpec S;
      S.Function = requireName(E, P, "function");
      S.Join = optionalIdentifier(E, P, "join");
      S.Library = Out.Library;
      Out.Spawns.push_back(std::move(S));
    });
    // async_operations: functions whose completion handler receives an
    // error code first (cancellation arrives as a done value in it);
    // done_exceptions: exception types that report cancellation.
    Out.AsyncOperations = nameList(Root, "async_operations");
    Out.DoneExceptions = nameList(Root, "done_exceptions");
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

  void checkKeys(const json &Object, const std::string &P,
                 std::initializer_list<const char *> Allowed) {
    if (!Object.is_object())
      return;
    std::set<std::string> Known(Allowed.begin(), Allowed.end());
    for (const auto &[Key, Unused] : Object.items()) {
      if (Known.count(Key))
        continue;
      error(P + "/" + jsonPointerToken(Key),
            llvm::formatv("unknown key \"{0}\" (expected one of: {1})", Key,
                          llvm::join(Allowed.begin(), Allowed.end(), ", "))
                .str());
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
      error(P, "\"" + S +
                   "\" is not a qualified C++ name (write \"ns::Class::member\" "
                   "without template arguments or parameters)");
      return "";
    }
    return S.rfind("::", 0) == 0 ? S.substr(2) : S;
  }

  std::string requireName(const json &Object, const std::string &P,
                          const char *Key) {
    if (!Object.is_object())
      return "";
    if (!Object.contains(Key)) {
      error(P, std::string("missing required key \"") + Key + "\"");
      return "";
    }
    return name(Object[Key], P + "/" + Key);
  }

  std::string optionalIdentifier(const json &Object, const std::string &P,
                                 const char *Key) {
    if (!Object.contains(Key))
      return "";
    std::string S = name(Object[Key], P + "/" + Key);
    if (S.find("::") != std::string::npos) {
      error(P + "/" + Key, std::string("\"") + Key +
                               "\" names a member function: write it "
                               "without a class");
      return "";
    }
    return S;
  }

  std::vector<std::string> identifierList(const json &V, const std::string &P) {
    std::vector<std::string> Out;
    if (!V.is_array()) {
      error(P, "expected an array of member function names");
      return Out;
    }
    for (size_t I = 0; I < V.size(); ++I) {
      std::string S = name(V[I], P + "/" + std::to_string(I));
      if (S.find("::") != std::string::npos)
        error(P + "/" + std::to_string(I),
              "expected a member function name without a class");
      else if (!S.empty())
        Out.push_back(S);
    }
    return Out;
  }

  std::vector<std::string> nameList(const json &Root, const char *Key) {
    std::vector<std::string> Out;
    if (!Root.contains(Key))
      return Out;
    const json &V = Root[Key];
    std::string P = std::string("/") + Key;
    if (!V.is_array()) {
      error(P, std::string("\"") + Key +
                   "\" must be an array of qualified names");
      return Out;
    }
    for (size_t I = 0; I < V.size(); ++I) {
      std::string S = name(V[I], P + "/" + std::to_string(I));
      if (!S.empty())
        Out.push_back(S);
    }
    return Out;
  }

  void forEachObject(
      const json &Root, const char *Key,
      const std::function<void(const json &, const std::string &)> &Fn) {
    if (!Root.contains(Key))
      return;
    const json &V = Root[Key];
    std::string P = std::string("/") + Key;
    if (!V.is_array()) {
      error(P, std::string("\"") + Key + "\" must be an array of objects");
      return;
    }
    for (size_t I = 0; I < V.size(); ++I) {
      std::string EP = P + "/" + std::to_string(I);
      if (!V[I].is_object()) {
        error(EP, "expected an object");
        continue;
      }
      Fn(V[I], EP);
    }
  }

  std::optional<unsigned> argIndex(const json &V, const std::string &P) {
    if (V.is_number_unsigned())
      return V.get<unsigned>();
    error(P, "expected an argument index (a non-negative integer)");
    return std::nullopt;
  }

  std::optional<ArgCondition> argCondition(const json &V,
                                           const std::string &P) {
    if (!V.is_object()) {
      error(P, R"(expected an object {"arg": N, "is": "negative" | "null"})");
      return std::nullopt;
    }
    checkKeys(V, P, {"arg", "is"});
    ArgCondition C;
    bool Valid = true;
    if (!V.contains("arg")) {
      error(P, "missing required key \"arg\"");
      Valid = false;
    } else if (auto I = argIndex(V["arg"], P + "/arg")) {
      C.Arg = *I;
    } else {
      Valid = false;
    }
    const std::string Is =
        V.contains("is") ? requireString(V["is"], P + "/is") : std::string();
    if (!V.contains("is")) {
      error(P, "missing required key \"is\"");
      Valid = false;
    } else if (Is == "negative") {
      C.Is = ArgCondition::Negative;
    } else if (Is == "null") {
      C.Is = ArgCondition::Null;
    } else {
      if (V["is"].is_string())
        error(P + "/is", R"("is" must be "negative" or "null")");
      Valid = false;
    }
    return Valid ? std::optional<ArgCondition>(C) : std::nullopt;
  }

  std::optional<TimeoutArg> timeoutArg(const json &V, const std::string &P) {
    if (!V.is_object()) {
      error(P, R"(expected an object {"arg": N, "unit": ...})");
      return std::nullopt;
    }
    checkKeys(V, P, {"arg", "unit"});
    TimeoutArg T;
    bool Valid = true;
    if (!V.contains("arg")) {
      error(P, "missing required key \"arg\"");
      Valid = false;
    } else if (auto I = argIndex(V["arg"], P + "/arg")) {
      T.Arg = *I;
    } else {
      Valid = false;
    }
    static const std::array<std::pair<const char *, TimeoutArg::Unit>, 6>
        Units = {{{"s", TimeoutArg::Seconds},
                  {"ms", TimeoutArg::Milliseconds},
                  {"us", TimeoutArg::Microseconds},
                  {"ns", TimeoutArg::Nanoseconds},
                  {"duration", TimeoutArg::Duration},
                  {"time_point", TimeoutArg::TimePoint}}};
    if (!V.contains("unit")) {
      error(P, "missing required key \"unit\"");
      return std::nullopt;
    }
    const std::string U = requireString(V["unit"], P + "/unit");
    for (const auto &[Name, Unit] : Units)
      if (U == Name) {
        T.In = Unit;
        return Valid ? std::optional<TimeoutArg>(T) : std::nullopt;
      }
    if (V["unit"].is_string())
      error(P + "/unit",
            R"("unit" must be one of: s, ms, us, ns, duration, time_point)");
    return std::nullopt;
  }

  /// Plain identifiers: macro or enumerator names as spelled in code.
  std::vector<std::string> markerList(const json &Root, const char *Key) {
    std::vector<std::string> Out;
    if (!Root.contains(Key))
      return Out;
    const json &V = Root[Key];
    const std::string P = std::string("/") + Key;
    if (!V.is_array()) {
      error(P, std::string("\"") + Key +
                   "\" must be an array of macro or enumerator names");
      return Out;
    }
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
    return Out;
  }

  CancelHandleLocation cancelLocation(const json &V, const std::string &P) {
    CancelHandleLocation L;
    std::string S = requireString(V, P);
    static const std::regex Arg(R"(^arg:([0-9]+)$)");
    std::smatch M;
    if (S == "second")
      L.Where = CancelHandleLocation::SecondOfResult;
    else if (S == "result")
      L.Where = CancelHandleLocation::Result;
    else if (std::regex_match(S, M, Arg)) {
      L.Where = CancelHandleLocation::OutArg;
      L.ArgIndex = static_cast<unsigned>(std::stoul(M[1].str()));
    } else if (V.is_string())
      error(P, R"("cancel" must be "second", "result" or "arg:N")");
    return L;
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
