// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%S/Inputs/olp-new-context.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
// A model token with `root: new-context`: a default-constructed context is
// a context of its own. It can be cancelled, but only through itself, so it
// is no child of the context the function holds.
#include <olp/core/client/CancellationContext.h>

#include <string>

using olp::client::CancellationContext;
using olp::client::CancellationToken;

struct Response {};
Response Download(CancellationContext &context, const std::string &url);
Response Upload(CancellationContext context, const std::string &url);

// --- A new context where the held one should go.
Response GetTile(CancellationContext &context, const std::string &url) {
  CancellationContext own;
  return Download(own, url);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'own' passed to 'Download' holds a new 'olp::client::CancellationContext' of its own, cancelled only through itself, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: a new 'olp::client::CancellationContext' of its own, cancelled only through itself is created here
}

Response PutTile(CancellationContext &context, const std::string &url) {
  return Upload(CancellationContext(), url);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'CancellationContext()' passed to 'Upload' is a new 'olp::client::CancellationContext' of its own, cancelled only through itself, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
}

template <typename Key>
Response GetPartition(CancellationContext &context, const Key &key) {
  CancellationContext own;
  return Download(own, key);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'own' passed to 'Download' holds a new 'olp::client::CancellationContext' of its own, cancelled only through itself, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: a new 'olp::client::CancellationContext' of its own, cancelled only through itself is created here
}

// --- Good: the held context itself, or a child linked to it.
Response GetTileFixed(CancellationContext &context, const std::string &url) {
  return Download(context, url);
}

Response GetTileChild(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  context.ExecuteOrCancelled([child]() {
    return CancellationToken([child]() mutable { child.CancelOperation(); });
  });
  return Download(child, url);
}

template <typename Key>
Response GetPartitionChild(CancellationContext &context, const Key &key) {
  CancellationContext child;
  context.ExecuteOrCancelled([child]() {
    return CancellationToken([child]() mutable { child.CancelOperation(); });
  });
  return Download(child, key);
}

// --- Good: code that holds no context starts one (the SDK's users do).
Response FetchOnce(const std::string &url) {
  CancellationContext context;
  return Download(context, url);
}
