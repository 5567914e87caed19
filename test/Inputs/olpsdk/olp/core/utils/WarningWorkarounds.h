// Test stub: the unused-variable helper of the HERE Data SDK for C++
// (olp-cpp-sdk-core/include/olp/core/utils/WarningWorkarounds.h), declared
// as the SDK declares it.
#pragma once

/// Arbitrarily marks many variables as unused to avoid compiler warnings.
#define OLP_SDK_CORE_UNUSED(...) olp::core::Unused(__VA_ARGS__)

namespace olp {
namespace core {
template <typename... Args>
void Unused(Args &&...) {}
} // namespace core
} // namespace olp
