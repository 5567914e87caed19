// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: std}}' %s cancellint-model-names %t -- -- -std=c++20 -stdlib=libc++
//
// The built-in std model against libc++ 22, whose names sit in the inline
// namespace std::__1. Not declared there: the C++26 inplace_stop_* family,
// and libstdc++'s std::__basic_future::wait.
#include <barrier>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <stop_token>
#include <system_error>
#include <thread>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/std.json' (library 'std'): {{[0-9]+}} of {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::__basic_future::wait' (<builtin>/std.json at /blocking/{{[0-9]+}}/function) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::inplace_stop_callback' (<builtin>/std.json at /registrations/{{[0-9]+}}) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::inplace_stop_callback::inplace_stop_callback' (<builtin>/std.json at /links/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::inplace_stop_source' (<builtin>/std.json at /sources/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::inplace_stop_token' (<builtin>/std.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
