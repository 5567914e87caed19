// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/olpsdk/olp.json;%S/Inputs/auth.json"}}' -- -- -std=c++20 -isystem %inputs/olpsdk
#include <olp/core/client/CancellationContext.h>
#include <olp/core/utils/WarningWorkarounds.h>

#include <chrono>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

using olp::client::CancellationContext;
using namespace std::chrono_literals;

struct TokenResponse {};
struct Response {};
Response Download(CancellationContext &context, const std::string &url);

namespace auth {
struct AutoRefreshingToken {
  // Blocks while it signs in again (model: blocking).
  TokenResponse GetToken(std::chrono::seconds minimum_validity) const;
  TokenResponse GetToken(CancellationContext &context,
                         std::chrono::seconds minimum_validity) const;
};
// A mutex shared between processes: lock() waits for the other process
// (model: blocking).
struct NamedMutex {
  void lock();
  void unlock();
};
} // namespace auth

// --- The token provider of an SDK: the context is marked unused, and the
// sign-in it then waits for cannot be cancelled.
class TokenProviderImpl {
public:
  TokenResponse GetResponse(CancellationContext &context) const {
    OLP_SDK_CORE_UNUSED(context);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'GetResponse' discards its 'olp::client::CancellationContext' parameter 'context' but blocks in 'GetToken'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
    std::lock_guard<std::mutex> lock(request_mutex_);
    return token_.GetToken(minimum_validity_);
    // CHECK-NOTES: :[[@LINE-1]]:12: note: 'GetToken' blocks here without the context
  }

private:
  std::chrono::seconds minimum_validity_{300};
  auth::AutoRefreshingToken token_;
  mutable std::mutex request_mutex_;
};

// --- Good: the fix hands the context to the call that waits.
class FixedTokenProviderImpl {
public:
  TokenResponse GetResponse(CancellationContext &context) const {
    std::lock_guard<std::mutex> lock(request_mutex_);
    return token_.GetToken(context, minimum_validity_);
  }

private:
  std::chrono::seconds minimum_validity_{300};
  auth::AutoRefreshingToken token_;
  mutable std::mutex request_mutex_;
};

// --- The same in a class template, as the SDK writes it (a nested class of
// a template): reported once, as written.
template <long long MinimumValidity> class TokenProvider {
  class Impl {
  public:
    TokenResponse GetResponse(CancellationContext &context) const {
      OLP_SDK_CORE_UNUSED(context);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'GetResponse' discards its 'olp::client::CancellationContext' parameter 'context' but blocks in 'GetToken'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
      std::lock_guard<std::mutex> lock(request_mutex_);
      return token_.GetToken(std::chrono::seconds(MinimumValidity));
      // CHECK-NOTES: :[[@LINE-1]]:14: note: 'GetToken' blocks here without the context
    }

  private:
    auth::AutoRefreshingToken token_;
    mutable std::mutex request_mutex_;
  };

public:
  TokenResponse Get(CancellationContext &context) const {
    return impl_.GetResponse(context);
  }

private:
  Impl impl_;
};
template class TokenProvider<300>;

template <long long MinimumValidity> class FixedTokenProvider {
public:
  TokenResponse GetResponse(CancellationContext &context) const {
    std::lock_guard<std::mutex> lock(request_mutex_);
    return token_.GetToken(context, std::chrono::seconds(MinimumValidity));
  }

private:
  auth::AutoRefreshingToken token_;
  mutable std::mutex request_mutex_;
};
template class FixedTokenProvider<300>;

// --- Other ways to discard: an unnamed parameter, a cast to void,
// [[maybe_unused]]; and the other ways to call down: a call that takes a
// context, a lock.
void PollUntilReady(CancellationContext &, int fd) {
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'PollUntilReady' discards its unnamed 'olp::client::CancellationContext' parameter but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  while (fd < 0)
    std::this_thread::sleep_for(100ms);
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'sleep_for' blocks here without the context
}

Response Prefetch(CancellationContext &context, const std::string &url) {
  (void)context;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Prefetch' discards its 'olp::client::CancellationContext' parameter 'context' but calls 'Download', which takes a context; cancelling the caller's context does not reach that call [cancel-unforwarded-context]
  CancellationContext own;
  return Download(own, url);
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'Download' takes a context here
}

