//===--- OutputFile.cpp - Writing reports without leaving half a file ----===//
#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
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

/// Creates and removes a file in \p Dir: the only sure test that the file
/// system (permissions, a read-only mount, ACLs) lets us write there.
static std::string createFileIn(const std::string &Dir) {
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, ".cancellint-probe-%%%%%%");
  llvm::Expected<llvm::sys::fs::TempFile> Probe =
      llvm::sys::fs::TempFile::create(Model);
  if (!Probe)
    return llvm::toString(Probe.takeError());
  llvm::consumeError(Probe->discard());
  return "";
}

std::string unwritableReason(const std::string &Path) {
  if (llvm::sys::fs::is_directory(Path))
    return "'" + Path + "' is a directory";
  if (llvm::sys::fs::exists(Path)) {
    if (std::error_code EC =
            llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
      return "cannot write '" + Path + "': " + EC.message();
  }
  llvm::StringRef Parent = llvm::sys::path::parent_path(Path);
  std::string Dir = Parent.empty() ? "." : Parent.str();
  if (!llvm::sys::fs::exists(Dir))
    return "cannot write '" + Path + "': directory '" + Dir +
           "' does not exist";
  if (!llvm::sys::fs::is_directory(Dir))
    return "cannot write '" + Path + "': '" + Dir + "' is not a directory";
  if (std::string Error = createFileIn(Dir); !Error.empty())
    return "cannot write '" + Path + "': cannot create files in '" + Dir +
           "': " + Error;
  return "";
}

std::string unusableDirectoryReason(const std::string &Dir) {
  if (llvm::sys::fs::exists(Dir) && !llvm::sys::fs::is_directory(Dir))
    return "'" + Dir + "' is not a directory";
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return "cannot create directory '" + Dir + "': " + EC.message();
  if (std::string Error = createFileIn(Dir); !Error.empty())
    return "cannot create files in '" + Dir + "': " + Error;
  return "";
}

} // namespace cancellint::tool
