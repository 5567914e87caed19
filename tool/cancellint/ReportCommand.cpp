//===--- ReportCommand.cpp - `cancellint report`: SARIF as an HTML page --===//
#include "ReportCommand.h"
#include "OutputFile.h"
#include "report/html/HtmlReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cancellint::tool {

using nlohmann::json;

static constexpr llvm::StringLiteral ReportUsage =
    "usage: cancellint report <in.sarif>... [-o <report.html>] "
    "[--source-root=<dir>] [--title=<text>]\n"
    "\n"
    "Renders SARIF files (several: CI shards) as one self-contained HTML "
    "page.\n"
    "  -o <file>             write the page here (default: stdout)\n"
    "  --source-root=<dir>   read the sources from <dir>, not from the "
    "SARIF's SRCROOT\n"
    "  --title=<text>        the page's title\n"
    "  -                     read a SARIF file from stdin\n";

int runReportCommand(llvm::ArrayRef<const char *> Args) {
  auto Fail = [](const std::string &Message) {
    llvm::errs() << "cancellint report: error: " << Message << "\n";
    return 2;
  };
  std::vector<std::string> Names;
  std::string OutputPath;
  HtmlOptions Html;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A(Args[I]);
    // "-o x", "-o=x", "--title x", "--title=x"...
    auto Value = [&](llvm::StringRef Flag, std::string &Out) {
      if (A == Flag && I + 1 < Args.size()) {
        Out = Args[++I];
        return true;
      }
      if (A.consume_front(Flag) && A.consume_front("=")) {
        Out = A.str();
        return true;
      }
      return false;
    };
    if (A == "-h" || A == "--help" || A == "-help") {
      llvm::outs() << ReportUsage;
      return 0;
    }
    if (Value("-o", OutputPath) || Value("--source-root", Html.SourceRoot) ||
        Value("-source-root", Html.SourceRoot) ||
        Value("--title", Html.Title) || Value("-title", Html.Title))
      continue;
    if (A.starts_with("-") && A != "-")
      return Fail("unknown option '" + A.str() + "'\n" + ReportUsage.str());
    Names.push_back(A.str());
  }
  if (Names.empty())
    return Fail("no input: give one or more SARIF files\n" + ReportUsage.str());

  std::vector<SarifDocument> Inputs;
  for (const std::string &Name : Names) {
    auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Name, /*IsText=*/true);
    if (!Buffer)
      return Fail("cannot read '" + Name + "': " + Buffer.getError().message());
    json Doc = json::parse((*Buffer)->getBuffer(), nullptr,
                           /*allow_exceptions=*/false);
    if (Doc.is_discarded())
      return Fail("'" + Name + "' is not JSON");
    Inputs.push_back({Name, std::move(Doc)});
  }
  if (!Html.SourceRoot.empty()) {
    llvm::SmallString<256> Root(Html.SourceRoot);
    if (const std::error_code EC = llvm::sys::fs::make_absolute(Root))
      return Fail("bad --source-root '" + Html.SourceRoot +
                  "': " + EC.message());
    llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
    Html.SourceRoot = std::string(Root);
  }
  std::string Page;
  llvm::raw_string_ostream PageOS(Page);
  if (const std::string Error = writeHtmlReport(Inputs, Html, PageOS);
      !Error.empty())
    return Fail(Error);
  PageOS.flush();
  if (OutputPath.empty()) {
    llvm::outs() << Page;
    llvm::outs().flush();
    return 0;
  }
  if (const std::string Error = writeFileAtomically(OutputPath, Page);
      !Error.empty())
    return Fail(Error);
  return 0;
}

} // namespace cancellint::tool
