//===--- JsonOutput.h - cancellint's own JSON ----------------------------===//
#ifndef CANCELLINT_TOOL_REPORT_JSONOUTPUT_H
#define CANCELLINT_TOOL_REPORT_JSONOUTPUT_H

#include "report/Report.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// cancellint's JSON: {"findings": [...], "failures": [...], ...}.
void writeJson(const RunReport &Report, llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
