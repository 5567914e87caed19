// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: libunifex}}' %s cancellint-model-names %t -- -- -std=c++20 -isystem %inputs/unifex
//
// libunifex is not packaged: the built-in libunifex model against the test
// stub, which copies libunifex's public stop-token names and signatures.
#include <unifex/get_stop_token.hpp>
#include <unifex/inplace_stop_token.hpp>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/libunifex.json' (library 'libunifex'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
