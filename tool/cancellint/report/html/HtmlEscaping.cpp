//===--- HtmlEscaping.cpp - Text from SARIF and sources, safe in a page --===//
#include "report/html/HtmlEscaping.h"

#include "llvm/Support/ConvertUTF.h"

namespace cancellint::tool {

std::string escapeHtml(llvm::StringRef Text) {
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
      if ((C < 0x20 && C != '\t' && C != '\n') || C == 0x7F)
        Out += "\xEF\xBF\xBD";
      else
        Out += static_cast<char>(C);
    }
    ++I;
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
