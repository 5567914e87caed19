//===--- ReportCommand.cpp - `cancellint report`: SARIF as an HTML page --===//
#include "ReportCommand.h"
#include "OutputFile.h"
#include "report/html/HtmlReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cancellint::tool {

using nlohmann::json;

int runReport(const std::vector<std::string> &Names,
              const std::string &OutputPath, HtmlOptions Html) {
  auto Fail = [](const std::string &Message) {
    llvm::errs() << "cancellint report: error: " << Message << "\n";
    return 2;
  };
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
