// RUN: %check_cancel_tidy --frontend=tidy %s cancel-blocking-call %t -- --fix-notes -- -std=c++20
// RUN: %check_cancel_tidy --frontend=tidy %s cancel-blocking-call %t -- --fix-notes -- -std=c++20 -stdlib=libc++
//
// The overload of condition_variable_any's waits that takes the held
// std::stop_token is offered as a fix-it on a note: it returns (false)
// when stop is requested instead of waiting for the predicate, so the code
// after it must look at the result. Applied here with --fix-notes.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>

using namespace std::chrono_literals;

std::mutex m;
std::condition_variable_any cva;
std::condition_variable cv;
bool ready = false;

bool consume(std::stop_token st) {
  std::unique_lock lock(m);
  cva.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::condition_variable_any::wait' blocks without observing 'st': cancellation cannot interrupt it; use the overload wait(lock, token, pred) [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:18: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-3]]:7: note: pass 'st' to the overload of 'wait' that observes it; it returns early when cancellation is requested, so check its result
  // CHECK-FIXES: cva.wait(lock, st, [] { return ready; });
  return cva.wait_for(lock, 10s, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'std::condition_variable_any::wait_for' waits up to 10 s without observing 'st', longer than MaxUncheckedWait (1 s); use the overload wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:29: note: FIX-IT applied suggested code changes
  // CHECK-NOTES: :[[@LINE-3]]:14: note: pass 'st' to the overload of 'wait_for' that observes it; it returns early when cancellation is requested, so check its result
  // CHECK-FIXES: return cva.wait_for(lock, st, 10s, [] { return ready; });
}

// A token held through a lambda capture is passed by its captured name.
void captured(std::stop_source &src) {
  auto job = [token = src.get_token()] {
    std::unique_lock lock(m);
    cva.wait(lock, [] { return ready; });
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::condition_variable_any::wait' blocks without observing 'token': cancellation cannot interrupt it; use the overload wait(lock, token, pred) [cancel-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:20: note: FIX-IT applied suggested code changes
    // CHECK-NOTES: :[[@LINE-3]]:9: note: pass 'token' to the overload of 'wait' that observes it; it returns early when cancellation is requested, so check its result
    // CHECK-FIXES: cva.wait(lock, token, [] { return ready; });
  };
  job();
}

void no_fix(std::stop_token st, const std::stop_token *pst) {
  std::unique_lock lock(m);
  // No overload takes a token: no fix.
  cva.wait(lock);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::condition_variable_any::wait' blocks without observing 'st': cancellation cannot interrupt it; use the overload wait(lock, token, pred) [cancel-blocking-call]
  // CHECK-FIXES: cva.wait(lock);
  // std::condition_variable has no token overload at all.
  cv.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'std::condition_variable::wait' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait(lock, token, pred) [cancel-blocking-call]
  // CHECK-FIXES: cv.wait(lock, [] { return ready; });
}

void through_pointer(const std::stop_token *pst) {
  std::unique_lock lock(m);
  // The token is held through a pointer: no mechanical spelling for it.
  cva.wait(lock, [] { return ready; });
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::condition_variable_any::wait' blocks without observing 'pst': cancellation cannot interrupt it; use the overload wait(lock, token, pred) [cancel-blocking-call]
  // CHECK-FIXES: cva.wait(lock, [] { return ready; });
}
