// RUN: %check_cancel_tidy %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=NOGRPC --config="{CheckOptions: {Libraries: '*,-grpc'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=ONLYGRPC --config="{CheckOptions: {Libraries: 'grpc'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=NONE --config="{CheckOptions: {Libraries: ''}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --check-suffix=REFINED --config="{CheckOptions: {ModelFiles: '%S/Inputs/stop-token-any.json'}}" %s cancel-stored-context %t
//
// The Libraries option selects the built-in models: '*,-grpc' switches the
// gRPC knowledge off and keeps the rest, 'grpc' keeps only gRPC, '' none.
// A user's model is loaded after them and refines their entries: declaring
// std::stop_token "scope": "any" lets it be kept anywhere.
#include <grpcpp/grpcpp.h>
#include <stop_token>

grpc::ServerContext *g_context;
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: global variable 'g_context' keeps a pointer to request-scoped 'grpc::ServerContext' beyond the request it belongs to [cancel-stored-context]
// CHECK-MESSAGES-ONLYGRPC: :[[@LINE-2]]:22: warning: global variable 'g_context' keeps a pointer to request-scoped 'grpc::ServerContext' beyond the request it belongs to [cancel-stored-context]
// CHECK-MESSAGES-REFINED: :[[@LINE-3]]:22: warning: global variable 'g_context' keeps a pointer to request-scoped 'grpc::ServerContext' beyond the request it belongs to [cancel-stored-context]

std::stop_token g_token;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: global variable 'g_token' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]
// CHECK-MESSAGES-NOGRPC: :[[@LINE-2]]:17: warning: global variable 'g_token' keeps request-scoped 'std::stop_token' beyond the request it belongs to [cancel-stored-context]

// CHECK-MESSAGES-NONE-NOT: warning:
