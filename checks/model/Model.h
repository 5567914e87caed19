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
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace cancellint::model {

/// How long a token may live: `Request` tokens belong to one request or
/// operation and must not be kept in long-lived places.
enum class TokenScope { Request, Any };

struct TokenSpec {
  std::string Type;
  TokenScope Scope = TokenScope::Any;
  std::vector<std::string> DoneChecks;
  /// What a default-constructed value is (tokens[].root), in the order of
  /// the key's choices.
  enum class DefaultRoot : std::uint8_t {
    NeverCancelled, ///< "default-constructed": nothing can cancel it
                    ///< (std::stop_token{}, folly::CancellationToken{})
    NewContext,     ///< "new-context": a context of its own, cancelled only
                    ///< through itself, not through the caller's
    Unknown,        ///< no `root` key: not a root (an empty handle to be
                    ///< assigned, or not known)
  };
  DefaultRoot DefaultConstructed = DefaultRoot::Unknown;
  /// A context serves one call only (grpc::ClientContext).
  bool SingleUse = false;
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
  /// The token type the alternative needs (std::stop_token); empty: any.
  std::string AlternativeTakes;
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

/// A class that locks the mutex it is given (std::unique_lock<M>): building
/// one, unless told to defer, or calling its lock(), calls M's Locks member.
struct LockWrapperSpec {
  std::string Type;
  std::string Locks = "lock";
  std::string Library;
};

/// An awaitable whose co_await ignores the awaiting coroutine's cancellation
/// token (folly::coro::Baton): cancelling the coroutine cannot end the wait.
struct AwaitableSpec {
  std::string Type;
  std::string Alternative; ///< What to use instead; may be empty.
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
  std::vector<LockWrapperSpec> LockWrappers;
  std::vector<AwaitableSpec> UncancellableAwaitables;
  /// Asynchronous operations whose completion handler receives an error
  /// code as its first argument; cancelling the operation completes it with
  /// a done value (asio::basic_waitable_timer::async_wait).
  std::vector<std::string> AsyncOperations;
  /// Exception types thrown to report cancellation (folly::OperationCancelled).
  std::vector<std::string> DoneExceptions;
  /// The error code types completion handlers receive (std::error_code,
  /// boost::system::error_code).
  std::vector<std::string> ErrorCodeTypes;
  /// Calls that run an event loop until its work is done
  /// (asio::io_context::run): work handed to the loop has finished when
  /// they return.
  std::vector<std::string> EventLoopRuns;
  /// Members or variables that are stop flags whatever the inference says,
  /// and those that are not.
  std::vector<std::string> StopFlags;
  std::vector<std::string> NotStopFlags;
};

/// A top-level list of names of a LibraryModel (&LibraryModel::Roots, ...).
using NameList = std::vector<std::string> LibraryModel::*;

/// Several library models merged into one set of lookups. Names are fully
/// qualified without a leading "::", inline namespaces or template arguments
/// ("std::stop_callback::stop_callback", "grpc::StatusCode::CANCELLED").
/// The lookups are built from the keys of ModelSchema.h.
class Model {
public:
  void add(LibraryModel Library);

  /// The entry of an object list (TokenSpec, BlockingSpec...) whose key, its
  /// first field, is \p Key. When several libraries have one, the last
  /// added wins: a user's model may refine a built-in entry.
  template <typename Spec> const Spec *entry(llvm::StringRef Key) const {
    const auto &Index = std::get<EntryIndex<Spec>>(Entries);
    auto It = Index.find(Key);
    return It == Index.end() ? nullptr : It->second;
  }
  /// Whether a library lists \p Name in \p List.
  bool listed(NameList List, llvm::StringRef Name) const;
  /// Whether a library lists any name in \p List.
  bool anyListed(NameList List) const;

  const TokenSpec *token(llvm::StringRef QualifiedName) const {
    return entry<TokenSpec>(QualifiedName);
  }
  const SourceSpec *source(llvm::StringRef QualifiedName) const {
    return entry<SourceSpec>(QualifiedName);
  }
  const DeriveSpec *derivation(llvm::StringRef QualifiedFunction) const {
    return entry<DeriveSpec>(QualifiedFunction);
  }
  const BlockingSpec *blocking(llvm::StringRef QualifiedFunction) const {
    return entry<BlockingSpec>(QualifiedFunction);
  }
  const TokenVariantSpec *
  tokenVariant(llvm::StringRef QualifiedFunction) const {
    return entry<TokenVariantSpec>(QualifiedFunction);
  }
  const LockWrapperSpec *lockWrapper(llvm::StringRef QualifiedType) const {
    return entry<LockWrapperSpec>(QualifiedType);
  }
  const AwaitableSpec *
  uncancellableAwaitable(llvm::StringRef QualifiedType) const {
    return entry<AwaitableSpec>(QualifiedType);
  }
  const SpawnSpec *spawn(llvm::StringRef QualifiedFunction) const {
    return entry<SpawnSpec>(QualifiedFunction);
  }
  bool isRoot(llvm::StringRef QualifiedFunction) const {
    return listed(&LibraryModel::Roots, QualifiedFunction);
  }
  bool isLink(llvm::StringRef QualifiedFunction) const {
    return listed(&LibraryModel::Links, QualifiedFunction);
  }
  bool isRegistration(llvm::StringRef QualifiedType) const {
    return listed(&LibraryModel::Registrations, QualifiedType);
  }
  bool isDoneValue(llvm::StringRef QualifiedName) const {
    return listed(&LibraryModel::DoneValues, QualifiedName);
  }
  bool isLongLived(llvm::StringRef QualifiedType) const {
    return listed(&LibraryModel::LongLivedTypes, QualifiedType);
  }
  /// Whether \p Name is a NonblockingMarkers entry of any library.
  bool isNonblockingMarker(llvm::StringRef Name) const {
    return listed(&LibraryModel::NonblockingMarkers, Name);
  }
  bool hasNonblockingMarkers() const {
    return anyListed(&LibraryModel::NonblockingMarkers);
  }
  bool isAsyncOperation(llvm::StringRef QualifiedFunction) const {
    return listed(&LibraryModel::AsyncOperations, QualifiedFunction);
  }
  bool isDoneException(llvm::StringRef QualifiedType) const {
    return listed(&LibraryModel::DoneExceptions, QualifiedType);
  }
  bool isErrorCodeType(llvm::StringRef QualifiedType) const {
    return listed(&LibraryModel::ErrorCodeTypes, QualifiedType);
  }
  bool isEventLoopRun(llvm::StringRef QualifiedFunction) const {
    return listed(&LibraryModel::EventLoopRuns, QualifiedFunction);
  }
  bool isStopFlag(llvm::StringRef QualifiedName) const {
    return listed(&LibraryModel::StopFlags, QualifiedName);
  }
  bool isNotStopFlag(llvm::StringRef QualifiedName) const {
    return listed(&LibraryModel::NotStopFlags, QualifiedName);
  }

  const std::vector<LibraryModel> &libraries() const { return Libraries; }

private:
  std::vector<LibraryModel> Libraries;
  // Indexes point into Libraries; rebuilt after every add().
  template <typename Spec> using EntryIndex = llvm::StringMap<const Spec *>;
  /// One index per object list of LibraryModel.
  std::tuple<EntryIndex<TokenSpec>, EntryIndex<SourceSpec>,
             EntryIndex<DeriveSpec>, EntryIndex<BlockingSpec>,
             EntryIndex<TokenVariantSpec>, EntryIndex<SpawnSpec>,
             EntryIndex<LockWrapperSpec>, EntryIndex<AwaitableSpec>>
      Entries;
  /// One set per name list of LibraryModel.
  std::vector<std::pair<NameList, llvm::StringSet<>>> NameLists;

  void reindex();
};

} // namespace cancellint::model

#endif
