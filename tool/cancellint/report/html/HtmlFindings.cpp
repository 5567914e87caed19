//===--- HtmlFindings.cpp - The HTML page's findings ---------------------===//
//
// Thousands of findings do not fit in a page as markup: each would carry
// its excerpt, path and fix as HTML, megabytes that the browser lays out
// before anyone reads them. The findings are data instead, one JSON block
// the script reads (never executes); it filters, groups and shows a page
// at a time. The data is compact: a source line that several findings
// show is stored once, files and checks are numbers.
//
// Columns: SARIF counts them in UTF-16 units (cancellint) or code points;
// the page shows them as the compiler does, in bytes of UTF-8, and marks
// whole expressions with offsets into the line as the script sees it.
//
//===----------------------------------------------------------------------===//
#include "report/html/HtmlFindings.h"
#include "SourceLines.h"
#include "report/html/HtmlEscaping.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cancellint::tool {

using nlohmann::json;

namespace {

/// Lines shown above and below a finding's line.
constexpr unsigned ContextLines = 2;
/// Path steps in the same file at most this far away are shown in the
/// excerpt itself, marked with their numbers.
constexpr unsigned StepReach = 10;
/// A multi-line marked expression is shown to this many lines at most.
constexpr unsigned MaxMarkedLines = 6;

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The UTF-16 units of valid UTF-8 \p Text: offsets as the script counts.
size_t utf16Units(llvm::StringRef Text) {
  size_t Units = 0;
  for (const char C : Text) {
    const auto Byte = static_cast<unsigned char>(C);
    if ((Byte & 0xC0) == 0x80)
      continue; // a continuation byte
    Units += Byte >= 0xF0 ? 2 : 1;
  }
  return Units;
}

class FindingsData {
public:
  FindingsData(const SarifResults &Data, const PageIndex &Index)
      : Data(Data), Index(Index), Sources(Index.Files.size()) {}

  json build() {
    json Checks = json::array();
    for (const Counted &C : Index.Checks) {
      const RuleInfo &Rule = Index.Rules.at(C.Name);
      json Check = {{"id", cleanText(C.Name)},
                    {"k", checkColourClass(C.Name)},
                    {"n", C.Count}};
      if (!Rule.Short.empty())
        Check["short"] = cleanText(Rule.Short);
      // Only web and local links: a SARIF file could carry `javascript:`.
      if (safeLink(Rule.HelpUri))
        Check["help"] = cleanText(Rule.HelpUri);
      Checks.push_back(std::move(Check));
    }
    json Modules = json::array();
    for (const Counted &M : Index.Modules)
      Modules.push_back(cleanText(M.Name));
    json Files = json::array();
    Files.get_ref<json::array_t &>().reserve(Index.Files.size());
    for (size_t I = 0; I < Index.Files.size(); ++I)
      Files.push_back(
          {{"p", cleanText(Index.Files[I].Name)}, {"m", Index.FileModule[I]}});
    json Findings = json::array();
    for (const Entry &E : Data.Entries)
      Findings.push_back(finding(E));
    for (const std::string &Name : OtherFileNames)
      Files.push_back({{"p", cleanText(Name)}});
    json Src = json::array();
    for (const auto &Lines : Sources) {
      json ByLine = json::object();
      for (const auto &[Number, Text] : Lines)
        ByLine[std::to_string(Number)] = Text;
      Src.push_back(std::move(ByLine));
    }
    return {{"checks", Checks},   {"modules", Modules},
            {"files", Files},     {"src", Src},
            {"baseline", Data.HasBaseline}, {"findings", Findings}};
  }

private:
  const SarifResults &Data;
  const PageIndex &Index;
  SourceLines Lines;
  /// By file index: the lines the page shows, cleaned.
  std::vector<std::map<unsigned, std::string>> Sources;
  std::map<std::string, size_t> OtherFiles;
  std::vector<std::string> OtherFileNames;

