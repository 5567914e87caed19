// --export-fixes writes the cancel-* findings as clang-tidy's YAML (for
// clang-apply-replacements and CI tooling): check name, message, file, byte
// offset, notes. NOLINT-suppressed findings are left out.
//
// RUN: rm -f %t.yaml
// RUN: %clang_tidy --load=%plugin --config='{}' --checks='-*,cancel-*' \
// RUN:     --export-fixes=%t.yaml %s -- -std=c++20 > /dev/null
// RUN: FileCheck %s --input-file=%t.yaml --implicit-check-not=DiagnosticName \
// RUN:     --implicit-check-not=quiet
#include <functional>
#include <stop_token>

std::stop_token g_token;
std::stop_token quiet; // NOLINT
std::function<void()> g_on_exit;
void handle(std::stop_token token) {
  g_on_exit = [&token] { (void)token.stop_requested(); };
}

// CHECK:      ---
// CHECK-NEXT: MainSourceFile: '{{.*}}plugin-export-fixes.cpp'
// CHECK-NEXT: Diagnostics:
// CHECK-NEXT:   - DiagnosticName: cancel-stored-context
// CHECK-NEXT:     DiagnosticMessage:
// CHECK-NEXT:       Message: 'global variable ''g_token'' keeps request-scoped ''std::stop_token'' beyond the request it belongs to'
// CHECK-NEXT:       FilePath: '{{.*}}plugin-export-fixes.cpp'
// CHECK-NEXT:       FileOffset: {{[0-9]+}}
// CHECK-NEXT:       Replacements: []
// CHECK-NEXT:     Level: Warning
// CHECK-NEXT:     BuildDirectory: '{{.+}}'
// CHECK-NEXT:   - DiagnosticName: cancel-stored-context
// CHECK-NEXT:     DiagnosticMessage:
// CHECK-NEXT:       Message: 'lambda capturing ''token'' (a reference to request-scoped ''std::stop_token'') is stored in global variable ''g_on_exit'', which outlives the request it belongs to'
// CHECK-NEXT:       FilePath: '{{.*}}plugin-export-fixes.cpp'
// CHECK-NEXT:       FileOffset: {{[0-9]+}}
// CHECK-NEXT:       Replacements: []
// CHECK-NEXT:       Ranges:
// CHECK-NEXT:         - FilePath: '{{.*}}plugin-export-fixes.cpp'
// CHECK-NEXT:           FileOffset: {{[0-9]+}}
// CHECK-NEXT:           Length: 54
// CHECK-NEXT:     Notes:
// CHECK-NEXT:       - Message: '''g_on_exit'' declared here'
// CHECK-NEXT:         FilePath: '{{.*}}plugin-export-fixes.cpp'
// CHECK-NEXT:         FileOffset: {{[0-9]+}}
// CHECK-NEXT:         Replacements: []
// CHECK-NEXT:     Level: Warning
// CHECK-NEXT:     BuildDirectory: '{{.+}}'
// CHECK-NEXT: ...
