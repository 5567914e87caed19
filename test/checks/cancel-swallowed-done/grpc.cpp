// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Switches and if/else chains over grpc::StatusCode (an unscoped enum) and
// CompletionQueue::NextStatus in retry and poll loops, against grpc++ 1.51.
#include <grpcpp/grpcpp.h>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

grpc::Status call();
void finish(grpc::Status status);
void backoff();

// --- The default branch retries CANCELLED and DEADLINE_EXCEEDED.
void retryDefault() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::UNAVAILABLE:
      backoff();
      continue;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << s.error_message() << "\n";
      continue;
    }
  }
}

// --- Logging is not handling: a void function that cannot throw.
static void logStatus(const grpc::Status &s) { std::cerr << s.error_message(); }
void retryLogged() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      logStatus(s);
      backoff();
    }
  }
}

// The same in a template.
template <class Call> void retryLoggedT(Call c) {
  while (true) {
    grpc::Status s = c();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      logStatus(s);
    }
  }
}
template void retryLoggedT(grpc::Status (*)());

// Handing the status to a function that can stop the loop is handling: one
// that throws, one that never returns, one whose result decides.
static void escalate(const grpc::Status &s) {
  if (!s.ok())
    throw std::runtime_error(s.error_message());
}
[[noreturn]] void fatal(const grpc::Status &s);
bool retryable(const grpc::Status &s);
void retryHandled() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::INTERNAL:
      fatal(s);
    case grpc::StatusCode::UNKNOWN:
      if (!retryable(s))
        return;
      break;
    default:
      escalate(s);
    }
  }
}

// Unscoped enumerators are also written without the enum name.
void retryBreak() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::OK:
      return;
    case grpc::DEADLINE_EXCEEDED:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'grpc::StatusCode::CANCELLED' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      break; // out of the switch, then round the loop
    }
  }
}

// No default: unmatched values leave the switch and go round.
void noDefault() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' have no case in this switch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::UNAVAILABLE:
      break;
    }
  }
}

// The same decisions written as an if/else-if/else chain.
void elseChain() {
  while (true) {
    grpc::Status s = call();
    if (s.error_code() == grpc::StatusCode::OK) {
      return;
    } else if (s.error_code() == grpc::StatusCode::UNAVAILABLE ||
               s.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      backoff();
    } else {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this else branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << "retrying\n";
    }
  }
}

// --- Not flagged: each done value has a case that leaves.
void casesLeave() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return;
    default:
      continue;
    }
  }
}

// An explicit case of its own that falls through into the default is a
// decision the code made about the done value.
void ownCaseFallsThrough() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      std::cerr << "interrupted, retrying\n";
      [[fallthrough]];
    default:
      continue;
    }
  }
}

// A default that falls through into a case that leaves does not swallow.
void defaultFallsIntoLeavingCase() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      continue;
    default:
      [[fallthrough]];
    case grpc::StatusCode::INTERNAL:
      return;
    }
  }
}

// A default that falls through into a case that goes round does.
void defaultFallsIntoRetryingCase() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << "unexpected\n";
      [[fallthrough]];
    case grpc::StatusCode::UNAVAILABLE:
      backoff();
      continue;
    }
  }
}

// A default that returns or propagates the status.
grpc::Status defaultReturns() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      continue;
    default:
      return s;
    }
  }
}

void defaultHandsOn() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      continue;
    default:
      finish(s); // the caller decides
      break;
    }
  }
}

// The status is looked at again after the switch.
grpc::Status checkedAfterSwitch() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      backoff();
      break;
    default:
      break;
    }
    if (!s.ok())
      return s;
  }
}

// The default tells the loop to end.
void defaultEndsLoop() {
  bool done = false;
  while (!done) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      continue;
    default:
      done = true;
      break;
    }
  }
}

void defaultSetsFlagTestedLater() {
  for (;;) {
    bool failed = false;
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      break;
    default:
      failed = true;
      break;
    }
    if (failed)
      break;
  }
}

// Not inside a loop: nothing goes round.
void notInLoop() {
  grpc::Status s = call();
  switch (s.error_code()) {
  case grpc::StatusCode::OK:
    break;
  default:
    std::cerr << "failed\n";
    break;
  }
}

// A switch inside a lambda inside a loop: the lambda's `break` ends its
// call, it does not go round the caller's loop.
void lambdaInLoop() {
  for (int i = 0; i < 10; ++i) {
    auto handle = [](const grpc::Status &s) {
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
        break;
      default:
        std::cerr << "failed\n";
        break;
      }
    };
    handle(call());
  }
}

// A loop inside the lambda is the lambda's own.
void loopInLambda() {
  auto poll = [] {
    while (true) {
      grpc::Status s = call();
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
        return;
      default:
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
        continue;
      }
    }
  };
  poll();
}

// A range-for goes on to the next element: not a retry.
void perElement(const std::vector<grpc::Status> &results) {
  for (const grpc::Status &s : results) {
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      std::cout << "ok\n";
      break;
    default:
      continue;
    }
  }
}

// --- Nested loops, labels and goto.
void nestedLoops(int shards) {
  for (int shard = 0; shard < shards; ++shard) {
    while (true) {
      grpc::Status s = call();
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
        break;
      default:
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
        continue; // round the inner loop
      }
      break;
    }
  }
}

void gotoOutOfNestedLoops(int shards) {
  for (int shard = 0; shard < shards; ++shard) {
    while (true) {
      grpc::Status s = call();
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
        break;
      case grpc::StatusCode::UNAVAILABLE:
        continue;
      default:
        goto give_up;
      }
      break;
    }
  }
give_up:
  std::cerr << "giving up\n";
}

void gotoInsideLoop() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      goto next;
    }
  next:
    backoff();
  }
}

// A noreturn call leaves as surely as a return.
[[noreturn]] void fatal(const std::string &what);
void noreturnDefault() {
  for (;;) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    case grpc::StatusCode::UNAVAILABLE:
      continue;
    default:
      fatal(s.error_message());
    }
  }
}

// Templates are analysed once per place, whatever their instantiations.
template <typename Fn> void retryAll(Fn fn) {
  while (true) {
    grpc::Status s = fn();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      continue;
    }
  }
}
void instantiate() {
  retryAll([] { return call(); });
  retryAll(&call);
}

// --- The completion queue: SHUTDOWN is the queue's done value.
void pollQueue(grpc::CompletionQueue &cq) {
  void *tag;
  bool ok;
  while (true) {
    switch (cq.AsyncNext(&tag, &ok, std::chrono::system_clock::now() +
                                        std::chrono::milliseconds(100))) {
    case grpc::CompletionQueue::GOT_EVENT:
      break;
    default: // TIMEOUT and SHUTDOWN alike
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'grpc::CompletionQueue::NextStatus::SHUTDOWN' falls into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      continue;
    }
  }
}

void pollQueueOk(grpc::CompletionQueue &cq) {
  void *tag;
  bool ok;
  while (true) {
    switch (cq.AsyncNext(&tag, &ok, std::chrono::system_clock::now() +
                                        std::chrono::milliseconds(100))) {
    case grpc::CompletionQueue::GOT_EVENT:
      break;
    case grpc::CompletionQueue::SHUTDOWN:
      return;
    default:
      continue;
    }
  }
}

// --- Suppressed.
void suppressed() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default: // NOLINT(cancel-swallowed-done): retried by design
      continue;
    }
  }
}