  /// Why the source line of \p P cannot be shown ("" when there is nothing
  /// to say); nullopt when it can.
  std::optional<std::string> unavailable(const Place &P) {
    if (!P.Line)
      return std::string(P.Shown.empty() ? "No source location." : "");
    if (P.Path.empty())
      return "Source not available: '" + P.Shown + "' is not a local file.";
    if (const std::string Error = Lines.readError(P.Path); !Error.empty())
      return "Source not available: cannot read '" + P.Path + "' (" + Error +
             ").";
    if (const unsigned Count = Lines.lineCount(P.Path); P.Line > Count)
      return "Source not available: '" + P.Path + "' has no line " +
             std::to_string(P.Line) + " (it has " + std::to_string(Count) +
             "); it changed since the analysis.";
    return std::nullopt;
  }

  /// The index of \p P's file in the page's files: those with findings
  /// (PageIndex), then those that only steps and notes are in.
  size_t fileOf(const Place &P) {
    if (auto It = Index.FileIndex.find(P.Shown); It != Index.FileIndex.end())
      return It->second;
    auto [It, Added] = OtherFiles.emplace(
        P.Shown, Index.Files.size() + OtherFiles.size());
    if (Added) {
      OtherFileNames.push_back(P.Shown);
      Sources.emplace_back();
    }
    return It->second;
  }

  /// Keeps line \p Number of \p P's file for the page.
  void keep(const Place &P, unsigned Number) {
    std::map<unsigned, std::string> &Kept = Sources[fileOf(P)];
    if (!Kept.count(Number))
      Kept[Number] = cleanText(Lines.line(P.Path, Number));
  }

  /// Where \p P points, in bytes as the compiler counts columns, when
  /// the line is known; else as the SARIF counts.
  unsigned byteColumnOf(const Place &P) {
    const unsigned Column = P.PointColumn ? P.PointColumn : P.Column;
    if (!Column || unavailable(P))
      return Column;
    return byteOffsetOfColumn(Lines.line(P.Path, P.Line), Column,
                              P.CodePoints) +
           1;
  }

  /// The marked part of each line of \p P's expression: [line, from, to]
  /// in UTF-16 units of the line's cleaned text.
  json marks(const Place &P) {
    json Out = json::array();
    const unsigned Last =
        std::min(std::max(P.EndLine, P.Line), P.Line + MaxMarkedLines - 1);
    for (unsigned L = P.Line; L <= Last; ++L) {
      const llvm::StringRef Text = Lines.line(P.Path, L);
      size_t Begin = L == P.Line
                         ? byteOffsetOfColumn(Text, P.Column, P.CodePoints)
                         : Text.size() - Text.ltrim().size();
      size_t End = Text.rtrim().size();
      if (L == P.EndLine && P.EndColumn)
        End = byteOffsetOfColumn(Text, P.EndColumn, P.CodePoints);
      else if (P.EndLine == P.Line) {
        // No end: the identifier, or the one character, at the place.
        End = Begin;
        if (Begin < Text.size() && isIdentifierByte(Text[Begin]))
          while (End < Text.size() && isIdentifierByte(Text[End]))
            ++End;
        else if (Begin < Text.size())
          End = std::min(Text.size(),
                         Begin + std::max(1u, llvm::getNumBytesForUTF8(
                                                  Text[Begin])));
      }
      if (End <= Begin)
        continue;
      const size_t From = utf16Units(cleanText(Text.take_front(Begin)));
      Out.push_back({L, From,
                     From + utf16Units(cleanText(Text.slice(Begin, End)))});
    }
    return Out;
  }

  json step(const Step &S, bool InExcerpt) {
    json J = {{"m", cleanText(S.Message)}};
    if (!S.Where.Shown.empty())
      J["f"] = fileOf(S.Where);
    if (S.Where.Line) {
      J["l"] = S.Where.Line;
      J["k"] = byteColumnOf(S.Where);
    }
    if (InExcerpt)
      J["i"] = 1;
    else if (!unavailable(S.Where))
      keep(S.Where, S.Where.Line);
    return J;
  }

