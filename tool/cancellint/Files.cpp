//===--- Files.cpp - Paths and file contents, as the driver handles them -===//
#include "Files.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace cancellint::tool {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  if (Path.empty())
    return "";
  llvm::SmallString<256> P(Path);
  if (Base.empty()) {
    // Without a working directory the path stays as given; later checks
    // (exists, compile commands) then report the file by that name.
    if (llvm::sys::fs::make_absolute(P))
      return Path.str();
  } else if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> Joined(Base);
    llvm::sys::path::append(Joined, P);
    P = Joined;
  }
  // ".." after a symbolic link is not its lexical parent (Debian's /lib is
  // a link to usr/lib, and the compiler opens headers as
  // /lib/gcc/x86_64-linux-gnu/12/../../../../include/...): ask the file
  // system when it can tell.
  llvm::SmallString<256> Real;
  if (std::find(llvm::sys::path::begin(P), llvm::sys::path::end(P), "..") !=
          llvm::sys::path::end(P) &&
      !llvm::sys::fs::real_path(P, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string relativeTo(const std::string &Path, const std::string &Base) {
  std::string Dir = Base;
  if (!Dir.empty() && Dir.back() != '/')
    Dir += '/';
  if (!Dir.empty() && Path.compare(0, Dir.size(), Dir) == 0)
    return Path.substr(Dir.size());
  return Path;
}

std::string percentEncode(llvm::StringRef Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Out;
  for (char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += C;
    } else {
      auto Byte = static_cast<unsigned char>(C);
      Out += '%';
      Out += Hex[Byte >> 4];
      Out += Hex[Byte & 15];
    }
  }
  return Out;
}

std::string fileUri(llvm::StringRef Path) {
  return "file://" + percentEncode(Path);
}

void removeTemporary(const std::string &Path) {
  std::error_code Ignored = llvm::sys::fs::remove(Path);
  (void)Ignored;
}

std::optional<std::string> readTextFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

} // namespace cancellint::tool
