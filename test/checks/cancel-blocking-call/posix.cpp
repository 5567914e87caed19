// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20
//
// POSIX blocking calls, against glibc's headers. The model says when each
// one blocks without bound (poll's -1, select's null timeout) and which
// argument is the descriptor whose blocking mode matters.
#include <fcntl.h>
#include <poll.h>
#include <stop_token>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

void serve(std::stop_token st, int listener) {
  int conn = accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'accept' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
  char buf[256];
  recv(conn, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
  read(conn, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
  sockaddr addr{};
  connect(conn, &addr, sizeof addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks without observing 'st': cancellation cannot interrupt it; use a non-blocking connect() and poll() with a timeout [cancel-blocking-call]
  // Not flagged: this call does not wait.
  recv(conn, buf, sizeof buf, MSG_DONTWAIT);
}

void waits(std::stop_token st, int fd, int epfd) {
  pollfd p{fd, POLLIN, 0};
  poll(&p, 1, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' blocks without observing 'st': cancellation cannot interrupt it; use a finite timeout, checking the token between waits [cancel-blocking-call]
  poll(&p, 1, 5000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); use a finite timeout, checking the token between waits [cancel-blocking-call]
  fd_set set;
  FD_ZERO(&set);
  select(fd + 1, &set, nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'select' blocks without observing 'st': cancellation cannot interrupt it; use a finite timeout, checking the token between waits [cancel-blocking-call]
  epoll_event events[8];
  epoll_wait(epfd, events, 8, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epoll_wait' blocks without observing 'st': cancellation cannot interrupt it; use a finite timeout, checking the token between waits [cancel-blocking-call]
  // Not flagged: finite (or unknown) timeouts.
  poll(&p, 1, 100);
  poll(&p, 1, 0);
  timeval tv{0, 100000};
  select(fd + 1, &set, nullptr, nullptr, &tv);
  epoll_wait(epfd, events, 8, 250);
}

void sleeps(std::stop_token st) {
  sleep(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' waits up to 5 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  usleep(2000000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' waits up to 2 s without observing 'st', longer than MaxUncheckedWait (1 s); use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nanosleep' blocks without observing 'st': cancellation cannot interrupt it; use std::condition_variable_any::wait_for(lock, token, duration, pred) [cancel-blocking-call]
  // Not flagged: short.
  usleep(500000);
}

// --- Descriptors made non-blocking.
static void set_nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

void nonblocking(std::stop_token st, int listener, int other) {
  char buf[64];
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(s, nullptr, 0);      // created non-blocking
  recv(s, buf, sizeof buf, 0);
  fcntl(listener, F_SETFL, O_NONBLOCK);
  accept(listener, nullptr, nullptr); // made non-blocking above
  set_nonblocking(other);
  read(other, buf, sizeof buf);       // made non-blocking by a helper
  int t = socket(AF_INET, SOCK_STREAM, 0);
  timeval limit{0, 200000};
  setsockopt(t, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  recv(t, buf, sizeof buf, 0);        // bounded by SO_RCVTIMEO
  int u = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  ioctl(u, FIONBIO, &on);
  recv(u, buf, sizeof buf, 0);        // FIONBIO
  int blocking = socket(AF_INET, SOCK_STREAM, 0);
  recv(blocking, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
}

// --- The idiom: poll with a timeout, check the token, then read what is ready.
void poll_loop(std::stop_token st, int fd) {
  char buf[64];
  pollfd p{fd, POLLIN, 0};
  while (!st.stop_requested()) {
    if (poll(&p, 1, 100) <= 0)
      continue;
    recv(fd, buf, sizeof buf, 0); // reported ready in this iteration
  }
  // After the loop, no readiness wait precedes it any more.
  recv(fd, buf, sizeof buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
}

void select_once(std::stop_token st, int fd) {
  fd_set set;
  FD_ZERO(&set);
  FD_SET(fd, &set);
  timeval tv{0, 50000};
  char buf[8];
  if (select(fd + 1, &set, nullptr, nullptr, &tv) > 0)
    read(fd, buf, sizeof buf); // not flagged: select reported it ready
}

// Not flagged: no token in scope.
void plain(int fd) {
  char buf[8];
  read(fd, buf, sizeof buf);
  sleep(10);
}

// A descriptor the function seeks is a regular file's (lseek fails on
// pipes and sockets): reading it does not wait on a peer, also inside a
// per-attempt lambda (a build tool's upload-from-file retry).
void uploadFromFile(std::stop_token st, int fd) {
  char buf[4096];
  lseek(fd, 0, SEEK_SET);
  auto attempt = [&](std::stop_token attemptToken) {
    while (!attemptToken.stop_requested() && read(fd, buf, sizeof buf) > 0) {
    }
  };
  attempt(st);
}

template <int ChunkSize> void uploadFromFileT(std::stop_token st, int fd) {
  char buf[ChunkSize];
  lseek(fd, 0, SEEK_SET);
  read(fd, buf, sizeof buf);
  // Nor is a loop reading it to the end: it ends with the file.
  bool last = false;
  while (!last)
    last = read(fd, buf, sizeof buf) <= 0;
}
template void uploadFromFileT<64>(std::stop_token, int);

// Without the seek, the same read may wait on a pipe or socket.
template <int ChunkSize> void readUnknown(std::stop_token st, int fd) {
  char buf[ChunkSize];
  read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks without observing 'st': cancellation cannot interrupt it; use poll() with a timeout, checking the token between waits [cancel-blocking-call]
}
template void readUnknown<64>(std::stop_token, int);
