//===--- SourceLines.cpp - Byte offsets to lines and columns -------------===//
#include "SourceLines.h"

#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace cancellint::tool {

SourceLines::FileLines *SourceLines::load(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second.get();
  std::unique_ptr<FileLines> Lines;
  if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
    Lines = std::make_unique<FileLines>();
    Lines->Text = (*Buffer)->getBuffer().str();
    Lines->LineStarts.push_back(0);
    for (unsigned I = 0; I < Lines->Text.size(); ++I)
      if (Lines->Text[I] == '\n')
        Lines->LineStarts.push_back(I + 1);
  }
  FileLines *Result = Lines.get();
  Files[File] = std::move(Lines);
  return Result;
}

Location SourceLines::locate(const std::string &File, unsigned Offset) {
  Location L;
  L.File = File;
  L.Offset = Offset;
  FileLines *Lines = load(File);
  if (!Lines)
    return L;
  auto It = std::upper_bound(Lines->LineStarts.begin(),
                             Lines->LineStarts.end(), Offset);
  unsigned Index = static_cast<unsigned>(It - Lines->LineStarts.begin()) - 1;
  unsigned Start = Lines->LineStarts[Index];
  L.Line = Index + 1;
  L.Column = Offset - Start + 1;
  size_t End = Lines->Text.find('\n', Start);
  L.LineText = Lines->Text.substr(
      Start, (End == std::string::npos ? Lines->Text.size() : End) - Start);
  if (!L.LineText.empty() && L.LineText.back() == '\r')
    L.LineText.pop_back();
  return L;
}

unsigned byteColumn(const std::string &Line, unsigned Utf16Column) {
  unsigned Units = 1, I = 0;
  while (Units < Utf16Column && I < Line.size()) {
    auto C = static_cast<unsigned char>(Line[I]);
    unsigned Length = C < 0x80 ? 1 : C < 0xE0 ? 2 : C < 0xF0 ? 3 : 4;
    Units += Length == 4 ? 2 : 1;
    I += Length;
  }
  return I + 1 + (Units < Utf16Column ? Utf16Column - Units : 0);
}

unsigned utf16Column(const std::string &Line, unsigned ByteColumn) {
  unsigned Units = 0;
  unsigned I = 0;
  for (; I + 1 < ByteColumn && I < Line.size();) {
    auto C = static_cast<unsigned char>(Line[I]);
    unsigned Length = C < 0x80 ? 1 : C < 0xE0 ? 2 : C < 0xF0 ? 3 : 4;
    Units += Length == 4 ? 2 : 1; // outside the BMP: a surrogate pair
    I += Length;
  }
  // Past the end of the line (an end-of-line position): one unit a byte.
  return Units + 1 + (I + 1 < ByteColumn ? ByteColumn - 1 - I : 0);
}

} // namespace cancellint::tool
