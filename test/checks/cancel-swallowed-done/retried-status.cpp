// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20
//
// Retry loops that follow no switch: some statuses leave through early
// returns, and the rest fall through to a back-off and the next attempt,
// CANCELLED and DEADLINE_EXCEEDED included (real grpc++ 1.51 headers).
#include <grpcpp/grpcpp.h>
#include <iostream>
#include <stdexcept>

grpc::Status call();
void backoff();
void logStatus(const grpc::Status &status) noexcept;

grpc::Status retryUntilOk() {
  for (;;) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this loop goes round again when 'st' holds done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED', retrying a cancelled call instead of leaving [cancel-swallowed-done]
    grpc::Status st = call();
    // CHECK-NOTES: :[[@LINE-1]]:18: note: 'st' receives the status here
    // CHECK-NOTES: :[[@LINE-4]]:3: note: control goes round the loop again here
    if (st.ok())
      return st;
    if (st.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
      return st;
    logStatus(st);
    backoff();
  }
}

template <typename Stub> grpc::Status retryInTemplate(Stub stub) {
  while (true) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this loop goes round again when 'status' holds done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED', retrying a cancelled call instead of leaving [cancel-swallowed-done]
    grpc::Status status = stub();
    // CHECK-NOTES: :[[@LINE-1]]:18: note: 'status' receives the status here
    if (!status.ok()) {
      std::cerr << status.error_message() << "\n";
      backoff();
      continue;
      // CHECK-NOTES: :[[@LINE-1]]:7: note: control goes round the loop again here
    }
    return status;
  }
}
template grpc::Status retryInTemplate(grpc::Status (*)());

// --- Not flagged.

// The done values leave.
grpc::Status leavesWhenCancelled() {
  for (;;) {
    grpc::Status st = call();
    if (st.ok() || st.error_code() == grpc::StatusCode::CANCELLED ||
        st.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
      return st;
    backoff();
  }
}

// Only UNAVAILABLE goes round.
grpc::Status retriesOnlyUnavailable() {
  for (;;) {
    grpc::Status st = call();
    if (st.error_code() != grpc::StatusCode::UNAVAILABLE)
      return st;
    backoff();
  }
}

// Every failure throws.
void throwsOnFailure() {
  for (;;) {
    grpc::Status st = call();
    if (!st.ok())
      throw std::runtime_error(st.error_message());
    backoff();
  }
}

// Bounded by the loop's own condition.
grpc::Status bounded(int limit) {
  int attempts = 0;
  grpc::Status last;
  while (attempts < limit) {
    ++attempts;
    grpc::Status st = call();
    if (st.ok())
      return st;
    last = st;
    backoff();
  }
  return last;
}
