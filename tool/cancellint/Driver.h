//===--- Driver.h - One cancellint run from options to exit code ---------===//
#ifndef CANCELLINT_TOOL_DRIVER_H
#define CANCELLINT_TOOL_DRIVER_H

#include "report/OutputFormats.h"

#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

struct DriverOptions {
  std::vector<std::string> Files;
  std::optional<std::vector<std::string>> FixedCompilerArgs; ///< after "--"
  std::string BuildPath;
  std::optional<std::string> Checks;
  std::optional<std::string> Config;
  std::optional<std::string> ConfigFile;
  std::optional<std::string> HeaderFilter;
  bool SystemHeaders = false;
  std::vector<std::string> ModelFiles;
  std::optional<std::string> Libraries;
  const OutputFormat *Format = &outputFormats().front();
  std::string OutputPath; ///< empty: stdout
  std::string SarifPath;  ///< also write SARIF here (CI: text log + SARIF)
  std::string SourceRoot; ///< SARIF SRCROOT; empty: working directory
  unsigned Jobs = 0;      ///< 0: one per core
  unsigned TimeoutSeconds = 0;
  unsigned ShardIndex = 0; ///< 0-based; with ShardCount > 1
  unsigned ShardCount = 1;
  std::string BaselinePath;      ///< --baseline
  std::string WriteBaselinePath; ///< --write-baseline
  bool Fix = false;
  bool FixNotes = false; ///< --fix-notes: a note's fix-it when it is the only one
  std::string ExportFixesPath;
  std::string CacheDir; ///< reuse results of unchanged units; empty: default
  std::string DiffRevision; ///< report only lines changed since this; empty: off
  bool NoCache = false; ///< --no-cache
  bool Quiet = false;
  bool VerifyConfig = false; ///< check the configuration, analyse nothing
  bool ParseOnly = false; ///< parse each unit, run no check (benchmarks)
  std::string SelfPath; ///< this executable, started as the worker
  std::vector<std::string> Arguments;
};

int runDriver(const DriverOptions &Options);

} // namespace cancellint::tool

#endif
