//===--- MergeCommand.cpp - `cancellint merge`: SARIF of shards as one ---===//
#include "MergeCommand.h"
#include "Driver.h"
#include "OutputFile.h"
#include "input/SarifInput.h"
#include "report/Fingerprints.h"
#include "report/OutputFormats.h"
#include "report/Report.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace cancellint::tool {

int runMerge(const std::vector<std::string> &Inputs,
             const std::string &OutputPath) {
  if (Inputs.empty()) {
    llvm::errs() << "cancellint merge: error: no input files\n";
    return ExitUsage;
  }
  RunReport Merged;
  for (const std::string &Path : Inputs) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer) {
      llvm::errs() << "cancellint merge: error: cannot read '" << Path
                   << "': " << Buffer.getError().message() << "\n";
      return ExitUsage;
    }
    nlohmann::json Log =
        nlohmann::json::parse((*Buffer)->getBuffer().str(), nullptr, false);
    RunReport Part;
    std::string Error;
    if (Log.is_discarded() || !readSarif(Log, Part, Error)) {
      llvm::errs() << "cancellint merge: error: " << Path << ": "
                   << (Log.is_discarded() ? "not JSON" : Error) << "\n";
      return ExitUsage;
    }
    if (!Merged.SourceRoot.empty() && Merged.SourceRoot != Part.SourceRoot) {
      llvm::errs() << "cancellint merge: error: " << Path
                   << " was written for source root '" << Part.SourceRoot
                   << "', not '" << Merged.SourceRoot << "'\n";
      return ExitUsage;
    }
    Merged.SourceRoot = Part.SourceRoot;
    Merged.TranslationUnits += Part.TranslationUnits;
    Merged.Files += Part.Files;
    Merged.SkippedCommands += Part.SkippedCommands;
    mergeRunContext(Merged.Context, Part.Context);
    for (Finding &F : Part.Findings)
      Merged.Findings.push_back(std::move(F));
    for (Failure &F : Part.Failures)
      Merged.Failures.push_back(std::move(F));
  }
  finalizeReport(Merged);
  std::string Rendered;
  llvm::raw_string_ostream OS(Rendered);
  writeSarif(Merged, OS);
  OS.flush();
  if (OutputPath.empty()) {
    llvm::outs() << Rendered;
  } else if (std::string E = writeFileAtomically(OutputPath, Rendered);
             !E.empty()) {
    llvm::errs() << "cancellint merge: error: " << E << "\n";
    return ExitUsage;
  }
  return Merged.ExitCode;
}

} // namespace cancellint::tool
