//===--- CancellintClangd.cpp - clangd with the cancel-* checks ----------===//
//
// Stock clangd, plus the cancel module registered by static initialiser.
// Users enable the checks in .clang-tidy.
//
// Two of clangd's own functions are wrapped at link time (ld --wrap, see
// CMakeLists.txt); clangd's code is not changed:
//  - isFastTidyCheck: clangd 22 runs only the clang-tidy checks it has
//    measured as fast unless .clangd sets FastCheckFilter. The cancel-*
//    checks bound their work per function (docs/performance.md), so this
//    clangd counts them as fast: they run without any .clangd setting.
//  - versionString: --version, the log and the LSP serverInfo name
//    cancellint-clangd and its version, then the clangd it is built on.
//
//===----------------------------------------------------------------------===//
#include "ModelCheck.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int Argc, char **Argv);
} // namespace clang::clangd

// clangd's functions as ld --wrap names them: __real_X is clangd's X, and
// clangd's calls of X come to __wrap_X. Declared as clangd declares them
// (clangd/TidyProvider.h, clangd/Feature.h).
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) asm(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> isFastTidyCheck(llvm::StringRef Check) asm(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::string clangdVersionString() asm(
    "__real__ZN5clang6clangd13versionStringB5cxx11Ev");
std::string versionString() asm(
    "__wrap__ZN5clang6clangd13versionStringB5cxx11Ev");

std::optional<bool> isFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("cancel-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}

std::string versionString() {
  return "cancellint-clangd " CANCELLINT_VERSION " (" + clangdVersionString() +
         ")";
}

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
