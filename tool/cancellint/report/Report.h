//===--- Report.h - A finished run, ready to render ----------------------===//
#ifndef CANCELLINT_TOOL_REPORT_REPORT_H
#define CANCELLINT_TOOL_REPORT_REPORT_H

#include "Findings.h"
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cancellint::tool {

/// Exit codes, as documented in the README.
enum ExitCode {
  ExitClean = 0,      ///< no (new) findings
  ExitFindings = 1,   ///< findings reported
  ExitUsage = 2,      ///< usage or configuration error; nothing analysed
  ExitIncomplete = 3, ///< some translation units could not be analysed
  ExitInterrupted = 130, ///< SIGINT/SIGTERM: nothing written
};

class Baseline;

/// What a reader needs to trust a report: what ran, on what, how. SARIF
/// carries it (run.properties.runContext and the invocation's times), and
/// `cancellint merge` combines the shards' contexts.
struct RunContext {
  bool Known = false;    ///< false: read from SARIF that does not say
  std::string StartTime; ///< ISO 8601 UTC, "2026-01-31T12:00:00Z"
  std::string EndTime;
  std::string GitCommit; ///< "" outside a git work tree
  bool GitDirty = false;
  /// Some unit said which checks it ran: units that crashed or timed out
  /// do not. Unknown, the report does not claim that none ran.
  bool ChecksKnown = false;
  std::set<std::string> Checks;    ///< enabled in at least one unit
  std::set<std::string> Libraries; ///< built-in models loaded
  /// Model files loaded (relative to the source root when below it), and
  /// where each was configured: "--model", or "configuration" for
  /// .clang-tidy ModelFiles and --config.
  std::map<std::string, std::string> ModelFiles;
  /// The options that shape the results ("checks", "header-filter",
  /// "libraries", "config-file", "diff"...), as given.
  std::map<std::string, std::string> Options;
  std::string Baseline;      ///< the baseline file used; "" for none
  size_t BaselineFindings = 0; ///< findings it records
  std::set<std::string> Shards; ///< "1/4"...: the shards merged here
};

struct RunReport {
  std::vector<Finding> Findings;        ///< sorted, de-duplicated
  std::vector<Failure> Failures;        ///< sorted by file
  size_t TranslationUnits = 0;          ///< compile commands analysed (or failed)
  size_t Files = 0;                     ///< their main files: fewer with variants
  size_t SkippedCommands = 0;           ///< compile commands not for C or C++
  std::string SourceRoot;               ///< absolute, ends with '/'
  std::string WorkingDirectory;         ///< where paths in text output are relative to
  std::vector<std::string> Arguments;   ///< the command line, for SARIF
  RunContext Context;
  int ExitCode = 0;
};

/// Now, as SARIF writes times: "2026-01-31T12:00:00Z". When the
/// environment sets SOURCE_DATE_EPOCH (reproducible builds), that time
/// instead, so that the same run gives the same bytes.
std::string currentTimeUtc();

/// Adds \p Part's context to \p Into: a merge of shards. Times span both;
/// sets are joined; options and the baseline are kept when they agree.
void mergeRunContext(RunContext &Into, const RunContext &Part);

/// Puts collected findings and failures in their final, deterministic form:
/// sorted and de-duplicated, fingerprinted, marked against \p Known when
/// given, and the exit code set (failures, else new findings).
void finalizeReport(RunReport &R, const Baseline *Known = nullptr);

} // namespace cancellint::tool

#endif
