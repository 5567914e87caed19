// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -I %S/Inputs -I %inputs/coro
//
// The notes of loop findings say where the loop waits: at a blocking call,
// at a co_await, or at a call to a function that makes one.
#include "work.h"

#include <chrono>
#include <stop_token>
#include <thread>

using namespace std::chrono_literals;

bool running = true;

// Two calls deep: drain() calls pop(), which waits.
void drain(Queue &q) { handle(q.pop()); }

void direct(std::stop_token st) {
  while (running) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    std::this_thread::sleep_for(100ms);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: waits here without observing 'st'
  }
}

void through_calls(std::stop_token st, Queue &q) {
  for (;;) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    drain(q);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'drain' waits: it makes a blocking call
  }
}

// A coroutine (Task, from work.h) receiving its token as a parameter.
Task ticker(std::stop_token st) {
  while (running) {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never consults 'st': cancellation cannot end it; check 'st.stop_requested()' in it or pass 'st' to the calls that wait in it [cancel-blocking-call]
    co_await next_tick();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: suspends here without observing 'st'
  }
}

Task ticker_checks(std::stop_token st) {
  while (!st.stop_requested())
    co_await next_tick(); // not flagged
}
