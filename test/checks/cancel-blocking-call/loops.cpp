// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -I %S/Inputs -I %inputs/coro
//
// Loops that wait but never consult the token of their function. Loops with
// a trip count (counters, ranges) end by themselves and are left alone, as
// are loops that never wait.
#include "work.h" // Queue, whose pop() waits

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

std::mutex m;
std::condition_variable cv;
std::condition_variable_any cva;
bool running = true;

void fetch(std::stop_token, int);

void infinite(std::stop_token st) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    std::this_thread::sleep_for(10ms);
  }
}

void condition_driven(std::stop_token st, Queue &q) {
  std::unique_lock lock(m);
  while (running) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    cv.wait_for(lock, 100ms);
  }
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    handle(q.pop());
  } while (running);
}

// A jthread's worker ignoring its token: ~jthread requests stop, then
// joins a thread that never looks.
void start() {
  std::jthread worker([](std::stop_token st) {
    while (running) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
      std::this_thread::sleep_for(50ms);
    }
  });
}

// One finding per loop nest.
void nested(std::stop_token st) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    while (running)
      std::this_thread::sleep_for(10ms);
  }
}

// A loop around a reported call is not reported again: the call's fix
// (passing the token) fixes the loop.
void reported_call(std::stop_token st) {
  std::unique_lock lock(m);
  while (running) {
    cv.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  }
}

// A timed wait of unknown bound is fine in a loop that checks the token,
// and reported in one that does not.
void unknown_bound(std::stop_token st, std::chrono::milliseconds interval) {
  std::unique_lock lock(m);
  while (!st.stop_requested())
    cv.wait_for(lock, interval);
  while (running)
    cv.wait_for(lock, interval);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait_for' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
}

// --- Not flagged: each loop consults the token.
void consults(std::stop_token st, Queue &q, std::vector<std::function<void()>> &pool) {
  std::unique_lock lock(m);
  while (!st.stop_requested())
    std::this_thread::sleep_for(10ms);
  for (;;) {
    if (st.stop_requested())
      break;
    cv.wait_for(lock, 100ms);
  }
  while (running)
    cva.wait(lock, st, [] { return !running; }); // passes the token
  while (running) {
    fetch(st, q.pop()); // passes the token on, so the loop consults it...
    // ...but pop() itself waits on its condition variable without it.
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'pop' waits without bound (it calls 'std::condition_variable::wait') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  }
  std::stop_token copy = st;
  while (true) {
    std::this_thread::sleep_for(10ms);
    if (copy.stop_requested()) // a copy of the token
      return;
  }
}

void consults_indirectly(std::stop_token st, std::vector<std::function<void()>> &pool) {
  auto stopped = [&st] { return st.stop_requested(); };
  while (!stopped())
    std::this_thread::sleep_for(10ms);
  while (running) {
    pool.push_back([st] { fetch(st, 1); }); // hands the token to the work
    std::this_thread::sleep_for(10ms);
  }
}

// --- Not flagged: loops with a trip count, loops that never wait.
void bounded(std::stop_token st, const std::vector<int> &items, int n) {
  for (int i = 0; i < n; ++i)
    std::this_thread::sleep_for(10ms);
  for (int item : items) {
    handle(item);
    std::this_thread::sleep_for(10ms);
  }
  int found = 0;
  for (;;) {
    if (++found > n) // a search: ends by itself
      break;
  }
  while (running) // never waits
    handle(found);
  do {
    std::this_thread::sleep_for(10ms);
  } while (false);
}

// --- Not flagged: a callback registered on the token ends the loop.
void registered(std::stop_token st) {
  std::unique_lock lock(m);
  std::stop_callback wake(st, [] {
    running = false;
    cv.notify_all();
  });
  while (running)
    cv.wait(lock);
}

// --- Not flagged: a lambda that holds no token is another function.
void inner_lambda(std::stop_token st) {
  auto spin = [] {
    while (running)
      std::this_thread::sleep_for(10ms);
  };
  spin();
  (void)st.stop_requested();
}

// Not flagged: no token.
void no_token() {
  for (;;)
    std::this_thread::sleep_for(10ms);
}

void suppressed(std::stop_token st) {
  while (running) // NOLINT(cancel-blocking-call)
    std::this_thread::sleep_for(10ms);
}
