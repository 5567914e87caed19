//===--- TextOutput.cpp - clang-tidy style text --------------------------===//
#include "Files.h"
#include "report/OutputFormats.h"

namespace cancellint::tool {

static void writeLocated(llvm::raw_ostream &OS, const RunReport &R,
                         const Location &L, llvm::StringRef Level,
                         llvm::StringRef Message, llvm::StringRef Check) {
  if (!L.File.empty())
    OS << relativeTo(L.File, R.WorkingDirectory) << ":" << L.Line << ":"
       << L.Column << ": ";
  OS << Level << ": " << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
  if (L.Line == 0 || L.LineText.empty())
    return;
  // The source line and a caret under the column, as clang prints them.
  std::string Number = std::to_string(L.Line);
  OS << "  " << Number << " | " << L.LineText << "\n";
  OS << "  " << std::string(Number.size(), ' ') << " | ";
  for (unsigned I = 1; I < L.Column && I - 1 < L.LineText.size(); ++I)
    OS << (L.LineText[I - 1] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

void writeText(const RunReport &R, llvm::raw_ostream &OS) {
  for (const Finding &F : R.Findings) {
    if (F.BaselineState == Finding::Baseline::Known)
      continue; // known before: the baseline's point is not to repeat it
    writeLocated(OS, R, F.Where, F.Level, F.Message, F.Check);
    for (const Note &N : F.Notes)
      writeLocated(OS, R, N.Where, "note", N.Message, "");
  }
}

} // namespace cancellint::tool
