//===--- HtmlReport.cpp - One self-contained HTML page for an audit ------===//
//
// SARIF in, one HTML file out: no network, no external fonts or scripts
// (a Content-Security-Policy forbids them), readable without JavaScript,
// printable. Every string that comes from SARIF or from a source file goes
// through escapeHtml(), and hyperlinks only ever carry http(s) URLs, so a
// source line such as `</script><img onerror=...>` shows as text. The
// script carries no data: it reads the DOM, and the policy allows it by
// hash, so no injected inline handler could run even if escaping failed.
//
// Rendering is deterministic: the same inputs give the same bytes.
//
//===----------------------------------------------------------------------===//
#include "report/html/HtmlReport.h"
#include "SourceLines.h"
#include "report/SarifOutput.h"
#include "report/html/HtmlAssets.h"
#include "report/html/HtmlEscaping.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

namespace cancellint::tool {

using nlohmann::json;

namespace {

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_'; }

//===----------------------------------------------------------------------===//
// The page
//===----------------------------------------------------------------------===//

/// A file of report/html/assets by name: "style", "script".
llvm::StringRef asset(llvm::StringRef Name) {
  for (const EmbeddedFile &F : htmlAssets())
    if (F.Name == Name)
      return F.Text;
  llvm_unreachable("not a file of report/html/assets");
}

/// The text of the page's one script element; the policy allows exactly
/// this text, by its hash.
const std::string &scriptText() {
  static const std::string Text = "\n" + asset("script").str();
  return Text;
}

/// Distinct colours for the checks, in the order of their ids.
constexpr std::array<llvm::StringLiteral, 8> Palette = {
    "#0a6bb0", "#c2410c", "#047857", "#a3367f",
    "#8a6100", "#4b5fb8", "#5f6b7a", "#0f766e"};

/// Lines shown above and below a finding's line.
constexpr unsigned ContextLines = 3;
/// Path steps in the same file at most this far away are shown in the
/// excerpt itself, marked with their numbers.
constexpr unsigned StepReach = 10;

struct Counted {
  std::string Name;
  size_t Count = 0;
};

class HtmlWriter {
public:
  HtmlWriter(const SarifResults &Data, const HtmlOptions &Options,
             llvm::raw_ostream &OS)
      : Data(Data), Options(Options), OS(OS) {
    std::map<std::string, size_t> ByCheck;
    std::map<std::string, size_t> ByDirectory;
    for (const Entry &E : Data.Entries) {
      ++ByCheck[E.Check];
      ++ByDirectory[E.directory()];
      if (E.State == "new")
        ++New;
      if (!E.Where.Shown.empty())
        Files.insert(E.Where.Shown);
      Rules.emplace(E.Check, E.Rule);
    }
    for (const auto &[Name, Count] : ByCheck) {
      CheckIndex[Name] = Checks.size();
      Checks.push_back({Name, Count});
    }
    for (const auto &[Name, Count] : ByDirectory) {
      DirectoryIndex[Name] = Directories.size();
      Directories.push_back({Name, Count});
    }
  }

  void write() {
    OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n"
       << R"(<meta http-equiv="Content-Security-Policy" content=")"
       << contentSecurityPolicy() << "\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
       << R"(<meta name="generator" content="cancellint )" << CANCELLINT_VERSION
       << "\">\n<title>" << escapeHtml(Options.Title) << "</title>\n<style>\n"
       << asset("style") << checkColours() << noScriptFilters() << "</style>\n"
       << "</head>\n<body>\n<main>\n";
    writeHeader();
    writeSummary();
    writeFindings();
    OS << "<footer class=\"page\">Rendered by cancellint " << CANCELLINT_VERSION
       << ". Source excerpts were read when the report was rendered.</footer>\n"
       << "</main>\n<script>" << scriptText()
       << "</script>\n</body>\n</html>\n";
  }

private:
  const SarifResults &Data;
  const HtmlOptions &Options;
  llvm::raw_ostream &OS;
  SourceLines Sources;
  std::vector<Counted> Checks;      ///< sorted by id
  std::vector<Counted> Directories; ///< sorted by name
  std::map<std::string, size_t> CheckIndex;
  std::map<std::string, size_t> DirectoryIndex;
  std::map<std::string, RuleInfo> Rules;
  std::set<std::string> Files;
  size_t New = 0;

