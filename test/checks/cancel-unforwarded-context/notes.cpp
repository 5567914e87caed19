// RUN: %check_cancel_tidy %s cancel-unforwarded-context %t --config='{CheckOptions: {cancel-unforwarded-context.ModelFiles: "%inputs/goctx/goctx.json"}}' -- -- -std=c++20 -isystem %inputs/goctx
// The notes that explain each kind of finding.
#include <goctx.h>

#include <stop_token>

void fetch(const goctx::Context &ctx);
void work(std::stop_token st);

void loadConfig() {
  goctx::Context root = goctx::todo();
  fetch(root);
}

void handler(const goctx::Context &ctx) {
  auto bg = goctx::background();
  fetch(bg);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'bg' passed to 'fetch' holds a new root context, not derived from 'ctx'; cancelling 'ctx' does not reach this call [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-3]]:13: note: a new root context is created here
  goctx::Context local;
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'local' is a new 'goctx::Context', not derived from 'ctx'; calls using it do not inherit the deadline or cancellation of 'ctx'; create it with 'goctx::with_cancel' [cancel-unforwarded-context]
  fetch(local);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'local' is used for a call to 'fetch' here
  loadConfig();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'loadConfig' takes no cancellation token and passes a new root context to its calls; pass 'ctx' down instead [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-15]]:25: note: a new root context is created here
}

void step();
void step(std::stop_token st);

void worker(std::stop_token st) {
  std::stop_source own;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: local source 'own' is not linked to 'st'; cancelling 'st' does not reach the calls that receive its tokens [cancel-unforwarded-context]
  work(own.get_token());
  // CHECK-NOTES: :[[@LINE-1]]:8: note: a token of 'own' is passed to 'work' here
  step();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'step' takes no cancellation token although 'st' is in scope; use the overload taking 'std::stop_token' and pass 'st' [cancel-unforwarded-context]
  // CHECK-NOTES: :[[@LINE-9]]:6: note: overload taking 'std::stop_token' declared here
}
