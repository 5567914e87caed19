//===--- Driver.h - One cancellint run from options to exit code ---------===//
#ifndef CANCELLINT_TOOL_DRIVER_H
#define CANCELLINT_TOOL_DRIVER_H

#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

/// Exit codes, as documented in the README.
enum ExitCode {
  ExitClean = 0,         ///< no findings
  ExitFindings = 1,      ///< findings reported
  ExitUsage = 2,         ///< usage or configuration error; nothing analysed
  ExitIncomplete = 3,    ///< some translation units could not be analysed
};

enum class OutputFormat { Text, Json, Sarif };

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
  OutputFormat Format = OutputFormat::Text;
  std::string OutputPath; ///< empty: stdout
  std::string SarifPath;  ///< also write SARIF here (CI: text log + SARIF)
  std::string SourceRoot; ///< SARIF SRCROOT; empty: working directory
  unsigned Jobs = 0;      ///< 0: one per core
  unsigned TimeoutSeconds = 0;
  bool Quiet = false;
  std::string SelfPath; ///< this executable, started as the worker
  std::vector<std::string> Arguments;
};

int runDriver(const DriverOptions &Options);

} // namespace cancellint::tool

#endif
