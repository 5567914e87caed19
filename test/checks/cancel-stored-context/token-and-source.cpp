// RUN: %check_cancel_tidy %s cancel-stored-context %t --config='{CheckOptions: {cancel-stored-context.ModelFiles: "%inputs/olpsdk/olp-sdk.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
// A type that is both a token and a source (an SDK's CancellationContext,
// listed in both tokens[] and sources[]): the member a request's context is
// stored in does not make its class the owner of a source of its own.
#include <olp/core/client/CancellationContext.h>

#include <string>

using olp::client::CancellationContext;

class RequestCache {
public:
  void Remember(CancellationContext &context) { last_ = context; }
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'context' (request-scoped 'olp::client::CancellationContext') is stored in member 'last_' of long-lived 'RequestCache', which outlives the request it belongs to [cancel-stored-context]

private:
  CancellationContext last_;
};

template <typename Key> class PartitionCache {
public:
  void Remember(const Key &, CancellationContext &context) { last_ = context; }
  // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: 'context' (request-scoped 'olp::client::CancellationContext') is stored in member 'last_' of long-lived 'PartitionCache', which outlives the request it belongs to [cancel-stored-context]

private:
  CancellationContext last_;
};
template class PartitionCache<std::string>;

// --- Quiet: a per-request object may keep its request's context.
class DownloadJob {
public:
  explicit DownloadJob(CancellationContext &context) : context_(context) {}
  void Restart(CancellationContext &context) { context_ = context; }

private:
  CancellationContext context_;
};

template <typename Key> class PartitionJob {
public:
  void Restart(const Key &, CancellationContext &context) { context_ = context; }

private:
  CancellationContext context_;
};
template class PartitionJob<std::string>;
