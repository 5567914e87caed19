// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%S/Inputs/olp-root.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
// A local context that the function links to the context it holds, through
// a model links[] call, is a child of it, not a new root. The model here is
// the one a user of the SDK writes first: a default-constructed context is
// a root.
#include <olp/core/client/CancellationContext.h>

#include <string>

using olp::client::CancellationContext;
using olp::client::CancellationToken;

struct Response {};
Response Download(CancellationContext &context, const std::string &url);

// --- The child context idiom: the parent keeps the child's cancel token as
// its sub-operation, so cancelling the parent cancels the child. (A context
// is a shared handle: the lambdas copy it.)
Response GetTile(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  context.ExecuteOrCancelled([child]() {
    return CancellationToken([child]() mutable { child.CancelOperation(); });
  });
  return Download(child, url);
}

// The same, with the child's cancel registered as the cancel function,
// after the call that uses it.
Response GetBlob(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  Response result = Download(child, url);
  context.ExecuteOrCancelled([] { return CancellationToken(); },
                             [child]() mutable { child.CancelOperation(); });
  return result;
}

template <typename Key>
Response GetPartition(CancellationContext &context, const Key &key) {
  CancellationContext child;
  context.ExecuteOrCancelled([=]() {
    return CancellationToken([=]() mutable { child.CancelOperation(); });
  });
  return Download(child, key);
}

// --- Still reported: a local context nothing links to the held one.
Response GetUnlinked(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  return Download(child, url);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'child' passed to 'Download' holds a default-constructed 'olp::client::CancellationContext' that is never cancelled, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: a default-constructed 'olp::client::CancellationContext' that is never cancelled is created here
}

// Linked to another context than the one the function holds.
CancellationContext *other;
Response GetElsewhere(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  other->ExecuteOrCancelled([child]() {
    return CancellationToken([child]() mutable { child.CancelOperation(); });
  });
  return Download(child, url);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'child' passed to 'Download' holds a default-constructed 'olp::client::CancellationContext' that is never cancelled, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-6]]:23: note: a default-constructed 'olp::client::CancellationContext' that is never cancelled is created here
}

template <typename Key>
Response GetPartitionUnlinked(CancellationContext &context, const Key &key) {
  CancellationContext child;
  return Download(child, key);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'child' passed to 'Download' holds a default-constructed 'olp::client::CancellationContext' that is never cancelled, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:23: note: a default-constructed 'olp::client::CancellationContext' that is never cancelled is created here
}
