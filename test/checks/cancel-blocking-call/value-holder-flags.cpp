// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/value-holder.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
//
// A stop flag kept in a code base's own lock-protected holder (a SIP
// server's AmSharedVar<bool>: get() reads it, set() and operator= write it),
// polled by a thread that parks in the holder-style condition's
// wait_for(). The stop request must also wake that wait: set() on the
// condition, as the model's woken_by says.
#include <mutex>

namespace sip {
template <class T> class SharedVar {
  T t;
  std::mutex m;

public:
  T get() {
    std::lock_guard<std::mutex> l(m);
    return t;
  }
  void set(const T &v) {
    std::lock_guard<std::mutex> l(m);
    t = v;
  }
  SharedVar &operator=(const T &v) {
    set(v);
    return *this;
  }
};

template <class T> class Condition {
public:
  void set(const T &v);
  void wait_for(); // until set(true)
};

class Processor {
public:
  void run() {
    stop_requested = false;
    while (!stop_requested.get()) {
      runcond.wait_for();
      // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'sip::Condition::wait_for' blocks without observing stop flag 'stop_requested', and setting it does not end the wait, so the thread may never stop; call 'set' on what it waits for where 'stop_requested' is set [cancel-blocking-call]
      // CHECK-NOTES: :[[@LINE+5]]:5: note: 'stop_requested' is a stop flag (the model says so): 'on_stop' sets it here
      runcond.set(false);
    }
  }
  void on_stop() {
    stop_requested.set(true);
  }

private:
  SharedVar<bool> stop_requested;
  Condition<bool> runcond;
};

// The fix: the stop request wakes the wait.
template <class Session> class Worker {
public:
  void run() {
    while (!stop_requested.get()) {
      runcond.wait_for();
      runcond.set(false);
    }
  }
  void on_stop() {
    stop_requested.set(true);
    runcond.set(true);
  }

private:
  SharedVar<bool> stop_requested;
  Condition<bool> runcond;
};
template class Worker<int>;
} // namespace sip
