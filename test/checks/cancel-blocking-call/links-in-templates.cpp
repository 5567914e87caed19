// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/execute-or-cancelled.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
//
// A wait woken by a cancellation function that the function registers on
// its context through a model link (an SDK's ExecuteOrCancelled) observes
// the context. In a template the call stays unresolved (its lambdas are
// dependent), and the link must still be seen: in a plain function, a
// member of a class template, and a function template alike.
namespace store {
struct Token {
  void Cancel() {}
};
struct Context {
  bool IsCancelled() const;
  template <class Execute, class Cancel>
  bool ExecuteOrCancelled(Execute &&execute, Cancel &&cancel) {
    execute();
    cancel();
    return true;
  }
};
struct Condition {
  void Wait();
  void Notify();
};
} // namespace store

void linked(store::Context &context) {
  store::Condition condition;
  context.ExecuteOrCancelled([&]() { return store::Token(); },
                             [&]() { condition.Notify(); });
  condition.Wait();
}

void unlinked(store::Context &context) {
  store::Condition condition;
  condition.Wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'store::Condition::Wait' blocks without observing 'context': cancellation cannot interrupt it; use a Condition that a cancellation function registered with ExecuteOrCancelled notifies [cancel-blocking-call]
}

template <typename Request> struct Client {
  Request request;
  void linked(store::Context &context) {
    store::Condition condition;
    context.ExecuteOrCancelled([&]() { return store::Token(); },
                               [&]() { condition.Notify(); });
    condition.Wait();
  }
  void linkedThroughPointer(store::Context *context) {
    store::Condition condition;
    context->ExecuteOrCancelled([&]() { return store::Token(); },
                                [&]() { condition.Notify(); });
    condition.Wait();
  }
  void unlinked(store::Context &context) {
    store::Condition condition;
    condition.Wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'store::Condition::Wait' blocks without observing 'context': cancellation cannot interrupt it; use a Condition that a cancellation function registered with ExecuteOrCancelled notifies [cancel-blocking-call]
  }
};
template struct Client<int>;

template <typename Request>
void linkedInFunctionTemplate(store::Context &context, Request) {
  store::Condition condition;
  context.ExecuteOrCancelled([&]() { return store::Token(); },
                             [&]() { condition.Notify(); });
  condition.Wait();
}
template void linkedInFunctionTemplate(store::Context &, int);
