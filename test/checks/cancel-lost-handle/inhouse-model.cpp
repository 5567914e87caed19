// RUN: %check_cancel_tidy %s cancel-lost-handle %t --config='{CheckOptions: {cancel-lost-handle.ModelFiles: "%S/Inputs/tasks.json"}}' -- -- -std=c++20 -I %S/Inputs
// RUN: %check_cancel_tidy --frontend=tidy %s cancel-lost-handle %t --check-suffix=BAD --config='{CheckOptions: {cancel-lost-handle.ModelFiles: "%S/Inputs/bad-keys.json"}}' -- -- -std=c++20 -I %S/Inputs
// An in-house library described only by a user model: sources[] and the
// spawns[] entry that starts work outliving the call.
#include <tasks.h>

void poll(tasks::StopToken);

void submitted(tasks::Pool &pool) {
  tasks::StopSource source;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: cancellation source 'source' may be destroyed while the work started at line [[@LINE+1]] still runs; that work can never be stopped [cancel-lost-handle]
  pool.submit([token = source.token()] { poll(token); });
}

void inline_only(tasks::Pool &pool) {
  tasks::StopSource source;
  pool.run_inline([token = source.token()] { poll(token); }); // not a spawn
}

void stopped(tasks::Pool &pool) {
  tasks::StopSource source;
  pool.submit([token = source.token()] { poll(token); });
  source.stop();
}

// Malformed model keys are reported with their JSON path; nothing is
// analysed with half a model.
// CHECK-MESSAGES-BAD: warning: invalid cancellation model: {{.*}}bad-keys.json:4:{{[0-9]+}}: error: expected true or false (at /sources/0/destructor_cancels) [clang-tidy-config]
// CHECK-MESSAGES-BAD: warning: invalid cancellation model: {{.*}}bad-keys.json:5:{{[0-9]+}}: error: unknown key "joins" (expected one of: function, join) (at /spawns/0/joins) [clang-tidy-config]