  /// One fix as diff hunks: the lines it changes, before and after.
  json fix(const FixInfo &F) {
    json Edits = json::array();
    for (const Edit &E : F.Edits) {
      const Place &P = E.Where;
      json J = {{"t", cleanText(P.Shown)}, {"l", P.Line}};
      if (P.Line && !unavailable(P) && P.EndLine >= P.Line &&
          P.EndLine <= Lines.lineCount(P.Path)) {
        const llvm::StringRef First = Lines.line(P.Path, P.Line);
        const llvm::StringRef LastLine = Lines.line(P.Path, P.EndLine);
        const size_t Begin =
            byteOffsetOfColumn(First, std::max(1u, P.Column), P.CodePoints);
        const size_t End = byteOffsetOfColumn(
            LastLine, std::max(1u, P.EndColumn), P.CodePoints);
        json Old = json::array();
        for (unsigned L = P.Line; L <= P.EndLine; ++L)
          Old.push_back(cleanText(Lines.line(P.Path, L)));
        const std::string After =
            (First.take_front(Begin) + E.Inserted + LastLine.drop_front(End))
                .str();
        // The changed lines as they read after the fix (an emptied line
        // stays, empty).
        json New = json::array();
        llvm::SmallVector<llvm::StringRef> Split;
        llvm::StringRef(After).split(Split, '\n');
        for (const llvm::StringRef S : Split)
          New.push_back(cleanText(S));
        J["o"] = std::move(Old);
        J["a"] = std::move(New);
      } else {
        J["a"] = json::array({cleanText(E.Inserted)});
      }
      Edits.push_back(std::move(J));
    }
    json J = {{"d", cleanText(F.Description)}, {"e", Edits}};
    if (F.ReviewBeforeApplying)
      J["r"] = 1;
    return J;
  }

