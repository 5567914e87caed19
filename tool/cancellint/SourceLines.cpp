//===--- SourceLines.cpp - Lines and columns of source files -------------===//
#include "SourceLines.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace cancellint::tool {

const SourceLines::FileLines &SourceLines::load(const std::string &File) {
  std::unique_ptr<FileLines> &Lines = Files[File];
  if (Lines)
    return *Lines;
  Lines = std::make_unique<FileLines>();
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    Lines->Error = Buffer.getError().message();
    return *Lines;
  }
  Lines->Text = (*Buffer)->getBuffer().str();
  Lines->LineStarts.push_back(0);
  for (unsigned I = 0; I < Lines->Text.size(); ++I)
    if (Lines->Text[I] == '\n')
      Lines->LineStarts.push_back(I + 1);
  return *Lines;
}

Location SourceLines::locate(const std::string &File, unsigned Offset) {
  Location L;
  L.File = File;
  L.Offset = Offset;
  const FileLines &Lines = load(File);
  if (!Lines.Error.empty())
    return L;
  auto It = std::upper_bound(Lines.LineStarts.begin(),
                             Lines.LineStarts.end(), Offset);
  unsigned Index = static_cast<unsigned>(It - Lines.LineStarts.begin()) - 1;
  unsigned Start = Lines.LineStarts[Index];
  L.Line = Index + 1;
  L.Column = Offset - Start + 1;
  size_t End = Lines.Text.find('\n', Start);
  L.LineText = Lines.Text.substr(
      Start, (End == std::string::npos ? Lines.Text.size() : End) - Start);
  if (!L.LineText.empty() && L.LineText.back() == '\r')
    L.LineText.pop_back();
  return L;
}

std::string SourceLines::readError(const std::string &File) {
  return load(File).Error;
}

unsigned SourceLines::lineCount(const std::string &File) {
  const FileLines &Lines = load(File);
  if (Lines.Text.empty())
    return 0;
  const auto Starts = static_cast<unsigned>(Lines.LineStarts.size());
  return Lines.Text.back() == '\n' ? Starts - 1 : Starts;
}

llvm::StringRef SourceLines::line(const std::string &File, unsigned Number) {
  const FileLines &Lines = load(File);
  const llvm::StringRef Text(Lines.Text);
  const size_t Start = Lines.LineStarts[Number - 1];
  return Text.slice(Start, Text.find('\n', Start)).rtrim('\r');
}

namespace {

/// The length of the UTF-8 sequence that starts at \p I: 1 for ASCII, and
/// also for a byte that does not start a valid sequence, which counts as
/// one character of its own.
unsigned sequenceLength(llvm::StringRef Line, size_t I) {
  const unsigned Length = llvm::getNumBytesForUTF8(Line[I]);
  if (Length <= 1 || Length > 4 || I + Length > Line.size())
    return 1;
  const auto *Start = reinterpret_cast<const llvm::UTF8 *>(Line.data() + I);
  return llvm::isLegalUTF8Sequence(Start, Start + Length) ? Length : 1;
}

} // namespace

unsigned byteColumn(const std::string &Line, unsigned Utf16Column) {
  unsigned Units = 1, I = 0;
  while (Units < Utf16Column && I < Line.size()) {
    const unsigned Length = sequenceLength(Line, I);
    Units += Length == 4 ? 2 : 1;
    I += Length;
  }
  return I + 1 + (Units < Utf16Column ? Utf16Column - Units : 0);
}

unsigned tokenLength(llvm::StringRef Line, unsigned Column) {
  if (Column == 0 || Column > Line.size())
    return 1;
  llvm::StringRef Rest = Line.drop_front(Column - 1);
  auto Word = [](char C) {
    return llvm::isAlnum(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
  };
  size_t N = 0;
  char First = Rest.front();
  if (Word(First)) {
    while (N < Rest.size() && (Word(Rest[N]) || (llvm::isDigit(First) && Rest[N] == '.')))
      ++N;
  } else if (First == '"' || First == '\'') {
    for (N = 1; N < Rest.size() && Rest[N] != First; ++N)
      if (Rest[N] == '\\')
        ++N;
    N = std::min(N + 1, Rest.size());
  } else {
    // One character; a UTF-8 sequence whole.
    N = 1;
    while (N < Rest.size() && (static_cast<unsigned char>(Rest[N]) & 0xC0) == 0x80)
      ++N;
  }
  return static_cast<unsigned>(std::max<size_t>(N, 1));
}

unsigned utf16Column(const std::string &Line, unsigned ByteColumn) {
  unsigned Units = 0;
  unsigned I = 0;
  for (; I + 1 < ByteColumn && I < Line.size();) {
    const unsigned Length = sequenceLength(Line, I);
    Units += Length == 4 ? 2 : 1; // outside the BMP: a surrogate pair
    I += Length;
  }
  // Past the end of the line (an end-of-line position): one unit a byte.
  return Units + 1 + (I + 1 < ByteColumn ? ByteColumn - 1 - I : 0);
}

size_t byteOffsetOfColumn(llvm::StringRef Line, unsigned Column,
                          bool CodePoints) {
  unsigned Units = 1;
  size_t I = 0;
  while (I < Line.size() && Units < Column) {
    const unsigned Length = sequenceLength(Line, I);
    Units += (Length == 4 && !CodePoints) ? 2 : 1;
    I += Length;
  }
  return I;
}

} // namespace cancellint::tool
