// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20
// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -stdlib=libc++
//
// Detached work that outlives what it references (rule 6): a thread whose
// callable captures a local by reference, detached before the local's block
// ends; a thread that uses `this` and never ends. Shapes from real fixed
// bugs (threads in a vector detached while they reference a local array; a
// play-time thread detached with an endless loop), written for this project.
#include <array>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

void wait_on(bool &ready, std::mutex &m);
void update(int id);

// --- Threads in a container, detached while they reference a local.
void manyWaiters(std::stop_token shared) {
  {
    std::array<bool, 4> ready{};
    std::array<std::mutex, 4> mutexes;
    std::vector<std::jthread> threads;
    for (int i = 0; i < 4; ++i) {
      std::jthread t([i, shared, &ready, &mutexes] { wait_on(ready[i], mutexes[i]); });
      threads.push_back(std::move(t));
    }
    for (std::jthread &t : threads)
      t.detach();
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-6]]:35: note: 'ready' is captured by reference here
    // CHECK-NOTES: :[[@LINE+1]]:3: note: 'ready' is destroyed here
  }
}

// The same in a template, with the array's size its parameter.
template <int N> void manyWaitersT() {
  std::array<bool, N> ready{};
  std::mutex m;
  std::vector<std::thread> threads;
  for (int i = 0; i < N; ++i)
    threads.emplace_back([&ready, &m, i] { wait_on(ready[i], m); });
  for (auto &t : threads)
    t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-4]]:28: note: 'ready' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'ready' is destroyed here
}
template void manyWaitersT<2>();

// A default by-reference capture, and a std::thread.
void oneWaiter() {
  bool ready = false;
  std::mutex m;
  std::thread t([&] { wait_on(ready, m); });
  t.detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: detached thread may still use 'ready', captured by reference, after 'ready' is destroyed at the end of its block; join the thread before then [cancel-lost-handle]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'ready' is captured by reference here
  // CHECK-NOTES: :[[@LINE+1]]:1: note: 'ready' is destroyed here
}

// --- An endless loop on `this`, detached.
class Emulator {
public:
  void start(int id) {
    std::thread([this, id] {
      while (true) {
        std::this_thread::sleep_for(60s);
        update(id);
        last_ = std::chrono::steady_clock::now();
      }
    }).detach();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: detached thread runs a loop with no exit and uses 'this': nothing can stop it, and it can outlive the 'Emulator' object it uses; keep the thread in a member, and stop and join it in the destructor [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE-7]]:7: note: this loop never ends
    // CHECK-NOTES: :[[@LINE-9]]:18: note: 'this' is used by the thread here
  }
  void startLoop() {
    std::thread(&Emulator::loop, this).detach();
    // CHECK-NOTES: :[[@LINE-1]]:40: warning: detached thread runs a loop with no exit and uses 'this': nothing can stop it, and it can outlive the 'Emulator' object it uses; keep the thread in a member, and stop and join it in the destructor [cancel-lost-handle]
    // CHECK-NOTES: :[[@LINE+6]]:5: note: this loop never ends
    // CHECK-NOTES: :[[@LINE-3]]:34: note: 'this' is used by the thread here
  }

private:
  void loop() {
    for (;;)
      update(0);
  }
  std::chrono::steady_clock::time_point last_;
};

// === Not reported.

// Captured by value: the thread owns its copy.
void byValue() {
  std::array<bool, 4> ready{};
  std::thread([ready] { (void)ready; }).detach();
}

// A loop on `this` that ends.
class Poller {
public:
  void start() {
    std::thread([this] {
      while (!done_)
        std::this_thread::sleep_for(1s);
    }).detach();
  }

private:
  bool done_ = false;
};

// Joined, not detached.
void joined() {
  bool ready = false;
  std::mutex m;
  std::thread t([&] { wait_on(ready, m); });
  t.join();
}

// main returning ends the process, and its detached threads with it.
int main() {
  bool ready = false;
  std::mutex m;
  std::thread([&] { wait_on(ready, m); }).detach();
}
