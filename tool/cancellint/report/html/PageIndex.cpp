//===--- PageIndex.cpp - The HTML page's checks and directories, numbered ===//
#include "report/html/PageIndex.h"

#include <array>

namespace cancellint::tool {

PageIndex::PageIndex(const SarifResults &Data) {
  std::map<std::string, size_t> ByCheck;
  std::map<std::string, size_t> ByDirectory;
  for (const Entry &E : Data.Entries) {
    ++ByCheck[E.Check];
    ++ByDirectory[E.directory()];
    if (E.State == "new")
      ++New;
    if (!E.Where.Shown.empty())
      Files.insert(E.Where.Shown);
    Rules.emplace(E.Check, E.Rule);
  }
  for (const auto &[Name, Count] : ByCheck) {
    CheckIndex[Name] = Checks.size();
    Checks.push_back({Name, Count});
  }
  for (const auto &[Name, Count] : ByDirectory) {
    DirectoryIndex[Name] = Directories.size();
    Directories.push_back({Name, Count});
  }
}

llvm::StringRef checkColour(size_t Index) {
  static constexpr std::array<llvm::StringLiteral, 8> Palette = {
      "#0a6bb0", "#c2410c", "#047857", "#a3367f",
      "#8a6100", "#4b5fb8", "#5f6b7a", "#0f766e"};
  return Palette[Index % Palette.size()];
}

std::string directoryLabel(const std::string &Directory) {
  return Directory == "." ? "./" : Directory + "/";
}

} // namespace cancellint::tool
