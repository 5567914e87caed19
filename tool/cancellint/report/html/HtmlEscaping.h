//===--- HtmlEscaping.h - Text from SARIF and sources, safe in a page ----===//
#ifndef CANCELLINT_TOOL_REPORT_HTML_HTMLESCAPING_H
#define CANCELLINT_TOOL_REPORT_HTML_HTMLESCAPING_H

#include "llvm/ADT/StringRef.h"
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cancellint::tool {

/// Escapes for HTML text and quoted attribute values alike, and replaces
/// what is not valid UTF-8 (a Latin-1 source file) and control characters
/// other than tab and newline with U+FFFD, so the page is always valid UTF-8.
std::string escapeHtml(llvm::StringRef Text);

/// \p Text as valid UTF-8 without control characters other than tab and
/// newline (each replaced with U+FFFD), as escapeHtml() shows it, for the
/// page's data.
std::string cleanText(llvm::StringRef Text);

/// \p Data as the text of a `<script type="application/json">` element:
/// '<', '>' and '&' written as \u escapes, so no text in it can end the
/// element or open a comment, whatever it holds.
std::string jsonForScript(const nlohmann::json &Data);

/// \p Uri escaped for an href, when it is a web link or a local file (the
/// docs shipped with cancellint); nullopt otherwise:
/// a SARIF file could carry a `javascript:` helpUri.
std::optional<std::string> safeLink(llvm::StringRef Uri);

} // namespace cancellint::tool

#endif
