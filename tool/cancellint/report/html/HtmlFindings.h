//===--- HtmlFindings.h - The HTML page's findings -----------------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLFINDINGS_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLFINDINGS_H

#include "input/SarifResults.h"
#include "report/html/PageIndex.h"

#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// The findings section: the filters (text, file, check, module, new or
/// known), the list the script renders, grouped and paged, and the page's
/// data: every finding with the source lines it shows (read now), its path,
/// notes and fixes as diffs, in a JSON data block (docs/report.md).
void writeHtmlFindings(const SarifResults &Data, const PageIndex &Index,
                       llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