auth::NamedMutex store_mutex;
int cache_hits = 0;
void CountHit(CancellationContext &context) {
  static_cast<void>(context);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'CountHit' discards its 'olp::client::CancellationContext' parameter 'context' but waits to lock 'store_mutex'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  std::lock_guard<auth::NamedMutex> lock(store_mutex);
  // CHECK-NOTES: :[[@LINE-1]]:37: note: 'store_mutex' is locked here
  ++cache_hits;
}

void Drain([[maybe_unused]] std::stop_token stop) {
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'Drain' discards its 'std::stop_token' parameter 'stop' but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
  std::this_thread::sleep_for(5s);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'sleep_for' blocks here without the context
}

void StartWorker() {
  std::jthread worker([](std::stop_token) {
    // CHECK-NOTES: :[[@LINE-1]]:26: warning: the lambda discards its unnamed 'std::stop_token' parameter but blocks in 'sleep_for'; cancelling the caller's context cannot end that wait [cancel-unforwarded-context]
    for (;;)
      std::this_thread::sleep_for(1s);
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'sleep_for' blocks here without the context
  });
}

template <typename T>
T LoadOr(CancellationContext &context, const T &fallback) {
  OLP_SDK_CORE_UNUSED(context);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'LoadOr' discards its 'olp::client::CancellationContext' parameter 'context' but calls 'Download', which takes a context; cancelling the caller's context does not reach that call [cancel-unforwarded-context]
  CancellationContext own;
  Download(own, "config");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Download' takes a context here
  return fallback;
}

// --- Quiet: nothing here could use the context. A standard mutex is
// held briefly by design: waiting for it is not work to cancel.
std::mutex cache_mutex;
int Hits(CancellationContext &) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  return cache_hits;
}
std::string name = "tiles";
std::string Name(CancellationContext &context) {
  OLP_SDK_CORE_UNUSED(context);
  return name;
}
int Size(CancellationContext &) { return 3; }

template <typename T> T Identity(CancellationContext &, T value) {
  return value;
}

// --- Quiet: the context is also used, not only discarded.
void Throttle(CancellationContext &context) {
  (void)context;
  while (!context.IsCancelled())
    std::this_thread::sleep_for(10ms);
}

template <typename T> T Fetch(CancellationContext &context, const T &fallback) {
  Download(context, "config");
  return fallback;
}

// --- Quiet: a named parameter that is simply not read says nothing on
// purpose (the compiler's -Wunused-parameter is the tool for it).
void Unread(CancellationContext &context) { std::this_thread::sleep_for(1s); }

// --- Overrides: judged as any function; when another override of the same
// virtual function uses its context, the message says so.
struct Fetcher {
  virtual ~Fetcher() = default;
  virtual Response Fetch(CancellationContext &context,
                         const std::string &url) = 0;
};
struct NetworkFetcher : Fetcher {
  Response Fetch(CancellationContext &context, const std::string &url) override {
    return Download(context, url);
  }
};
struct MirrorFetcher : Fetcher {
  Response Fetch(CancellationContext &, const std::string &url) override {
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'Fetch' discards its unnamed 'olp::client::CancellationContext' parameter but calls 'Download', which takes a context; cancelling the caller's context does not reach that call; other overrides of 'Fetcher::Fetch' use their context [cancel-unforwarded-context]
    CancellationContext mirror;
    return Download(mirror, "mirror/" + url);
    // CHECK-NOTES: :[[@LINE-1]]:12: note: 'Download' takes a context here
    // CHECK-NOTES: :[[@LINE-10]]:39: note: 'NetworkFetcher::Fetch' uses its context
  }
};
struct MemoryFetcher : Fetcher {
  Response Fetch(CancellationContext &, const std::string &) override {
    return cached_;
  }
  Response cached_;
};

// --- Suppressed.
void Legacy(CancellationContext &) { // NOLINT(cancel-unforwarded-context)
  std::this_thread::sleep_for(1s);
}
