//===--- Model.h - The cancellation model, merged and indexed ----*- C++ -*-===//
//
// What cancellint knows about cancellation APIs. Every entry comes from a
// model document (cancellint-model/1), built-in or the user's; checks ask
// questions by the fully qualified name of a declaration, never by spelling.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_MODEL_MODEL_H
#define CANCELLINT_MODEL_MODEL_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cancellint::model {

/// How long a token may live: `Request` tokens belong to one request or
/// operation and must not be kept in long-lived places.
enum class TokenScope { Request, Any };

struct TokenSpec {
  std::string Type;
  TokenScope Scope = TokenScope::Any;
  std::vector<std::string> DoneChecks;
  /// A default-constructed value can never be cancelled (std::stop_token{}).
  bool DefaultConstructedIsRoot = false;
  std::string Library;
};

struct SourceSpec {
  std::string Type;
  std::string TokenGetter; ///< Member handing out tokens; may be empty.
  std::string Cancel;      ///< Member triggering cancellation; may be empty.
  /// Member handing out another source sharing the state
  /// (std::jthread::get_stop_source); may be empty.
  std::string SourceGetter;
  /// Member that lets the source's own work run on without it
  /// (std::jthread::detach); may be empty.
  std::string Detach;
  /// Destroying the source requests cancellation (std::jthread).
  bool DestructorCancels = false;
  std::string Library;
};

/// Where the cancel handle of a derived token is found.
struct CancelHandleLocation {
  enum Kind { None, SecondOfResult, Result, OutArg } Where = None;
  unsigned ArgIndex = 0; ///< For OutArg.
};

struct DeriveSpec {
  std::string Function;
  unsigned ParentArg = 0;
  CancelHandleLocation Cancel;
  std::string Library;
};

/// When a blocking call blocks without bound, judged from one argument
/// (`"blocks_when": {"arg": 2, "is": "negative"}` for poll's timeout).
struct ArgCondition {
  enum Kind : std::uint8_t {
    Negative, ///< an integer constant below zero (poll(fds, n, -1))
    Null,     ///< a null pointer constant (select(..., nullptr))
  };
  unsigned Arg = 0;
  Kind Is = Negative;
};

/// The argument that bounds how long a blocking call waits
/// (`"timeout": {"arg": 1, "unit": "duration"}`).
struct TimeoutArg {
  enum Unit : std::uint8_t {
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
    Duration,  ///< a std::chrono::duration-shaped value (Rep, Period)
    TimePoint, ///< a time point, bounded when written `Clock::now() + d`
  };
  unsigned Arg = 0;
  Unit In = Duration;
};

struct BlockingSpec {
  std::string Function;
  std::string Alternative;
  std::string Library;
  /// Absent: the call always blocks. Present: only when the argument
  /// provably meets the condition.
  std::optional<ArgCondition> BlocksWhen;
  std::optional<TimeoutArg> Timeout;
  /// The call does I/O on the file descriptor in this argument; it does not
  /// block when the descriptor was made non-blocking (see
  /// LibraryModel::NonblockingMarkers) or a readiness wait reported it ready.
  std::optional<unsigned> DescriptorArg;
  /// poll/select/epoll_wait: descriptor calls after it do not block.
  bool ReadinessWait = false;
  /// Members that, called earlier on the same object, make this call return
  /// promptly (future::get after wait_for, jthread::join after request_stop).
  std::vector<std::string> NotBlockingAfter;
  /// Calls that end the wait early when made on the same object (for a free
  /// function, with the same first argument): notify_all, shutdown.
  std::vector<std::string> WokenBy;
  /// Nothing but its time ends the wait (sleep_for, usleep).
  bool Sleeps = false;
};

/// A function or constructor starting work that can outlive the call: a
/// thread, an executor task, an asynchronous operation. Tokens passed to it,
/// or captured by the callables it receives, reach that work.
struct SpawnSpec {
  std::string Function;
  /// For a constructor: the member of the constructed object that waits for
  /// the work (std::thread::join); may be empty.
  std::string Join;
  std::string Library;
};

