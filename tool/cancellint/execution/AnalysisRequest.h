//===--- AnalysisRequest.h - What a worker is asked to analyse -----------===//
#ifndef CANCELLINT_TOOL_EXECUTION_ANALYSISREQUEST_H
#define CANCELLINT_TOOL_EXECUTION_ANALYSISREQUEST_H

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

/// Everything one worker process needs to analyse one translation unit the
/// way the driver was configured. Written to a file by the driver.
struct AnalysisRequest {
  std::string File;                    ///< absolute path of the main file
  std::string Directory;               ///< the compile command's directory
  std::vector<std::string> CommandLine; ///< the compile command, argv[0] first
  std::optional<std::string> Checks;   ///< --checks
  std::optional<std::string> Config;   ///< --config (YAML/JSON text)
  std::optional<std::string> ConfigFile; ///< --config-file
  std::optional<std::string> HeaderFilter;
  bool SystemHeaders = false;
  std::vector<std::string> ModelFiles; ///< absolute paths from --model
  std::optional<std::string> Libraries; ///< --libraries
  bool RecordDependencies = false;      ///< for the result cache
  /// What sets this compile command apart from the file's others; empty
  /// when it has none. The driver's alone: not sent to the worker.
  std::string Variant;
};

nlohmann::json toJson(const AnalysisRequest &R);
AnalysisRequest requestFromJson(const nlohmann::json &J);

} // namespace cancellint::tool

#endif
