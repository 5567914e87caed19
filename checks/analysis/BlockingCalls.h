//===--- BlockingCalls.h - Calls that block, and for how long ------------===//
//
// A call blocks when its callee is a model `blocking[]` entry (looked up by
// qualified name, also through the class it is called on) or a function
// the user declared blocking with
//     [[clang::annotate("cancellint::blocking")]]
//     [[clang::annotate("cancellint::blocking", "use read_for(d) instead")]]
// (the optional second argument is the alternative to suggest).
//
// How long it blocks is read from the entry: `blocks_when` says when it
// blocks without bound (poll's -1), `timeout` which argument bounds it.
// What can make a blocking call harmless is asked here too, so that every
// check reasons about blocking the same way.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_BLOCKINGCALLS_H
#define CANCELLINT_ANALYSIS_BLOCKINGCALLS_H

#include "ModelQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <optional>
#include <string>

namespace cancellint::analysis {

/// The spelling of the annotation that declares a function blocking.
inline constexpr llvm::StringLiteral BlockingAnnotation =
    "cancellint::blocking";

struct BlockingCallee {
  const clang::FunctionDecl *Callee = nullptr;
  const model::BlockingSpec *Spec = nullptr; ///< null when annotated
  /// The declaration carrying the blocking annotation (when not modelled).
  const clang::FunctionDecl *AnnotatedAt = nullptr;
  std::string Alternative; ///< may be empty
  explicit operator bool() const { return Spec || AnnotatedAt; }
};

/// How long a blocking call can wait, judged from its arguments.
struct WaitBound {
  enum Kind : std::uint8_t {
    Unbounded,   ///< until something else happens
    Constant,    ///< at most Seconds
    Unknown,     ///< bounded or not, by a value computed at run time
    NotBlocking, ///< `blocks_when` does not provably hold: not reported
  } What = Unbounded;
  double Seconds = 0;
};

class BlockingCalls {
public:
  explicit BlockingCalls(ModelQueries &Queries) : Queries(Queries) {}

  /// What makes \p Call blocking; false when nothing does.
  BlockingCallee blockingCallee(const clang::CallExpr *Call);

  /// What makes building \p E blocking: \p E builds a model lock wrapper
  /// (std::unique_lock<M>) without a defer, try or adopt tag, and the
  /// mutex member it calls blocks. False otherwise.
  BlockingCallee lockedBy(const clang::CXXConstructExpr *E);

  /// Whether one of \p Call's arguments is or holds a model token (a
  /// cancellable overload, wait(lock, token, pred), observes it), or the
  /// object it is called on was built with one (`NamedMutex m(name, ctx);`
  /// then `m.lock()`, also through a lock wrapper on it).
  bool passesToken(const clang::CallExpr *Call);
  /// The same for the construction of a lock wrapper.
  bool passesToken(const clang::CXXConstructExpr *E);

  /// How long \p Call (blocking because of \p B) can wait.
  WaitBound boundOf(const clang::CallExpr *Call, const BlockingCallee &B,
                    const clang::ASTContext &Ctx);

  /// Whether the text of \p E names a model `nonblocking_markers` entry
  /// (O_NONBLOCK, SOCK_NONBLOCK, MSG_DONTWAIT, ...), as macro or enumerator.
  bool mentionsNonblockingMarker(const clang::Expr *E,
                                 const clang::ASTContext &Ctx);

  /// Whether the body of \p FD (a helper such as `set_nonblocking(fd)`)
  /// names a `nonblocking_markers` entry. Memoised.
  bool bodyMentionsNonblockingMarker(const clang::FunctionDecl *FD);

  /// Whether \p FD, or a function it calls (transitively, within the
  /// translation unit and a few calls deep), makes a blocking call. Used to
  /// see that a loop calling `queue.pop()` waits. Memoised.
  bool mayBlock(const clang::FunctionDecl *FD);

  /// A blocking call inside the body of \p FD, or of a function it calls
  /// (within the translation unit, a few calls deep), that waits without
  /// bound or longer than \p MaxSeconds, and passes no token. Null when
  /// there is none. Memoised per function.
  struct LongWait {
    const clang::CallExpr *Call = nullptr;
    BlockingCallee Callee;
    WaitBound Bound;
  };
  const LongWait *longWaitIn(const clang::FunctionDecl *FD, double MaxSeconds,
                             const clang::ASTContext &Ctx);

private:
  ModelQueries &Queries;
  llvm::DenseMap<const clang::FunctionDecl *, BlockingCallee> Annotations;
  llvm::DenseMap<const clang::FunctionDecl *, bool> MayBlock;
  llvm::DenseMap<const clang::FunctionDecl *, bool> MarkerBodies;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<LongWait>>
      LongWaits;

  BlockingCallee annotationOf(const clang::FunctionDecl *FD);
  /// The blocking entry of the member \p Spec locks of \p Mutex.
  BlockingCallee mutexLock(const model::LockWrapperSpec &Spec,
                           const clang::CXXRecordDecl *Mutex);
  /// Whether the local \p Object names was built with a token.
  bool builtWithToken(const clang::Expr *Object, unsigned Depth = 0);
  bool textMentionsMarker(llvm::StringRef Text);
  bool mayBlock(const clang::FunctionDecl *FD, unsigned Depth);
  const LongWait *longWaitIn(const clang::FunctionDecl *FD, double MaxSeconds,
                             const clang::ASTContext &Ctx, unsigned Depth);
};

} // namespace cancellint::analysis

#endif
