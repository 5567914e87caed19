//===--- DiffFilter.cpp - Reporting only what a change touched -----------===//
#include "input/DiffFilter.h"
#include "Files.h"
#include "input/Git.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <tuple>

namespace cancellint::tool {

namespace {

/// Undoes git's C-style quoting of a path ("a\"b", "\303\274"), which
/// it uses for names with quotes, backslashes, control characters or (with
/// core.quotePath, the default) bytes above 0x7f. \p Quoted starts at the
/// opening quote; what follows the closing one is ignored.
std::optional<std::string> unquoteGitPath(llvm::StringRef Quoted) {
  std::string Out;
  size_t I = 1;
  while (I < Quoted.size()) {
    char C = Quoted[I++];
    if (C == '"')
      return Out;
    if (C != '\\') {
      Out += C;
      continue;
    }
    if (I >= Quoted.size())
      return std::nullopt;
    char E = Quoted[I++];
    // \a \b \t \n \v \f \r \" \\, then three octal digits for one byte.
    size_t Named = llvm::StringRef("abtnvfr\"\\").find(E);
    if (Named != llvm::StringRef::npos) {
      Out += "\a\b\t\n\v\f\r\"\\"[Named];
      continue;
    }
    auto IsOctal = [](char D) { return D >= '0' && D <= '7'; };
    if (E < '0' || E > '3' || I + 1 >= Quoted.size() || !IsOctal(Quoted[I]) ||
        !IsOctal(Quoted[I + 1]))
      return std::nullopt;
    Out += static_cast<char>(((E - '0') << 6) | ((Quoted[I] - '0') << 3) |
                             (Quoted[I + 1] - '0'));
    I += 2;
  }
  return std::nullopt; // no closing quote
}

/// The repository-relative path of a "+++ " header's rest; nullopt for
/// /dev/null or a path without git's "b/" prefix.
std::optional<std::string> gitNewPath(llvm::StringRef Header) {
  std::string Path;
  if (Header.starts_with("\"")) {
    std::optional<std::string> Unquoted = unquoteGitPath(Header);
    if (!Unquoted)
      return std::nullopt;
    Path = std::move(*Unquoted);
  } else {
    // git ends a name that has a space with a tab; a name with a tab or a
    // carriage return would have been quoted.
    Header = Header.take_until([](char C) { return C == '\t'; });
    Header.consume_back("\r");
    Path = Header.str();
  }
  llvm::StringRef Relative = Path;
  if (!Relative.consume_front("b/") || Relative.empty())
    return std::nullopt;
  return Relative.str();
}

struct HunkHeader {
  unsigned OldCount = 1;
  unsigned NewStart = 0;
  unsigned NewCount = 1;
};

/// "@@ -a[,b] +c[,d] @@ context": b old lines, d new lines from line c.
std::optional<HunkHeader> parseHunkHeader(llvm::StringRef L) {
  auto Range = [&L](unsigned &Start, unsigned &Count) {
    if (L.empty() || !llvm::isDigit(L.front()) || L.consumeInteger(10, Start))
      return false;
    Count = 1;
    return !L.consume_front(",") || (!L.empty() && llvm::isDigit(L.front()) &&
                                     !L.consumeInteger(10, Count));
  };
  HunkHeader H;
  unsigned OldStart = 0;
  if (!L.consume_front("@@ -") || !Range(OldStart, H.OldCount) ||
      !L.consume_front(" +") || !Range(H.NewStart, H.NewCount) ||
      !L.starts_with(" @@"))
    return std::nullopt;
  return H;
}

} // namespace

std::string ChangedLines::load(const std::string &Revision,
                               const std::string &Directory) {
  std::string Error;
  auto Root = git(Directory, {"rev-parse", "--show-toplevel"}, Error);
  if (!Root)
    return "--diff needs a git repository: " + Error;
  // Committed and uncommitted changes since Revision, without context, in
  // the form parse() reads whatever the user's configuration says: paths
  // from the top with "a/" and "b/" (diff.relative, diff.noprefix,
  // diff.mnemonicPrefix), the file's own lines (textconv filters), no
  // colours, no external diff tool.
  auto Diff = git(Directory,
                  {"-c", "diff.relative=false", "diff", "-U0", "--no-color",
                   "--no-ext-diff", "--no-textconv", "--src-prefix=a/",
                   "--dst-prefix=b/", Revision, "--"},
                  Error);
  if (!Diff)
    return "cannot diff against '" + Revision + "': " + Error;
  parse(*Diff, llvm::StringRef(*Root).trim().str());
  return "";
}

void ChangedLines::parse(const std::string &Diff, const std::string &Root) {
  std::set<unsigned> *File = nullptr; // the current file's lines, if any
  // Lines of the current hunk still to come on each side. Inside a hunk
  // every line is content, even one reading "+++ b/x" (an added "++ b/x").
  unsigned OldLeft = 0, NewLeft = 0;
  uint64_t NewLine = 0; // line number of the next new-side line
  llvm::StringRef Rest = Diff;
  while (!Rest.empty()) {
    llvm::StringRef L;
    std::tie(L, Rest) = Rest.split('\n');
    if (OldLeft != 0 || NewLeft != 0) {
      // An empty line is context whose leading space was stripped.
      char Kind = L.empty() ? ' ' : L.front();
      if (Kind == '+' && NewLeft != 0) {
        --NewLeft;
        if (File && NewLine >= 1 && NewLine <= UINT_MAX)
          File->insert(static_cast<unsigned>(NewLine));
        ++NewLine;
        continue;
      }
      if (Kind == '-' && OldLeft != 0) {
        --OldLeft;
        continue;
      }
      if (Kind == ' ' && OldLeft != 0 && NewLeft != 0) {
        --OldLeft;
        --NewLeft;
        ++NewLine;
        continue;
      }
      if (Kind == '\\') // "\ No newline at end of file"
        continue;
      // The hunk was shorter than its header said: read on as headers.
      OldLeft = NewLeft = 0;
    }
    if (L.starts_with("diff ")) {
      File = nullptr; // the next file; it may have no "+++" (binary, mode)
      continue;
    }
    if (L.consume_front("+++ ")) {
      // "+++ b/path", "+++ /dev/null" for a deleted file.
      std::optional<std::string> Path = gitNewPath(L);
      // A changed file is known even if only lines were removed from it.
      File = Path ? &Lines[Root + "/" + *Path] : nullptr;
      continue;
    }
    if (!File)
      continue;
    if (std::optional<HunkHeader> H = parseHunkHeader(L)) {
      OldLeft = H->OldCount;
      NewLeft = H->NewCount;
      NewLine = H->NewStart;
    }
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
