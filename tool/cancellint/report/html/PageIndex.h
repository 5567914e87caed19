//===--- PageIndex.h - The HTML page's checks, files and modules ---------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_PAGEINDEX_H
#define CANCELLINT_TOOL_REPORT_HTML_PAGEINDEX_H

#include "input/SarifResults.h"

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cancellint::tool {

/// A check, a file or a module, with its number of findings.
struct Counted {
  std::string Name;
  size_t Count = 0;
};

/// Rows of the overview matrix at most; the smallest ones beyond are
/// folded into one "other directories" row.
constexpr size_t MaxModules = 30;
/// Rows the matrix aims for at least, going deeper into the tree.
constexpr size_t MinModules = 5;

/// The findings counted per check, per file and per module (top-level
/// directories, folded to the depth that gives MinModules to MaxModules
/// rows). The page names each by its index here: in the matrix, the
/// filters and the data of each finding.
struct PageIndex {
  explicit PageIndex(const SarifResults &Data);

  std::vector<Counted> Checks; ///< most findings first, then by id
  std::map<std::string, size_t> CheckIndex;
  std::vector<Counted> Files; ///< by path; "" for findings without a place
  std::map<std::string, size_t> FileIndex;
  std::vector<Counted> Modules;   ///< most findings first, then by name
  std::vector<size_t> FileModule; ///< by file index
  /// Findings per (module, check), by index.
  std::map<std::pair<size_t, size_t>, size_t> Cells;
  std::map<std::string, RuleInfo> Rules; ///< by check
  size_t FilesWithFindings = 0;
  size_t New = 0; ///< findings new since the baseline

  size_t moduleOf(const Entry &E) const {
    return FileModule[FileIndex.at(E.Where.Shown)];
  }
};

/// The colour class of a check, "k0".."k11": a hash of its id into a fixed
/// palette (style.css), so a check has the same colour in every report.
std::string checkColourClass(llvm::StringRef Check);

} // namespace cancellint::tool

#endif
