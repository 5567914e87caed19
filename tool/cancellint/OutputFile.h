//===--- OutputFile.h - Writing reports without leaving half a file ------===//
#ifndef CANCELLINT_TOOL_OUTPUTFILE_H
#define CANCELLINT_TOOL_OUTPUTFILE_H

#include <string>

namespace cancellint::tool {

/// Writes \p Content to \p Path through a temporary file in the same
/// directory and a rename: readers (and an interrupted run) see the old file
/// or the new one, never a truncated one. Returns an error message or "".
std::string writeFileAtomically(const std::string &Path,
                                const std::string &Content);

/// Why a report could not be written to \p Path, asked before the run
/// that would write it: a directory, a read-only file, a directory that is
/// missing or where no file can be created. "" when it can be written.
std::string unwritableReason(const std::string &Path);

/// Why no files can be created in the directory \p Dir (created when it
/// is missing); "" when they can.
std::string unusableDirectoryReason(const std::string &Dir);

} // namespace cancellint::tool

#endif
