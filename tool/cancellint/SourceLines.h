//===--- SourceLines.h - Byte offsets to lines and columns ---------------===//
#ifndef CANCELLINT_TOOL_SOURCELINES_H
#define CANCELLINT_TOOL_SOURCELINES_H

#include "Findings.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace cancellint::tool {

/// Reads each file once and answers "which line and column is offset N".
class SourceLines {
public:
  /// Line, column and line text of \p Offset in \p File; a location with
  /// line 0 when the file cannot be read.
  Location locate(const std::string &File, unsigned Offset);

private:
  struct FileLines {
    std::string Text;
    std::vector<unsigned> LineStarts;
  };
  llvm::StringMap<std::unique_ptr<FileLines>> Files;
  FileLines *load(const std::string &File);
};

/// The number of UTF-16 code units in the first \p Bytes bytes of the UTF-8
/// text \p Line (SARIF's default column unit), plus one.
unsigned utf16Column(const std::string &Line, unsigned ByteColumn);

/// The inverse of utf16Column: the 1-based byte column.
unsigned byteColumn(const std::string &Line, unsigned Utf16Column);

} // namespace cancellint::tool

#endif
