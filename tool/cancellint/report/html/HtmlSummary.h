//===--- HtmlSummary.h - The HTML page's header and summary --------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLSUMMARY_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLSUMMARY_H

#include "input/SarifResults.h"
#include "report/html/PageIndex.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// The page's header: its title, the tools that analysed, the SARIF files
/// and where the sources are.
void writeHtmlHeader(const SarifResults &Data, llvm::StringRef Title,
                     llvm::raw_ostream &OS);

/// The summary section: the counts, a bar chart per check and one per
/// directory, the translation units not fully analysed and the models used.
void writeHtmlSummary(const SarifResults &Data, const PageIndex &Index,
                      llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
