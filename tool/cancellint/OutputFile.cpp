//===--- OutputFile.cpp - Writing reports without leaving half a file ----===//
#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

std::string writeFileAtomically(const std::string &Path,
                                const std::string &Content) {
  llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Content;
    return llvm::Error::success();
  });
  if (E)
    return "cannot write '" + Path + "': " + llvm::toString(std::move(E));
  return "";
}

} // namespace cancellint::tool
