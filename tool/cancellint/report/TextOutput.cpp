//===--- TextOutput.cpp - clang-tidy style text --------------------------===//
#include "Files.h"
#include "report/OutputFormats.h"

#include "llvm/ADT/STLExtras.h"

namespace cancellint::tool {

/// Whether \p C starts a character in UTF-8 (is not a continuation byte).
static bool startsCharacter(char C) {
  return (static_cast<unsigned char>(C) & 0xC0) != 0x80;
}

/// Blanks as wide as \p Line up to the 1-based byte column \p Column, one
/// per character and tabs kept, so that a mark after them stands under
/// that column however the terminal shows the line.
static std::string indentTo(llvm::StringRef Line, unsigned Column) {
  std::string Blanks;
  for (size_t I = 0; I + 1 < Column && I < Line.size(); ++I)
    if (startsCharacter(Line[I]))
      Blanks += Line[I] == '\t' ? '\t' : ' ';
  return Blanks;
}

/// The characters of \p Line from byte column \p From up to \p To.
static unsigned charactersBetween(llvm::StringRef Line, unsigned From,
                                  unsigned To) {
  unsigned N = 0;
  for (size_t I = From - 1; I + 1 < To && I < Line.size(); ++I)
    N += startsCharacter(Line[I]);
  return N;
}

/// The caret under the location and '~' under the rest of its range on
/// that line; then, as clang does, the fix-its that apply on that line
/// under the text they replace.
static void writeMarks(llvm::raw_ostream &OS, const Location &L,
                       llvm::ArrayRef<Replacement> Fixes,
                       llvm::StringRef Gutter) {
  llvm::StringRef Line = L.LineText;
  unsigned End = L.EndLine == L.Line && L.EndColumn > L.Column ? L.EndColumn
                 : L.EndLine > L.Line ? static_cast<unsigned>(Line.size()) + 1
                                      : L.Column;
  unsigned Before = L.RangeColumn && L.RangeColumn < L.Column
                        ? charactersBetween(Line, L.RangeColumn, L.Column)
                        : 0;
  unsigned After = charactersBetween(Line, L.Column, End);
  OS << Gutter << indentTo(Line, Before ? L.RangeColumn : L.Column)
     << std::string(Before, '~') << "^"
     << std::string(After > 0 ? After - 1 : 0, '~') << "\n";

  std::vector<const Replacement *> OnLine;
  for (const Replacement &Fix : Fixes)
    if (Fix.File == L.File && Fix.Start.Line == L.Line &&
        !llvm::StringRef(Fix.Text).contains('\n'))
      OnLine.push_back(&Fix);
  if (OnLine.empty())
    return;
  llvm::sort(OnLine, [](const Replacement *A, const Replacement *B) {
    return A->Start.Column < B->Start.Column;
  });
  std::string Hints;
  unsigned Shown = 0; // characters of Hints, after its indent
  for (const Replacement *Fix : OnLine) {
    unsigned At = charactersBetween(Line, 1, Fix->Start.Column);
    if (Hints.empty())
      Hints = indentTo(Line, Fix->Start.Column);
    else if (At > Shown)
      Hints += std::string(At - Shown, ' ');
    else if (At < Shown)
      Hints += ' ';
    Hints += Fix->Text;
    Shown = std::max(At, Shown) + charactersBetween(Fix->Text, 1,
                                                    Fix->Text.size() + 1);
  }
  OS << Gutter << Hints << "\n";
}

static void writeLocated(llvm::raw_ostream &OS, const RunReport &R,
                         const Location &L, llvm::StringRef Level,
                         llvm::StringRef Message, llvm::StringRef Check,
                         llvm::ArrayRef<Replacement> Fixes = {}) {
  if (!L.File.empty())
    OS << relativeTo(L.File, R.WorkingDirectory) << ":" << L.Line << ":"
       << L.Column << ": ";
  OS << Level << ": " << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
  if (L.Line == 0 || L.LineText.empty())
    return;
  // The source line, then the marks under it, as clang prints them.
  std::string Number = std::to_string(L.Line);
  OS << "  " << Number << " | " << L.LineText << "\n";
  writeMarks(OS, L, Fixes, "  " + std::string(Number.size(), ' ') + " | ");
}

/// "found only by the compile command with -DASIO_STANDALONE"
static std::string variantNote(llvm::StringRef Variants) {
  llvm::SmallVector<llvm::StringRef> Parts;
  Variants.split(Parts, "; ");
  std::string Note = Parts.size() == 1 ? "found only by the compile command"
                                       : "found only by the compile commands";
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::StringRef P = Parts[I];
    Note += I == 0 ? " " : "; ";
    if (!P.starts_with("without ") && !P.starts_with("in "))
      Note += "with ";
    Note += P.str();
  }
  return Note;
}

void writeText(const RunReport &R, llvm::raw_ostream &OS) {
  for (const Finding &F : R.Findings) {
    if (F.BaselineState == Finding::Baseline::Known)
      continue; // known before: the baseline's point is not to repeat it
    writeLocated(OS, R, F.Where, F.Level, F.Message, F.Check, F.Fixes);
    if (!F.Variant.empty())
      writeLocated(OS, R, F.Where, "note", variantNote(F.Variant), "");
    for (const Note &N : F.Notes)
      writeLocated(OS, R, N.Where, "note", N.Message, "", N.Fixes);
  }
}

} // namespace cancellint::tool
