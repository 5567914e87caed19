//===--- ModelSchema.h - The keys of cancellint-model/1 ---------*- C++ -*-===//
//
// The keys a model document may hold, one row each: the JSON name, the kind
// of value, whether it is required, what declarations its names must name,
// its one line of documentation, and the member of the struct (Model.h) it
// fills. The rows drive
//   - the loader (ModelLoader.cpp): unknown keys, missing required keys and
//     values of the wrong kind are errors, reported in the order of the rows
//     ("expected one of" lists the keys in that order); valid values are
//     stored through the row's member;
//   - the index (Model::reindex): the names of every top-level name list,
//     and the entries of every object list by their key, the first field;
//   - cancellint-model-names (ModelNamesCheck.cpp): which names to resolve,
//     and as what;
//   - the key tables of docs/models.md, written by scripts/gen-model-keys.py
//     from `cancellint --print-model-schema`; test/models/docs-keys.test fails
//     when they are stale.
//
// Adding a key:
//   1. Its member in the struct it fills (Model.h), of the type its Kind
//      stores. A new object list also needs its struct (with a `Library`
//      member, set by the loader), a Schema<> specialisation below whose
//      first row is the entry's key (a type or a function), and its index in
//      Model::Entries.
//   2. Its row below, in the Schema<> of that struct.
//   3. Its meaning: what the checks ask, through Model::entry / Model::listed
//      or a ModelQueries method, with tests.
//   4. scripts/gen-model-keys.py, to rewrite the tables of docs/models.md (a
//      new object list first needs its section there, with the markers the
//      script names), and prose there if a line is not enough.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_MODEL_MODELSCHEMA_H
#define CANCELLINT_MODEL_MODELSCHEMA_H

