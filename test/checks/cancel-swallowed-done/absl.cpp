// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// absl::StatusCode is a scoped enum: kCancelled and kDeadlineExceeded.
#include <absl/status/status.h>
#include <iostream>

absl::Status step();

void poll() {
  while (true) {
    absl::Status s = step();
    switch (s.code()) {
    case absl::StatusCode::kOk:
      return;
    case absl::StatusCode::kUnavailable:
      continue;
    default:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done values 'absl::StatusCode::kCancelled' and 'absl::StatusCode::kDeadlineExceeded' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << s.message() << "\n";
      break;
    }
  }
}

void pollChain() {
  absl::Status s;
  do {
    s = step();
    if (s.code() == absl::StatusCode::kOk)
      return;
    else if (s.code() == absl::StatusCode::kDeadlineExceeded)
      return;
    else
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: done value 'absl::StatusCode::kCancelled' falls into this else branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      std::cerr << "again\n";
  } while (true);
}

// --- Not flagged.
absl::Status pollPropagates() {
  while (true) {
    absl::Status s = step();
    switch (s.code()) {
    case absl::StatusCode::kUnavailable:
      continue;
    default:
      return s;
    }
  }
}

void pollCases() {
  while (true) {
    absl::Status s = step();
    switch (s.code()) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kDeadlineExceeded:
      return;
    default:
      continue;
    }
  }
}

// A do-while(false) is a block, not a loop.
void once() {
  do {
    absl::Status s = step();
    switch (s.code()) {
    case absl::StatusCode::kOk:
      break;
    default:
      std::cerr << "failed\n";
      break;
    }
  } while (false);
}
