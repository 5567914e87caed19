// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: asio}}' %s cancellint-model-names %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT
// RUN: %check_cancel_tidy --check-suffix=BOOST --config='{CheckOptions: {Libraries: asio}}' %s cancellint-model-names %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_ENABLE_BOOST
//
// The built-in asio model against standalone asio 1.22. asio 1.22 detects
// C++20 coroutines (co_spawn) only for GCC and MSVC, so clang users define
// ASIO_HAS_CO_AWAIT, as here. basic_deadline_timer exists only when asio may
// use Boost.DateTime (ASIO_ENABLE_BOOST): the second run resolves every name.
#include <asio.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/channel_error.hpp>
#include <asio/experimental/concurrent_channel.hpp>
#include <asio/ssl.hpp>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/asio.json' (library 'asio'): {{[0-9]+}} of {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'asio::basic_deadline_timer::async_wait' (<builtin>/asio.json at /async_operations/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'asio::basic_deadline_timer::wait' (<builtin>/asio.json at /blocking/{{[0-9]+}}/function) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES-BOOST: :1:1: warning: model '<builtin>/asio.json' (library 'asio'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
