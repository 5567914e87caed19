// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -I %S/Inputs -I %inputs/coro
// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -stdlib=libc++ -I %S/Inputs -I %inputs/coro
//
// The standard library: stop requests noticed and ignored in worker loops
// (std::stop_token), std::errc::operation_canceled in switches, and
// coroutines, against libstdc++ 12 and libc++.
#include "task.h"
#include <atomic>
#include <iostream>
#include <stop_token>
#include <system_error>
#include <thread>

void work();

// --- Stop requests noticed and ignored.
void ignored(std::stop_token st) {
  while (true) {
    if (st.stop_requested()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      std::cerr << "stop requested\n";
    }
    work();
  }
}

void ignoredInElse(std::stop_token st) {
  for (int i = 0; i < 100; ++i) {
    if (!st.stop_requested())
      work();
    else
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      std::cerr << "stopping soon\n";
  }
}

void jthreadBody() {
  std::jthread worker([](std::stop_token st) {
    for (;;) {
      if (st.stop_requested())
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
        continue;
      work();
    }
  });
}

// --- Not flagged: the branch leaves, or tells the loop to end.
void honoured(std::stop_token st) {
  while (true) {
    if (st.stop_requested())
      break;
    work();
  }
}

void honouredByFlag(std::stop_token st) {
  bool stopping = false;
  while (!stopping) {
    if (st.stop_requested())
      stopping = true;
    work();
  }
}

void honouredLater(std::stop_token st) {
  bool draining = false;
  for (;;) {
    if (st.stop_requested())
      draining = true;
    if (draining)
      return;
    work();
  }
}

std::atomic<bool> g_running{true};
void honouredByGlobal(std::stop_token st) {
  while (g_running) {
    if (st.stop_requested())
      g_running = false;
    work();
  }
}

// The loop condition itself ends the loop at its next test.
void loopConditionObserves(std::stop_token st) {
  while (!st.stop_requested()) {
    if (st.stop_requested())
      std::cerr << "finishing this round\n";
    work();
  }
}

[[noreturn]] void die();
void noreturnBranch(std::stop_token st) {
  for (;;) {
    if (st.stop_requested())
      die();
    work();
  }
}

void throwsOut(std::stop_token st) {
  for (;;) {
    if (st.stop_requested())
      throw std::system_error(std::make_error_code(std::errc::operation_canceled));
    work();
  }
}

// Outside a loop the code after the if may still act on it.
void notInLoop(std::stop_token st) {
  if (st.stop_requested())
    std::cerr << "late\n";
  work();
}

// --- std::errc in a switch.
std::errc attempt();

void errcDefault() {
  for (;;) {
    switch (attempt()) {
    case std::errc{}:
      return;
    case std::errc::resource_unavailable_try_again:
      continue;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'std::errc::operation_canceled' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::this_thread::yield();
    }
  }
}

// --- Coroutines: co_return leaves.
Awaitable<std::errc> next();

Task coroutineLeaves() {
  for (;;) {
    switch (co_await next()) {
    case std::errc{}:
      break;
    case std::errc::operation_canceled:
      co_return;
    default:
      continue;
    }
  }
}

Task coroutineRetries() {
  for (;;) {
    switch (co_await next()) {
    case std::errc{}:
      co_return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'std::errc::operation_canceled' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      continue;
    }
  }
}

Task coroutineStopIgnored(std::stop_token st) {
  while (true) {
    if (st.stop_requested())
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      std::cerr << "stop\n";
    co_await next();
  }
}

Task coroutineStopHonoured(std::stop_token st) {
  while (true) {
    if (st.stop_requested())
      co_return;
    co_await next();
  }
}

// --- Suppressed.
void suppressed(std::stop_token st) {
  while (true) {
    // NOLINTNEXTLINE(cancel-swallowed-done)
    if (st.stop_requested())
      std::cerr << "ignored on purpose\n";
    work();
  }
}
