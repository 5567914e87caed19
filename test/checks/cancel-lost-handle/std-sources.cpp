// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -stdlib=libc++
// std::stop_source handed to threads, std::stop_callback registrations and
// detached std::jthreads, against the real libstdc++ and libc++ headers.
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

void worker(std::stop_token);
void compute(std::stop_token);
bool condition();
void keep(std::stop_source);
[[noreturn]] void fatal();

// --- Sources dropped while their work runs.
void detachedWorker() {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:3: note: the token of 'src' is handed to work that keeps running after this statement
  std::thread(worker, src.get_token()).detach();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'src' is destroyed here without a cancel request

void tokenVariableCaptured() {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  std::stop_token token = src.get_token();
  std::thread t([token] { worker(token); });
  // CHECK-NOTES: :[[@LINE-1]]:15: note: the token of 'src' is handed to work that keeps running after this statement
  t.detach();
  if (condition())
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'src' is destroyed here without a cancel request
  src.request_stop();
}

std::thread g_thread;
void storedThread() {
  std::stop_source src;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: cancellation source 'src' may be destroyed while the work started at line [[@LINE+2]] still runs; that work can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE+1]]:14: note: the token of 'src' is handed to work that keeps running after this statement
  g_thread = std::thread([&src] { worker(src.get_token()); });
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'src' is destroyed here without a cancel request

// --- Not flagged: cancelled on every path, joined, synchronous, escaped.
void cancelledOnEveryPath() {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  if (condition()) {
    src.request_stop();
    return;
  }
  src.request_stop();
}

void cancelledOrFatal() {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  if (condition())
    fatal(); // noreturn: nothing outlives the process
  src.request_stop();
}

void joined() {
  std::stop_source src;
  std::thread t(worker, src.get_token());
  t.join();
}

void threadsJoinedInALoop() {
  std::stop_source src;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.push_back(std::thread(worker, src.get_token()));
  for (std::thread &t : threads)
    t.join();
}

void synchronousUse() {
  std::stop_source src;
  compute(src.get_token()); // used only during the call
  std::stop_token token = src.get_token();
  compute(token);
}

void sourceReturned(std::stop_source &out) {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  out = src; // copies share the stop state: 'out' can still stop it
}

std::stop_source sourceMovedOut() {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  return src;
}

void sourcePassedOn() {
  std::stop_source src;
  std::thread(worker, src.get_token()).detach();
  keep(src);
}

struct Owner {
  std::stop_source stop_;
  std::thread thread_;
  void start() { thread_ = std::thread(worker, stop_.get_token()); }
  ~Owner() {
    stop_.request_stop();
    thread_.join();
  }
};

void copiedSource(const std::stop_source &shared) {
  std::stop_source src = shared; // shares the caller's state
  std::thread(worker, src.get_token()).detach();
}

int main() {
  std::stop_source src; // main returning ends the process
  std::thread(worker, src.get_token()).detach();
}

// --- Registrations that die at once.
void registrations(std::stop_token token) {
  std::stop_callback(token, [] {});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
  std::stop_callback{token, [] {}};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
  (void)std::stop_callback(token, [] {});
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: temporary 'std::stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
  std::stop_callback named(token, [] {});
  auto alsoNamed = std::stop_callback(token, [] {});
  std::stop_callback<std::function<void()>> typed(token, [] {});
  // emplace returns a reference to the callback the optional keeps.
  std::optional<std::stop_callback<std::function<void()>>> kept;
  kept.emplace(token, [] {});
  auto owned = std::make_unique<std::stop_callback<std::function<void()>>>(
      token, [] {});
}

auto makeCallback(std::stop_token token) {
  return std::stop_callback(token, [] {}); // the caller keeps it
}

void discardedFactoryResult(std::stop_token token) {
  makeCallback(token);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the 'std::stop_callback' returned by 'makeCallback' is discarded: its callback is unregistered at once [cancel-lost-handle]
  auto kept = makeCallback(token);
}

// --- Detached jthreads.
void detachedJthread() {
  std::jthread t(worker);
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-2]] can never be stopped [cancel-lost-handle]
  std::jthread(worker).detach();
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: detaching a temporary 'std::jthread' drops its only stop source; the thread can never be stopped [cancel-lost-handle]
}

void detachedOnOnePath(std::vector<std::stop_source> &stops) {
  std::jthread t(worker);
  if (condition())
    stops.push_back(t.get_stop_source());
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detaching 't' drops its only stop source; the thread started at line [[@LINE-4]] can never be stopped [cancel-lost-handle]
}

void jthreadsKept(std::vector<std::stop_source> &stops) {
  std::jthread kept(worker); // joined (and stopped) at the end of scope
  std::jthread taken(worker);
  stops.push_back(taken.get_stop_source());
  taken.detach();
  std::jthread stopped(worker);
  stopped.request_stop();
  stopped.detach();
}

std::jthread jthreadReturned() {
  std::jthread t(worker);
  return t;
}

void jthreadSource() {
  // A jthread's destructor requests stop: dropping it loses nothing.
  std::jthread t(worker);
  std::thread(worker, t.get_stop_token()).detach();
}

void suppressed(std::stop_token token) {
  std::stop_callback(token, [] {}); // NOLINT(cancel-lost-handle)
}
