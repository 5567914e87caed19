//===--- AnalysisRequest.cpp - What a worker is asked to analyse ---------===//
#include "execution/AnalysisRequest.h"

namespace cancellint::tool {

using nlohmann::json;

template <typename T>
static void putOptional(json &J, const char *Key, const std::optional<T> &V) {
  if (V)
    J[Key] = *V;
}

template <typename T>
static void getOptional(const json &J, const char *Key, std::optional<T> &V) {
  if (J.contains(Key))
    V = J.at(Key).get<T>();
}

json toJson(const AnalysisRequest &R) {
  json J = {{"file", R.File},
            {"directory", R.Directory},
            {"commandLine", R.CommandLine},
            {"systemHeaders", R.SystemHeaders},
            {"modelFiles", R.ModelFiles},
            {"recordDependencies", R.RecordDependencies}};
  putOptional(J, "checks", R.Checks);
  putOptional(J, "config", R.Config);
  putOptional(J, "configFile", R.ConfigFile);
  putOptional(J, "headerFilter", R.HeaderFilter);
  putOptional(J, "libraries", R.Libraries);
  return J;
}

AnalysisRequest requestFromJson(const json &J) {
  AnalysisRequest R;
  R.File = J.at("file").get<std::string>();
  R.Directory = J.at("directory").get<std::string>();
  R.CommandLine = J.at("commandLine").get<std::vector<std::string>>();
  R.SystemHeaders = J.at("systemHeaders").get<bool>();
  R.ModelFiles = J.at("modelFiles").get<std::vector<std::string>>();
  R.RecordDependencies = J.value("recordDependencies", false);
  getOptional(J, "checks", R.Checks);
  getOptional(J, "config", R.Config);
  getOptional(J, "configFile", R.ConfigFile);
  getOptional(J, "headerFilter", R.HeaderFilter);
  getOptional(J, "libraries", R.Libraries);
  return R;
}

} // namespace cancellint::tool
