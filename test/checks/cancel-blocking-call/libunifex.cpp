// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -isystem %inputs/unifex
// A code base that uses only libunifex's own tokens: the built-in libunifex
// model makes unifex::inplace_stop_token a token.
#include <unifex/inplace_stop_token.hpp>

#include <chrono>
#include <thread>

using namespace std::chrono_literals;

void poll_device();

// --- An operation's loop that sleeps without looking at its token.
void scan(unifex::inplace_stop_token st) {
  while (!st.stop_requested()) {
    poll_device();
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); wait in bounded slices and check 'st.stop_requested()' between them [cancel-blocking-call]
  }
}

template <typename Device> void scan_templated(Device &d, unifex::inplace_stop_token st) {
  while (!st.stop_requested()) {
    d.poll();
    std::this_thread::sleep_for(5s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); wait in bounded slices and check 'st.stop_requested()' between them [cancel-blocking-call]
  }
}

// --- Good: short waits between checks of the token.
void scan_fixed(unifex::inplace_stop_token st) {
  while (!st.stop_requested()) {
    poll_device();
    std::this_thread::sleep_for(100ms);
  }
}

template <typename Device> void scan_fixed_templated(Device &d, unifex::inplace_stop_token st) {
  while (!st.stop_requested()) {
    d.poll();
    std::this_thread::sleep_for(100ms);
  }
}
