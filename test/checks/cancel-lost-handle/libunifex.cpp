// RUN: %check_cancel_tidy %s cancel-lost-handle %t -- -- -std=c++20 -isystem %inputs/unifex
// libunifex's inplace_stop_callback is a registration (built-in libunifex
// model): created as a temporary, it is unregistered at once.
#include <unifex/inplace_stop_token.hpp>

#include <atomic>

void wake_up(std::atomic<bool> &flag);

void on_stop(unifex::inplace_stop_token token, std::atomic<bool> &stopped) {
  unifex::inplace_stop_callback(token, [&] { wake_up(stopped); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'unifex::inplace_stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
}

struct Wake {
  std::atomic<bool> *flag;
  void operator()() const noexcept { wake_up(*flag); }
};

// In a template, the callback is a named function object: a lambda there has
// a dependent type, and a construction of it is left unresolved.
template <typename Tag>
void on_stop_templated(unifex::inplace_stop_token token,
                       std::atomic<bool> &stopped, Tag) {
  unifex::inplace_stop_callback<Wake>(token, Wake{&stopped});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: temporary 'unifex::inplace_stop_callback' is destroyed at the end of the full-expression: its callback is unregistered at once [cancel-lost-handle]
}
template void on_stop_templated(unifex::inplace_stop_token, std::atomic<bool> &, int);

// --- Good: the registration lives as long as the wait it serves.
void wait_for_stop(unifex::inplace_stop_token token, std::atomic<bool> &stopped) {
  unifex::inplace_stop_callback callback(token, [&] { wake_up(stopped); });
  while (!stopped.load())
    stopped.wait(false);
}

template <typename Tag>
void wait_for_stop_templated(unifex::inplace_stop_token token,
                             std::atomic<bool> &stopped, Tag) {
  unifex::inplace_stop_callback<Wake> callback(token, Wake{&stopped});
  while (!stopped.load())
    stopped.wait(false);
}
template void wait_for_stop_templated(unifex::inplace_stop_token, std::atomic<bool> &, int);
