//===--- HtmlFindings.cpp - The HTML page's findings ---------------------===//
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

namespace {

/// Lines shown above and below a finding's line.
constexpr unsigned ContextLines = 3;
/// Path steps in the same file at most this far away are shown in the
/// excerpt itself, marked with their numbers.
constexpr unsigned StepReach = 10;

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_'; }

class FindingsWriter {
public:
  FindingsWriter(const SarifResults &Data, const PageIndex &Index,
                 llvm::raw_ostream &OS)
      : Data(Data), Index(Index), OS(OS) {}

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

private:
  const SarifResults &Data;
  const PageIndex &Index;
  llvm::raw_ostream &OS;
  SourceLines Sources;

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
    for (size_t I = 0; I < Index.Checks.size(); ++I)
      checkbox("c", std::to_string(I), Index.Checks[I].Name,
               Index.Checks[I].Count, "k" + std::to_string(I));
    OS << "</div></fieldset>\n<fieldset><legend>Directory";
    groupButtons("d");
    OS << "</legend><div class=\"opts\">\n";
    for (size_t I = 0; I < Index.Directories.size(); ++I)
      checkbox("d", std::to_string(I),
               directoryLabel(Index.Directories[I].Name),
               Index.Directories[I].Count);
    OS << "</div></fieldset>\n";
    if (Data.HasBaseline) {
      OS << "<fieldset><legend>Baseline</legend><div class=\"opts\">\n";
      checkbox("s", "new", "new", Index.New);
      checkbox("s", "known", "known", Data.Entries.size() - Index.New);
      OS << "</div></fieldset>\n";
    }
    OS << "</div>\n<p class=\"shown js-only\" aria-live=\"polite\">Showing "
          "<b id=\"shown\">"
       << Data.Entries.size() << "</b> of " << Data.Entries.size()
       << " findings. <button type=\"button\" id=\"reset\">show all</button>"
          "</p>\n</div>\n";
  }

  void writeEntry(const Entry &E, size_t Number) {
    const size_t Check = Index.CheckIndex.at(E.Check);
    const bool Error = E.Level == "error";
    OS << "<article class=\"finding" << (Error ? " error" : "") << "\" id=\"f"
       << Number << "\" data-c=\"" << Check << "\" data-d=\""
       << Index.DirectoryIndex.at(E.directory()) << "\"";
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

void writeHtmlFindings(const SarifResults &Data, const PageIndex &Index,
                       llvm::raw_ostream &OS) {
  FindingsWriter(Data, Index, OS).writeFindings();
}

} // namespace cancellint::tool
