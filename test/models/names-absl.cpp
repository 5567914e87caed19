// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: absl}}' %s cancellint-model-names %t -- -- -std=c++20
//
// The built-in Abseil model against Debian's Abseil, built with an inline
// namespace (absl::debian3::StatusCode is named absl::StatusCode): every
// name resolves.
#include <absl/status/status.h>
#include <absl/synchronization/mutex.h>
#include <absl/synchronization/notification.h>
#include <absl/time/clock.h>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/absl.json' (library 'absl'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
