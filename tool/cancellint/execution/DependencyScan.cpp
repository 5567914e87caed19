//===--- DependencyScan.cpp - Which files a unit includes, before analysis ===//
#include "execution/DependencyScan.h"
#include "Files.h"
#include "execution/Parallel.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/DependencyScanning/DependencyScanningService.h"
#include "clang/Tooling/DependencyScanningTool.h"
#include "llvm/Support/CrashRecoveryContext.h"


namespace cancellint::tool {

std::vector<std::string> parseMakeDependencies(llvm::StringRef Rule) {
  std::vector<std::string> Files;
  // The target ends at the first unescaped ':' followed by a blank.
  size_t I = 0;
  for (; I < Rule.size(); ++I) {
    if (Rule[I] == '\\') {
      ++I;
      continue;
    }
    if (Rule[I] == ':' && (I + 1 == Rule.size() || Rule[I + 1] == ' ' ||
                           Rule[I + 1] == '\n' || Rule[I + 1] == '\t'))
      break;
  }
  std::string Current;
  auto Flush = [&] {
    if (!Current.empty())
      Files.push_back(std::move(Current));
    Current.clear();
  };
  for (++I; I < Rule.size(); ++I) {
    char C = Rule[I];
    if (C == '\\' && I + 1 < Rule.size()) {
      char Next = Rule[I + 1];
      if (Next == '\n' || (Next == '\r' && I + 2 < Rule.size() &&
                           Rule[I + 2] == '\n')) { // line continuation
        Flush();
        I += Next == '\n' ? 1 : 2;
        continue;
      }
      if (Next == ' ' || Next == '#' || Next == '\\') { // escaped character
        Current += Next;
        ++I;
        continue;
      }
    }
    if (C == '$' && I + 1 < Rule.size() && Rule[I + 1] == '$') {
      Current += '$';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Flush();
      continue;
    }
    Current += C;
  }
  Flush();
  return Files;
}

std::vector<Dependencies>
scanDependencies(const std::vector<const AnalysisRequest *> &Requests,
                 unsigned Jobs) {
  using namespace clang::dependencies;
  std::vector<Dependencies> Results(Requests.size());
  if (Requests.empty())
    return Results;
  // One service for all threads: it caches the minimised headers.
  DependencyScanningService Service(ScanningMode::DependencyDirectivesScan,
                                    ScanningOutputFormat::Make);
  llvm::CrashRecoveryContext::Enable();
  auto Scan = [&](clang::tooling::DependencyScanningTool &Tool, size_t I) {
    const AnalysisRequest &R = *Requests[I];
    // Counts errors, prints nothing. (An ignoring consumer would let a
    // missing header pass as a unit with fewer dependencies.)
    struct : clang::DiagnosticConsumer {
    } Quiet;
    std::optional<std::string> Rule;
    // A scanner crash must not end the run: the unit is then kept, and
    // analysed in its own worker like any other.
    llvm::CrashRecoveryContext Recovery;
    Recovery.RunSafely([&] {
      auto Text = Tool.getDependencyFile(R.CommandLine, R.Directory, Quiet);
      if (Text && Quiet.getNumErrors() == 0)
        Rule = std::move(*Text);
    });
    if (!Rule)
      return;
    std::vector<std::string> Files;
    for (const std::string &F : parseMakeDependencies(*Rule))
      Files.push_back(absolutePath(F, R.Directory));
    Results[I] = std::move(Files);
  };
  forEachItem(
      Requests.size(), Jobs,
      [&] {
        return [&, Tool = std::make_unique<
                       clang::tooling::DependencyScanningTool>(Service)](
                   size_t I) { Scan(*Tool, I); };
      },
      [] { return false; });
  return Results;
}

} // namespace cancellint::tool
