// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/named-mutex.json'}}" %s cancel-blocking-call %t -- -- -std=c++20
// RUN: %check_cancel_tidy --config="{CheckOptions: {ModelFiles: '%S/Inputs/named-mutex.json'}}" %s cancel-blocking-call %t -- -- -std=c++20 -stdlib=libc++
//
// std::lock_guard, std::unique_lock, std::scoped_lock and std::shared_lock
// call their mutex's lock(): with a mutex whose lock the model names as
// blocking, building the wrapper (or calling its lock()) is that blocking
// call. Standard mutexes stay quiet. A mutex built with the request's
// context observes it. The shape of a real fixed bug (a cache lookup that
// waits on a named mutex without its request's context), written for this
// project.
#include <mutex>
#include <shared_mutex>
#include <string>

namespace store {
class Context {
public:
  bool IsCancelled() const;
};
class NamedMutex {
public:
  explicit NamedMutex(const std::string &name);
  NamedMutex(const std::string &name, const Context &context);
  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
};
} // namespace store

std::string fetch(const std::string &key);

std::string getBlob(const std::string &key, store::Context context, bool online) {
  store::NamedMutex mutex(key);
  std::unique_lock<store::NamedMutex> lock(mutex, std::defer_lock);
  if (online)
    lock.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'store::NamedMutex::lock' blocks without observing 'context': cancellation cannot interrupt it; use a NamedMutex built with the request's Context [cancel-blocking-call]
  return fetch(key);
}

std::string guarded(const std::string &key, const store::Context &context) {
  store::NamedMutex mutex(key);
  std::lock_guard<store::NamedMutex> guard(mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'store::NamedMutex::lock' (called by 'std::lock_guard') blocks without observing 'context': cancellation cannot interrupt it; use a NamedMutex built with the request's Context [cancel-blocking-call]
  return fetch(key);
}

template <class Mutex>
std::string scoped(Mutex &mutex, const std::string &key, const store::Context &context) {
  std::scoped_lock guard(mutex);
  return fetch(key);
}
template std::string scoped(store::NamedMutex &, const std::string &, const store::Context &);
// CHECK-MESSAGES: :[[@LINE-4]]:20: warning: 'store::NamedMutex::lock' (called by 'std::scoped_lock') blocks without observing 'context': cancellation cannot interrupt it; use a NamedMutex built with the request's Context [cancel-blocking-call]

// A member of a class template, and a function template never
// instantiated: the lock is the template's own, not a dependent one.
template <class Key> struct BlobCache {
  std::string get(const std::string &key, const store::Context &context) {
    store::NamedMutex mutex(key);
    std::lock_guard<store::NamedMutex> guard(mutex);
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'store::NamedMutex::lock' (called by 'std::lock_guard') blocks without observing 'context': cancellation cannot interrupt it; use a NamedMutex built with the request's Context [cancel-blocking-call]
    return fetch(key);
  }
  std::string getObserving(const std::string &key, const store::Context &context) {
    store::NamedMutex mutex(key, context);
    std::lock_guard<store::NamedMutex> guard(mutex);
    return fetch(key);
  }
};
template struct BlobCache<int>;
template struct BlobCache<long>;
template <class Key>
std::string neverInstantiated(const std::string &key, const store::Context &context) {
  store::NamedMutex mutex(key);
  std::lock_guard<store::NamedMutex> guard(mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'store::NamedMutex::lock' (called by 'std::lock_guard') blocks without observing 'context': cancellation cannot interrupt it; use a NamedMutex built with the request's Context [cancel-blocking-call]
  return fetch(key);
}

// === Not reported.

// The mutex observes the context it was built with.
std::string fixed(const std::string &key, store::Context context) {
  store::NamedMutex mutex(key, context);
  std::unique_lock<store::NamedMutex> lock(mutex, std::defer_lock);
  lock.lock();
  std::lock_guard<store::NamedMutex> guard(mutex);
  return fetch(key);
}

// Deferred, tried or adopted: no lock at construction.
void deferred(store::NamedMutex &mutex, const store::Context &context) {
  std::unique_lock<store::NamedMutex> a(mutex, std::defer_lock);
  std::unique_lock<store::NamedMutex> b(mutex, std::try_to_lock);
}

// Standard mutexes: their waits are short by design.
std::mutex m;
std::shared_mutex sm;
void standard(const store::Context &context) {
  std::lock_guard<std::mutex> g(m);
  std::shared_lock<std::shared_mutex> s(sm);
}

// Not in a function that holds a context.
void noContext(store::NamedMutex &mutex) { std::lock_guard<store::NamedMutex> g(mutex); }
