//===--- PageIndex.cpp - The HTML page's checks, files and modules -------===//
#include "report/html/PageIndex.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace cancellint::tool {

namespace {

/// Colours in style.css (.k0 to .k11).
constexpr unsigned PaletteSize = 12;

/// The first \p Depth directories of \p File's directory, as a label:
/// "src/net/"; "./" for a file at the top.
std::string moduleLabel(llvm::StringRef File, size_t Depth) {
  const llvm::StringRef Directory = llvm::sys::path::parent_path(File);
  if (Directory.empty())
    return "./";
  std::string Label;
  size_t Taken = 0;
  for (auto It = llvm::sys::path::begin(Directory, llvm::sys::path::Style::posix),
            End = llvm::sys::path::end(Directory);
       It != End && Taken < Depth; ++It, ++Taken)
    Label += (*It == "/" ? "" : It->str()) + "/";
  return Label;
}

/// Most first, then by name.
void sortByCount(std::vector<Counted> &Rows) {
  std::sort(Rows.begin(), Rows.end(), [](const Counted &A, const Counted &B) {
    return std::tie(B.Count, A.Name) < std::tie(A.Count, B.Name);
  });
}

} // namespace

PageIndex::PageIndex(const SarifResults &Data) {
  std::map<std::string, size_t> ByCheck;
  std::map<std::string, size_t> ByFile;
  for (const Entry &E : Data.Entries) {
    ++ByCheck[E.Check];
    ++ByFile[E.Where.Shown];
    if (E.State == "new")
      ++New;
    Rules.emplace(E.Check, E.Rule);
  }
  for (const auto &[Name, Count] : ByCheck)
    Checks.push_back({Name, Count});
  sortByCount(Checks);
  for (size_t I = 0; I < Checks.size(); ++I)
    CheckIndex[Checks[I].Name] = I;
  for (const auto &[Name, Count] : ByFile) {
    FileIndex[Name] = Files.size();
    Files.push_back({Name, Count});
    FilesWithFindings += !Name.empty();
  }

  // The depth of the tree that gives a readable number of rows: deeper
  // while there are too few and the next level is not too many.
  auto ModulesAt = [&](size_t Depth) {
    std::map<std::string, size_t> Out;
    for (const Counted &F : Files)
      Out[moduleLabel(F.Name, Depth)] += F.Count;
    return Out;
  };
  size_t Deepest = 1;
  for (const Counted &F : Files) {
    const llvm::StringRef Directory = llvm::sys::path::parent_path(F.Name);
    Deepest = std::max<size_t>(
        Deepest, std::distance(llvm::sys::path::begin(
                                   Directory, llvm::sys::path::Style::posix),
                               llvm::sys::path::end(Directory)));
  }
  size_t Depth = 1;
  std::map<std::string, size_t> Chosen = ModulesAt(Depth);
  while (Chosen.size() < MinModules && Depth < Deepest) {
    std::map<std::string, size_t> Deeper = ModulesAt(Depth + 1);
    if (Deeper.size() > MaxModules)
      break;
    Chosen = std::move(Deeper);
    ++Depth;
  }
  for (const auto &[Name, Count] : Chosen)
    Modules.push_back({Name, Count});
  sortByCount(Modules);
  std::map<std::string, size_t> ModuleIndex;
  if (Modules.size() > MaxModules) {
    // The smallest are folded into one row, which stays last.
    Counted Other{"", 0};
    size_t Folded = Modules.size() - (MaxModules - 1);
    for (size_t I = MaxModules - 1; I < Modules.size(); ++I) {
      Other.Count += Modules[I].Count;
      ModuleIndex[Modules[I].Name] = MaxModules - 1;
    }
    Modules.resize(MaxModules - 1);
    Other.Name = "(" + std::to_string(Folded) + " other directories)";
    Modules.push_back(Other);
  }
  for (size_t I = 0; I < Modules.size(); ++I)
    ModuleIndex.emplace(Modules[I].Name, I);
  for (const Counted &F : Files)
    FileModule.push_back(ModuleIndex.at(moduleLabel(F.Name, Depth)));
  for (const Entry &E : Data.Entries)
    ++Cells[{moduleOf(E), CheckIndex.at(E.Check)}];
}

std::string checkColourClass(llvm::StringRef Check) {
  // FNV-1a: the same on every platform and in every version.
  uint32_t Hash = 2166136261u;
  for (const unsigned char C : Check) {
    Hash ^= C;
    Hash *= 16777619u;
  }
  // The low bits mix least; these give the five cancel-* checks five
  // different colours.
  return "k" + std::to_string((Hash >> 8) % PaletteSize);
}

} // namespace cancellint::tool