  /// Nothing is loaded from anywhere; the one script runs by its hash.
  static std::string contentSecurityPolicy() {
    const llvm::StringRef Text(scriptText());
    const std::array<uint8_t, 32> Hash =
        llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
            reinterpret_cast<const uint8_t *>(Text.data()), Text.size()));
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           "script-src 'sha256-" +
           llvm::encodeBase64(Hash) + "'; base-uri 'none'; form-action 'none'";
  }

  std::string checkColours() const {
    std::string Css;
    for (size_t I = 0; I < Checks.size(); ++I)
      Css += ".k" + std::to_string(I) +
             "{--k:" + Palette[I % Palette.size()].str() + "}\n";
    return Css;
  }

  /// Without JavaScript the filters still work, in CSS: an unchecked box
  /// hides the findings it stands for. The script takes over when it runs.
  std::string noScriptFilters() const {
    std::string Css;
    auto Rule = [&](const std::string &Box, const std::string &Attribute) {
      Css += "html:not(.js) body:has(#" + Box + ":not(:checked)) .finding[" +
             Attribute + "]{display:none}\n";
    };
    for (size_t I = 0; I < Checks.size(); ++I)
      Rule("f-c-" + std::to_string(I), "data-c=\"" + std::to_string(I) + "\"");
    for (size_t I = 0; I < Directories.size(); ++I)
      Rule("f-d-" + std::to_string(I), "data-d=\"" + std::to_string(I) + "\"");
    if (Data.HasBaseline)
      for (const char *S : {"new", "known"})
        Rule(std::string("f-s-") + S, std::string("data-s=\"") + S + "\"");
    return Css;
  }

  void writeHeader() {
    OS << "<header>\n<h1>" << escapeHtml(Options.Title) << "</h1>\n";
    if (!Data.Tools.empty()) {
      OS << "<p class=\"meta\">Analysed by ";
      writeList(Data.Tools);
      OS << "</p>\n";
    }
    if (!Data.InputNames.empty()) {
      OS << "<p class=\"meta\">From ";
      writeList(Data.InputNames);
      OS << "</p>\n";
    }
    if (!Data.SourceRoots.empty()) {
      OS << "<p class=\"meta\">Sources in ";
      writeList(Data.SourceRoots);
      OS << "</p>\n";
    }
    OS << "</header>\n";
  }

  template <typename Range> void writeList(const Range &Items) {
    bool First = true;
    for (const std::string &Item : Items) {
      OS << (First ? "" : ", ") << "<span class=\"mono\">" << escapeHtml(Item)
         << "</span>";
      First = false;
    }
  }

  /// A number with what it counts; the details (each with its own
  /// data-stat) go in a smaller line below.
  void tile(const char *Stat, const std::string &Value, const char *Label,
            const std::string &Details = "", bool Bad = false) {
    OS << "<div class=\"tile" << (Bad ? " bad" : "") << "\" data-stat=\""
       << Stat << R"("><span class="value">)" << escapeHtml(Value)
       << "</span><span class=\"label\">" << Label << "</span>";
    if (!Details.empty())
      OS << "<span class=\"sub\">" << Details << "</span>";
    OS << "</div>\n";
  }

  static std::string detail(const char *Stat, size_t Value, const char *Label,
                            bool Bad = false) {
    return std::string("<span data-stat=\"") + Stat + "\"" +
           (Bad ? " class=\"bad\"" : "") + "><span class=\"value\">" +
           std::to_string(Value) + "</span> " + Label + "</span>";
  }

  void writeSummary() {
    OS << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
       << "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"tiles\">\n";
    const size_t Total = Data.Entries.size();
    std::string Details;
    if (Data.HasBaseline)
      Details = detail("new", New, "new", New != 0) + ", " +
                detail("known", Total - New, "known") + ", " +
                detail("absent", Data.Absent, "fixed") + " since the baseline";
    if (Data.Suppressed)
      Details += (Details.empty() ? "" : "; ") +
                 detail("suppressed", Data.Suppressed, "suppressed");
    tile("findings", std::to_string(Total), Total == 1 ? "finding" : "findings",
         Details);
    tile("checks", std::to_string(Checks.size()),
         Checks.size() == 1 ? "check with findings" : "checks with findings");
    tile("files", std::to_string(Files.size()),
         Files.size() == 1 ? "file with findings" : "files with findings");
    const size_t Failed = failedUnits();
    const std::string FailedDetail =
        detail("failed", Failed, "not fully analysed", Failed != 0);
    if (Data.TranslationUnits)
      tile("analysed",
           std::to_string(*Data.TranslationUnits -
                          std::min(Failed, *Data.TranslationUnits)) +
               " / " + std::to_string(*Data.TranslationUnits),
           "translation units fully analysed", FailedDetail, Failed != 0);
    else
      tile("analysed", "?", "translation units (not recorded in the SARIF)",
           FailedDetail, Failed != 0);
    OS << "</div>\n";

    if (!Data.Entries.empty()) {
      OS << "<div class=\"charts\">\n";
      writeChart("checks", "Findings per check", "c", Checks,
                 /*Coloured=*/true);
      writeChart("directories", "Findings per directory", "d", Directories,
                 /*Coloured=*/false);
      OS << "</div>\n";
    }
    writeFailures();
    if (!Data.Models.empty()) {
      OS << R"(<div class="box" id="models"><h3>Models used</h3>)";
      writeList(Data.Models);
      OS << "</div>\n";
    }
    OS << "</section>\n";
  }

  /// "src/", and "./" for the top: clearly directories, not files.
  static std::string directoryLabel(const std::string &Directory) {
    return Directory == "." ? "./" : Directory + "/";
  }

  size_t failedUnits() const {
    std::set<std::string> Names;
    for (const FailedUnit &F : Data.Failures)
      Names.insert(F.File.empty() ? F.Reason : F.File);
    return Names.size();
  }

  /// A small bar chart: a table with one inline SVG bar per row, so it
  /// needs no script and prints as drawn.
  void writeChart(const char *Id, const char *Caption, const char *Group,
                  const std::vector<Counted> &Rows, bool Coloured) {
    size_t Max = 1;
    for (const Counted &R : Rows)
      Max = std::max(Max, R.Count);
    OS << R"(<table class="chart" id="chart-)" << Id << "\">\n<caption>"
       << Caption << "</caption>\n<tbody>\n";
    for (size_t I = 0; I < Rows.size(); ++I) {
      const Counted &R = Rows[I];
      // The bar's length in percent of the longest, to one decimal.
      const size_t Tenths = (R.Count * 1000 + Max / 2) / Max;
      const std::string Width =
          std::to_string(Tenths / 10) + "." + std::to_string(Tenths % 10);
      const llvm::StringRef Colour =
          Coloured ? llvm::StringRef(Palette[I % Palette.size()]) : "#5b7fa6";
      OS << "<tr data-key=\"" << escapeHtml(R.Name) << R"("><th scope="row")";
      if (Coloured)
        if (const std::string &Short = Rules.at(R.Name).Short; !Short.empty())
          OS << " title=\"" << escapeHtml(Short) << "\"";
      OS << ">";
      if (Coloured)
        OS << "<span class=\"sw k" << I << "\"></span>";
      OS << R"(<a class="mono" href="#findings" data-only=")" << Group
         << "\" data-value=\"" << I << "\">"
         << escapeHtml(Coloured ? R.Name : directoryLabel(R.Name))
         << "</a></th><td><svg viewBox=\"0 0 100 10\" "
            "preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect "
            "class=\"bar-bg\" width=\"100\" height=\"10\"/><rect width=\""
         << Width << R"(" height="10" fill=")" << Colour
         << R"("/></svg></td><td class="num">)" << R.Count << "</td></tr>\n";
    }
    OS << "</tbody></table>\n";
  }

  void writeFailures() {
    if (Data.Failures.empty())
      return;
    OS << "<div class=\"box\" id=\"failures\"><h3>Translation units not fully "
          "analysed</h3>\n<p class=\"meta\">Findings in them may be missing."
          "</p>\n<ul>\n";
    for (const FailedUnit &F : Data.Failures) {
      OS << "<li><span class=\"mono\">" << escapeHtml(F.File) << "</span>"
         << (F.File.empty() ? "" : ": ") << escapeHtml(F.Reason);
      if (!F.Details.empty())
        OS << "<details><summary>details</summary><pre>"
           << escapeHtml(F.Details) << "</pre></details>";
      OS << "</li>\n";
    }
    OS << "</ul></div>\n";
  }

  void checkbox(const char *Group, const std::string &Value,
                const std::string &Label, size_t Count,
                const std::string &Swatch = "") {
    const std::string Id = std::string("f-") + Group + "-" + Value;
    OS << "<label for=\"" << Id << R"("><input type="checkbox" id=")" << Id
       << "\" name=\"" << Group << "\" value=\"" << Value << "\" checked>";
    if (!Swatch.empty())
      OS << "<span class=\"sw " << Swatch << "\"></span>";
    OS << "<span class=\"mono\">" << escapeHtml(Label) << "</span><span "
       << "class=\"n\">" << Count << "</span></label>\n";
  }

  void groupButtons(const char *Group) {
    OS << R"(<button type="button" class="js-only" data-group=")" << Group
       << "\" data-set=\"all\">all</button><button type=\"button\" "
          "class=\"js-only\" data-group=\""
       << Group << R"(" data-set="none">none</button>)";
  }

  void writeFilters() {
    OS << "<div class=\"box\" id=\"filters\" role=\"group\" "
          "aria-label=\"Filters\">\n<div class=\"filters\">\n"
       << "<fieldset><legend>Check";
    groupButtons("c");
    OS << "</legend><div class=\"opts\">\n";
    for (size_t I = 0; I < Checks.size(); ++I)
      checkbox("c", std::to_string(I), Checks[I].Name, Checks[I].Count,
               "k" + std::to_string(I));
    OS << "</div></fieldset>\n<fieldset><legend>Directory";
    groupButtons("d");
    OS << "</legend><div class=\"opts\">\n";
    for (size_t I = 0; I < Directories.size(); ++I)
      checkbox("d", std::to_string(I), directoryLabel(Directories[I].Name),
               Directories[I].Count);
    OS << "</div></fieldset>\n";
    if (Data.HasBaseline) {
      OS << "<fieldset><legend>Baseline</legend><div class=\"opts\">\n";
      checkbox("s", "new", "new", New);
      checkbox("s", "known", "known", Data.Entries.size() - New);
      OS << "</div></fieldset>\n";
    }
    OS << "</div>\n<p class=\"shown js-only\" aria-live=\"polite\">Showing "
          "<b id=\"shown\">"
       << Data.Entries.size() << "</b> of " << Data.Entries.size()
       << " findings. <button type=\"button\" id=\"reset\">show all</button>"
          "</p>\n</div>\n";
  }

  void writeFindings() {
    OS << "<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
       << "<h2 id=\"findings-h\">Findings</h2>\n";
    if (Data.Entries.empty()) {
      OS << "<p class=\"empty\">No findings.</p>\n</section>\n";
      return;
    }
    writeFilters();
    OS << "<p id=\"none-shown\" class=\"empty\" hidden>No finding matches the "
          "filters.</p>\n";
    for (size_t I = 0; I < Data.Entries.size(); ++I)
      writeEntry(Data.Entries[I], I + 1);
    OS << "</section>\n";
  }

  void writeEntry(const Entry &E, size_t Number) {
    const size_t Check = CheckIndex.at(E.Check);
    const bool Error = E.Level == "error";
    OS << "<article class=\"finding" << (Error ? " error" : "") << "\" id=\"f"
       << Number << "\" data-c=\"" << Check << "\" data-d=\""
       << DirectoryIndex.at(E.directory()) << "\"";
    if (!E.State.empty())
      OS << " data-s=\"" << E.State << "\"";
    OS << " data-line=\"" << E.Where.Line << "\">\n<header><a class=\"idx\" "
       << "href=\"#f" << Number << "\">#" << Number << "</a>"
       << "<span class=\"level\">" << escapeHtml(E.Level) << "</span>"
       << "<span class=\"check k" << Check << "\">" << escapeHtml(E.Check)
       << "</span><span class=\"loc\">" << escapeHtml(E.Where.label())
       << "</span>";
    if (!E.State.empty())
      OS << "<span class=\"badge " << E.State << "\">" << E.State << "</span>";
    OS << "</header>\n<p class=\"msg\">" << escapeHtml(E.Message) << "</p>\n";
    const std::set<size_t> Marked = writeExcerpt(E);
    writePath(E, Marked);
    writeFix(E);
    OS << "</article>\n";
  }

  /// Why the source line of \p P cannot be shown ("" when there is nothing
  /// to say); nullopt when it can.
  std::optional<std::string> unavailable(const Place &P) {
    if (!P.Line)
      return std::string(P.Shown.empty() ? "No source location." : "");
    if (P.Path.empty())
      return "Source not available: '" + P.Shown + "' is not a local file.";
    if (const std::string Error = Sources.readError(P.Path); !Error.empty())
      return "Source not available: cannot read '" + P.Path + "' (" + Error +
             ").";
    if (const unsigned Count = Sources.lineCount(P.Path); P.Line > Count)
      return "Source not available: '" + P.Path + "' has no line " +
             std::to_string(P.Line) + " (it has " + std::to_string(Count) +
             "); it changed since the analysis.";
    return std::nullopt;
  }

  /// The primary line, with the finding's columns marked.
  std::string markedLine(const Place &P, llvm::StringRef Text) {
    const size_t Begin = byteOffsetOfColumn(Text, P.Column, P.CodePoints);
    size_t End = Begin;
    if (P.EndLine == P.Line && P.EndColumn > P.Column)
      End = byteOffsetOfColumn(Text, P.EndColumn, P.CodePoints);
    else if (Begin < Text.size() && isIdentifierByte(Text[Begin]))
      while (End < Text.size() && isIdentifierByte(Text[End]))
        ++End;
    else if (Begin < Text.size())
      End =
          std::min(Text.size(),
                   Begin + std::max(1u, llvm::getNumBytesForUTF8(Text[Begin])));
    if (End <= Begin)
      return escapeHtml(Text);
    return escapeHtml(Text.take_front(Begin)) + "<mark>" +
           escapeHtml(Text.slice(Begin, End)) + "</mark>" +
           escapeHtml(Text.drop_front(End));
  }

  /// One source line; \p Markers: the numbers of the path steps on it,
  /// in a gutter that excerpts have and single step lines do not.
  void writeLine(unsigned Number, const std::string &Html, bool Highlight,
                 const std::vector<size_t> *Markers) {
    OS << "<div class=\"l" << (Highlight ? " hl" : "") << "\" data-ln=\""
       << Number << "\">";
    if (Markers) {
      OS << "<span class=\"g\">";
      for (const size_t M : *Markers)
        OS << "<span class=\"mk\">" << M << "</span>";
      OS << "</span>";
    }
    OS << Html << "</div>";
  }

  /// The finding's line and a few around it. Returns the numbers of the
  /// path steps that are marked in it.
  std::set<size_t> writeExcerpt(const Entry &E) {
    const Place &P = E.Where;
    std::set<size_t> Marked;
    if (const std::optional<std::string> Why = unavailable(P)) {
      if (!Why->empty())
        OS << "<p class=\"nosrc\">" << escapeHtml(*Why) << "</p>\n";
      if (P.Line && !P.Snippet.empty()) {
        OS << "<div class=\"src\">";
        const std::vector<size_t> NoMarkers;
        writeLine(P.Line, escapeHtml(llvm::StringRef(P.Snippet).rtrim("\r\n")),
                  true, &NoMarkers);
        OS << "</div>\n";
      }
      return Marked;
    }
    // Steps in this file near the finding are marked in the excerpt.
    std::map<unsigned, std::vector<size_t>> Markers;
    unsigned Low = P.Line > ContextLines ? P.Line - ContextLines : 1;
    unsigned High = P.Line + ContextLines;
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
    High = std::min(High, Sources.lineCount(P.Path));
    OS << "<div class=\"src\">";
    for (unsigned L = Low; L <= High; ++L) {
      const llvm::StringRef Text = Sources.line(P.Path, L);
      writeLine(L, L == P.Line ? markedLine(P, Text) : escapeHtml(Text),
                L == P.Line, &Markers[L]);
    }
    OS << "</div>\n";
    return Marked;
  }

  /// A path step or note; its line too, unless the excerpt shows it.
  void writeStep(const Step &S, bool InExcerpt) {
    OS << "<li><span class=\"loc\">" << escapeHtml(S.Where.label())
       << "</span> " << escapeHtml(S.Message);
    if (!InExcerpt && !unavailable(S.Where)) {
      OS << "<div class=\"src\">";
      writeLine(S.Where.Line,
                escapeHtml(Sources.line(S.Where.Path, S.Where.Line)), false,
                nullptr);
      OS << "</div>";
    }
    OS << "</li>\n";
  }

  void writePath(const Entry &E, const std::set<size_t> &Marked) {
    for (size_t F = 0; F < E.Flows.size(); ++F) {
      OS << "<div class=\"path\"><h3>Path";
      if (E.Flows.size() > 1)
        OS << " " << F + 1 << " of " << E.Flows.size();
      OS << "</h3><ol>\n";
      for (size_t I = 0; I < E.Flows[F].size(); ++I)
        writeStep(E.Flows[F][I], E.Flows.size() == 1 && Marked.count(I + 1));
      OS << "</ol></div>\n";
    }
    if (!E.Notes.empty()) {
      OS << "<div class=\"path\"><h3>Notes</h3><ul>\n";
      for (const Step &S : E.Notes)
        writeStep(S, /*InExcerpt=*/false);
      OS << "</ul></div>\n";
    }
  }

  void writeFix(const Entry &E) {
    OS << "<div class=\"fix\">";
    if (auto Link = safeLink(E.Rule.HelpUri))
      OS << R"(<span><a class="doc" href=")" << *Link
         << R"(" rel="noopener noreferrer">)" << escapeHtml(E.Check)
         << " documentation</a>"
         << (E.Rule.Short.empty() ? "" : ": " + escapeHtml(E.Rule.Short))
         << "</span>";
    OS << "<span>Suppress with <code class=\"nolint\">// NOLINT("
       << escapeHtml(E.Check) << ")</code>";
    if (E.Where.Line)
      OS << " at the end of line " << E.Where.Line;
    OS << "</span></div>\n";
  }
};

} // namespace

std::string writeHtmlReport(const std::vector<SarifDocument> &Inputs,
                            const HtmlOptions &Options, llvm::raw_ostream &OS) {
  SarifResults Data;
  if (std::string Error = readSarifResults(Inputs, Options.SourceRoot, Data);
      !Error.empty())
    return Error;
  HtmlWriter(Data, Options, OS).write();
  return "";
}

void writeHtml(const RunReport &Report, llvm::raw_ostream &OS) {
  std::string Sarif;
  llvm::raw_string_ostream SarifOS(Sarif);
  writeSarif(Report, SarifOS);
  SarifOS.flush();
  const std::vector<SarifDocument> Inputs{
      {"", json::parse(Sarif, nullptr, /*allow_exceptions=*/false)}};
  (void)writeHtmlReport(Inputs, HtmlOptions(), OS);
}

} // namespace cancellint::tool
