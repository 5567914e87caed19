//===--- PromptCalls.h - Blocking calls that return promptly here --------===//
//
// A blocking call can be made harmless by what the same function did before
// it. Facts gathered once per function from its scanned calls
// (TokenConsultation.h), then asked per call in constant time or in the
// depth of the loop nest:
//   - descriptors made non-blocking or bounded: a call (not itself
//     descriptor I/O) that receives the descriptor and names a model
//     `nonblocking_markers` entry (fcntl(fd, F_SETFL, O_NONBLOCK),
//     setsockopt(fd, ..., SO_RCVTIMEO, ...)), or calls a helper whose body
//     names one (set_nonblocking(fd)); a descriptor variable initialised
//     with one (socket(..., SOCK_NONBLOCK, 0)); or the call itself naming
//     one (recv(fd, ..., MSG_DONTWAIT));
//   - a readiness wait (poll, select) earlier in the same loop iteration:
//     inside the innermost loop around the call, or, for a call outside
//     loops, earlier and outside loops too;
//   - a `not_blocking_after` member called earlier on the same object
//     (fut.wait_for() before fut.get());
//   - an object whose work was handed a token where it was made or
//     assigned (`std::thread t(work, st)`, `worker_ = std::thread(work, st)`,
//     `auto f = std::async([st] { ... })`): waiting for that work (join(),
//     get()) ends when it observes the token.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_PROMPTCALLS_H
#define CANCELLINT_ANALYSIS_PROMPTCALLS_H

#include "TokenConsultation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <limits>
#include <vector>

namespace cancellint::analysis {

class PromptCalls {
public:
  PromptCalls(const FunctionScan &Scan, BlockingCalls &Blocking,
              ModelQueries &Queries, const clang::ASTContext &Ctx);

  /// Whether call \p CallIndex of the scan, blocking because of \p B,
  /// returns promptly because of what came before it.
  bool isPrompt(size_t CallIndex, const BlockingCallee &B) const;

private:
  const FunctionScan &Scan;
  BlockingCalls &Blocking;
  const clang::ASTContext &Ctx;
  ModelQueries &Queries;
  llvm::DenseSet<const clang::ValueDecl *> NonblockingDescriptors;
  /// Per loop: the first readiness wait inside it (nested loops included).
  std::vector<size_t> FirstReadinessIn;
  size_t FirstReadinessOutsideLoops = std::numeric_limits<size_t>::max();
  /// Objects assigned work that was handed a token.
  llvm::DenseSet<const clang::ValueDecl *> AssignedTokenWork;
  /// (object, member name) -> index of the first such member call.
  llvm::DenseMap<std::pair<const clang::ValueDecl *, llvm::StringRef>, size_t>
      FirstMemberCall;
};

} // namespace cancellint::analysis

#endif
