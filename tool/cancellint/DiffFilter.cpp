//===--- DiffFilter.cpp - Reporting only what a change touched -----------===//
#include "DiffFilter.h"
#include "Files.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <algorithm>

namespace cancellint::tool {

namespace {

/// Runs git with \p Args in \p Directory; its stdout, or nullopt.
std::optional<std::string> git(const std::string &Directory,
                               const std::vector<std::string> &Args,
                               std::string &Error) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "git not found";
    return std::nullopt;
  }
  llvm::SmallString<128> Out, Err;
  if (llvm::sys::fs::createTemporaryFile("cancellint-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("cancellint-git", "err", Err)) {
    Error = "cannot create temporary files";
    return std::nullopt;
  }
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Directory};
  for (const std::string &A : Args)
    Argv.emplace_back(A);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  std::string Stdout = readTextFile(std::string(Out)).value_or("");
  std::string Stderr = readTextFile(std::string(Err)).value_or("");
  removeTemporary(std::string(Out));
  removeTemporary(std::string(Err));
  if (RC != 0) {
    Error = llvm::StringRef(Stderr).trim().str();
    return std::nullopt;
  }
  return Stdout;
}

} // namespace

std::string ChangedLines::load(const std::string &Revision,
                               const std::string &Directory) {
  std::string Error;
  auto Root = git(Directory, {"rev-parse", "--show-toplevel"}, Error);
  if (!Root)
    return "--diff needs a git repository: " + Error;
  // Committed and uncommitted changes since Revision, without context.
  auto Diff = git(Directory,
                  {"diff", "-U0", "--no-color", "--no-ext-diff", Revision, "--"},
                  Error);
  if (!Diff)
    return "cannot diff against '" + Revision + "': " + Error;
  parse(*Diff, llvm::StringRef(*Root).trim().str());
  return "";
}

void ChangedLines::parse(const std::string &Diff, const std::string &Root) {
  std::string File;
  llvm::SmallVector<llvm::StringRef> DiffLines;
  llvm::StringRef(Diff).split(DiffLines, '\n');
  for (llvm::StringRef L : DiffLines) {
    if (L.consume_front("+++ ")) {
      // "+++ b/path", or "+++ /dev/null" for a deleted file.
      File = L.starts_with("b/") ? Root + "/" + L.drop_front(2).str() : "";
      if (!File.empty())
        Lines[File]; // a changed file, even if only lines were removed
      continue;
    }
    if (File.empty() || !L.consume_front("@@ "))
      continue;
    // "@@ -a,b +c,d @@": the new side starts at c and spans d lines.
    size_t Plus = L.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Range = L.drop_front(Plus + 1).take_until(
        [](char C) { return C == ' '; });
    auto [StartText, CountText] = Range.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start))
      continue;
    if (!CountText.empty() && CountText.getAsInteger(10, Count))
      continue;
    for (unsigned I = 0; I < Count; ++I)
      Lines[File].insert(Start + I);
  }
}

bool ChangedLines::touchesLine(const std::string &File, unsigned Line) const {
  auto It = Lines.find(File);
  return It != Lines.end() && It->second.count(Line);
}

void keepChangedFindings(RunReport &R, const ChangedLines &Changes) {
  R.Findings.erase(std::remove_if(R.Findings.begin(), R.Findings.end(),
                                  [&](const Finding &F) {
                                    return !Changes.touchesLine(F.Where.File,
                                                                F.Where.Line);
                                  }),
                   R.Findings.end());
}

} // namespace cancellint::tool
