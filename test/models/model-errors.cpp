// A model that does not load is reported with file:line:col and the JSON
// pointer of the offending value, and nothing is analysed with half a model:
// the global token below would be reported if the model had loaded.
//
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=MALFORMED --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/malformed.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=DUPLICATE --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/duplicate-key.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=FORMAT --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/wrong-format.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=UNKNOWN-KEY --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/unknown-key.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=WRONG-TYPE --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/wrong-type.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=BAD-CANCEL --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/bad-cancel.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=BAD-ROOT --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/bad-root.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=BAD-NAME --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/bad-name.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=MISSING-KEY --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/missing-key.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=SEVERAL --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/several.json'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=UNREADABLE --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/no-such-model.json;%S/Inputs/errors'}}" %s cancel-stored-context %t
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=LIBRARIES --config="{CheckOptions: {Libraries: '*,-gprc'}}" %s cancel-stored-context %t
// The same messages whichever check reads the model:
// RUN: %check_cancel_tidy --frontend=tidy --check-suffix=UNKNOWN-KEY --config="{CheckOptions: {ModelFiles: '%S/Inputs/errors/unknown-key.json'}}" %s cancellint-model-names %t
#include <stop_token>

std::stop_token g_token;

// CHECK-MESSAGES-MALFORMED: warning: invalid cancellation model: {{.*}}errors/malformed.json:6:5: error: syntax error while parsing array - unexpected '{'; expected ']' [clang-tidy-config]
// CHECK-MESSAGES-DUPLICATE: warning: invalid cancellation model: {{.*}}errors/duplicate-key.json:5:3: error: duplicate key "tokens" [clang-tidy-config]
// CHECK-MESSAGES-FORMAT: warning: invalid cancellation model: {{.*}}errors/wrong-format.json:2:3: error: "format" must be "cancellint-model/1" (at /format) [clang-tidy-config]
// CHECK-MESSAGES-UNKNOWN-KEY: warning: invalid cancellation model: {{.*}}errors/unknown-key.json:5:59: error: unknown key "done_check" (expected one of: type, scope, done_checks, root, single_use) (at /tokens/0/done_check) [clang-tidy-config]
// CHECK-MESSAGES-WRONG-TYPE: warning: invalid cancellation model: {{.*}}errors/wrong-type.json:5:41: error: "parent_arg" must be an argument index (a non-negative integer) (at /derive/0/parent_arg) [clang-tidy-config]
// CHECK-MESSAGES-BAD-CANCEL: warning: invalid cancellation model: {{.*}}errors/bad-cancel.json:5:57: error: "cancel" must be "second", "result" or "arg:N" (at /derive/0/cancel) [clang-tidy-config]
// CHECK-MESSAGES-BAD-ROOT: warning: invalid cancellation model: {{.*}}errors/bad-root.json:5:39: error: "root" must be "default-constructed" or "new-context" (at /tokens/0/root) [clang-tidy-config]
// CHECK-MESSAGES-BAD-NAME: warning: invalid cancellation model: {{.*}}errors/bad-name.json:4:13: error: "myco::Callback<F>::Callback" is not a qualified C++ name (write "ns::Class::member" without template arguments or parameters) (at /links/0) [clang-tidy-config]
// CHECK-MESSAGES-MISSING-KEY: warning: invalid cancellation model: {{.*}}errors/missing-key.json:5:5: error: missing required key "type" (at /tokens/0) [clang-tidy-config]
// Every problem of a document is reported, not only the first:
// CHECK-MESSAGES-SEVERAL: warning: invalid cancellation model: {{.*}}errors/several.json:5:39: error: "scope" must be "request" or "any" (at /tokens/0/scope) [clang-tidy-config]
// CHECK-MESSAGES-SEVERAL: warning: invalid cancellation model: {{.*}}errors/several.json:7:3: error: "roots" must be an array of qualified names (at /roots) [clang-tidy-config]
// CHECK-MESSAGES-SEVERAL: warning: invalid cancellation model: {{.*}}errors/several.json:9:37: error: expected a string (at /blocking/0/alternative) [clang-tidy-config]
// CHECK-MESSAGES-UNREADABLE: warning: invalid cancellation model: {{.*}}errors/no-such-model.json: error: cannot read model file: No such file or directory [clang-tidy-config]
// CHECK-MESSAGES-UNREADABLE: warning: invalid cancellation model: {{.*}}errors: error: cannot read model file: Is a directory [clang-tidy-config]
// CHECK-MESSAGES-LIBRARIES: warning: invalid cancellation model: <option Libraries>: error: unknown built-in library 'gprc' (known: absl, asio, boost-asio, boost-fiber, folly, grpc, libunifex, posix, std, stdexec) [clang-tidy-config]
