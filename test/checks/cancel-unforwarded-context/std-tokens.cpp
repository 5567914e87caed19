// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t
// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t -- -- -std=c++20 -stdlib=libc++
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

struct Queue {};
void work(std::stop_token st);
void drain(Queue &q);
void drain(Queue &q, std::stop_token st);
void poll(int fd, std::stop_token st = {});
void pollAll(std::vector<std::stop_token> tokens);

// --- 1. Tokens that are never cancelled, handed down.
void roots(std::stop_token st) {
  work(std::stop_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::stop_token{}' passed to 'work' is a default-constructed 'std::stop_token' that is never cancelled, not derived from 'st'; cancelling 'st' does not reach this call [cancel-unforwarded-context]
  std::stop_token none;
  work(none);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'none' passed to 'work' holds a default-constructed 'std::stop_token' that is never cancelled, not derived from 'st'; cancelling 'st' does not reach this call [cancel-unforwarded-context]
  poll(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: default argument of parameter 'st' of 'poll' is a default-constructed 'std::stop_token' that is never cancelled, not derived from 'st'; cancelling 'st' does not reach this call [cancel-unforwarded-context]
  poll(4, st);
  // Not a token parameter: a container of tokens.
  pollAll({std::stop_token{}});
}

// --- The callable a jthread runs holds the token it receives.
void threads() {
  std::jthread t([](std::stop_token st) {
    work(std::stop_token{});
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::stop_token{}' passed to 'work' is a default-constructed 'std::stop_token' that is never cancelled, not derived from 'st'; cancelling 'st' does not reach this call [cancel-unforwarded-context]
    work(st);
  });
  std::jthread fine([](std::stop_token st) { work(st); });
  // Not flagged: threads() itself holds no token.
  work(std::stop_token{});
}

// --- 2. A local source whose tokens go down, tied to nothing.
void sources(std::stop_token st) {
  std::stop_source own;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  work(own.get_token());
  auto token = own.get_token();
  work(token); // reported once, at the source

  // Linked: a stop_callback on the held token stops the local source.
  std::stop_source linked;
  std::stop_callback forward(st, [&] { linked.request_stop(); });
  work(linked.get_token());

  // Linked by hand: stopped under a condition that reads the held token.
  std::stop_source polled;
  work(polled.get_token());
  if (st.stop_requested())
    polled.request_stop();

  // Escapes: someone else may link it.
  std::stop_source shared;
  extern void registerSource(std::stop_source &);
  registerSource(shared);
  work(shared.get_token());

  // A jthread owns a source too.
  std::jthread worker([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: local source 'worker' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  work(worker.get_stop_token());
}

// Not flagged: a source stopped from a lambda that also watches the token.
void watcher(std::stop_token st) {
  std::stop_source src;
  std::jthread watch([&] {
    while (!st.stop_requested())
      std::this_thread::yield();
    src.request_stop();
  });
  work(src.get_token());
}

// --- 3. The overload that takes a token exists.
void overloads(std::stop_token st, Queue &q, std::condition_variable_any &cv,
               std::mutex &m) {
  drain(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'drain' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
  drain(q, st);
  // Blocking calls and their cancellable overloads are cancel-blocking-call's.
  std::unique_lock lock(m);
  cv.wait(lock, [] { return true; });
}

// --- Members.
class Worker {
public:
  void run(std::stop_token st) {
    step();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'step' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
    step(st);
    process(std::stop_token());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::stop_token()' passed to 'process' is a default-constructed 'std::stop_token' that is never cancelled, not derived from 'st'; cancelling 'st' does not reach this call [cancel-unforwarded-context]
  }

private:
  void step();
  void step(std::stop_token st);
  void process(const std::stop_token &st);
};

// --- Not flagged: copies, comparisons and assignments of the token itself.
void plumbing(std::stop_token st) {
  std::stop_token copy = st;
  work(copy);
  std::stop_token other;
  bool same = other == st;
  other = st;
  work(other);
  (void)same;
}

void suppressed(std::stop_token st) {
  work(std::stop_token{}); // NOLINT(cancel-unforwarded-context)
}

// An unnamed token parameter has no name to pass on: rule 1 stays quiet,
// and rule 7 reports the token dropped by a function that calls down.
void ignores(std::stop_token) { work(std::stop_token{}); }
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'ignores' discards its unnamed 'std::stop_token' parameter but calls 'work', which takes a context; cancelling the caller's context does not reach that call [cancel-unforwarded-context]

// A discarded token with only a short bounded wait (at most cancel-blocking-
// call's default MaxUncheckedWait): nothing it had to end.
void shortPause(std::stop_token) {
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}
