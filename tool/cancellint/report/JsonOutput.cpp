//===--- JsonOutput.cpp - cancellint's own JSON --------------------------===//
//
// The format is documented in docs/json.md. Paths are relative to the
// working directory, as in the text output; every place has its end.
//
//===----------------------------------------------------------------------===//
#include "Files.h"
#include "JsonText.h"
#include "Version.h"
#include "report/OutputFormats.h"

namespace cancellint::tool {

using nlohmann::json;

namespace {

class JsonWriter {
public:
  explicit JsonWriter(const RunReport &R) : R(R) {}

  json document() {
    json Findings = json::array();
    for (const Finding &F : R.Findings)
      Findings.push_back(finding(F));
    json Failures = json::array();
    for (const Failure &F : R.Failures)
      Failures.push_back({{"file", path(F.File)},
                          {"reason", F.Reason},
                          {"details", F.Details}});
    return {{"tool", "cancellint"},
            {"version", version()},
            {"translationUnits", R.TranslationUnits},
            {"files", R.Files},
            {"skippedCompileCommands", R.SkippedCommands},
            {"findings", Findings},
            {"failures", Failures},
            {"exitCode", R.ExitCode}};
  }

private:
  const RunReport &R;

  std::string path(const std::string &File) {
    return relativeTo(File, R.WorkingDirectory);
  }

  /// Where a diagnostic points (line, column: as the text output says)
  /// and what it marks (line, startColumn to endLine, endColumn: the whole
  /// expression or declarator). Columns count bytes, as the compiler's do;
  /// an end on a later line is known by its line only (endColumn 0).
  json location(const Location &L) {
    bool HasEnd = L.EndLine > L.Line ||
                  (L.EndLine == L.Line && L.EndColumn > L.Column);
    return {{"file", path(L.File)},
            {"offset", L.Offset},
            {"line", L.Line},
            {"column", L.Column},
            {"startColumn", L.RangeColumn ? L.RangeColumn : L.Column},
            {"endLine", HasEnd ? L.EndLine : L.Line},
            {"endColumn", !HasEnd               ? L.Column + 1
                          : L.EndLine == L.Line ? L.EndColumn
                                                : 0}};
  }

  json fixes(const std::vector<Replacement> &Fixes) {
    json Out = json::array();
    for (const Replacement &Rp : Fixes)
      Out.push_back({{"file", path(Rp.File)},
                     {"offset", Rp.Offset},
                     {"length", Rp.Length},
                     {"line", Rp.Start.Line},
                     {"column", Rp.Start.Column},
                     {"endLine", Rp.End.Line},
                     {"endColumn", Rp.End.Column},
                     {"text", Rp.Text}});
    return Out;
  }

  json finding(const Finding &F) {
    json Notes = json::array();
    for (const Note &N : F.Notes) {
      json J = {{"message", N.Message}, {"location", location(N.Where)}};
      if (!N.Fixes.empty()) {
        J["fixes"] = fixes(N.Fixes);
        J["reviewBeforeApplying"] = true;
      }
      Notes.push_back(std::move(J));
    }
    json J = {{"check", F.Check},
              {"level", F.Level},
              {"message", F.Message},
              {"location", location(F.Where)},
              {"notes", Notes},
              {"fixes", fixes(F.Fixes)},
              {"fingerprint", F.Fingerprint}};
    if (!F.Variant.empty())
      J["variant"] = F.Variant;
    if (F.BaselineState != Finding::Baseline::None)
      J["baselineState"] =
          F.BaselineState == Finding::Baseline::New ? "new" : "unchanged";
    return J;
  }
};

} // namespace

void writeJson(const RunReport &R, llvm::raw_ostream &OS) {
  OS << jsonText(JsonWriter(R).document(), 2) << "\n";
}

} // namespace cancellint::tool
