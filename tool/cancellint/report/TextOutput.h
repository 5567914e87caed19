//===--- TextOutput.h - clang-tidy style text ----------------------------===//
#ifndef CANCELLINT_TOOL_REPORT_TEXTOUTPUT_H
#define CANCELLINT_TOOL_REPORT_TEXTOUTPUT_H

#include "report/Report.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// clang-tidy's own format: "file:line:col: warning: message [check]", the
/// source line with a caret, then the notes.
void writeText(const RunReport &Report, llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
