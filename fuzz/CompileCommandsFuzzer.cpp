//===--- CompileCommandsFuzzer.cpp - Fuzzing the compile-database reader -===//
//
// Any bytes read as compile_commands.json must end in a database or in
// located errors ("file:line:col: error: ..." lines inside the document),
// never in a crash, a hang or an error without a place. A database has one
// runnable command per entry. The reader's own JSON check is compared with
// llvm::json::parse: what it accepts, llvm::json and Clang's loader accept
// too. libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer;
// seeds in fuzz/corpus/compile-commands.
//
//===----------------------------------------------------------------------===//
#include "input/CompileCommands.h"
#include "input/CompileDatabaseReader.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

/// "fuzz.json:L:C: error: message" with L and C inside \p Text, or the
/// closing note about problems not shown. A message that says Clang's
/// loader refused checked JSON does not count: the two disagree.
bool isLocatedLine(llvm::StringRef Line, llvm::StringRef Text) {
  if (Line.starts_with("fuzz.json: note: ") && Line.ends_with(" not shown"))
    return true;
  if (!Line.consume_front("fuzz.json:"))
    return false;
  unsigned LineNo = 0, Column = 0;
  if (Line.consumeInteger(10, LineNo) || !Line.consume_front(":") ||
      Line.consumeInteger(10, Column) || !Line.consume_front(": error: "))
    return false;
  if (LineNo == 0 || Column == 0 || LineNo > Text.count('\n') + 1 ||
      Column > Text.size() + 1)
    return false;
  return !Line.trim().empty() && !Line.starts_with("clang cannot read it");
}

} // namespace

// libFuzzer names the entry point.
extern "C" int LLVMFuzzerTestOneInput( // NOLINT(readability-identifier-naming)
    const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  auto Database =
      cancellint::tool::parseCompileCommands(Text, "fuzz.json", Error);
  if (!Database) {
    if (Error.empty())
      std::abort(); // a rejection says why
    llvm::StringRef Rest = Error;
    while (!Rest.empty()) {
      auto [Line, Next] = Rest.split('\n');
      if (!isLocatedLine(Line, Text))
        std::abort(); // ... and where
      Rest = Next;
    }
    return 0;
  }
  if (!Error.empty())
    std::abort(); // success and errors must agree
  llvm::StringRef Json = Text;
  Json.consume_front("\xEF\xBB\xBF");
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Json);
  if (!Value)
    std::abort(); // accepted what is not JSON
  // Every command can be looked up by its file and has a compiler to run.
  for (const clang::tooling::CompileCommand &C :
       Database->getAllCompileCommands()) {
    if (C.CommandLine.empty())
      std::abort();
    for (const cancellint::tool::PlannedCommand &P :
         cancellint::tool::commandsFor(*Database, C.Filename)) {
      if (P.Command.CommandLine.empty())
        std::abort();
      (void)cancellint::tool::compilesCOrCxx(P.Command);
    }
  }
  return 0;
}
