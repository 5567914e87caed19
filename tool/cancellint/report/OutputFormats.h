//===--- OutputFormats.h - Every --format, in one table ------------------===//
#ifndef CANCELLINT_TOOL_REPORT_OUTPUTFORMATS_H
#define CANCELLINT_TOOL_REPORT_OUTPUTFORMATS_H

#include "report/Report.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace cancellint::tool {

/// One way to render a finished run.
struct OutputFormat {
  llvm::StringLiteral Name;        ///< --format=<Name>
  llvm::StringLiteral Description; ///< as --help lists it
  void (*Write)(const RunReport &Report, llvm::raw_ostream &OS);
};

/// Every output format, in the order --help lists them; the first is the
/// default. A format is added here, and nowhere else.
llvm::ArrayRef<OutputFormat> outputFormats();

/// clang-tidy's own format: "file:line:col: warning: message [check]", the
/// source line with a caret, then the notes (TextOutput.cpp).
void writeText(const RunReport &Report, llvm::raw_ostream &OS);

/// cancellint's JSON: {"findings": [...], "failures": [...], ...}
/// (JsonOutput.cpp).
void writeJson(const RunReport &Report, llvm::raw_ostream &OS);

/// SARIF 2.1.0 (SarifOutput.cpp).
void writeSarif(const RunReport &Report, llvm::raw_ostream &OS);

} // namespace cancellint::tool

#endif
