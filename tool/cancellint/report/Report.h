//===--- Report.h - A finished run, ready to render ----------------------===//
#ifndef CANCELLINT_TOOL_REPORT_REPORT_H
#define CANCELLINT_TOOL_REPORT_REPORT_H

#include "Findings.h"
#include <string>
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

struct RunReport {
  std::vector<Finding> Findings;        ///< sorted, de-duplicated
  std::vector<Failure> Failures;        ///< sorted by file
  size_t TranslationUnits = 0;          ///< compile commands analysed (or failed)
  size_t Files = 0;                     ///< their main files: fewer with variants
  size_t SkippedCommands = 0;           ///< compile commands not for C or C++
  std::string SourceRoot;               ///< absolute, ends with '/'
  std::string WorkingDirectory;         ///< where paths in text output are relative to
  std::vector<std::string> Arguments;   ///< the command line, for SARIF
  int ExitCode = 0;
};

/// Puts collected findings and failures in their final, deterministic form:
/// sorted and de-duplicated, fingerprinted, marked against \p Known when
/// given, and the exit code set (failures, else new findings).
void finalizeReport(RunReport &R, const Baseline *Known = nullptr);

} // namespace cancellint::tool

#endif
