//===--- Findings.cpp - What a run found ---------------------------------===//
#include "Findings.h"

#include <algorithm>
#include <tuple>

namespace cancellint::tool {

using nlohmann::json;

json toJson(const Location &L) {
  json J = {{"file", L.File},         {"offset", L.Offset}, {"line", L.Line},
            {"column", L.Column},     {"endLine", L.EndLine},
            {"endColumn", L.EndColumn}, {"lineText", L.LineText}};
  if (L.RangeColumn)
    J["rangeColumn"] = L.RangeColumn;
  return J;
}

Location locationFromJson(const json &J) {
  Location L;
  L.File = J.at("file").get<std::string>();
  L.Offset = J.value("offset", 0u);
  L.Line = J.at("line").get<unsigned>();
  L.Column = J.at("column").get<unsigned>();
  L.EndLine = J.value("endLine", 0u);
  L.EndColumn = J.value("endColumn", 0u);
  L.LineText = J.value("lineText", "");
  L.RangeColumn = J.value("rangeColumn", 0u);
  return L;
}

static json toJson(const std::vector<Replacement> &Fixes) {
  json Out = json::array();
  for (const Replacement &R : Fixes)
    Out.push_back({{"file", R.File},
                   {"offset", R.Offset},
                   {"length", R.Length},
                   {"text", R.Text},
                   {"start", toJson(R.Start)},
                   {"end", toJson(R.End)}});
  return Out;
}

static std::vector<Replacement> fixesFromJson(const json &J) {
  std::vector<Replacement> Fixes;
  for (const json &R : J)
    Fixes.push_back({R.at("file").get<std::string>(),
                     R.at("offset").get<unsigned>(),
                     R.at("length").get<unsigned>(),
                     R.at("text").get<std::string>(),
                     locationFromJson(R.at("start")),
                     locationFromJson(R.at("end"))});
  return Fixes;
}

json toJson(const Finding &F) {
  json Notes = json::array();
  for (const Note &N : F.Notes) {
    json Note = {{"message", N.Message}, {"location", toJson(N.Where)}};
    if (!N.Fixes.empty())
      Note["fixes"] = toJson(N.Fixes);
    Notes.push_back(std::move(Note));
  }
  json J = {{"check", F.Check},     {"level", F.Level},
            {"message", F.Message}, {"location", toJson(F.Where)},
            {"notes", Notes},       {"fixes", toJson(F.Fixes)}};
  if (!F.Variant.empty())
    J["variant"] = F.Variant;
  return J;
}

Finding findingFromJson(const json &J) {
  Finding F;
  F.Check = J.at("check").get<std::string>();
  F.Level = J.at("level").get<std::string>();
  F.Message = J.at("message").get<std::string>();
  F.Where = locationFromJson(J.at("location"));
  for (const json &N : J.at("notes"))
    F.Notes.push_back({N.at("message").get<std::string>(),
                       locationFromJson(N.at("location")),
                       fixesFromJson(N.value("fixes", json::array()))});
  F.Fixes = fixesFromJson(J.at("fixes"));
  F.Variant = J.value("variant", "");
  return F;
}

json toJson(const Failure &F) {
  return {{"file", F.File}, {"reason", F.Reason}, {"details", F.Details}};
}

Failure failureFromJson(const json &J) {
  return {J.at("file").get<std::string>(), J.at("reason").get<std::string>(),
          J.value("details", "")};
}

json toJson(const TranslationUnitResult &R) {
  json Findings = json::array();
  for (const Finding &F : R.Findings)
    Findings.push_back(toJson(F));
  json Failures = json::array();
  for (const Failure &F : R.Failures)
    Failures.push_back(toJson(F));
  return {{"file", R.File},
          {"findings", Findings},
          {"failures", Failures},
          {"errors", R.Errors},
          {"dependencies", R.Dependencies},
          {"checks", R.Checks},
          {"libraries", R.Libraries},
          {"modelFiles", R.ModelFiles}};
}

TranslationUnitResult resultFromJson(const json &J) {
  TranslationUnitResult R;
  R.File = J.at("file").get<std::string>();
  for (const json &F : J.at("findings"))
    R.Findings.push_back(findingFromJson(F));
  for (const json &F : J.at("failures"))
    R.Failures.push_back(failureFromJson(F));
  R.Errors = J.value("errors", 0u);
  if (J.contains("dependencies"))
    R.Dependencies = J["dependencies"].get<std::vector<std::string>>();
  for (const char *Key : {"checks", "libraries", "modelFiles"})
    if (!J.contains(Key) || !J[Key].is_array())
      return R;
  R.Checks = J["checks"].get<std::vector<std::string>>();
  R.Libraries = J["libraries"].get<std::vector<std::string>>();
  R.ModelFiles = J["modelFiles"].get<std::vector<std::string>>();
  return R;
}

static auto sortKey(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.Check,
                  F.Message, F.Level);
}

void sortAndDeduplicate(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return sortKey(A) < sortKey(B);
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return sortKey(A) == sortKey(B);
                             }),
                 Findings.end());
}

} // namespace cancellint::tool
