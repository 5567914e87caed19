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

} // namespace cancellint::tool

#endif
