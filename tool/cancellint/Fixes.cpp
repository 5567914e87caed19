//===--- Fixes.cpp - Applying and exporting fix-its ----------------------===//
#include "Fixes.h"
#include "OutputFile.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"

#include <algorithm>
#include <map>

namespace cancellint::tool {

FixSummary applyFixes(const RunReport &R) {
  FixSummary Summary;
  // Accepted edits per file, kept sorted and non-overlapping.
  std::map<std::string, std::vector<const Replacement *>> Accepted;
  auto Overlaps = [](const Replacement &A, const Replacement &B) {
    return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
  };
  for (const Finding &F : R.Findings) {
    if (F.Fixes.empty() || F.BaselineState == Finding::Baseline::Known)
      continue;
    bool Conflict = false;
    for (const Replacement &Rp : F.Fixes)
      for (const Replacement *Other : Accepted[Rp.File])
        if (Overlaps(Rp, *Other) ||
            (Rp.Offset == Other->Offset && Rp.Length == 0 && Other->Length == 0))
          Conflict = true;
    if (Conflict) {
      ++Summary.Conflicting;
      continue;
    }
    for (const Replacement &Rp : F.Fixes)
      Accepted[Rp.File].push_back(&Rp);
    ++Summary.Applied;
  }
  for (auto &[File, Edits] : Accepted) {
    if (Edits.empty())
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Summary.Error = "cannot read '" + File + "' to fix it";
      return Summary;
    }
    std::string Text = (*Buffer)->getBuffer().str();
    std::sort(Edits.begin(), Edits.end(),
              [](const Replacement *A, const Replacement *B) {
                return A->Offset > B->Offset; // apply back to front
              });
    for (const Replacement *E : Edits) {
      if (E->Offset + E->Length > Text.size()) {
        Summary.Error = "'" + File + "' changed since it was analysed";
        return Summary;
      }
      Text.replace(E->Offset, E->Length, E->Text);
    }
    if (std::string Error = writeFileAtomically(File, Text); !Error.empty()) {
      Summary.Error = Error;
      return Summary;
    }
    ++Summary.Files;
  }
  return Summary;
}

std::string exportFixes(const RunReport &R) {
  clang::tooling::TranslationUnitDiagnostics TU;
  for (const Finding &F : R.Findings) {
    if (F.Fixes.empty() || F.BaselineState == Finding::Baseline::Known)
      continue;
    clang::tooling::DiagnosticMessage Message(F.Message);
    Message.FilePath = F.Where.File;
    Message.FileOffset = F.Where.Offset;
    for (const Replacement &Rp : F.Fixes) {
      llvm::Error E = Message.Fix[Rp.File].add(clang::tooling::Replacement(
          Rp.File, Rp.Offset, Rp.Length, Rp.Text));
      llvm::consumeError(std::move(E)); // overlaps within one finding: keep the first
    }
    TU.Diagnostics.emplace_back(F.Check, Message,
                                llvm::SmallVector<clang::tooling::DiagnosticMessage, 1>(),
                                clang::tooling::Diagnostic::Warning, "");
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  OS.flush();
  return Out;
}

} // namespace cancellint::tool
