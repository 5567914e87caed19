//===--- HtmlSummary.cpp - The HTML page's header and overview -----------===//
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

/// "2026-01-31T12:00:00Z" as "2026-01-31 12:00:00 UTC".
std::string readableTime(const std::string &Iso) {
  std::string Out = Iso;
  if (Out.size() == 20 && Out[10] == 'T' && Out.back() == 'Z')
    Out = Out.substr(0, 10) + " " + Out.substr(11, 8) + " UTC";
  return Out;
}

/// One row of the run context: a name, then its value as HTML.
void contextRow(const char *Key, const char *Name, const std::string &Html,
                llvm::raw_ostream &OS) {
  OS << "<div data-context=\"" << Key << "\"><dt>" << Name << "</dt><dd>"
     << Html << "</dd></div>\n";
}

template <typename Range> std::string listHtml(const Range &Items) {
  std::string Html;
  llvm::raw_string_ostream OS(Html);
  writeList(Items, OS);
  return Html;
}

size_t failedUnits(const SarifResults &Data) {
  std::set<std::string> Names;
  for (const FailedUnit &F : Data.Failures)
    Names.insert(F.File.empty() ? F.Reason : F.File);
  return Names.size();
}

class SummaryWriter {
public:
  SummaryWriter(const SarifResults &Data, const PageIndex &Index,
                llvm::raw_ostream &OS)
      : Data(Data), Index(Index), OS(OS) {}

