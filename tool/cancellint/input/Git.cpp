//===--- Git.cpp - What git says about the analysed tree -----------------===//
#include "input/Git.h"
#include "Files.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

namespace cancellint::tool {

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

std::optional<GitRevision> gitRevision(const std::string &Directory) {
  std::string Error;
  auto Head = git(Directory, {"rev-parse", "--verify", "-q", "HEAD"}, Error);
  if (!Head)
    return std::nullopt;
  GitRevision R;
  R.Commit = llvm::StringRef(*Head).trim().str();
  // Untracked files are not part of the revision a reader would check out;
  // changed tracked ones are.
  auto Status = git(Directory,
                    {"status", "--porcelain", "--untracked-files=no"}, Error);
  R.Dirty = Status && !llvm::StringRef(*Status).trim().empty();
  return R;
}

} // namespace cancellint::tool
