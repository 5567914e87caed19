// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: boost-fiber}}' %s cancellint-model-names %t -- -- -std=c++20
//
// The built-in Boost.Fiber model against Boost 1.74: every name resolves.
#include <boost/fiber/all.hpp>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/boost-fiber.json' (library 'boost-fiber'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
