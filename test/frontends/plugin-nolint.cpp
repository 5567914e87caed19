// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND silence cancel-* findings
// in stock clang-tidy-22 with the plugin, by check name or glob; a NOLINT for
// another check does not.
//
// RUN: %clang_tidy --load=%plugin --config='{}' --checks='-*,cancel-*' %s \
// RUN:     -- -std=c++20 > %t.out 2> %t.err
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// RUN: FileCheck %s --input-file=%t.err --check-prefix=SUMMARY
#include <stop_token>

std::stop_token a; // NOLINT
std::stop_token b; // NOLINT(cancel-stored-context)
std::stop_token c; // NOLINT(cancel-*)
std::stop_token d; // NOLINT(cancel-lost-handle)
// CHECK: plugin-nolint.cpp:[[@LINE-1]]:17: warning: global variable 'd' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]

// NOLINTNEXTLINE(cancel-stored-context)
std::stop_token e;
// NOLINTNEXTLINE
std::stop_token f;
// NOLINTNEXTLINE(bugprone-*)
std::stop_token g;
// CHECK: plugin-nolint.cpp:[[@LINE-1]]:17: warning: global variable 'g' keeps

// NOLINTBEGIN(cancel-stored-context)
std::stop_token h1;
thread_local std::stop_token h2;
// NOLINTEND(cancel-stored-context)
std::stop_token i;
// CHECK: plugin-nolint.cpp:[[@LINE-1]]:17: warning: global variable 'i' keeps

// NOLINTBEGIN
std::stop_token j;
// NOLINTEND

// SUMMARY: Suppressed 8 warnings (8 NOLINT).
