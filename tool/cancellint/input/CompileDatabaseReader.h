//===--- CompileDatabaseReader.h - compile_commands.json, checked -------===//
#ifndef CANCELLINT_TOOL_INPUT_COMPILEDATABASEREADER_H
#define CANCELLINT_TOOL_INPUT_COMPILEDATABASEREADER_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace cancellint::tool {

/// Reads a JSON compilation database from \p Text, the contents of
/// \p FileName: an array of objects with the strings "directory", "file",
/// "command" (or the array of strings "arguments") and optionally "output".
/// Returns the database, or null with \p Error holding one
/// "FileName:line:col: error: message (at /json/pointer)" line per problem
/// (at most ten, then a note with how many more there are).
std::unique_ptr<clang::tooling::CompilationDatabase>
parseCompileCommands(llvm::StringRef Text, llvm::StringRef FileName,
                     std::string &Error);

} // namespace cancellint::tool

#endif
