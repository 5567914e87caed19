// Written for the benchmark: stands for olp-cpp-sdk-core's configure-time
// header olp/core/Config.h, which CMake generates from Config.h.in
// (a single #cmakedefine). The default build enables the default cache.
#pragma once
#define OLP_SDK_ENABLE_DEFAULT_CACHE