#include "Model.h"
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace cancellint::model::schema {

/// What a key's value is, and the type of the member it fills.
enum class Kind : std::uint8_t {
  Format,      ///< the string "cancellint-model/1"; stored nowhere (nullptr)
  Text,        ///< a string, not empty if required; std::string
  Name,        ///< a qualified C++ name; std::string
  Member,      ///< a member function name without its class; std::string
  Names,       ///< an array of Name; std::vector<std::string>
  Members,     ///< an array of Member; std::vector<std::string>
  Identifiers, ///< an array of macro or enumerator names as spelled in
               ///< code (no "::"); std::vector<std::string>
  Bool,        ///< true or false; bool
  ArgIndex,    ///< an argument index (from 0); unsigned or
               ///< std::optional<unsigned>
  Choice,      ///< one of Choices; an enum whose enumerators are in the
               ///< order of Choices, a bool (set by the only choice), or
               ///< CancelHandleLocation ("arg:N" stands for any N)
  Object,      ///< an object with the fields of Schema<S>; std::optional<S>
  Objects,     ///< an array of objects with the fields of Schema<S>;
               ///< std::vector<S>
};

enum Presence : std::uint8_t { Optional, Required };

/// The declarations a key's names may name (cancellint-model-names), as
/// bits. Member and Members name member functions of the entry's class: its
/// key, or for a key that is a function, the class declaring it.
enum DeclKind : std::uint8_t {
  NoDecl = 0,
  Class = 1,
  Function = 2,
  Variable = 4,
  Enumerator = 8,
  Macro = 16,
};

/// DeclKind bits in words, in the order messages list them.
struct DeclKindWord {
  DeclKind Bit;
  const char *Word;
};
inline constexpr DeclKindWord DeclKindWords[] = {{Class, "class"},
                                                 {Function, "function"},
                                                 {Enumerator, "enumerator"},
                                                 {Variable, "variable"},
                                                 {Macro, "macro"}};

/// One row: a key of a model document, or of one of its objects.
struct Key {
  const char *Name;
  Kind Is;
  Presence Need;
  unsigned Declares; ///< DeclKind bits; NoDecl when it names no declaration
  const char *Doc;   ///< one line of Markdown, for docs/models.md
  /// The value of an absent key, as the docs show it (`false`, `"any"`). A
  /// Choice with a default also takes "" for it.
  const char *Default = nullptr;
  const char *Choices[6] = {}; ///< for Kind::Choice: the strings it takes
  /// The error for a value the key does not take, where it is not the one
  /// of its kind ("expected true or false", `"K" must be "a" or "b"`).
  const char *Invalid = nullptr;
};

/// The keys of a struct filled from a model document, in order:
/// `rows(Row)` calls Row(member pointer, Key) once for each.
template <typename S> struct Schema {
  static constexpr bool Described = false;
};

template <> struct Schema<TokenSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&TokenSpec::Type,
      Key{"type", Kind::Name, Required, Class,
          "the class. Values of it, references, pointers, smart pointers to "
          "it, and containers, `optional`s, `variant`s ... holding it all "
          "count"});
    R(&TokenSpec::Scope,
      Key{"scope", Kind::Choice, Optional, NoDecl,
          "`\"request\"`: the token belongs to one request or operation and "
          "must not be kept in long-lived places (`cancel-stored-context`); "
          "`\"any\"`: it may be kept",
          "\"any\"",
          {"request", "any"}});
    R(&TokenSpec::DoneChecks,
      Key{"done_checks", Kind::Members, Optional, Function,
          "members that observe cancellation (`IsCancelled`, "
          "`stop_requested`)"});
    R(&TokenSpec::DefaultConstructed,
      Key{"root", Kind::Choice, Optional, NoDecl,
          "which default-constructed values are fresh roots: "
          "`\"default-constructed\"` when one can never be cancelled "
          "(`std::stop_token{}`, `folly::CancellationToken{}`); "
          "`\"new-context\"` when one is a new context of its own, "
          "cancelled only through itself and not by the caller's "
          "(an SDK's `CancellationContext ctx;`); absent when a "
          "default-constructed value is neither (an empty handle that is "
          "assigned later)",
          nullptr,
          {"default-constructed", "new-context"}});
    R(&TokenSpec::SingleUse,
      Key{"single_use", Kind::Bool, Optional, NoDecl,
          "a context serves one call only (`grpc::ClientContext`): passing "
          "it to a second call, or to the same call on the next pass of a "
          "loop, is a finding of `cancel-stored-context`",
          "false",
          {},
          R"("single_use" must be true or false)"});
  }
};

template <> struct Schema<SourceSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&SourceSpec::Type, Key{"type", Kind::Name, Required, Class,
                             "the class that triggers cancellation"});
    R(&SourceSpec::TokenGetter,
      Key{"token_getter", Kind::Member, Optional, Function,
          "member handing out tokens (`get_token`, `getToken`, `slot`)"});
    R(&SourceSpec::Cancel,
      Key{"cancel", Kind::Member, Optional, Function,
          "member triggering cancellation (`request_stop`, "
          "`requestCancellation`, `emit`)"});
    R(&SourceSpec::SourceGetter,
      Key{"source_getter", Kind::Member, Optional, Function,
          "member handing out another source sharing the state "
          "(`get_stop_source`)"});
    R(&SourceSpec::Detach,
      Key{"detach", Kind::Member, Optional, Function,
          "member after which the source's own work runs on without it "
          "(`detach`)"});
    R(&SourceSpec::DestructorCancels,
      Key{"destructor_cancels", Kind::Bool, Optional, NoDecl,
          "destroying the source requests cancellation (`std::jthread`)",
          "false"});
  }
};

