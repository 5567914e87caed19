//===--- SarifOutput.cpp - SARIF 2.1.0 for CI and code scanning ----------===//
//
// What GitHub code scanning and other viewers read: rules with descriptions
// and help, results with a first location, relatedLocations for notes,
// codeFlows for findings that explain a path, partialFingerprints that
// survive unrelated edits, and invocations that say which translation units
// failed, when the run started and ended. run.properties.runContext says
// what ran (docs/report.md): the enabled checks, the models, the options
// that shape the results, the git revision, the baseline and the shards.
// Nothing depends on -j; with SOURCE_DATE_EPOCH set (for the times), the
// same run gives the same bytes.
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

/// \p Text with every occurrence of the directory \p Root (which ends with
/// '/') removed.
std::string withoutPrefix(llvm::StringRef Text, llvm::StringRef Root) {
  std::string Out;
  for (size_t At; (At = Text.find(Root)) != llvm::StringRef::npos;
       Text = Text.drop_front(At + Root.size()))
    Out += Text.take_front(At);
  return Out + Text.str();
}

class SarifWriter {
public:
  explicit SarifWriter(const RunReport &R) : R(R) {}

  json run() {
    json Run = {{"tool", {{"driver", driver()}}},
                {"columnKind", "utf16CodeUnits"},
                {"originalUriBaseIds",
                 {{"SRCROOT", {{"uri", fileUri(R.SourceRoot)}}}}},
                {"results", results()},
                {"properties", properties()},
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
          {"defaultConfiguration", {{"level", "warning"}}},
          {"properties",
           {{"tags", {"reliability", "cancellation", "correctness"}},
            {"precision", "high"},
            {"problem.severity", "warning"}}}};
      // The page shipped with the tool, or published where the build said;
      // never a guess.
      if (std::string Uri = ruleHelpUri(Rl.Id); !Uri.empty())
        Entry["helpUri"] = Uri;
      Rules.push_back(std::move(Entry));
    }
    json Driver = {
        {"name", "cancellint"},
        {"fullName", "cancellint: cancellation misuse analyzer for C and C++"},
        {"version", version()},
        {"semanticVersion", version()},
        {"rules", Rules}};
    if (std::string Docs = docsUri(); !Docs.empty())
      Driver["informationUri"] = Docs;
    return Driver;
  }

  /// The counts of the run; "files" and "skippedCompileCommands" only
  /// when they say more than "translationUnits".
  json properties() {
    json P = {{"translationUnits", R.TranslationUnits}};
    if (R.Files != R.TranslationUnits)
      P["files"] = R.Files;
    if (R.SkippedCommands)
      P["skippedCompileCommands"] = R.SkippedCommands;
    if (R.Context.Known)
      P["runContext"] = runContext();
    return P;
  }

  /// What ran: an empty "enabledChecks" is a run that checked nothing,
  /// which a report must not show as clean.
  json runContext() {
    const RunContext &C = R.Context;
    json Files = json::array();
    for (const auto &[Path, From] : C.ModelFiles)
      Files.push_back({{"path", Path}, {"from", From}});
    json Out = {{"models", {{"libraries", C.Libraries}, {"files", Files}}},
                {"options", C.Options}};
    if (C.ChecksKnown) // no unit was analysed: not known, not none
      Out["enabledChecks"] = C.Checks;
    if (!C.GitCommit.empty())
      Out["git"] = {{"commit", C.GitCommit}, {"dirty", C.GitDirty}};
    if (!C.Baseline.empty())
      Out["baseline"] = {{"file", C.Baseline},
                         {"findings", C.BaselineFindings}};
    if (!C.Shards.empty())
      Out["shards"] = C.Shards;
    return Out;
  }

  json artifactLocation(const std::string &File) {
    std::string Relative = relativeTo(File, R.SourceRoot);
    if (Relative != File)
      return {{"uri", percentEncode(Relative)}, {"uriBaseId", "SRCROOT"}};
    return {{"uri", fileUri(File)}};
  }

  /// Lines and columns for viewers, the byte offset and the line's text
  /// so that `cancellint merge` can read the report back without loss.
  ///
  /// The region is what the finding marks: from the start of its range
  /// (a member call's object, before the name the finding points at) to
  /// its end, to the end of the line when it ends on another. Where the
  /// finding points, when it is not the start, is the region's "column"
  /// property.
  json region(const Location &L) {
    unsigned Start = L.RangeColumn ? L.RangeColumn : L.Column;
    json Region = {{"startLine", L.Line},
                   {"startColumn", utf16Column(L.LineText, Start)},
                   {"byteOffset", L.Offset},
                   {"snippet", {{"text", L.LineText}}}};
    if (L.EndLine == L.Line && L.EndColumn > L.Column)
      Region["endColumn"] = utf16Column(L.LineText, L.EndColumn);
    else if (L.EndLine > L.Line)
      Region["endLine"] = L.EndLine;
    if (L.RangeColumn)
      Region["properties"] = {{"column", utf16Column(L.LineText, L.Column)}};
    return Region;
  }

  json physicalLocation(const Location &L) {
    json P = {{"artifactLocation", artifactLocation(L.File)}};
    if (L.Line)
      P["region"] = region(L);
    return {{"physicalLocation", P}};
  }

  /// One SARIF fix: \p Replacements grouped by file.
  json fix(const std::string &Description,
           const std::vector<Replacement> &Replacements) {
    std::map<std::string, json> ByFile;
    for (const Replacement &Rp : Replacements) {
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
    for (auto &[File, Edits] : ByFile)
      Changes.push_back({{"artifactLocation", artifactLocation(File)},
                         {"replacements", Edits}});
    return {{"description", {{"text", Description}}},
            {"artifactChanges", Changes}};
  }

  /// The finding's own fix, then each note's, marked for review: a note's
  /// fix changes what the code does (`--fix` applies it only with
  /// `--fix-notes`). "note" is the id of the note's related location.
  json fixes(const Finding &F) {
    json Fixes = json::array();
    if (!F.Fixes.empty())
      Fixes.push_back(fix("Apply the suggested fix", F.Fixes));
    for (size_t I = 0; I < F.Notes.size(); ++I) {
      if (F.Notes[I].Fixes.empty())
        continue;
      json Fix = fix("Review before applying: " + F.Notes[I].Message,
                     F.Notes[I].Fixes);
      Fix["properties"] = {{"note", I + 1}, {"reviewBeforeApplying", true}};
      Fixes.push_back(std::move(Fix));
    }
    return Fixes;
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
      if (!F.Variant.empty())
        Result["properties"] = {{"variant", F.Variant}};
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
      if (json Fixes = fixes(F); !Fixes.empty())
        Result["fixes"] = std::move(Fixes);
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
      // The compiler's messages name files by absolute path: relative to
      // the source root, as the results are, the report reads the same on
      // every machine.
      Text = withoutPrefix(Text, R.SourceRoot);
      Notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", Text}}},
           {"descriptor", {{"id", "translation-unit-failed"}}},
           {"locations",
            json::array({{{"physicalLocation",
                           {{"artifactLocation", artifactLocation(F.File)}}}}})}});
    }
    json Invocation = {
        {"executionSuccessful", R.Failures.empty() && R.ExitCode != 2},
        {"exitCode", R.ExitCode},
        {"toolExecutionNotifications", Notifications}};
    if (!R.Context.StartTime.empty())
      Invocation["startTimeUtc"] = R.Context.StartTime;
    if (!R.Context.EndTime.empty())
      Invocation["endTimeUtc"] = R.Context.EndTime;
    return Invocation;
  }
};

} // namespace

void writeSarif(const RunReport &R, llvm::raw_ostream &OS) {
  OS << jsonText(SarifWriter(R).run(), 2) << "\n";
}

} // namespace cancellint::tool
