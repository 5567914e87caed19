//===--- SubcommandUsage.cpp - A subcommand's own help and errors --------===//
#include "SubcommandUsage.h"
#include "report/Report.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <utility>
#include <vector>

namespace cancellint::tool {

namespace cl = llvm::cl;

SubcommandUsage::SubcommandUsage(cl::SubCommand &Sub, llvm::StringRef Usage,
                                 std::string UnknownTail)
    : Sub(Sub), Usage(Usage), UnknownTail(std::move(UnknownTail)),
      Help(cl::desc("-h, -help, --help"), cl::ValueDisallowed, cl::sub(Sub)),
      Unknown(cl::Sink, cl::sub(Sub)) {}

bool SubcommandUsage::isNamedBy(llvm::StringRef Arg) const {
  return Arg == Sub.getName();
}

void SubcommandUsage::keepOwnOptions() {
  auto &Options = cl::getRegisteredOptions(Sub);
  std::vector<llvm::StringRef> Generic;
  for (const auto &[Name, Option] : Options)
    if (!Option->Subs.contains(&Sub))
      Generic.push_back(Name);
  for (const llvm::StringRef Name : Generic)
    Options.erase(Name);
  // Help has no name of its own: cl would group a one-letter name with what
  // follows it ("-help" as "-h -e -l -p"). std::addressof: a cl::list's
  // operator& gives its vector of values.
  Options["h"] = Options["help"] = std::addressof(Help);
  // cl looks an option the subcommand does not have up among the top-level
  // command's; this run has no use for them.
  cl::getRegisteredOptions(cl::SubCommand::getTopLevel()).clear();
}

std::optional<int> SubcommandUsage::earlyExit() const {
  const bool HelpFirst =
      !Help.empty() &&
      (Unknown.empty() || Help.getPosition(0) < Unknown.getPosition(0));
  if (HelpFirst) {
    llvm::outs() << Usage;
    return ExitClean;
  }
  if (!Unknown.empty()) {
    llvm::errs() << "cancellint " << Sub.getName()
                 << ": error: unknown option '" << Unknown.front() << "'"
                 << UnknownTail << "\n";
    return ExitUsage;
  }
  return std::nullopt;
}

} // namespace cancellint::tool
