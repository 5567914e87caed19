//===--- SourceLines.h - Lines and columns of source files ---------------===//
#ifndef CANCELLINT_TOOL_SOURCELINES_H
#define CANCELLINT_TOOL_SOURCELINES_H

#include "Findings.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace cancellint::tool {

/// Reads each file once and answers "which line and column is offset N"
/// and "what does line N say".
class SourceLines {
public:
  /// Line, column and line text of \p Offset in \p File; a location with
  /// line 0 when the file cannot be read.
  Location locate(const std::string &File, unsigned Offset);

  /// Why \p File cannot be read; "" when it can.
  std::string readError(const std::string &File);

  /// The number of lines of \p File: a line ending at the end of the file
  /// starts no further line.
  unsigned lineCount(const std::string &File);

  /// Line \p Number (1-based, at most lineCount()) of \p File, without its
  /// line ending and any carriage returns before it.
  llvm::StringRef line(const std::string &File, unsigned Number);

private:
  struct FileLines {
    std::string Text;
    std::vector<unsigned> LineStarts;
    std::string Error; ///< why it could not be read; "" when it could
  };
  llvm::StringMap<std::unique_ptr<FileLines>> Files;
  const FileLines &load(const std::string &File);
};

/// The length in bytes of the C or C++ token at the 1-based byte column
/// \p Column of \p Line: an identifier or keyword (UTF-8 letters
/// included), a number, a string or character literal, else one
/// character. At least 1.
unsigned tokenLength(llvm::StringRef Line, unsigned Column);

/// The number of UTF-16 code units in the first \p Bytes bytes of the UTF-8
/// text \p Line (SARIF's default column unit), plus one.
unsigned utf16Column(const std::string &Line, unsigned ByteColumn);

/// The inverse of utf16Column: the 1-based byte column.
unsigned byteColumn(const std::string &Line, unsigned Utf16Column);

/// The byte offset in \p Line of a SARIF column of another tool (1-based,
/// counted in UTF-16 code units, or in code points when \p CodePoints);
/// clamped to the line's end, and a byte that does not start valid UTF-8
/// counts as one character.
size_t byteOffsetOfColumn(llvm::StringRef Line, unsigned Column,
                          bool CodePoints);

} // namespace cancellint::tool

#endif
