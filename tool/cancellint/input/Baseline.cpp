//===--- Baseline.cpp - Failing only on new findings ---------------------===//
#include "input/Baseline.h"
#include "Files.h"
#include "JsonText.h"

#include "llvm/Support/MemoryBuffer.h"
#include <nlohmann/json.hpp>

namespace cancellint::tool {

using nlohmann::json;

static constexpr const char *BaselineFormat = "cancellint-baseline/1";

std::string Baseline::load(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "cannot read baseline '" + Path + "': " +
           Buffer.getError().message();
  json Doc = json::parse((*Buffer)->getBuffer().str(), nullptr, false);
  if (Doc.is_discarded() || !Doc.is_object() ||
      Doc.value("format", "") != BaselineFormat || !Doc.contains("findings") ||
      !Doc["findings"].is_array())
    return "'" + Path + "' is not a " + BaselineFormat +
           " file (write one with --write-baseline)";
  for (const json &F : Doc["findings"]) {
    if (!F.is_object() || !F.contains("check") || !F.contains("file") ||
        !F.contains("fingerprint"))
      return "'" + Path + "': each finding needs check, file and fingerprint";
    Known.emplace(F["check"].get<std::string>(), F["file"].get<std::string>(),
                  F["fingerprint"].get<std::string>());
  }
  return "";
}

void Baseline::apply(RunReport &R) const {
  for (Finding &F : R.Findings)
    F.BaselineState = Known.count({F.Check, relativeTo(F.Where.File, R.SourceRoot),
                                   F.Fingerprint})
                          ? Finding::Baseline::Known
                          : Finding::Baseline::New;
}

std::string Baseline::render(const RunReport &R) {
  json Findings = json::array();
  for (const Finding &F : R.Findings)
    Findings.push_back({{"check", F.Check},
                        {"file", relativeTo(F.Where.File, R.SourceRoot)},
                        {"fingerprint", F.Fingerprint},
                        {"message", F.Message}});
  json Doc = {{"format", BaselineFormat}, {"findings", Findings}};
  return jsonText(Doc, 2) + "\n";
}

} // namespace cancellint::tool
