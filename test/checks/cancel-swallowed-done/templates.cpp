// RUN: %check_cancel_tidy %s cancel-swallowed-done %t -- -- -std=c++20 -isystem %inputs/folly
//
// Every rule in three forms: a plain function (or class), a member of a
// class template, and a function template; the correct pattern of each
// rule in template form stays quiet. Templates are analysed through their
// instantiations: a finding is reported once at the template, however many
// instantiations there are (each template here has two), and in the
// function template the done check is also made on a token whose type is
// the template parameter.
#include <asio.hpp>
#include <folly/CancellationToken.h>
#include <folly/OperationCancelled.h>
#include <grpcpp/grpcpp.h>
#include <iostream>
#include <stop_token>

grpc::Status call();
void backoff();
void work();
void fetch(folly::CancellationToken ct);

// --- 1. A done value falling into a default branch that goes round the loop.
void r1Plain() {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-7]]:3: note: control goes round the loop again here
      backoff();
    }
  }
}
template <class T> struct R1 {
  void member() {
    while (true) {
      grpc::Status s = call();
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
        return;
      default:
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
      // CHECK-NOTES: :[[@LINE-7]]:5: note: control goes round the loop again here
        backoff();
      }
    }
  }
  void good() {
    while (true) {
      grpc::Status s = call();
      switch (s.error_code()) {
      case grpc::StatusCode::OK:
      case grpc::StatusCode::CANCELLED:
      case grpc::StatusCode::DEADLINE_EXCEEDED:
        return;
      default:
        backoff();
      }
    }
  }
};
template struct R1<int>;
template struct R1<long>;
template <class T> void r1Template(T) {
  while (true) {
    grpc::Status s = call();
    switch (s.error_code()) {
    case grpc::StatusCode::OK:
      return;
    default:
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED' fall into this default branch, which goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-7]]:3: note: control goes round the loop again here
      backoff();
    }
  }
}
template void r1Template(int);
template void r1Template(long);

// --- 1, without a switch: a status holding a done value retried.
grpc::Status n1Plain() {
  for (;;) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this loop goes round again when 'st' holds done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED', retrying a cancelled call instead of leaving [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE+2]]:18: note: 'st' receives the status here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: control goes round the loop again here
    grpc::Status st = call();
    if (st.ok())
      return st;
    backoff();
  }
}
template <class T> struct N1 {
  grpc::Status member() {
    for (;;) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: this loop goes round again when 'st' holds done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED', retrying a cancelled call instead of leaving [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE+2]]:20: note: 'st' receives the status here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: control goes round the loop again here
      grpc::Status st = call();
      if (st.ok())
        return st;
      backoff();
    }
  }
  grpc::Status good() {
    for (;;) {
      grpc::Status st = call();
      if (st.error_code() != grpc::StatusCode::UNAVAILABLE)
        return st;
      backoff();
    }
  }
};
template struct N1<int>;
template struct N1<long>;
template <class T> grpc::Status n1Template(T) {
  for (;;) {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this loop goes round again when 'st' holds done values 'grpc::StatusCode::CANCELLED' and 'grpc::StatusCode::DEADLINE_EXCEEDED', retrying a cancelled call instead of leaving [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE+2]]:18: note: 'st' receives the status here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: control goes round the loop again here
    grpc::Status st = call();
    if (st.ok())
      return st;
    backoff();
  }
}
template grpc::Status n1Template(int);
template grpc::Status n1Template(long);

