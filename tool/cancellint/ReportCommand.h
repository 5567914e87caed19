//===--- ReportCommand.h - `cancellint report`: SARIF as an HTML page ----===//
#ifndef CANCELLINT_TOOL_REPORTCOMMAND_H
#define CANCELLINT_TOOL_REPORTCOMMAND_H

#include "llvm/ADT/ArrayRef.h"

namespace cancellint::tool {

/// `cancellint report <in.sarif>... [-o report.html] [--source-root=<dir>]
/// [--title=<text>]`; \p Args are the arguments after "report". Returns the
/// exit code: 0 when the page was written, 2 when an argument is wrong, an
/// input cannot be read or is not SARIF, or the output cannot be written.
int runReportCommand(llvm::ArrayRef<const char *> Args);

} // namespace cancellint::tool

#endif
