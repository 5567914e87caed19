//===--- HtmlSummary.cpp - The HTML page's header and summary ------------===//
#include "report/html/HtmlSummary.h"
#include "report/html/HtmlEscaping.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace cancellint::tool {

namespace {

/// Items in a code font, separated by commas.
template <typename Range>
void writeList(const Range &Items, llvm::raw_ostream &OS) {
  bool First = true;
  for (const std::string &Item : Items) {
    OS << (First ? "" : ", ") << "<span class=\"mono\">" << escapeHtml(Item)
       << "</span>";
    First = false;
  }
}

class SummaryWriter {
public:
  SummaryWriter(const SarifResults &Data, const PageIndex &Index,
                llvm::raw_ostream &OS)
      : Data(Data), Index(Index), OS(OS) {}

  void writeSummary() {
    OS << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
       << "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"tiles\">\n";
    const size_t Total = Data.Entries.size();
    std::string Details;
    if (Data.HasBaseline)
      Details = detail("new", Index.New, "new", Index.New != 0) + ", " +
                detail("known", Total - Index.New, "known") + ", " +
                detail("absent", Data.Absent, "fixed") + " since the baseline";
    if (Data.Suppressed)
      Details += (Details.empty() ? "" : "; ") +
                 detail("suppressed", Data.Suppressed, "suppressed");
    tile("findings", std::to_string(Total), Total == 1 ? "finding" : "findings",
         Details);
    tile("checks", std::to_string(Index.Checks.size()),
         Index.Checks.size() == 1 ? "check with findings"
                                  : "checks with findings");
    tile("files", std::to_string(Index.Files.size()),
         Index.Files.size() == 1 ? "file with findings"
                                 : "files with findings");
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
      writeChart("checks", "Findings per check", "c", Index.Checks,
                 /*Coloured=*/true);
      writeChart("directories", "Findings per directory", "d",
                 Index.Directories, /*Coloured=*/false);
      OS << "</div>\n";
    }
    writeFailures();
    if (!Data.Models.empty()) {
      OS << R"(<div class="box" id="models"><h3>Models used</h3>)";
      writeList(Data.Models, OS);
      OS << "</div>\n";
    }
    OS << "</section>\n";
  }

private:
  const SarifResults &Data;
  const PageIndex &Index;
  llvm::raw_ostream &OS;

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
      const llvm::StringRef Colour = Coloured ? checkColour(I) : "#5b7fa6";
      OS << "<tr data-key=\"" << escapeHtml(R.Name) << R"("><th scope="row")";
      if (Coloured)
        if (const std::string &Short = Index.Rules.at(R.Name).Short;
            !Short.empty())
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
};

} // namespace

void writeHtmlHeader(const SarifResults &Data, llvm::StringRef Title,
                     llvm::raw_ostream &OS) {
  OS << "<header>\n<h1>" << escapeHtml(Title) << "</h1>\n";
  if (!Data.Tools.empty()) {
    OS << "<p class=\"meta\">Analysed by ";
    writeList(Data.Tools, OS);
    OS << "</p>\n";
  }
  if (!Data.InputNames.empty()) {
    OS << "<p class=\"meta\">From ";
    writeList(Data.InputNames, OS);
    OS << "</p>\n";
  }
  if (!Data.SourceRoots.empty()) {
    OS << "<p class=\"meta\">Sources in ";
    writeList(Data.SourceRoots, OS);
    OS << "</p>\n";
  }
  OS << "</header>\n";
}

void writeHtmlSummary(const SarifResults &Data, const PageIndex &Index,
                      llvm::raw_ostream &OS) {
  SummaryWriter(Data, Index, OS).writeSummary();
}

} // namespace cancellint::tool
