// RUN: %check_cancel_tidy --frontend=tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/bad-blocking.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
//
// The optional keys of `blocking` entries are validated like every other
// key: each problem is reported with its place, and nothing is analysed
// with half a model (the sleep below would be reported otherwise).
#include <chrono>
#include <stop_token>
#include <thread>

void sleeper(std::stop_token st) { std::this_thread::sleep_for(std::chrono::seconds(5)); }

// (Configuration messages come sorted by their text.)
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:11:27: error: "bad::FLAG" is not a macro or enumerator name (write it as spelled in code, without "::") (at /nonblocking_markers/0) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:5:56: error: "is" must be "negative" or "null" (at /blocking/0/blocks_when/is) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:6:42: error: expected an argument index (a non-negative integer) (at /blocking/1/timeout/arg) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:7:52: error: "unit" must be one of: s, ms, us, ns, duration, time_point (at /blocking/2/timeout/unit) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:8:29: error: expected an argument index (a non-negative integer) (at /blocking/3/descriptor_arg) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:8:53: error: "readiness_wait" must be true or false (at /blocking/3/readiness_wait) [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid cancellation model: {{.*}}bad-blocking.json:9:52: error: expected a member function name without a class (at /blocking/4/not_blocking_after/0) [clang-tidy-config]
