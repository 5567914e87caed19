//===--- OutputFormats.cpp - Every --format, in one table ----------------===//
#include "report/OutputFormats.h"
#include "report/html/HtmlReport.h"

namespace cancellint::tool {

llvm::ArrayRef<OutputFormat> outputFormats() {
  static const OutputFormat Formats[] = {
      {"text", "clang-tidy style text", writeText},
      {"json", "cancellint JSON", writeJson},
      {"sarif", "SARIF 2.1.0", writeSarif},
      {"html", "one self-contained HTML page", writeHtml},
  };
  return Formats;
}

} // namespace cancellint::tool
