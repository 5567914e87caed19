//===--- SubcommandUsage.h - A subcommand's own help and errors ----------===//
//
// `cancellint merge` and `cancellint report` are cl subcommands, but they
// keep the words they had when each parsed its own arguments: -h, -help and
// --help print the command's usage text rather than cl's generated page, and
// an option the command does not know (cl's generic ones such as --version
// included) is reported in its own error format. Whichever of the two comes
// first on the command line decides.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_SUBCOMMANDUSAGE_H
#define CANCELLINT_TOOL_SUBCOMMANDUSAGE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

#include <optional>
#include <string>

namespace cancellint::tool {

class SubcommandUsage {
public:
  /// \p Usage is printed for help. An unknown option is reported as
  /// "cancellint <name>: error: unknown option '<option>'<UnknownTail>".
  SubcommandUsage(llvm::cl::SubCommand &Sub, llvm::StringRef Usage,
                  std::string UnknownTail);

  /// Whether \p Arg, the first argument, names this subcommand (as cl
  /// decides when it parses).
  bool isNamedBy(llvm::StringRef Arg) const;

  /// Leaves the subcommand its own options only, -help and --help being its
  /// help: cl gives every subcommand its generic options (--help printing
  /// cl's page, --version, --print-options...) and, since LLVM 18, every
  /// option of the top-level command. Call it before parsing a command line
  /// that names this subcommand.
  void keepOwnOptions();

  /// After parsing: the exit code when the command line asked for help (the
  /// usage is printed) or had an unknown option (an error is printed), else
  /// nullopt.
  std::optional<int> earlyExit() const;

private:
  llvm::cl::SubCommand &Sub;
  llvm::StringRef Usage;
  std::string UnknownTail;
  /// -h, -help and --help, once the subcommand keeps its own options; a
  /// list, to know where the first one stands.
  llvm::cl::list<bool> Help;
  llvm::cl::list<std::string> Unknown; ///< every option cl does not know
};

} // namespace cancellint::tool

#endif