template <> struct Schema<DeriveSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&DeriveSpec::Function,
      Key{"function", Kind::Name, Required, Function,
          "returns a token derived from one of its arguments"});
    R(&DeriveSpec::ParentArg,
      Key{"parent_arg", Kind::ArgIndex, Required, NoDecl,
          "index (from 0) of the parent token argument",
          nullptr,
          {},
          R"("parent_arg" must be an argument index (a non-negative )"
          "integer)"});
    R(&DeriveSpec::Cancel,
      Key{"cancel", Kind::Choice, Optional, NoDecl,
          "where the derived token's cancel handle is: `\"second\"` (second "
          "element of a returned pair or tuple, also through structured "
          "bindings), `\"result\"` (the function returns the handle itself), "
          "`\"arg:N\"` (written through out-parameter N); absent when there "
          "is no handle",
          nullptr,
          {"second", "result", "arg:N"}});
  }
};

template <> struct Schema<ArgCondition> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&ArgCondition::Arg, Key{"arg", Kind::ArgIndex, Required, NoDecl,
                              "the argument (from 0)"});
    R(&ArgCondition::Is,
      Key{"is", Kind::Choice, Required, NoDecl,
          "`\"negative\"`: an integer constant below zero; `\"null\"`: a "
          "null pointer constant",
          nullptr,
          {"negative", "null"}});
  }
};

template <> struct Schema<TimeoutArg> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&TimeoutArg::Arg, Key{"arg", Kind::ArgIndex, Required, NoDecl,
                            "the argument (from 0)"});
    R(&TimeoutArg::In,
      Key{"unit", Kind::Choice, Required, NoDecl,
          "a number of seconds, milliseconds, microseconds or nanoseconds, "
          "a `std::chrono::duration`, or a time point",
          nullptr,
          {"s", "ms", "us", "ns", "duration", "time_point"},
          R"("unit" must be one of: s, ms, us, ns, duration, time_point)"});
  }
};

template <> struct Schema<BlockingSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&BlockingSpec::Function,
      Key{"function", Kind::Name, Required, Function,
          "a call that blocks without observing any token"});
    R(&BlockingSpec::Alternative,
      Key{"alternative", Kind::Text, Optional, NoDecl,
          "free text: what to use instead, quoted in the message"});
    R(&BlockingSpec::AlternativeTakes,
      Key{"alternative_takes", Kind::Name, Optional, Class,
          "the token type the alternative needs (`std::stop_token`): for "
          "another held token the advice comes from that token's model "
          "(its done check and links) instead"});
    R(&BlockingSpec::BlocksWhen,
      Key{"blocks_when", Kind::Object, Optional, NoDecl,
          "the call blocks without bound only when argument N is a negative "
          "integer constant (`poll(fds, n, -1)`) or a null pointer constant "
          "(`select`'s timeout)",
          nullptr,
          {},
          R"(expected an object {"arg": N, "is": "negative" | "null"})"});
    R(&BlockingSpec::Timeout,
      Key{"timeout", Kind::Object, Optional, NoDecl,
          "argument N bounds the wait (a number in the unit, a "
          "`std::chrono::duration`, or a time point, bounded when written "
          "`Clock::now() + d`)",
          nullptr,
          {},
          R"(expected an object {"arg": N, "unit": ...})"});
    R(&BlockingSpec::DescriptorArg,
      Key{"descriptor_arg", Kind::ArgIndex, Optional, NoDecl,
          "the call does I/O on the file descriptor in argument N; it does "
          "not block when a `nonblocking_markers` name appears in a call on "
          "that descriptor, or after a `readiness_wait` call"});
    R(&BlockingSpec::ReadinessWait,
      Key{"readiness_wait", Kind::Bool, Optional, NoDecl,
          "`poll`/`select`-like: descriptor calls after it find their data "
          "ready",
          "false",
          {},
          R"("readiness_wait" must be true or false)"});
    R(&BlockingSpec::NotBlockingAfter,
      Key{"not_blocking_after", Kind::Members, Optional, Function,
          "members that, called earlier on the same object, make this call "
          "return promptly (`future::get` after `wait_for`)"});
    R(&BlockingSpec::WokenBy,
      Key{"woken_by", Kind::Members, Optional, Function,
          "calls that end the wait early when made on the same object (for "
          "a free function: with the same first argument), such as "
          "`notify_all` for a condition variable or `shutdown` for `recv`; "
          "a stop flag's setter must make one"});
    R(&BlockingSpec::Sleeps,
      Key{"sleeps", Kind::Bool, Optional, NoDecl,
          "nothing but its time ends the wait (`sleep_for`, `usleep`)",
          "false",
          {},
          R"("sleeps" must be true or false)"});
  }
};

