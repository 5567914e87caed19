//===--- CancellintClangd.cpp - clangd with the cancel-* checks ----------===//
//
// Stock clangd, plus the cancel module registered by static initialiser.
// Users enable the checks in .clang-tidy and, because clangd 22 only runs
// checks whose latency it knows, set in .clangd:
//   Diagnostics: { ClangTidy: { FastCheckFilter: Loose } }
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

extern volatile int CancellintModuleAnchorSource;

int main(int argc, char *argv[]) {
  // Keep the module's registration object in the link.
  (void)CancellintModuleAnchorSource;
  // Installed away from Clang's own tree, clangd would not find the builtin
  // headers (stddef.h...); default to the Clang 22 resource directory.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(argv[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
  static std::string ResourceDirFlag =
      std::string("--resource-dir=") + CANCELLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