  void writeSummary() {
    OS << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
       << "<h2 id=\"summary-h\">Overview</h2>\n<div class=\"tiles\">\n";
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
    tile("files", std::to_string(Index.FilesWithFindings),
         Index.FilesWithFindings == 1 ? "file with findings"
                                      : "files with findings");
    const size_t Failed = failedUnits(Data);
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
    if (!Data.Entries.empty())
      writeMatrix();
    writeFailures();
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

  /// Checks across, directories down, most findings first; each count
  /// links to its findings (the script filters the list by both).
  void writeMatrix() {
    OS << "<div class=\"matrix-wrap\"><table class=\"matrix\" "
          "id=\"matrix\">\n<caption>Findings per directory and check"
          "</caption>\n<thead><tr><th scope=\"col\" class=\"corner\">"
          "directory</th>";
    for (size_t C = 0; C < Index.Checks.size(); ++C) {
      const Counted &Check = Index.Checks[C];
      OS << R"(<th scope="col" data-check=")" << escapeHtml(Check.Name) << "\"";
      if (const std::string &Short = Index.Rules.at(Check.Name).Short;
          !Short.empty())
        OS << " title=\"" << escapeHtml(Short) << "\"";
      OS << R"(><a href="#findings" data-c=")" << C << R"("><span class="sw )"
         << checkColourClass(Check.Name) << R"("></span><span class="mono">)"
         << escapeHtml(Check.Name) << "</span></a></th>";
    }
    OS << "<th scope=\"col\" class=\"num\">all</th></tr></thead>\n<tbody>\n";
    for (size_t M = 0; M < Index.Modules.size(); ++M) {
      const Counted &Module = Index.Modules[M];
      OS << "<tr data-module=\"" << escapeHtml(Module.Name)
         << "\"><th scope=\"row\"><a class=\"mono\" href=\"#findings\" "
            "data-m=\""
         << M << "\">" << escapeHtml(Module.Name) << "</a></th>";
      for (size_t C = 0; C < Index.Checks.size(); ++C) {
        auto It = Index.Cells.find({M, C});
        if (It == Index.Cells.end()) {
          OS << "<td class=\"num zero\"></td>";
          continue;
        }
        OS << R"(<td class="num"><a href="#findings" data-c=")" << C
           << "\" data-m=\"" << M << "\">" << It->second << "</a></td>";
      }
      OS << "<td class=\"num total\">" << Module.Count << "</td></tr>\n";
    }
    OS << "</tbody>\n<tfoot><tr><th scope=\"row\">all</th>";
    for (const Counted &Check : Index.Checks)
      OS << "<td class=\"num total\">" << Check.Count << "</td>";
    OS << "<td class=\"num total\">" << Data.Entries.size()
       << "</td></tr></tfoot>\n</table></div>\n";
  }

  void writeFailures() {
    if (Data.Failures.empty())
      return;
    OS << "<div class=\"box bad\" id=\"failures\"><h3>Translation units not "
          "fully analysed ("
       << failedUnits(Data)
       << ")</h3>\n<p class=\"meta\">Findings in them may be missing."
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
  const RunInfo &Run = Data.Run;
  OS << "<header>\n<h1>" << escapeHtml(Title) << "</h1>\n";
  if (Run.ChecksKnown && Run.Checks.empty())
    OS << "<p class=\"alert\" id=\"no-checks\"><strong>No checks were "
          "enabled.</strong> This run checked nothing: no findings here does "
          "not mean the code is clean.</p>\n";
  OS << "<dl class=\"context\">\n";
  if (!Data.Tools.empty())
    contextRow("tool", "Analysed by", listHtml(Data.Tools), OS);
  if (!Run.StartTime.empty()) {
    std::string When = escapeHtml(readableTime(Run.StartTime));
    if (!Run.EndTime.empty() && Run.EndTime != Run.StartTime)
      When += " to " + escapeHtml(readableTime(Run.EndTime));
    contextRow("date", "Date", When, OS);
  }
  if (!Run.GitCommits.empty())
    contextRow("git", "Revision",
               listHtml(Run.GitCommits) +
                   (Run.GitDirty
                        ? " <span class=\"warn\">with uncommitted changes"
                          "</span>"
                        : " (clean checkout)"),
               OS);
  else if (Run.Known)
    contextRow("git", "Revision", "not a git checkout", OS);
  if (Run.Known)
    contextRow("checks", "Checks enabled",
               !Run.ChecksKnown
                   ? std::string("not known: no unit was analysed")
               : Run.Checks.empty()
                   ? std::string("<strong class=\"bad\">none</strong>")
                   : std::to_string(Run.Checks.size()) + ": " +
                         listHtml(Run.Checks),
               OS);
  if (Run.Known) {
    std::string Models =
        Run.Libraries.empty()
            ? std::string("no built-in libraries")
            : "built-in: " + listHtml(Run.Libraries);
    if (!Run.ModelFiles.empty())
      Models += "; model files: " + listHtml(Run.ModelFiles);
    contextRow("models", "Models loaded", Models, OS);
    contextRow("options", "Options",
               Run.Options.empty() ? std::string("defaults")
                                   : listHtml(Run.Options),
               OS);
  } else if (!Data.Models.empty()) {
    contextRow("models", "Models", listHtml(Data.Models), OS);
  }
  if (Data.TranslationUnits) {
    const size_t Failed = failedUnits(Data);
    contextRow("units", "Translation units",
               std::to_string(*Data.TranslationUnits) + " analysed" +
                   (Failed ? R"(, <a class="bad" href="#failures">)" +
                                 std::to_string(Failed) +
                                 " not fully analysed</a>"
                           : std::string(", none failed")),
               OS);
  }
  if (!Run.Baselines.empty())
    contextRow("baseline", "Baseline", listHtml(Run.Baselines), OS);
  else if (Run.Known)
    contextRow("baseline", "Baseline", "none", OS);
  if (!Run.Shards.empty())
    contextRow("shards", "Shards merged", listHtml(Run.Shards), OS);
  if (!Data.InputNames.empty())
    contextRow("inputs", "From", listHtml(Data.InputNames), OS);
  if (!Data.SourceRoots.empty())
    contextRow("sources", "Sources in", listHtml(Data.SourceRoots), OS);
  OS << "</dl>\n</header>\n";
}

void writeHtmlSummary(const SarifResults &Data, const PageIndex &Index,
                      llvm::raw_ostream &OS) {
  SummaryWriter(Data, Index, OS).writeSummary();
}

} // namespace cancellint::tool
