//===--- HtmlFindings.h - The HTML page's findings -----------------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLFINDINGS_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLFINDINGS_H

#include "input/SarifResults.h"
#include "report/html/PageIndex.h"

#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// The findings section: the filters, then each finding with an excerpt of
/// its source (read now), its path or notes, its check's documentation and
/// how to suppress it.
void writeHtmlFindings(const SarifResults &Data, const PageIndex &Index,
                       llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
