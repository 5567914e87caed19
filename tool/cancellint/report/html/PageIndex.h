//===--- PageIndex.h - The HTML page's checks and directories, numbered --===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_PAGEINDEX_H
#define CANCELLINT_TOOL_REPORT_HTML_PAGEINDEX_H

#include "input/SarifResults.h"

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cancellint::tool {

/// A check or a directory, with its number of findings.
struct Counted {
  std::string Name;
  size_t Count = 0;
};

/// The findings counted per check and per directory. The page names a
/// check or a directory by its index here: in the filters, the colours, the
/// charts and the data attributes of each finding.
struct PageIndex {
  explicit PageIndex(const SarifResults &Data);

  std::vector<Counted> Checks;      ///< sorted by id
  std::vector<Counted> Directories; ///< sorted by name
  std::map<std::string, size_t> CheckIndex;
  std::map<std::string, size_t> DirectoryIndex;
  std::map<std::string, RuleInfo> Rules; ///< by check
  std::set<std::string> Files;           ///< the files with findings
  size_t New = 0;                        ///< findings new since the baseline
};

/// The colour of check number \p Index: distinct colours, in the order of
/// the checks' ids.
llvm::StringRef checkColour(size_t Index);

/// "src/", and "./" for the top: clearly directories, not files.
std::string directoryLabel(const std::string &Directory);

} // namespace cancellint::tool

#endif
