//===--- HtmlSummary.h - The HTML page's header and overview -------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLSUMMARY_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLSUMMARY_H

#include "input/SarifResults.h"
#include "report/html/PageIndex.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// The page's header: its title and the run context: the tools, when, the
/// git revision, the checks enabled (a run with none says so), the models,
/// the options, the baseline, the shards, the inputs and the source roots.
void writeHtmlHeader(const SarifResults &Data, llvm::StringRef Title,
                     llvm::raw_ostream &OS);

/// The overview: the counts, the matrix of checks by directory, and the
/// translation units that could not be analysed, with why.
void writeHtmlSummary(const SarifResults &Data, const PageIndex &Index,
                      llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
