// Test stub of <unifex/get_stop_token.hpp> (facebookexperimental/
// libunifex): the get_stop_token query, a customisation point object that
// asks a receiver (through tag_invoke) for its stop token. Declarations with
// minimal bodies; tag_invoke is reduced to a member-free call.
#pragma once

#include <type_traits>
#include <utility>

namespace unifex {

struct unstoppable_token {
  template <typename F>
  struct callback_type {
    explicit callback_type(unstoppable_token, F &&) noexcept {}
  };
  static constexpr bool stop_requested() noexcept { return false; }
  static constexpr bool stop_possible() noexcept { return false; }
};

namespace _get_stop_token {
inline const struct _fn {
  template <typename T>
  constexpr auto operator()(const T &object) const noexcept
      -> decltype(tag_invoke(std::declval<const _fn &>(), object)) {
    return tag_invoke(*this, object);
  }
} get_stop_token{};
} // namespace _get_stop_token
using _get_stop_token::get_stop_token;

template <typename T>
using get_stop_token_result_t =
    decltype(get_stop_token(std::declval<const T &>()));

template <typename Receiver>
using stop_token_type_t =
    std::remove_cvref_t<get_stop_token_result_t<Receiver>>;

} // namespace unifex
