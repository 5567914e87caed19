//===--- EmbeddedFile.h - A file compiled into the program ---------------===//
#ifndef CANCELLINT_TOOL_EMBEDDEDFILE_H
#define CANCELLINT_TOOL_EMBEDDEDFILE_H

#include "llvm/ADT/StringRef.h"

namespace cancellint::tool {

/// A file that cmake/EmbedFiles.cmake compiled into the program: its name
/// without directory and extension, and its contents.
struct EmbeddedFile {
  llvm::StringRef Name;
  llvm::StringRef Text;
};

} // namespace cancellint::tool

#endif