// --- 2. A completion handler that starts the next operation after cancellation.
class R2Plain {
public:
  void logged() {
    timer_.async_wait([this](const asio::error_code &ec) {
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: completion handler starts 'async_wait' again through 'logged' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the handler of this 'async_wait'
    // CHECK-NOTES: :[[@LINE+2]]:11: note: the error code is tested here, but control goes on to the next operation
    // CHECK-NOTES: :[[@LINE+3]]:7: note: next operation started here
      if (ec)
        std::cerr << "timer: " << ec.message() << "\n";
      logged();
    });
  }
  asio::steady_timer timer_;
};
template <class T> class R2 {
public:
  void logged() {
    timer_.async_wait([this](const asio::error_code &ec) {
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: completion handler starts 'async_wait' again through 'logged' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the handler of this 'async_wait'
    // CHECK-NOTES: :[[@LINE+2]]:11: note: the error code is tested here, but control goes on to the next operation
    // CHECK-NOTES: :[[@LINE+3]]:7: note: next operation started here
      if (ec)
        std::cerr << "timer: " << ec.message() << "\n";
      logged();
    });
  }
  void good() {
    timer_.async_wait([this](const asio::error_code &ec) {
      if (ec)
        return;
      good();
    });
  }
  asio::steady_timer timer_;
};
template class R2<int>;
template class R2<long>;
template <class T> void r2Template(asio::steady_timer &timer, T) {
  timer.async_wait([&timer](const asio::error_code &ec) {
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: completion handler starts 'async_wait' again through 'r2Template' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE+2]]:9: note: the error code is tested here, but control goes on to the next operation
  // CHECK-NOTES: :[[@LINE+3]]:5: note: next operation started here
    if (ec)
      std::cerr << "timer: " << ec.message() << "\n";
    r2Template(timer, T());
  });
}
template void r2Template(asio::steady_timer &, int);
template void r2Template(asio::steady_timer &, long);
void r2PlainFree(asio::steady_timer &timer) {
  timer.async_wait([&timer](const asio::error_code &ec) {
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: completion handler starts 'async_wait' again through 'r2PlainFree' even when its operation was cancelled, so cancelling the operation does not stop the chain [cancel-swallowed-done]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler of this 'async_wait'
  // CHECK-NOTES: :[[@LINE+2]]:9: note: the error code is tested here, but control goes on to the next operation
  // CHECK-NOTES: :[[@LINE+3]]:5: note: next operation started here
    if (ec)
      std::cerr << "timer: " << ec.message() << "\n";
    r2PlainFree(timer);
  });
}

// --- 3. A stop request noticed and ignored.
void r3Plain(std::stop_token st) {
  while (true) {
    if (st.stop_requested()) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: control goes round the loop again here
      std::cerr << "stop requested\n";
    }
    work();
  }
}
template <class T> struct R3 {
  void member(std::stop_token st) {
    while (true) {
      if (st.stop_requested()) {
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: control goes round the loop again here
        std::cerr << "stop requested\n";
      }
      work();
    }
  }
  void good(std::stop_token st) {
    while (true) {
      if (st.stop_requested())
        break;
      work();
    }
  }
};
template struct R3<int>;
template struct R3<long>;
template <class T> void r3Template(std::stop_token st, T) {
  while (true) {
    if (st.stop_requested()) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: control goes round the loop again here
      std::cerr << "stop requested\n";
    }
    work();
  }
}
template void r3Template(std::stop_token, int);
template void r3Template(std::stop_token, long);
template <class T> void r3Dependent(T st) {
  while (true) {
    if (st.stop_requested()) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: stop request seen by 'st.stop_requested()' is ignored: this branch neither leaves the loop nor changes what the loop decides on [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: control goes round the loop again here
      std::cerr << "stop requested\n";
    }
    work();
  }
}
template void r3Dependent(std::stop_token);

// --- 4. A catch handler swallowing cancellation in a loop.
void r4Plain(folly::CancellationToken ct) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: catch handler swallows 'folly::OperationCancelled' and goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-5]]:3: note: control goes round the loop again here
      std::cerr << "cancelled, retrying\n";
    }
  }
}
template <class T> struct R4 {
  void member(folly::CancellationToken ct) {
    for (;;) {
      try {
        fetch(ct);
      } catch (const folly::OperationCancelled &) {
      // CHECK-NOTES: :[[@LINE-1]]:9: warning: catch handler swallows 'folly::OperationCancelled' and goes round the loop again instead of leaving it [cancel-swallowed-done]
      // CHECK-NOTES: :[[@LINE-5]]:5: note: control goes round the loop again here
        std::cerr << "cancelled, retrying\n";
      }
    }
  }
  void good(folly::CancellationToken ct) {
    for (;;) {
      try {
        fetch(ct);
      } catch (const folly::OperationCancelled &) {
        throw;
      }
    }
  }
};
template struct R4<int>;
template struct R4<long>;
template <class T> void r4Template(folly::CancellationToken ct, T) {
  for (;;) {
    try {
      fetch(ct);
    } catch (const folly::OperationCancelled &) {
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: catch handler swallows 'folly::OperationCancelled' and goes round the loop again instead of leaving it [cancel-swallowed-done]
    // CHECK-NOTES: :[[@LINE-5]]:3: note: control goes round the loop again here
      std::cerr << "cancelled, retrying\n";
    }
  }
}
template void r4Template(folly::CancellationToken, int);
template void r4Template(folly::CancellationToken, long);

