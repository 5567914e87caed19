//===--- Files.h - Paths and file contents, as the driver handles them ---===//
#ifndef CANCELLINT_TOOL_FILES_H
#define CANCELLINT_TOOL_FILES_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cancellint::tool {

/// \p Path made absolute against \p Base (the working directory when Base is
/// empty), with "." and ".." removed (by the file system, symbolic links
/// resolved, when ".." is there and the file exists). Unchanged when it
/// cannot be made absolute; empty for an empty path.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");

/// \p Path relative to \p Base when it lies below it, else unchanged.
std::string relativeTo(const std::string &Path, const std::string &Base);

/// \p Path for a URI (RFC 3986): unreserved characters and '/' kept, every
/// other byte escaped.
std::string percentEncode(llvm::StringRef Path);

/// "file:///abs/path" for the absolute \p Path.
std::string fileUri(llvm::StringRef Path);

/// Removes a temporary file, best effort: one left behind is harmless.
void removeTemporary(const std::string &Path);

/// The whole contents of \p Path, or nullopt when it cannot be read.
std::optional<std::string> readTextFile(const std::string &Path);

} // namespace cancellint::tool

#endif
