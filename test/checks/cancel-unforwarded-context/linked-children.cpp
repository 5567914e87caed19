// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {ModelFiles: "%S/Inputs/timer-handler.json"}}' -- -- -std=c++17
//
// A storage SDK's download: a timer_handler built from the caller's token
// is its child, cancelled also when the operation's maximum execution time
// runs out. One branch hands the child's token down; the other hands the
// parent's, so the timeout never reaches that download (the SDK's fix
// passed timer_handler->get_cancellation_token() there too).
#include <memory>

namespace pplx {
struct cancellation_token {
  bool is_canceled() const;
};
} // namespace pplx
namespace storage {
struct timer_handler {
  explicit timer_handler(const pplx::cancellation_token &parent);
  pplx::cancellation_token get_cancellation_token() const;
  void start_timer(int ms);
};
void download(int offset, const pplx::cancellation_token &token,
              std::shared_ptr<timer_handler> keep_alive);
void download_range(int offset, const pplx::cancellation_token &token);
} // namespace storage

void downloadShared(bool parallel, const pplx::cancellation_token &cancellation_token) {
  auto timer = std::make_shared<storage::timer_handler>(cancellation_token);
  timer->start_timer(30000);
  if (parallel)
    storage::download(0, timer->get_cancellation_token(), timer);
  else
    storage::download(0, cancellation_token, timer);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'cancellation_token' passed to 'download' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-7]]:8: note: 'timer' is created here, linked to 'cancellation_token'
  // CHECK-NOTES: :[[@LINE-5]]:26: note: the token of 'timer' is passed here
}

template <int Attempts>
void downloadLocal(bool parallel, const pplx::cancellation_token &token) {
  storage::timer_handler timer(token);
  if (parallel)
    storage::download_range(0, timer.get_cancellation_token());
  else
    storage::download_range(0, token);
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: 'token' passed to 'download_range' is the parent of 'timer', whose own token the same parameter receives at line [[@LINE-3]]; what cancels 'timer' (its own cancel or deadline) does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-6]]:26: note: 'timer' is created here, linked to 'token'
  // CHECK-NOTES: :[[@LINE-5]]:32: note: the token of 'timer' is passed here
}
template void downloadLocal<1>(bool, const pplx::cancellation_token &);

// --- Not flagged.

// The fix: the child's token on both paths. (A links[] constructor given
// the held token makes the local a child of it: not an unrelated source.)
void downloadFixed(bool parallel, const pplx::cancellation_token &token) {
  storage::timer_handler timer(token);
  if (parallel)
    storage::download_range(0, timer.get_cancellation_token());
  else
    storage::download_range(1, timer.get_cancellation_token());
}

// The parent is passed after the child's block has ended.
void childGone(const pplx::cancellation_token &token) {
  {
    storage::timer_handler timer(token);
    storage::download_range(0, timer.get_cancellation_token());
  }
  storage::download_range(1, token);
}

// Another callee: nothing says the parent was meant for it.
void otherCallee(const pplx::cancellation_token &token) {
  auto timer = std::make_shared<storage::timer_handler>(token);
  storage::download(0, timer->get_cancellation_token(), timer);
  storage::download_range(1, token);
}
