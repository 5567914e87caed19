// Our own stand-in for {fmt}'s <fmt/core.h>, which the evaluation image does
// not install: declarations only (no implementation) of the few names the
// analysed code and its headers use, with {fmt}'s signatures simplified.
#pragma once

#include <string>

namespace fmt {
template <typename T, typename Char = char, typename Enable = void>
struct formatter;

template <typename... Args>
std::string format(const std::string &format_str, const Args &...args);

template <typename OutputIt, typename... Args>
OutputIt format_to(OutputIt out, const std::string &format_str,
                   const Args &...args);
}  // namespace fmt
