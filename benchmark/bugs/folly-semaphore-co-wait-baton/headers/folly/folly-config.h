// folly-config.h as folly's CMake configure step writes it
// (CMake/folly-config.h.cmake) for a Linux build with glibc, libstdc++,
// pthreads and glog; the benchmark has no configure step, so this is ours.
#pragma once

#define FOLLY_MOBILE 0
#define FOLLY_HAVE_PTHREAD 1
#define FOLLY_HAVE_PTHREAD_ATFORK 1
#define FOLLY_HAVE_LIBGLOG 1
#define FOLLY_HAVE_LIBGFLAGS 1
#define FOLLY_GFLAGS_NAMESPACE gflags
#define FOLLY_USE_LIBSTDCPP 1

#if __has_include(<features.h>)
#include <features.h>
#endif

#define FOLLY_HAVE_MEMRCHR 1
#define FOLLY_HAVE_ACCEPT4 1
#define FOLLY_HAVE_GETRANDOM 1
#define FOLLY_HAVE_PREADV 1
#define FOLLY_HAVE_PWRITEV 1
#define FOLLY_HAVE_CLOCK_GETTIME 1
#define FOLLY_HAVE_PIPE2 1
#define FOLLY_HAVE_SENDMMSG 1
#define FOLLY_HAVE_RECVMMSG 1
#define FOLLY_HAVE_STD__IS_TRIVIALLY_COPYABLE 1
#define FOLLY_HAVE_UNALIGNED_ACCESS 1
#define FOLLY_HAVE_VLA 1
#define FOLLY_HAVE_WEAK_SYMBOLS 1
#define FOLLY_HAVE_LINUX_VDSO 1
#define FOLLY_HAVE_MALLOC_USABLE_SIZE 1
#define FOLLY_HAVE_INT128_T 1
#define FOLLY_HAVE_WCHAR_SUPPORT 1
#define FOLLY_DEMANGLE_MAX_SYMBOL_SIZE 1024
#define FOLLY_LIBRARY_SANITIZE_ADDRESS 0
