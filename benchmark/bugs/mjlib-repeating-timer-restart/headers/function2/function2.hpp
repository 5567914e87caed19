// A stub of the function2 library's callable wrappers, for the benchmark
// (Debian does not package function2). Only what mjlib's headers use:
// fu2::function (copyable) and fu2::unique_function (move-only), each a
// wrapper around one callable with an explicit operator bool that says
// whether it holds one.
#pragma once
#include <memory>
#include <utility>

namespace fu2 {
namespace detail {
template <bool Copyable, class Signature> class function;

template <bool Copyable, class R, class... Args>
class function<Copyable, R(Args...)> {
  struct Callable {
    virtual ~Callable() = default;
    virtual R call(Args... args) = 0;
  };
  template <class F> struct Holder : Callable {
    F f;
    explicit Holder(F f) : f(std::move(f)) {}
    R call(Args... args) override { return f(std::forward<Args>(args)...); }
  };
  std::shared_ptr<Callable> held_;

public:
  function() = default;
  function(std::nullptr_t) {}
  template <class F, class = decltype(std::declval<F &>()(
                         std::declval<Args>()...))>
  function(F f) : held_(std::make_shared<Holder<F>>(std::move(f))) {}
  function(const function &) = default;
  function(function &&) = default;
  function &operator=(const function &) = default;
  function &operator=(function &&) = default;
  explicit operator bool() const { return held_ != nullptr; }
  R operator()(Args... args) const {
    return held_->call(std::forward<Args>(args)...);
  }
};
} // namespace detail

template <class Signature> using function = detail::function<true, Signature>;
template <class Signature>
using unique_function = detail::function<false, Signature>;
} // namespace fu2
