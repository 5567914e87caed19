//===--- JsonOutput.cpp - cancellint's own JSON --------------------------===//
#include "JsonText.h"
#include "Version.h"
#include "report/OutputFormats.h"

namespace cancellint::tool {

void writeJson(const RunReport &R, llvm::raw_ostream &OS) {
  nlohmann::json Findings = nlohmann::json::array();
  for (const Finding &F : R.Findings) {
    nlohmann::json J = toJson(F);
    J["fingerprint"] = F.Fingerprint;
    if (F.BaselineState != Finding::Baseline::None)
      J["baselineState"] =
          F.BaselineState == Finding::Baseline::New ? "new" : "unchanged";
    Findings.push_back(std::move(J));
  }
  nlohmann::json Failures = nlohmann::json::array();
  for (const Failure &F : R.Failures)
    Failures.push_back(toJson(F));
  nlohmann::json Doc = {{"tool", "cancellint"},
                        {"version", version()},
                        {"translationUnits", R.TranslationUnits},
                        {"findings", Findings},
                        {"failures", Failures},
                        {"exitCode", R.ExitCode}};
  OS << jsonText(Doc, 2) << "\n";
}

} // namespace cancellint::tool
