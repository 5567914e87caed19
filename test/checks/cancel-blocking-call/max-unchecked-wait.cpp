// RUN: %check_cancel_tidy --check-suffix=DEFAULT %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy --check-suffix=SHORT --config="{CheckOptions: {cancel-blocking-call.MaxUncheckedWait: 100ms}}" %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy --check-suffix=LONG --config="{CheckOptions: {cancel-blocking-call.MaxUncheckedWait: 10s}}" %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=BAD --config="{CheckOptions: {cancel-blocking-call.MaxUncheckedWait: soon}}" %s cancel-blocking-call %t -- -- -std=c++20
// RUN: FileCheck --check-prefix=BAD-OPTION --input-file=%t.out %s
//
// MaxUncheckedWait: how long a bounded wait may keep a stop request waiting
// (default 1 s). Waits with a constant bound above it are reported, also
// inside loops that check the token.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

using namespace std::chrono_literals;

std::mutex m;
std::condition_variable cv;

void poll_loop(std::stop_token st) {
  std::unique_lock lock(m);
  while (!st.stop_requested()) {
    cv.wait_for(lock, 500ms);
    // CHECK-MESSAGES-SHORT: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait_for' waits up to 500 ms without observing 'st', longer than MaxUncheckedWait (100 ms); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
    cv.wait_for(lock, 5s);
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: 'std::condition_variable::wait_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
    // CHECK-MESSAGES-SHORT: :[[@LINE-2]]:8: warning: 'std::condition_variable::wait_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (100 ms); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
    // CHECK-MESSAGES-BAD: :[[@LINE-3]]:8: warning: 'std::condition_variable::wait_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  }
}

void naps(std::stop_token st) {
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  // CHECK-MESSAGES-SHORT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 250 ms without observing 'st', longer than MaxUncheckedWait (100 ms); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  std::this_thread::sleep_for(std::chrono::seconds(30));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' waits up to 30 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // CHECK-MESSAGES-SHORT: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' waits up to 30 s without observing 'st', longer than MaxUncheckedWait (100 ms); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // CHECK-MESSAGES-LONG: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' waits up to 30 s without observing 'st', longer than MaxUncheckedWait (10 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // CHECK-MESSAGES-BAD: :[[@LINE-4]]:3: warning: 'std::this_thread::sleep_for' waits up to 30 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // A floating-point duration.
  std::this_thread::sleep_for(std::chrono::duration<double>(0.05));
}

// An invalid value is reported, and the default applies.
// BAD-OPTION: warning: invalid MaxUncheckedWait 'soon': expected a duration such as '1s', '500ms' or '250us'; using 1s [clang-tidy-config]