struct TokenVariantSpec {
  std::string Function;
  std::string Alternative;
  std::string Library;
};

/// One model document as written: a library's knowledge.
struct LibraryModel {
  std::string Library;
  std::string Origin; ///< File path, or "<builtin>/<name>.json".
  std::vector<TokenSpec> Tokens;
  std::vector<SourceSpec> Sources;
  std::vector<std::string> Roots;
  std::vector<DeriveSpec> Derive;
  std::vector<std::string> Links;
  std::vector<std::string> Registrations;
  std::vector<std::string> DoneValues;
  std::vector<BlockingSpec> Blocking;
  std::vector<TokenVariantSpec> TokenVariants;
  std::vector<std::string> LongLivedTypes;
  /// Macro or enumerator names that make descriptor I/O non-blocking or
  /// bounded when they appear in a call on the descriptor (O_NONBLOCK,
  /// SOCK_NONBLOCK, MSG_DONTWAIT, SO_RCVTIMEO).
  std::vector<std::string> NonblockingMarkers;
  std::vector<SpawnSpec> Spawns;
  /// Asynchronous operations whose completion handler receives an error
  /// code as its first argument; cancelling the operation completes it with
  /// a done value (asio::basic_waitable_timer::async_wait).
  std::vector<std::string> AsyncOperations;
  /// Exception types thrown to report cancellation (folly::OperationCancelled).
  std::vector<std::string> DoneExceptions;
};

/// Several library models merged into one set of lookups. Names are fully
/// qualified without a leading "::", inline namespaces or template arguments
/// ("std::stop_callback::stop_callback", "grpc::StatusCode::CANCELLED").
class Model {
public:
  void add(LibraryModel Library);

  const TokenSpec *token(llvm::StringRef QualifiedName) const;
  const SourceSpec *source(llvm::StringRef QualifiedName) const;
  const DeriveSpec *derivation(llvm::StringRef QualifiedFunction) const;
  const BlockingSpec *blocking(llvm::StringRef QualifiedFunction) const;
  const TokenVariantSpec *tokenVariant(llvm::StringRef QualifiedFunction) const;
  const SpawnSpec *spawn(llvm::StringRef QualifiedFunction) const;
  bool isRoot(llvm::StringRef QualifiedFunction) const;
  bool isLink(llvm::StringRef QualifiedFunction) const;
  bool isRegistration(llvm::StringRef QualifiedType) const;
  bool isDoneValue(llvm::StringRef QualifiedName) const;
  bool isLongLived(llvm::StringRef QualifiedType) const;
  /// Whether \p Name is a NonblockingMarkers entry of any library.
  bool isNonblockingMarker(llvm::StringRef Name) const;
  bool hasNonblockingMarkers() const { return !NonblockingMarkers.empty(); }
  bool isAsyncOperation(llvm::StringRef QualifiedFunction) const;
  bool isDoneException(llvm::StringRef QualifiedType) const;
  bool hasAsyncOperations() const { return !AsyncOperations.empty(); }
  bool hasDoneExceptions() const { return !DoneExceptions.empty(); }

  const std::vector<LibraryModel> &libraries() const { return Libraries; }

private:
  std::vector<LibraryModel> Libraries;
  // Indexes point into Libraries; rebuilt after every add().
  llvm::StringMap<const TokenSpec *> Tokens;
  llvm::StringMap<const SourceSpec *> Sources;
  llvm::StringMap<const DeriveSpec *> Derivations;
  llvm::StringMap<const BlockingSpec *> BlockingCalls;
  llvm::StringMap<const TokenVariantSpec *> TokenVariants;
  llvm::StringMap<const SpawnSpec *> Spawns;
  llvm::StringMap<char> Roots, Links, Registrations, DoneValues, LongLived;
  llvm::StringMap<char> NonblockingMarkers;
  llvm::StringMap<char> AsyncOperations, DoneExceptions;

  void reindex();
};

} // namespace cancellint::model

#endif