  json finding(const Entry &E) {
    const Place &P = E.Where;
    json J = {{"c", Index.CheckIndex.at(E.Check)},
              {"f", Index.FileIndex.at(P.Shown)},
              {"v", cleanText(E.Level)},
              {"m", cleanText(E.Message)}};
    if (P.Line) {
      J["l"] = P.Line;
      J["k"] = byteColumnOf(P);
    }
    if (!E.State.empty())
      J["s"] = E.State;
    std::set<size_t> Marked;
    if (const std::optional<std::string> Why = unavailable(P)) {
      if (!Why->empty())
        J["u"] = cleanText(*Why);
      if (P.Line && !P.Snippet.empty()) {
        // The SARIF's own copy of the line, unmarked.
        Sources[fileOf(P)].emplace(
            P.Line, cleanText(llvm::StringRef(P.Snippet).rtrim("\r\n")));
        J["x"] = {P.Line, P.Line};
      }
    } else {
      // Steps in this file near the finding are marked in the excerpt.
      std::map<unsigned, std::vector<size_t>> Markers;
      unsigned Low = P.Line > ContextLines ? P.Line - ContextLines : 1;
      unsigned High = std::min(std::max(P.Line, P.EndLine),
                               P.Line + MaxMarkedLines - 1) +
                      ContextLines;
      if (E.Flows.size() == 1)
        for (size_t I = 0; I < E.Flows[0].size(); ++I) {
          const Place &S = E.Flows[0][I].Where;
          if (S.Path != P.Path || !S.Line ||
              (S.Line > P.Line ? S.Line - P.Line : P.Line - S.Line) > StepReach)
            continue;
          Markers[S.Line].push_back(I + 1);
          Marked.insert(I + 1);
          Low = std::min(Low, S.Line > 1 ? S.Line - 1 : 1);
          High = std::max(High, S.Line + 1);
        }
      High = std::min(High, Lines.lineCount(P.Path));
      for (unsigned L = Low; L <= High; ++L)
        keep(P, L);
      J["x"] = {Low, High};
      J["h"] = marks(P);
      if (!Markers.empty()) {
        json G = json::object();
        for (const auto &[Line, Steps] : Markers)
          G[std::to_string(Line)] = Steps;
        J["g"] = std::move(G);
      }
    }
    if (!E.Flows.empty()) {
      json Flows = json::array();
      for (const std::vector<Step> &Flow : E.Flows) {
        json Steps = json::array();
        for (size_t I = 0; I < Flow.size(); ++I)
          Steps.push_back(
              step(Flow[I], E.Flows.size() == 1 && Marked.count(I + 1)));
        Flows.push_back(std::move(Steps));
      }
      J["p"] = std::move(Flows);
    }
    if (!E.Notes.empty()) {
      json Notes = json::array();
      for (const Step &S : E.Notes)
        Notes.push_back(step(S, /*InExcerpt=*/false));
      J["n"] = std::move(Notes);
    }
    if (!E.Fixes.empty()) {
      json Fixes = json::array();
      for (const FixInfo &F : E.Fixes)
        Fixes.push_back(fix(F));
      J["fx"] = std::move(Fixes);
    }
    return J;
  }
};

void writeFilters(const SarifResults &Data, const PageIndex &Index,
                  llvm::raw_ostream &OS) {
  OS << "<div class=\"box js-only\" id=\"filters\" role=\"search\" "
        "aria-label=\"Filters\">\n<div class=\"filters\">\n"
     << "<label>Search <input type=\"search\" id=\"q\" "
        "placeholder=\"message, file or check\" autocomplete=\"off\"></label>\n"
     << "<label>File <input type=\"search\" id=\"qf\" "
        "placeholder=\"path contains\" autocomplete=\"off\"></label>\n"
     << "<label>Check <select id=\"fc\"><option value=\"\">all checks"
        "</option>";
  for (size_t I = 0; I < Index.Checks.size(); ++I)
    OS << "<option value=\"" << I << "\">" << escapeHtml(Index.Checks[I].Name)
       << " (" << Index.Checks[I].Count << ")</option>";
  OS << "</select></label>\n<label>Directory <select id=\"fm\"><option "
        "value=\"\">all directories</option>";
  for (size_t I = 0; I < Index.Modules.size(); ++I)
    OS << "<option value=\"" << I << "\">" << escapeHtml(Index.Modules[I].Name)
       << " (" << Index.Modules[I].Count << ")</option>";
  OS << "</select></label>\n";
  if (Data.HasBaseline)
    OS << "<label>Baseline <select id=\"fs\"><option value=\"\">new and "
          "known</option><option value=\"new\">new ("
       << Index.New << ")</option><option value=\"known\">known ("
       << Data.Entries.size() - Index.New << ")</option></select></label>\n";
  OS << "</div>\n<p class=\"shown\" aria-live=\"polite\">Showing <b "
        "id=\"shown\">"
     << Data.Entries.size() << "</b> of " << Data.Entries.size()
     << " findings. <button type=\"button\" id=\"reset\">show all</button>"
        "</p>\n</div>\n";
}

} // namespace

void writeHtmlFindings(const SarifResults &Data, const PageIndex &Index,
                       llvm::raw_ostream &OS) {
  OS << "<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
     << "<h2 id=\"findings-h\">Findings</h2>\n";
  if (Data.Entries.empty()) {
    OS << "<p class=\"empty\">No findings.</p>\n</section>\n";
    return;
  }
  writeFilters(Data, Index, OS);
  OS << "<noscript><p class=\"empty\">The list of findings is shown with "
        "JavaScript. The overview above counts every one of them; the SARIF "
        "file lists them for other viewers.</p></noscript>\n"
     << "<p id=\"none-shown\" class=\"empty\" hidden>No finding matches the "
        "filters.</p>\n<div id=\"list\"></div>\n"
     << R"(<script type="application/json" id="report-data">)"
     << jsonForScript(FindingsData(Data, Index).build()) << "</script>\n"
     << "</section>\n";
}

} // namespace cancellint::tool
