// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-blocking-call %t -- -- -std=c++20 -stdlib=libc++
//
// A function that holds a token calls a function of its own code base that
// takes no token and waits long inside (a model blocking call, a few calls
// deep): the token cannot reach that wait. The shape of a real fixed bug (a
// transport's Perform(context) that reads the response through helpers
// polling the socket for up to a minute), written for this project.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

using namespace std::chrono_literals;

static void pollSocket() { std::this_thread::sleep_for(60s); }
static int readResponse() {
  pollSocket();
  return 0;
}

int perform(std::stop_token st) {
  int status = readResponse();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'readResponse' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
  return status;
}

template <class Body> int performT(std::stop_token st, Body body) {
  body();
  return readResponse();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'readResponse' waits up to 1 min (it calls 'std::this_thread::sleep_for') without observing 'st', which it does not take: cancellation cannot interrupt it; pass 'st' down to it [cancel-blocking-call]
}
template int performT(std::stop_token, void (*)());

// === Not reported.

// A short wait inside (at most MaxUncheckedWait).
static void shortPoll() { std::this_thread::sleep_for(100ms); }
void quick(std::stop_token st) { shortPoll(); }

// The helper takes the token: it is judged on its own.
static void pollWith(std::stop_token st) { std::this_thread::sleep_for(10ms); }
void forwards(std::stop_token st) { pollWith(st); }

// No token held.
void noToken() { readResponse(); }
