// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: posix}}' %s cancellint-model-names %t -- -- -std=c++20
//
// The built-in POSIX model against glibc's headers: every name resolves
// (extern "C" functions are named without any scope; nonblocking_markers
// are macros; the token some alternatives need is std::stop_token).
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stop_token>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/posix.json' (library 'posix'): all {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
