// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: stdexec}}' %s cancellint-model-names %t -- -- -std=c++20 -isystem %inputs/stdexec
//
// stdexec is not packaged: the built-in stdexec model against the test stub,
// which copies stdexec's public stop-token names and signatures.
#include <stdexec/stop_token.hpp>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/stdexec.json' (library 'stdexec'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
