//===--- HtmlReport.cpp - One self-contained HTML page for an audit ------===//
//
// SARIF in, one HTML file out: no network, no external fonts or scripts
// (a Content-Security-Policy forbids them), printable. The header, the
// overview and the failed units are markup, readable without JavaScript;
// the findings are a JSON data block that the script shows a page at a
// time, so that ten thousand findings stay a few megabytes and a filter
// answers at once. Every string that comes from SARIF or from a source
// file goes through escapeHtml() in markup, and through jsonForScript() in
// the data block, where '<', '>' and '&' are \u escapes, so a source line
// such as `</script><img onerror=...>` can end nothing; the script puts
// text into the page as text (textContent), never as markup, and sets
// links only to http(s) and file: URLs. The script itself carries no data,
// and the policy allows it by hash, so no injected inline handler could
// run even if escaping failed.
//
// Rendering is deterministic: the same inputs give the same bytes.
//
//===----------------------------------------------------------------------===//
#include "report/html/HtmlReport.h"
#include "Version.h"
#include "report/OutputFormats.h"
#include "report/html/HtmlAssets.h"
#include "report/html/HtmlEscaping.h"
#include "report/html/HtmlFindings.h"
#include "report/html/HtmlSummary.h"
#include "report/html/PageIndex.h"

#include "llvm/Support/Base64.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/SHA256.h"

#include <array>

namespace cancellint::tool {

using nlohmann::json;

namespace {

/// A file of report/html/assets by name: "style", "script".
llvm::StringRef asset(llvm::StringRef Name) {
  for (const EmbeddedFile &F : htmlAssets())
    if (F.Name == Name)
      return F.Text;
  llvm_unreachable("not a file of report/html/assets");
}

/// The text of the page's one script element; the policy allows exactly
/// this text, by its hash.
const std::string &scriptText() {
  static const std::string Text = "\n" + asset("script").str();
  return Text;
}

/// Nothing is loaded from anywhere; the one script runs by its hash.
std::string contentSecurityPolicy() {
  const llvm::StringRef Text(scriptText());
  const std::array<uint8_t, 32> Hash =
      llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
          reinterpret_cast<const uint8_t *>(Text.data()), Text.size()));
  return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
         "script-src 'sha256-" +
         llvm::encodeBase64(Hash) + "'; base-uri 'none'; form-action 'none'";
}

void writePage(const SarifResults &Data, const HtmlOptions &Options,
               llvm::raw_ostream &OS) {
  const PageIndex Index(Data);
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
        "charset=\"utf-8\">\n"
     << R"(<meta http-equiv="Content-Security-Policy" content=")"
     << contentSecurityPolicy() << "\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
     << R"(<meta name="generator" content="cancellint )" << version()
     << "\">\n<title>" << escapeHtml(Options.Title) << "</title>\n<style>\n"
     << asset("style") << "</style>\n"
     << "</head>\n<body>\n<main>\n";
  writeHtmlHeader(Data, Options.Title, OS);
  writeHtmlSummary(Data, Index, OS);
  writeHtmlFindings(Data, Index, OS);
  OS << "<footer class=\"page\">Rendered by cancellint " << version()
     << ". Source excerpts were read when the report was rendered.</footer>\n"
     << "</main>\n<script>" << scriptText() << "</script>\n</body>\n</html>\n";
}

} // namespace

std::string writeHtmlReport(const std::vector<SarifDocument> &Inputs,
                            const HtmlOptions &Options, llvm::raw_ostream &OS) {
  SarifResults Data;
  if (std::string Error = readSarifResults(Inputs, Options.SourceRoot, Data);
      !Error.empty())
    return Error;
  writePage(Data, Options, OS);
  return "";
}

void writeHtml(const RunReport &Report, llvm::raw_ostream &OS) {
  std::string Sarif;
  llvm::raw_string_ostream SarifOS(Sarif);
  writeSarif(Report, SarifOS);
  SarifOS.flush();
  const std::vector<SarifDocument> Inputs{
      {"", json::parse(Sarif, nullptr, /*allow_exceptions=*/false)}};
  (void)writeHtmlReport(Inputs, HtmlOptions(), OS);
}

} // namespace cancellint::tool
