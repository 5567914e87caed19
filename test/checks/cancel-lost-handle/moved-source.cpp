// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -stdlib=libc++
// Rule 8: a token taken from a source that the same call, or every path
// before, moves away comes from a moved-from source and can never be
// stopped.
#include <functional>
#include <stop_token>
#include <thread>
#include <utility>

struct Task {
  std::function<void()> run;
};
Task make_task(int id, std::stop_token token);

struct Scheduler {
  // Takes the source by value: the move happens while the arguments are
  // evaluated.
  void schedule(std::stop_source source, Task task);
  void schedule_first(Task task, std::stop_source source);
  // Takes the source by reference: nothing is moved before the call.
  void adopt(std::stop_source &&source, Task task);
};

// --- The real shape: the scheduler keeps the source to stop the task, and
// the task gets its token from the same source, in the same call.
void submit(Scheduler *s, int id) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(id, stop_source.get_token()));
  // CHECK-NOTES: :[[@LINE-1]]:65: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: 'stop_source' is moved away here
}

// The getter comes first: clang happens to take the token before the move.
void submit_first(Scheduler *s, int id) {
  std::stop_source stop_source;
  s->schedule_first(make_task(id, stop_source.get_token()), std::move(stop_source));
  // CHECK-NOTES: :[[@LINE-1]]:47: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:61: note: 'stop_source' is moved away here
}

template <typename Id> void submit_templated(Scheduler *s, Id id) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(0, stop_source.get_token()));
  // CHECK-NOTES: :[[@LINE-1]]:64: warning: token taken from 'stop_source', which another argument of the same call moves away; arguments are evaluated in an unspecified order, and when the move comes first (clang evaluates them left to right: here it does) the token comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: 'stop_source' is moved away here
}
template void submit_templated<int>(Scheduler *, int);

// --- Good: take the token first, then hand the source over.
void submit_fixed(Scheduler *s, int id) {
  std::stop_source stop_source;
  std::stop_token token = stop_source.get_token();
  s->schedule(std::move(stop_source), make_task(id, token));
}

template <typename Id> void submit_fixed_templated(Scheduler *s, Id id) {
  std::stop_source stop_source;
  auto token = stop_source.get_token();
  s->schedule(std::move(stop_source), make_task(0, token));
}
template void submit_fixed_templated<int>(Scheduler *, int);

// Good: a reference parameter moves nothing while the arguments are
// evaluated.
void submit_adopted(Scheduler *s, int id) {
  std::stop_source stop_source;
  s->adopt(std::move(stop_source), make_task(id, stop_source.get_token()));
}

// --- Earlier on the path.
struct Owner {
  explicit Owner(std::stop_source source);
};
void run(std::stop_token token);

void handed_over() {
  std::stop_source source;
  Owner owner(std::move(source));
  run(source.get_token());
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: token taken from 'source', which every path here has moved away; it comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'source' is moved away here
}

void thread_moved() {
  std::jthread worker([](std::stop_token) {});
  std::jthread keeper = std::move(worker);
  std::stop_source stopper = worker.get_stop_source();
  // CHECK-NOTES: :[[@LINE-1]]:37: warning: source taken from 'worker', which every path here has moved away; it comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:25: note: 'worker' is moved away here
}

template <typename T> void handed_over_templated(T value) {
  std::stop_source source;
  Owner owner(std::move(source));
  run(source.get_token());
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: token taken from 'source', which every path here has moved away; it comes from a moved-from source and can never be stopped [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'source' is moved away here
}
template void handed_over_templated<int>(int);

// --- Good: moved on one path only, re-armed after the move, or taken
// before the move of a later pass of a loop.
void maybe_handed_over(bool hand_over) {
  std::stop_source source;
  if (hand_over)
    Owner owner(std::move(source));
  run(source.get_token());
}

void rearmed() {
  std::stop_source source;
  Owner owner(std::move(source));
  source = std::stop_source();
  run(source.get_token());
}

void per_pass(int n) {
  std::stop_source source;
  for (int i = 0; i < n; ++i) {
    run(source.get_token());
    Owner owner(std::move(source));
  }
}

template <typename T> void maybe_handed_over_templated(bool hand_over, T) {
  std::stop_source source;
  if (hand_over)
    Owner owner(std::move(source));
  run(source.get_token());
}
template void maybe_handed_over_templated<int>(bool, int);

// --- Suppressed.
void suppressed(Scheduler *s, int id) {
  std::stop_source stop_source;
  s->schedule(std::move(stop_source), make_task(id, stop_source.get_token())); // NOLINT(cancel-lost-handle)
}
