// RUN: %check_cancel_tidy --config='{CheckOptions: {Libraries: grpc}}' %s cancellint-model-names %t -- -- -std=c++20
//
// Every name of the built-in gRPC model names a declaration of the installed
// gRPC (1.51) headers, found the way the checks find it. The exceptions are
// the grpc_impl:: spellings, which only gRPC 1.20 to 1.32 declare (the
// classes lived in grpc_impl and grpc:: names were typedefs); members of
// classes that do not resolve are not counted.
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

// CHECK-MESSAGES: :1:1: warning: model '<builtin>/grpc.json' (library 'grpc'): {{[0-9]+}} of {{[0-9]+}} names resolve in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::CallbackServerContext' (<builtin>/grpc.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ClientContext' (<builtin>/grpc.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ClientContext::FromCallbackServerContext' (<builtin>/grpc.json at /derive/{{[0-9]+}}/function) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ClientContext::FromServerContext' (<builtin>/grpc.json at /derive/{{[0-9]+}}/function) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ClientContext::set_deadline' (<builtin>/grpc.json at /links/{{[0-9]+}}) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ServerContext' (<builtin>/grpc.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc_impl::ServerContextBase' (<builtin>/grpc.json at /tokens/{{[0-9]+}}/type) names no class in this translation unit [cancellint-model-names]