template <> struct Schema<TokenVariantSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&TokenVariantSpec::Function,
      Key{"function", Kind::Name, Required, Function,
          "a function taking no token"});
    R(&TokenVariantSpec::Alternative,
      Key{"alternative", Kind::Name, Required, Function,
          "the function to call instead, taking a token"});
  }
};

template <> struct Schema<SpawnSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&SpawnSpec::Function,
      Key{"function", Kind::Name, Required, Function,
          "a function or constructor starting work that can outlive the "
          "call"});
    R(&SpawnSpec::Join,
      Key{"join", Kind::Member, Optional, Function,
          "for a constructor: the member of the constructed object that "
          "waits for the work (`join`)"});
  }
};

template <> struct Schema<LockWrapperSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&LockWrapperSpec::Type,
      Key{"type", Kind::Name, Required, Class,
          "a class template locking the mutex type it is instantiated "
          "with (`std::unique_lock`)"});
    R(&LockWrapperSpec::Locks,
      Key{"locks", Kind::Member, Optional, NoDecl,
          "the mutex member it calls when it is built (unless told to "
          "defer, try or adopt) and from its own `lock()`",
          "\"lock\""});
  }
};

template <> struct Schema<AwaitableSpec> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(&AwaitableSpec::Type,
      Key{"type", Kind::Name, Required, Class,
          "a class whose `co_await` (on a value of it, or on the awaiter its "
          "`operator co_await` returns) waits without observing the "
          "coroutine's cancellation token (`folly::coro::Baton`)"});
    R(&AwaitableSpec::Alternative,
      Key{"alternative", Kind::Text, Optional, NoDecl,
          "free text: what to use instead, quoted in the message"});
  }
};

