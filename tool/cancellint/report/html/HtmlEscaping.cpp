//===--- HtmlEscaping.cpp - Text from SARIF and sources, safe in a page --===//
#include "report/html/HtmlEscaping.h"

#include "llvm/Support/ConvertUTF.h"

namespace cancellint::tool {

namespace {

/// Text with what is not valid UTF-8, and control characters other than
/// tab and newline, replaced with U+FFFD; \p Escape writes each other
/// ASCII character.
template <typename EscapeFn>
std::string sanitize(llvm::StringRef Text, EscapeFn Escape) {
  std::string Out;
  Out.reserve(Text.size());
  const auto *Bytes = reinterpret_cast<const llvm::UTF8 *>(Text.data());
  for (size_t I = 0; I < Text.size();) {
    const unsigned char C = Bytes[I];
    if (C >= 0x80) {
      const unsigned Length = llvm::getNumBytesForUTF8(C);
      if (I + Length <= Text.size() &&
          llvm::isLegalUTF8Sequence(Bytes + I, Bytes + I + Length)) {
        Out.append(Text.data() + I, Length);
        I += Length;
      } else {
        Out += "\xEF\xBF\xBD";
        ++I;
      }
      continue;
    }
    if ((C < 0x20 && C != '\t' && C != '\n') || C == 0x7F)
      Out += "\xEF\xBF\xBD";
    else
      Escape(static_cast<char>(C), Out);
    ++I;
  }
  return Out;
}

} // namespace

std::string escapeHtml(llvm::StringRef Text) {
  return sanitize(Text, [](char C, std::string &Out) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  });
}

std::string cleanText(llvm::StringRef Text) {
  return sanitize(Text, [](char C, std::string &Out) { Out += C; });
}

std::string jsonForScript(const nlohmann::json &Data) {
  // Outside strings JSON has none of these characters: each is in a string,
  // where its \u escape means the same.
  const std::string Text =
      Data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string Out;
  Out.reserve(Text.size() + Text.size() / 16);
  for (const char C : Text)
    switch (C) {
    case '<':
      Out += "\\u003c";
      break;
    case '>':
      Out += "\\u003e";
      break;
    case '&':
      Out += "\\u0026";
      break;
    default:
      Out += C;
    }
  return Out;
}

std::optional<std::string> safeLink(llvm::StringRef Uri) {
  if (Uri.starts_with_insensitive("https://") ||
      Uri.starts_with_insensitive("http://") ||
      Uri.starts_with_insensitive("file:///")) // the docs shipped with the tool
    return escapeHtml(Uri);
  return std::nullopt;
}

} // namespace cancellint::tool
