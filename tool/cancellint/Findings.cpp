//===--- Findings.cpp - What a run found ---------------------------------===//
#include "Findings.h"

#include <algorithm>
#include <tuple>

namespace cancellint::tool {

using nlohmann::json;

json toJson(const Location &L) {
  return {{"file", L.File},         {"offset", L.Offset}, {"line", L.Line},
          {"column", L.Column},     {"endLine", L.EndLine},
          {"endColumn", L.EndColumn}, {"lineText", L.LineText}};
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
  return L;
}

json toJson(const Finding &F) {
  json Notes = json::array();
  for (const Note &N : F.Notes)
    Notes.push_back({{"message", N.Message}, {"location", toJson(N.Where)}});
  json Fixes = json::array();
  for (const Replacement &R : F.Fixes)
    Fixes.push_back({{"file", R.File},
                     {"offset", R.Offset},
                     {"length", R.Length},
                     {"text", R.Text},
                     {"start", toJson(R.Start)},
                     {"end", toJson(R.End)}});
  return {{"check", F.Check},     {"level", F.Level},
          {"message", F.Message}, {"location", toJson(F.Where)},
          {"notes", Notes},       {"fixes", Fixes}};
}

Finding findingFromJson(const json &J) {
  Finding F;
  F.Check = J.at("check").get<std::string>();
  F.Level = J.at("level").get<std::string>();
  F.Message = J.at("message").get<std::string>();
  F.Where = locationFromJson(J.at("location"));
  for (const json &N : J.at("notes"))
    F.Notes.push_back({N.at("message").get<std::string>(),
                       locationFromJson(N.at("location"))});
  for (const json &R : J.at("fixes"))
    F.Fixes.push_back({R.at("file").get<std::string>(),
                       R.at("offset").get<unsigned>(),
                       R.at("length").get<unsigned>(),
                       R.at("text").get<std::string>(),
                       locationFromJson(R.at("start")),
                       locationFromJson(R.at("end"))});
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
          {"dependencies", R.Dependencies}};
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
