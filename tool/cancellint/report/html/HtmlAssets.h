//===--- HtmlAssets.h - The HTML page's stylesheet and script ------------===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLASSETS_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLASSETS_H

#include "EmbeddedFile.h"
#include "llvm/ADT/ArrayRef.h"

namespace cancellint::tool {

/// report/html/assets/*, embedded at build time: "style" (style.css) and
/// "script" (script.js).
llvm::ArrayRef<EmbeddedFile> htmlAssets();

} // namespace cancellint::tool

#endif
