//===--- DiffFuzzer.cpp - Fuzzing the reader of `git diff` output --------===//
//
// Any text read as a diff must end in a set of changed files and lines:
// no crash, no hang, no exception, and work bounded by the input (a hunk
// header claiming four billion lines records only the lines that follow
// it). What is recorded is sane: files under the root, lines counted from
// 1, no more lines than the text has, the same result every time.
// libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer; seeds in
// fuzz/corpus/diff.
//
//===----------------------------------------------------------------------===//
#include "input/DiffFilter.h"

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <string>

// libFuzzer names the entry point.
extern "C" int LLVMFuzzerTestOneInput( // NOLINT(readability-identifier-naming)
    const uint8_t *Data, size_t Size) {
  std::string Diff(reinterpret_cast<const char *>(Data), Size);
  const std::string Root = "/repo";
  try {
    cancellint::tool::ChangedLines Changes;
    Changes.parse(Diff, Root);
    size_t TextLines = llvm::StringRef(Diff).count('\n') + 1;
    size_t Recorded = 0;
    for (const auto &[File, Lines] : Changes.files()) {
      if (!llvm::StringRef(File).starts_with(Root + "/") ||
          File.size() == Root.size() + 1 || !Changes.touchesFile(File))
        std::abort();
      for (unsigned Line : Lines) {
        if (Line == 0 || !Changes.touchesLine(File, Line))
          std::abort();
        ++Recorded;
      }
    }
    if (Recorded > TextLines)
      std::abort(); // each recorded line is one "+" line of the text
    cancellint::tool::ChangedLines Again;
    Again.parse(Diff, Root);
    if (Again.files() != Changes.files())
      std::abort(); // deterministic
  } catch (...) {
    std::abort(); // parsing never throws
  }
  return 0;
}
