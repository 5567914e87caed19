//===--- SarifOutput.cpp - SARIF 2.1.0 for CI and code scanning ----------===//
//
// What GitHub code scanning and other viewers read: rules with descriptions
// and help, results with a first location, relatedLocations for notes,
// codeFlows for findings that explain a path, partialFingerprints that
// survive unrelated edits, and invocations that say which translation units
// failed. Nothing depends on -j or timing: the same run gives the same bytes.
//
//===----------------------------------------------------------------------===//
#include "Files.h"
#include "JsonText.h"
#include "SourceLines.h"
#include "Version.h"
#include "report/OutputFormats.h"
#include "report/RuleCatalog.h"

#include "llvm/ADT/StringRef.h"
#include <map>

namespace cancellint::tool {

using nlohmann::json;

namespace {

/// RFC 3986: keep unreserved characters and '/', escape every other byte.
std::string percentEncode(llvm::StringRef Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += static_cast<char>(C);
    } else {
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

class SarifWriter {
public:
  explicit SarifWriter(const RunReport &R) : R(R) {}

  json run() {
    json Run = {{"tool", {{"driver", driver()}}},
                {"columnKind", "utf16CodeUnits"},
                {"originalUriBaseIds",
                 {{"SRCROOT", {{"uri", "file://" + percentEncode(R.SourceRoot)}}}}},
                {"results", results()},
                {"properties", {{"translationUnits", R.TranslationUnits}}},
                {"invocations", json::array({invocation()})}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({Run})}};
  }

private:
  const RunReport &R;

  json driver() {
    json Rules = json::array();
    for (const Rule &Rl : rules()) {
      std::string Help = ruleHelpMarkdown(Rl.Id).str();
      json Entry = {
          {"id", Rl.Id},
          {"name", Rl.Name},
          {"shortDescription", {{"text", Rl.Short}}},
          {"fullDescription", {{"text", Rl.Full}}},
          {"help",
           {{"text", Help.empty() ? Rl.Full.str() : Help},
            {"markdown", Help.empty() ? Rl.Full.str() : Help}}},
          {"helpUri", ruleHelpUri(Rl.Id)},
          {"defaultConfiguration", {{"level", "warning"}}},
          {"properties",
           {{"tags", {"reliability", "cancellation", "correctness"}},
            {"precision", "high"},
            {"problem.severity", "warning"}}}};
      Rules.push_back(std::move(Entry));
    }
    return {{"name", "cancellint"},
            {"fullName", "cancellint: cancellation misuse analyzer for C and C++"},
            {"version", version()},
            {"semanticVersion", version()},
            {"informationUri", CANCELLINT_HOMEPAGE},
            {"rules", Rules}};
  }

  json artifactLocation(const std::string &File) {
    std::string Relative = relativeTo(File, R.SourceRoot);
    if (Relative != File)
      return {{"uri", percentEncode(Relative)}, {"uriBaseId", "SRCROOT"}};
    return {{"uri", "file://" + percentEncode(File)}};
  }

  /// Lines and columns for viewers, the byte offset and the line's text
  /// so that `cancellint merge` can read the report back without loss.
  json region(const Location &L) {
    json Region = {{"startLine", L.Line},
                   {"startColumn", utf16Column(L.LineText, L.Column)},
                   {"byteOffset", L.Offset},
                   {"snippet", {{"text", L.LineText}}}};
    if (L.EndLine == L.Line && L.EndColumn > L.Column)
      Region["endColumn"] = utf16Column(L.LineText, L.EndColumn);
    return Region;
  }

  json physicalLocation(const Location &L) {
    json P = {{"artifactLocation", artifactLocation(L.File)}};
    if (L.Line)
      P["region"] = region(L);
    return {{"physicalLocation", P}};
  }

  json fixes(const Finding &F) {
    std::map<std::string, json> ByFile;
    for (const Replacement &Rp : F.Fixes) {
      json Deleted = {
          {"startLine", Rp.Start.Line},
          {"startColumn", utf16Column(Rp.Start.LineText, Rp.Start.Column)},
          {"endLine", Rp.End.Line},
          {"endColumn", utf16Column(Rp.End.LineText, Rp.End.Column)},
          {"byteOffset", Rp.Offset},
          {"byteLength", Rp.Length}};
      ByFile[Rp.File].push_back(
          {{"deletedRegion", Deleted}, {"insertedContent", {{"text", Rp.Text}}}});
    }
    json Changes = json::array();
    for (auto &[File, Replacements] : ByFile)
      Changes.push_back({{"artifactLocation", artifactLocation(File)},
                         {"replacements", Replacements}});
    return json::array({{{"description", {{"text", "Apply the suggested fix"}}},
                         {"artifactChanges", Changes}}});
  }

  json results() {
    json Results = json::array();
    for (const Finding &F : R.Findings) {
      json Result = {{"ruleId", F.Check},
                     {"level", F.Level == "error" ? "error" : "warning"},
                     {"message", {{"text", F.Message}}},
                     {"locations", json::array({physicalLocation(F.Where)})},
                     {"partialFingerprints",
                      {{"primaryLocationLineHash", F.Fingerprint}}}};
      if (F.BaselineState != Finding::Baseline::None)
        Result["baselineState"] =
            F.BaselineState == Finding::Baseline::New ? "new" : "unchanged";
      for (size_t I = 0; I < rules().size(); ++I)
        if (rules()[I].Id == F.Check)
          Result["ruleIndex"] = I;
      if (!F.Notes.empty()) {
        json Related = json::array();
        json Flow = json::array();
        json First = physicalLocation(F.Where);
        First["message"] = {{"text", F.Message}};
        Flow.push_back({{"location", First}});
        for (size_t I = 0; I < F.Notes.size(); ++I) {
          json L = physicalLocation(F.Notes[I].Where);
          L["message"] = {{"text", F.Notes[I].Message}};
          Flow.push_back({{"location", L}});
          L["id"] = I + 1;
          Related.push_back(L);
        }
        Result["relatedLocations"] = Related;
        Result["codeFlows"] =
            json::array({{{"threadFlows", json::array({{{"locations", Flow}}})}}});
      }
      if (!F.Fixes.empty())
        Result["fixes"] = fixes(F);
      Results.push_back(std::move(Result));
    }
    return Results;
  }

  json invocation() {
    json Notifications = json::array();
    for (const Failure &F : R.Failures) {
      std::string Text = relativeTo(F.File, R.SourceRoot) + ": " + F.Reason;
      if (!F.Details.empty())
        Text += "\n" + F.Details;
      Notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", Text}}},
           {"descriptor", {{"id", "translation-unit-failed"}}},
           {"locations",
            json::array({{{"physicalLocation",
                           {{"artifactLocation", artifactLocation(F.File)}}}}})}});
    }
    return {{"executionSuccessful", R.Failures.empty() && R.ExitCode != 2},
            {"exitCode", R.ExitCode},
            {"toolExecutionNotifications", Notifications}};
  }
};

} // namespace

void writeSarif(const RunReport &R, llvm::raw_ostream &OS) {
  OS << jsonText(SarifWriter(R).run(), 2) << "\n";
}

} // namespace cancellint::tool
