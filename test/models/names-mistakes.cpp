// RUN: %check_cancel_tidy --config="{CheckOptions: {Libraries: '', ModelFiles: '%S/Inputs/names-mistakes.json'}}" %s cancellint-model-names %t -- -- -std=c++20
//
// What cancellint-model-names reports for a user's model with the usual
// mistakes, and what it accepts:
//  - a misspelt class, and misspelt member functions of a class;
//  - a typedef (asio::steady_timer): the checks see the class it names,
//    asio::basic_waitable_timer;
//  - a member only re-exported by a using-declaration: gRPC declares
//    IsCancelled in grpc::ServerContextBase, so that is its name (a
//    done_checks entry, which is looked up in the class and its bases, may
//    still be found through the using-declaration);
//  - a name of the wrong kind, with the kind it has;
//  - accepted: an unscoped enumerator written without its enum
//    (grpc::CANCELLED).
#include <asio/steady_timer.hpp>
#include <grpcpp/grpcpp.h>
#include <stop_token>
#include <thread>

// CHECK-MESSAGES: :1:1: warning: model '{{.*}}names-mistakes.json' (library 'mistakes'): 9 of 16 names resolve in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'asio::steady_timer' ({{.*}}names-mistakes.json at /tokens/3/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'get_tokn' ({{.*}}names-mistakes.json at /sources/0/token_getter) names no member function of 'std::stop_source' or its bases in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'grpc::ServerContext::IsCancelled' ({{.*}}names-mistakes.json at /links/0) names no function in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::stop_token' ({{.*}}names-mistakes.json at /blocking/0/function) names no function in this translation unit; the name is a class [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::stop_tokn' ({{.*}}names-mistakes.json at /tokens/0/type) names no class in this translation unit [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'std::this_thread::sleep_for' ({{.*}}names-mistakes.json at /done_values/1) names no enumerator or variable in this translation unit; the name is a function [cancellint-model-names]
// CHECK-MESSAGES: :1:1: warning: model name 'stop_requestd' ({{.*}}names-mistakes.json at /tokens/1/done_checks/0) names no member function of 'std::stop_token' or its bases in this translation unit [cancellint-model-names]
