// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: boost-asio}}' %s cancellint-model-names %t -- -- -std=c++20 -include utility -DBOOST_ASIO_HAS_CO_AWAIT
//
// The built-in Boost.Asio model against the installed Boost 1.74 (Asio
// 1.18; its awaitable.hpp needs <utility> included first when coroutines are
// enabled). Per-operation cancellation (cancellation_signal/slot/state,
// bind_cancellation_slot) arrived in Boost 1.77 and the experimental channels
// (their error codes and async_receive) in Boost 1.78, so those names do not
// resolve here; they are the same names
// as standalone asio's (names-asio.cpp proves those, and
// boost-asio-mirrors-asio.py keeps the two models in step).
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/boost-asio.json' (library 'boost-asio'): {{[0-9]+}} of {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::bind_cancellation_slot' (<builtin>/boost-asio.json at /links/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::bind_cancellation_slot' (<builtin>/boost-asio.json at /spawns/{{[0-9]+}}/function) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::cancellation_signal' (<builtin>/boost-asio.json at /sources/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::cancellation_slot' (<builtin>/boost-asio.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::cancellation_slot::assign' (<builtin>/boost-asio.json at /links/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::cancellation_slot::emplace' (<builtin>/boost-asio.json at /links/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::cancellation_state' (<builtin>/boost-asio.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::experimental::basic_channel::async_receive' (<builtin>/boost-asio.json at /async_operations/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::experimental::basic_concurrent_channel::async_receive' (<builtin>/boost-asio.json at /async_operations/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::experimental::error::channel_cancelled' (<builtin>/boost-asio.json at /done_values/{{[0-9]+}}) names no enumerator or variable in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'boost::asio::experimental::error::channel_closed' (<builtin>/boost-asio.json at /done_values/{{[0-9]+}}) names no enumerator or variable in this translation unit [cancellint-model-names]
