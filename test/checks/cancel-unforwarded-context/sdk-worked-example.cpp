// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/olpsdk/olp-sdk.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
// The worked example of docs/models.md ("A worked example: an SDK's own
// context"), with its model test/Inputs/olpsdk/olp-sdk.json.
#include <olp/core/client/CancellationContext.h>
#include <olp/core/utils/WarningWorkarounds.h>

#include <chrono>
#include <mutex>
#include <string>

using olp::client::CancellationContext;
using olp::client::CancellationToken;

struct TokenResponse {};
struct Response {};
Response Download(CancellationContext &context, const std::string &url);

namespace olp::authentication {
struct AutoRefreshingToken {
  TokenResponse GetToken(std::chrono::seconds minimum_validity) const;
  TokenResponse GetToken(CancellationContext &context,
                         std::chrono::seconds minimum_validity) const;
};
} // namespace olp::authentication

class TokenProvider {
public:
  TokenResponse GetResponse(CancellationContext &context) const {
    OLP_SDK_CORE_UNUSED(context);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'GetResponse' discards its 'olp::client::CancellationContext' parameter 'context' but blocks in 'GetToken'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
    std::lock_guard<std::mutex> lock(mutex_);
    return token_.GetToken(std::chrono::seconds(300));
  }

private:
  olp::authentication::AutoRefreshingToken token_;
  mutable std::mutex mutex_;
};

Response GetTile(CancellationContext &context, const std::string &url) {
  CancellationContext own;
  return Download(own, url);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'own' passed to 'Download' holds a new 'olp::client::CancellationContext' of its own, cancelled only through itself, not derived from 'context'; cancelling 'context' does not reach this call [cancel-unforwarded-context]
}

// Quiet: a child linked to the held context.
Response GetBlob(CancellationContext &context, const std::string &url) {
  CancellationContext child;
  context.ExecuteOrCancelled([child]() {
    return CancellationToken([child]() mutable { child.CancelOperation(); });
  });
  return Download(child, url);
}
