//===--- ReportCommand.h - `cancellint report`: SARIF as an HTML page ----===//
#ifndef CANCELLINT_TOOL_REPORTCOMMAND_H
#define CANCELLINT_TOOL_REPORTCOMMAND_H

#include "report/html/HtmlReport.h"

#include <string>
#include <vector>

namespace cancellint::tool {

/// `cancellint report <in.sarif>... [-o report.html] [--source-root=<dir>]
/// [--title=<text>]`: renders the SARIF files \p Names ("-": stdin) as one
/// page, written to \p OutputPath (empty: stdout). Returns the exit code: 0
/// when the page was written, 2 when an input cannot be read or is not
/// SARIF, --source-root is wrong, or the output cannot be written.
int runReport(const std::vector<std::string> &Names,
              const std::string &OutputPath, HtmlOptions Html);

} // namespace cancellint::tool

#endif
