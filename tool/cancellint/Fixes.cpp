//===--- Fixes.cpp - Applying and exporting fix-its ----------------------===//
#include "Fixes.h"
#include "OutputFile.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"

#include <algorithm>
#include <map>

namespace cancellint::tool {

const std::vector<Replacement> &fixesToApply(const Finding &F, bool FixNotes) {
  if (!F.Fixes.empty() || !FixNotes)
    return F.Fixes;
  const Note *Only = nullptr;
  for (const Note &N : F.Notes)
    if (!N.Fixes.empty()) {
      if (Only)
        return F.Fixes; // several: which one is meant is for a person to say
      Only = &N;
    }
  return Only ? Only->Fixes : F.Fixes;
}

FixSummary applyFixes(const RunReport &R, bool FixNotes) {
  FixSummary Summary;
  // Accepted edits per file, kept sorted and non-overlapping.
  std::map<std::string, std::vector<const Replacement *>> Accepted;
  auto Overlaps = [](const Replacement &A, const Replacement &B) {
    return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
  };
  for (const Finding &F : R.Findings) {
    const std::vector<Replacement> &Fixes = fixesToApply(F, FixNotes);
    if (Fixes.empty() || F.BaselineState == Finding::Baseline::Known)
      continue;
    bool Conflict = false;
    for (const Replacement &Rp : Fixes)
      for (const Replacement *Other : Accepted[Rp.File])
        if (Overlaps(Rp, *Other) ||
            (Rp.Offset == Other->Offset && Rp.Length == 0 && Other->Length == 0))
          Conflict = true;
    if (Conflict) {
      ++Summary.Conflicting;
      continue;
    }
    for (const Replacement &Rp : Fixes)
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

/// \p Message at \p Where with \p Fixes, as clang-tidy's YAML has it.
static clang::tooling::DiagnosticMessage
diagnosticMessage(const std::string &Message, const Location &Where,
                  const std::vector<Replacement> &Fixes) {
  clang::tooling::DiagnosticMessage M(Message);
  M.FilePath = Where.File;
  M.FileOffset = Where.Offset;
  for (const Replacement &Rp : Fixes) {
    llvm::Error E = M.Fix[Rp.File].add(
        clang::tooling::Replacement(Rp.File, Rp.Offset, Rp.Length, Rp.Text));
    llvm::consumeError(std::move(E)); // overlaps within one fix: keep the first
  }
  return M;
}

std::string exportFixes(const RunReport &R) {
  clang::tooling::TranslationUnitDiagnostics TU;
  for (const Finding &F : R.Findings) {
    bool NoteFixes = llvm::any_of(
        F.Notes, [](const Note &N) { return !N.Fixes.empty(); });
    if ((F.Fixes.empty() && !NoteFixes) ||
        F.BaselineState == Finding::Baseline::Known)
      continue;
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Note &N : F.Notes)
      if (!N.Fixes.empty())
        Notes.push_back(diagnosticMessage(
            N.Message + " (review before applying)", N.Where, N.Fixes));
    TU.Diagnostics.emplace_back(F.Check,
                                diagnosticMessage(F.Message, F.Where, F.Fixes),
                                Notes, clang::tooling::Diagnostic::Warning, "");
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  OS.flush();
  return Out;
}

} // namespace cancellint::tool
