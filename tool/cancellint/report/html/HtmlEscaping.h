//===--- HtmlEscaping.h - Text from SARIF and sources, safe in a page ----===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLESCAPING_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLESCAPING_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cancellint::tool {

/// Escapes for HTML text and quoted attribute values alike, and replaces
/// what is not valid UTF-8 (a Latin-1 source file) and control characters
/// other than tab and newline with U+FFFD, so the page is always valid UTF-8.
std::string escapeHtml(llvm::StringRef Text);

/// \p Uri escaped for an href, when it is a web link or a local file (the
/// docs shipped with cancellint); nullopt otherwise:
/// a SARIF file could carry a `javascript:` helpUri.
std::optional<std::string> safeLink(llvm::StringRef Uri);

} // namespace cancellint::tool

#endif
