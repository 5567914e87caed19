// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: folly}}' %s cancellint-model-names %t -- -- -std=c++20 -isystem %inputs/folly
//
// folly is not packaged: the built-in folly model against the test stubs,
// which copy folly's public names and signatures.
#include <folly/CancellationToken.h>
#include <folly/coro/Baton.h>
#include <folly/fibers/Baton.h>
#include <folly/synchronization/Baton.h>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/folly.json' (library 'folly'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