template <> struct Schema<LibraryModel> {
  static constexpr bool Described = true;
  template <typename Row> static void rows(Row &&R) {
    R(nullptr, Key{"format", Kind::Format, Required, NoDecl,
                   "must be `\"cancellint-model/1\"`"});
    R(&LibraryModel::Library,
      Key{"library", Kind::Text, Required, NoDecl,
          "short name of the library, used in messages and reports"});
    R(&LibraryModel::Tokens,
      Key{"tokens", Kind::Objects, Optional, NoDecl,
          "types that observe cancellation or carry a request's deadline"});
    R(&LibraryModel::Sources, Key{"sources", Kind::Objects, Optional, NoDecl,
                                  "types that trigger cancellation"});
    R(&LibraryModel::Roots,
      Key{"roots", Kind::Names, Optional, Function,
          "functions returning a fresh token nothing cancels"});
    R(&LibraryModel::Derive,
      Key{"derive", Kind::Objects, Optional, NoDecl,
          "functions returning a token derived from an argument"});
    R(&LibraryModel::Links,
      Key{"links", Kind::Names, Optional, Function,
          "calls that tie a token or source to another token"});
    R(&LibraryModel::Registrations,
      Key{"registrations", Kind::Names, Optional, Class,
          "RAII classes whose lifetime is a cancellation registration"});
    R(&LibraryModel::DoneValues,
      Key{"done_values", Kind::Names, Optional, Enumerator | Variable,
          "enumerators and constants meaning cancelled, deadline exceeded, "
          "aborted or closed"});
    R(&LibraryModel::Blocking,
      Key{"blocking", Kind::Objects, Optional, NoDecl,
          "calls that block without observing any token"});
    R(&LibraryModel::TokenVariants,
      Key{"token_variants", Kind::Objects, Optional, NoDecl,
          "token-less functions with a token-taking replacement"});
    R(&LibraryModel::LongLivedTypes,
      Key{"long_lived_types", Kind::Names, Optional, Class,
          "classes (and subclasses) that outlive requests"});
    R(&LibraryModel::NonblockingMarkers,
      Key{"nonblocking_markers", Kind::Identifiers, Optional,
          Macro | Enumerator | Variable,
          "macros or enumerators that make descriptor I/O non-blocking"});
    R(&LibraryModel::Spawns,
      Key{"spawns", Kind::Objects, Optional, NoDecl,
          "functions and constructors starting work that can outlive the "
          "call"});
    R(&LibraryModel::LockWrappers,
      Key{"lock_wrappers", Kind::Objects, Optional, NoDecl,
          "classes that lock a mutex for you: building one is a call of the "
          "mutex's lock member, blocking when the model says that member "
          "blocks"});
    R(&LibraryModel::UncancellableAwaitables,
      Key{"uncancellable_awaitables", Kind::Objects, Optional, NoDecl,
          "awaitables that ignore the awaiting coroutine's cancellation "
          "token: a coroutine cancelled while it waits on one waits on"});
    R(&LibraryModel::AsyncOperations,
      Key{"async_operations", Kind::Names, Optional, Function,
          "asynchronous operations reporting cancellation as an error code"});
    R(&LibraryModel::DoneExceptions,
      Key{"done_exceptions", Kind::Names, Optional, Class,
          "exception classes thrown to report cancellation"});
    R(&LibraryModel::StopFlags,
      Key{"stop_flags", Kind::Names, Optional, Variable,
          "data members or variables that are stop flags, also where the "
          "inference does not see their setter signal the thread or their "
          "loop run on one (`myapp::Worker::quit_`)"});
    R(&LibraryModel::NotStopFlags,
      Key{"not_stop_flags", Kind::Names, Optional, Variable,
          "data members or variables the inference must not take for stop "
          "flags"});
    R(&LibraryModel::ErrorCodeTypes,
      Key{"error_code_types", Kind::Names, Optional, Class,
          "the error code classes completion handlers receive: a handler's "
          "one parameter of such a type is its error code"});
    R(&LibraryModel::EventLoopRuns,
      Key{"event_loop_runs", Kind::Names, Optional, Function,
          "calls that run an event loop until its work is done "
          "(`asio::io_context::run`): a source whose token went to that "
          "work outlives it when the call comes before the source's end"});
  }
};

/// The type of the member a row's member pointer names; void for nullptr.
template <typename P> struct MemberOf {
  using Type = void;
};
template <typename S, typename M> struct MemberOf<M S::*> {
  using Type = M;
};
template <typename P> using MemberType = typename MemberOf<P>::Type;

/// Whether a member of type M holds entries described by a Schema:
/// std::vector<S> (Kind::Objects) or std::optional<S> (Kind::Object).
template <typename M> inline constexpr bool HoldsEntries = false;
template <typename S>
inline constexpr bool HoldsEntries<std::vector<S>> = Schema<S>::Described;
template <typename S>
inline constexpr bool HoldsEntries<std::optional<S>> = Schema<S>::Described;

/// The JSON names of the keys of \p S, in order.
template <typename S> std::vector<const char *> keyNames() {
  std::vector<const char *> Names;
  Schema<S>::rows([&](auto, const Key &K) { Names.push_back(K.Name); });
  return Names;
}

/// An entry's key: the value of its first field ("type" or "function").
template <typename S> const std::string &keyOf(const S &Entry) {
  const std::string *Found = nullptr;
  Schema<S>::rows([&](auto Member, const Key &) {
    if constexpr (std::is_same_v<MemberType<decltype(Member)>, std::string>)
      if (!Found)
        Found = &(Entry.*Member);
  });
  return *Found;
}

/// Every row, as JSON, for scripts/gen-model-keys.py
/// (cancellint --print-model-schema).
std::string schemaJson();

} // namespace cancellint::model::schema

#endif
