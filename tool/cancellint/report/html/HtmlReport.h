//===--- HtmlReport.h - One self-contained HTML page for an audit --------===//
//
// The HTML report is rendered from SARIF, whichever way it is asked for:
// `--format=html` renders the run's own SARIF in memory, and
// `cancellint report a.sarif b.sarif -o report.html` renders SARIF written
// earlier, merging several files (CI shards) into one page. The source
// excerpts are read from the analysed files when the page is rendered.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLREPORT_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLREPORT_H

#include "input/SarifResults.h"
#include "report/Report.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace cancellint::tool {

struct HtmlOptions {
  std::string Title = "cancellint report";
  /// Where the sources are read from, replacing the SARIF's own source roots
  /// (originalUriBaseIds): a report rendered on another machine than the one
  /// that analysed. Empty: use the SARIF's roots.
  std::string SourceRoot;
};

/// Renders \p Inputs as one page. Returns an error message, or "" when
/// every input is SARIF 2.1.0 and the page was written.
std::string writeHtmlReport(const std::vector<SarifDocument> &Inputs,
                            const HtmlOptions &Options, llvm::raw_ostream &OS);

/// `--format=html`: the run's SARIF, rendered in memory.
void writeHtml(const RunReport &Report, llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
