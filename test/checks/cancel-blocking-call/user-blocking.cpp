// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/netlib.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
//
// Users' own blocking functions: declared with
// [[clang::annotate("cancellint::blocking")]], or described in a model file
// with the optional keys of `blocking` entries (blocks_when, timeout,
// descriptor_arg, readiness_wait, not_blocking_after, nonblocking_markers).
#include <stop_token>

// --- Annotated.
[[clang::annotate("cancellint::blocking")]] void drain_all();
[[clang::annotate("cancellint::blocking", "drain_for(timeout)")]] void drain_some();

struct Store {
  [[clang::annotate("cancellint::blocking")]] virtual int load() = 0;
  virtual ~Store() = default;
};
struct DiskStore : Store {
  int load() override; // inherits the annotation
};

void annotated(std::stop_token st, DiskStore &disk) {
  drain_all();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'drain_all' blocks without observing 'st': cancellation cannot interrupt it [cancel-blocking-call]
  // CHECK-NOTES: :10:50: note: 'drain_all' is declared blocking here
  drain_some();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'drain_some' blocks without observing 'st': cancellation cannot interrupt it; use drain_for(timeout) [cancel-blocking-call]
  // CHECK-NOTES: :11:72: note: 'drain_some' is declared blocking here
  disk.load();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'DiskStore::load' blocks without observing 'st': cancellation cannot interrupt it [cancel-blocking-call]
  // CHECK-NOTES: :14:59: note: 'Store::load' is declared blocking here
}

// --- From the model file.
#define NETLIB_ASYNC 0x1
namespace netlib {
struct Channel {
  int receive(int timeout_ms);
};
struct Reply {
  bool ready() const;
  bool wait_for(int timeout_ms);
  int get();
};
int read_frame(int fd, char *buf, int flags = 0);
int wait_readable(int fd, const int *timeout_ms);
int open_channel(int flags);
} // namespace netlib

void modelled(std::stop_token st, netlib::Channel &ch, netlib::Reply &a,
              netlib::Reply &b, int fd) {
  ch.receive(-1);
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'netlib::Channel::receive' blocks without observing 'st': cancellation cannot interrupt it; use netlib::Channel::receive_for(timeout) [cancel-blocking-call]
  ch.receive(3000);
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'netlib::Channel::receive' waits up to 3 s without observing 'st', longer than MaxUncheckedWait (1 s); use netlib::Channel::receive_for(timeout) [cancel-blocking-call]
  ch.receive(10); // not flagged: short
  (void)a.get();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'netlib::Reply::get' blocks without observing 'st': cancellation cannot interrupt it; use netlib::Reply::wait_for(timeout), then get() [cancel-blocking-call]
  if (b.ready())
    (void)b.get(); // not flagged: after ready()
  char buf[16];
  netlib::read_frame(fd, buf);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'netlib::read_frame' blocks without observing 'st': cancellation cannot interrupt it; use netlib::read_frame_for(fd, timeout) [cancel-blocking-call]
  netlib::read_frame(fd, buf, NETLIB_ASYNC); // not flagged: a marker
  int c = netlib::open_channel(NETLIB_ASYNC);
  netlib::read_frame(c, buf); // not flagged: opened with a marker
  netlib::wait_readable(fd, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'netlib::wait_readable' blocks without observing 'st': cancellation cannot interrupt it; use a finite timeout [cancel-blocking-call]
  netlib::read_frame(fd, buf); // not flagged: after a readiness wait
}
