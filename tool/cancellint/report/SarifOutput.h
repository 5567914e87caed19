//===--- SarifOutput.h - SARIF 2.1.0 for CI and code scanning ------------===//
#ifndef CANCELLINT_TOOL_REPORT_SARIFOUTPUT_H
#define CANCELLINT_TOOL_REPORT_SARIFOUTPUT_H

#include "report/Report.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// SARIF 2.1.0.
void writeSarif(const RunReport &Report, llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
