//===--- CancellintClangd.cpp - clangd with the cancel-* checks ----------===//
//
// Stock clangd, plus the cancel module registered by static initialiser.
// Users enable the checks in .clang-tidy and, because clangd 22 only runs
// checks whose latency it knows, set in .clangd:
//   Diagnostics: { ClangTidy: { FastCheckFilter: Loose } }
//
//===----------------------------------------------------------------------===//
#include "ModelCheck.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int Argc, char **Argv);
} // namespace clang::clangd

extern volatile int CancellintModuleAnchorSource;

int main(int argc, char *argv[]) {
  // Keep the module's registration object in the link.
  (void)CancellintModuleAnchorSource;
  // An editor drops diagnostics without a place: a model that does not
  // load would silently turn the checks off.
  cancellint::showModelErrorsInFiles(true);
  // Installed away from Clang's own tree, clangd would not find the builtin
  // headers (stddef.h...); default to the Clang 22 resource directory found
  // at build time. If it is gone, clangd's own search is the better guess.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(argv[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
  static std::string ResourceDirFlag =
      std::string("--resource-dir=") + CANCELLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir &&
      llvm::sys::fs::is_directory(CANCELLINT_CLANG_RESOURCE_DIR))
    Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
