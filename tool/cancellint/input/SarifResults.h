//===--- SarifResults.h - Any tool's SARIF, read for the HTML report -----===//
//
// The HTML report shows SARIF written by cancellint and by other tools and
// versions, so this reader is forgiving: a member that is missing or of
// another type is skipped, not fatal. (SarifInput.h reads cancellint's own
// SARIF back losslessly, for `cancellint merge`.)
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_INPUT_SARIFRESULTS_H
#define CANCELLINT_TOOL_INPUT_SARIFRESULTS_H

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace cancellint::tool {

/// One SARIF document and the name it is shown under ("" for the run's own).
struct SarifDocument {
  std::string Name;
  nlohmann::json Document;
};

/// A place in the sources.
struct Place {
  std::string Shown; ///< as printed: relative to its source root when below it
  std::string Path;  ///< where to read it; "" when not a local file
  unsigned Line = 0; ///< 0: no region
  unsigned Column = 0;
  unsigned EndLine = 0;
  unsigned EndColumn = 0;  ///< 0: none
  /// Where the finding points inside the region, when not at its start
  /// (cancellint's region.properties.column: `obj.wait()` marked whole,
  /// pointing at `wait`); 0 otherwise.
  unsigned PointColumn = 0;
  bool CodePoints = false; ///< columns count code points, not UTF-16 units
  std::string Snippet;     ///< region.snippet, when the SARIF has one

  /// "file:line:col", as far as known.
  std::string label() const;
};

struct Step {
  Place Where;
  std::string Message;
};

struct RuleInfo {
  std::string Short;
  std::string HelpUri;
};

/// One replacement of a fix: the deleted region and what replaces it.
struct Edit {
  Place Where; ///< Line/Column to EndLine/EndColumn, as SARIF counts them
  std::string Inserted;
};

/// One SARIF fix.
struct FixInfo {
  std::string Description;
  /// A note's fix (properties.reviewBeforeApplying): it changes what the
  /// code does, so it is offered for review, never applied blindly.
  bool ReviewBeforeApplying = false;
  std::vector<Edit> Edits;
};

struct Entry {
  std::string Check;
  std::string Level;
  std::string Message;
  Place Where;
  std::string State; ///< "new", "known", or "" without a baseline
  /// Each thread flow of the result's codeFlows, in order; the steps are
  /// numbered as SARIF orders them.
  std::vector<std::vector<Step>> Flows;
  std::vector<Step> Notes; ///< relatedLocations, when there is no codeFlow
  std::vector<FixInfo> Fixes;
  RuleInfo Rule;

  /// The directory of the shown path; "." for none.
  std::string directory() const;
};

struct FailedUnit {
  std::string File;
  std::string Reason;
  std::string Details;
  bool operator<(const FailedUnit &O) const {
    return std::tie(File, Reason, Details) <
           std::tie(O.File, O.Reason, O.Details);
  }
};

/// The run context (cancellint's run.properties.runContext and the
/// invocations' times), joined over every run that has one.
struct RunInfo {
  bool Known = false; ///< some run said what ran
  std::string StartTime, EndTime;
  std::set<std::string> GitCommits;
  bool GitDirty = false;
  bool ChecksKnown = false; ///< some run said which checks it ran
  std::set<std::string> Checks;
  std::set<std::string> Libraries;
  std::set<std::string> ModelFiles; ///< "path (from)"
  std::set<std::string> Options;    ///< "--name=value"
  std::set<std::string> Baselines;  ///< "file (N findings)"
  std::set<std::string> Shards;
};

/// What the HTML page shows, collected from every run of every input.
struct SarifResults {
  RunInfo Run;
  std::vector<Entry> Entries;
  std::set<FailedUnit> Failures;
  /// The runs' translation units, summed; unknown when a run does not say.
  std::optional<size_t> TranslationUnits = 0;
  std::set<std::string> Models;
  std::set<std::string> Tools;
  std::set<std::string> SourceRoots;
  std::vector<std::string> InputNames;
  bool HasBaseline = false;
  size_t Absent = 0;     ///< baselineState "absent": fixed since the baseline
  size_t Suppressed = 0; ///< results with an accepted suppression
};

/// Reads every run of \p Inputs into \p Results, each result once (CI
/// shards may report the same header finding), in the order of their
/// places. \p SourceRoot, when not empty, is where the sources are read
/// from, replacing the SARIF's own source roots (originalUriBaseIds): a
/// report rendered on another machine than the one that analysed. Returns
/// an error message, or "" when every input is SARIF 2.1.0.
std::string readSarifResults(const std::vector<SarifDocument> &Inputs,
                             const std::string &SourceRoot,
                             SarifResults &Results);

} // namespace cancellint::tool

#endif
