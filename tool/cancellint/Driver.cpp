//===--- Driver.cpp - One cancellint run from options to exit code -------===//
//
// Validate everything that can be validated before any work (configuration,
// models, compile database), then analyse every translation unit in worker
// processes, then render one deterministic report. A bad translation unit
// never stops the run: it is reported and the exit code says so.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "Files.h"
#include "Fixes.h"
#include "OutputFile.h"
#include "execution/DependencyScan.h"
#include "execution/ResultCache.h"
#include "execution/Scheduler.h"
#include "input/Baseline.h"
#include "input/CompileCommands.h"
#include "input/DiffFilter.h"
#include "report/OutputFormats.h"
#include "report/Report.h"

#include "model/ModelStore.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <memory>
#include <set>

namespace cancellint::tool {

namespace {

std::string workingDirectory() {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return "/"; // deleted under us: print absolute paths
  return std::string(Cwd);
}

void printError(const std::string &Message) {
  llvm::errs() << "cancellint: error: " << Message << "\n";
}

/// Everything a user can get wrong in the configuration, found before any
/// translation unit is started. Returns false after printing each problem.
bool validateConfiguration(const DriverOptions &O) {
  if (O.NoCache && !O.CacheDir.empty()) {
    printError("--cache-dir and --no-cache contradict each other");
    return false;
  }
  bool Ok = true;
  std::optional<std::string> Text = O.Config;
  std::string Origin = "--config";
  if (O.ConfigFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(*O.ConfigFile);
    if (!Buffer) {
      printError("cannot read --config-file '" + *O.ConfigFile +
                 "': " + Buffer.getError().message());
      return false;
    }
    Text = (*Buffer)->getBuffer().str();
    Origin = *O.ConfigFile;
  }
  if (Text) {
    auto Parsed = clang::tidy::parseConfiguration(
        llvm::MemoryBufferRef(*Text, Origin));
    if (!Parsed) {
      printError("invalid configuration in " + Origin + ": " +
                 Parsed.getError().message());
      Ok = false;
    }
  }
  model::ModelConfig Models;
  Models.Libraries = O.Libraries.value_or("*");
  Models.Files = O.ModelFiles;
  model::LoadedModel Loaded = model::loadModel(Models);
  for (const model::ModelError &E : Loaded.Errors) {
    llvm::errs() << E.format() << "\n";
    Ok = false;
  }
  return Ok;
}

struct Plan {
  std::vector<AnalysisRequest> Requests;
  std::vector<Failure> Unplanned; ///< files that cannot even be started
  size_t Files = 0;
};

std::optional<Plan> planRun(const DriverOptions &O) {
  std::vector<std::string> Files;
  Files.reserve(O.Files.size());
  for (const std::string &F : O.Files)
    Files.push_back(absolutePath(F));
  std::string Error;
  auto Source = loadCompileCommands(O.FixedCompilerArgs,
                                    O.BuildPath.empty() ? ""
                                                        : absolutePath(O.BuildPath),
                                    Files, Error);
  if (!Source) {
    printError(Error);
    return std::nullopt;
  }
  if (Files.empty()) {
    Files = Source->Database->getAllFiles();
    std::sort(Files.begin(), Files.end());
    Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
    if (Files.empty()) {
      printError(Source->Description + " lists no files");
      return std::nullopt;
    }
  }
  if (O.ShardCount > 1) {
    // Deterministic partition: the same files land in the same shard
    // whatever order they were given in.
    std::sort(Files.begin(), Files.end());
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Files.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex)
        Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }
  Plan P;
  P.Files = Files.size();
  for (const std::string &File : Files) {
    if (!llvm::sys::fs::exists(File)) {
      P.Unplanned.push_back({File, "file not found", ""});
      continue;
    }
    auto Command = commandFor(*Source->Database, File);
    if (!Command) {
      P.Unplanned.push_back(
          {File, "no compile command in " + Source->Description, ""});
      continue;
    }
    AnalysisRequest R;
    R.File = File;
    R.Directory = Command->Directory;
    R.CommandLine = Command->CommandLine;
    R.Checks = O.Checks;
    R.Config = O.Config;
    if (O.ConfigFile)
      R.ConfigFile = absolutePath(*O.ConfigFile);
    R.HeaderFilter = O.HeaderFilter;
    R.SystemHeaders = O.SystemHeaders;
    for (const std::string &M : O.ModelFiles)
      R.ModelFiles.push_back(absolutePath(M));
    R.Libraries = O.Libraries;
    P.Requests.push_back(std::move(R));
  }
  return P;
}

/// Progress on a terminal only: CI logs and pipes stay clean.
class ProgressLine {
public:
  explicit ProgressLine(bool Enabled) : Enabled(Enabled) {}
  void update(size_t Done, size_t Total, size_t Findings) {
    if (!Enabled)
      return;
    llvm::errs() << "\r[" << Done << "/" << Total << "] " << Findings
                 << (Findings == 1 ? " finding" : " findings") << "   ";
    if (Done == Total)
      llvm::errs() << "\r\x1b[K";
  }

private:
  bool Enabled;
};

unsigned jobs(const DriverOptions &O) {
  return O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
}

/// --diff: the units worth analysing: those whose main file changed or
/// which include a changed file. What a unit includes comes from the cache
/// when it knows, else from a dependency scan; a unit neither can tell
/// about is kept, since it may include anything.
void selectChangedUnits(Plan &P, const ChangedLines &Changes,
                        ResultCache *Cache, unsigned Jobs) {
  auto Reaches = [&](const Dependencies &Deps) {
    return !Deps || std::any_of(Deps->begin(), Deps->end(),
                                [&](const std::string &F) {
                                  return Changes.touchesFile(F);
                                });
  };
  std::vector<bool> Keep(P.Requests.size(), false);
  std::vector<const AnalysisRequest *> ToScan;
  std::vector<size_t> Scanned;
  for (size_t I = 0; I < P.Requests.size(); ++I) {
    const AnalysisRequest &R = P.Requests[I];
    if (Changes.touchesFile(R.File)) {
      Keep[I] = true;
      continue;
    }
    if (Dependencies Known = Cache ? Cache->lastDependencies(R) : std::nullopt) {
      Keep[I] = Reaches(Known);
      continue;
    }
    ToScan.push_back(&R);
    Scanned.push_back(I);
  }
  std::vector<Dependencies> Found = scanDependencies(ToScan, Jobs);
  for (size_t K = 0; K < Scanned.size(); ++K)
    Keep[Scanned[K]] = Reaches(Found[K]);

  std::vector<AnalysisRequest> Kept;
  for (size_t I = 0; I < P.Requests.size(); ++I)
    if (Keep[I])
      Kept.push_back(std::move(P.Requests[I]));
  P.Files -= P.Requests.size() - Kept.size();
  P.Requests = std::move(Kept);
}

/// Runs the workers, answering unchanged units from the cache when there
/// is one. Results come back in request order.
std::vector<TranslationUnitResult>
analyse(const std::vector<AnalysisRequest> &Requests,
        const SchedulerOptions &S, ResultCache *Cache) {
  if (!Cache)
    return runWorkers(Requests, S);
  std::vector<TranslationUnitResult> Results(Requests.size());
  std::vector<size_t> Missed;
  std::vector<AnalysisRequest> ToRun;
  for (size_t I = 0; I < Requests.size(); ++I) {
    if (auto Hit = Cache->lookup(Requests[I])) {
      Results[I] = std::move(*Hit);
      continue;
    }
    Missed.push_back(I);
    ToRun.push_back(Requests[I]);
    ToRun.back().RecordDependencies = true;
  }
  std::vector<TranslationUnitResult> Fresh = runWorkers(ToRun, S);
  for (size_t K = 0; K < Missed.size(); ++K) {
    if (!wasInterrupted())
      Cache->store(Requests[Missed[K]], Fresh[K]);
    Results[Missed[K]] = std::move(Fresh[K]);
  }
  return Results;
}

} // namespace

int runDriver(const DriverOptions &O) {
  if (!validateConfiguration(O))
    return ExitUsage;
  std::optional<Baseline> Known;
  if (!O.BaselinePath.empty()) {
    Known.emplace();
    if (std::string E = Known->load(O.BaselinePath); !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  }
  std::optional<Plan> P = planRun(O);
  if (!P)
    return ExitUsage;
  std::unique_ptr<ResultCache> Cache;
  std::string CacheDir = O.CacheDir.empty()
                             ? ResultCache::defaultDirectory(O.BuildPath)
                             : absolutePath(O.CacheDir);
  if (!O.NoCache && !CacheDir.empty())
    Cache = std::make_unique<ResultCache>(CacheDir, O.SelfPath);
  std::optional<ChangedLines> Changes;
  if (!O.DiffRevision.empty()) {
    Changes.emplace();
    if (std::string E = Changes->load(O.DiffRevision, workingDirectory());
        !E.empty()) {
      printError(E);
      return ExitUsage;
    }
    selectChangedUnits(*P, *Changes, Cache.get(), jobs(O));
  }

  ProgressLine Progress(!O.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
  size_t FindingsSoFar = 0;
  SchedulerOptions S;
  S.WorkerExecutable = O.SelfPath;
  S.Jobs = jobs(O);
  S.TimeoutSeconds = O.TimeoutSeconds;
  S.Progress = [&](size_t Done, size_t Total, const TranslationUnitResult &R) {
    FindingsSoFar += R.Findings.size();
    Progress.update(Done, Total, FindingsSoFar);
  };
  std::vector<TranslationUnitResult> Results =
      analyse(P->Requests, S, Cache.get());
  if (wasInterrupted()) {
    // Half a run is not a report: write nothing, as the user asked to stop.
    llvm::errs() << "\ncancellint: interrupted; no report written\n";
    return ExitInterrupted;
  }

  RunReport Report;
  Report.TranslationUnits = P->Files;
  Report.WorkingDirectory = workingDirectory();
  Report.SourceRoot = absolutePath(O.SourceRoot.empty() ? Report.WorkingDirectory
                                                    : O.SourceRoot);
  if (Report.SourceRoot.back() != '/')
    Report.SourceRoot += '/';
  Report.Failures = P->Unplanned;
  std::set<std::string> ConfigurationErrors;
  for (TranslationUnitResult &R : Results) {
    for (Finding &F : R.Findings) {
      // A model named in a .clang-tidy file is only read by the checks.
      if (F.Check == "clang-tidy-config")
        ConfigurationErrors.insert(F.Message);
      else
        Report.Findings.push_back(std::move(F));
    }
    for (Failure &F : R.Failures)
      Report.Failures.push_back(std::move(F));
  }
  for (const std::string &E : ConfigurationErrors)
    printError(E);
  if (Changes)
    keepChangedFindings(Report, *Changes);
  finalizeReport(Report, Known ? &*Known : nullptr);
  if (!ConfigurationErrors.empty())
    Report.ExitCode = ExitUsage;

  if (!O.WriteBaselinePath.empty())
    if (std::string E = writeFileAtomically(O.WriteBaselinePath,
                                            Baseline::render(Report));
        !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  if (!O.ExportFixesPath.empty())
    if (std::string E =
            writeFileAtomically(O.ExportFixesPath, exportFixes(Report));
        !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  if (O.Fix) {
    FixSummary Fixed = applyFixes(Report);
    if (!Fixed.Error.empty()) {
      printError(Fixed.Error);
      return ExitUsage;
    }
    if (!O.Quiet && (Fixed.Applied || Fixed.Conflicting))
      llvm::errs() << "cancellint: applied the fixes of " << Fixed.Applied
                   << (Fixed.Applied == 1 ? " finding" : " findings")
                   << " in " << Fixed.Files
                   << (Fixed.Files == 1 ? " file" : " files")
                   << (Fixed.Conflicting
                           ? "; skipped " + std::to_string(Fixed.Conflicting) +
                                 " whose edits overlap others"
                           : std::string())
                   << "\n";
  }

  std::string Rendered;
  llvm::raw_string_ostream OS(Rendered);
  O.Format->Write(Report, OS);
  OS.flush();
  if (!O.SarifPath.empty()) {
    std::string Sarif;
    llvm::raw_string_ostream SarifOS(Sarif);
    writeSarif(Report, SarifOS);
    SarifOS.flush();
    if (std::string E = writeFileAtomically(O.SarifPath, Sarif); !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  }
  if (O.OutputPath.empty()) {
    llvm::outs() << Rendered;
    llvm::outs().flush();
  } else if (std::string E = writeFileAtomically(O.OutputPath, Rendered);
             !E.empty()) {
    printError(E);
    return ExitUsage;
  }

  for (const Failure &F : Report.Failures) {
    llvm::errs() << relativeTo(F.File, Report.WorkingDirectory)
                 << ": error: " << F.Reason << "\n";
    if (!F.Details.empty())
      llvm::errs() << F.Details << (F.Details.back() == '\n' ? "" : "\n");
  }
  size_t KnownCount = std::count_if(
      Report.Findings.begin(), Report.Findings.end(), [](const Finding &F) {
        return F.BaselineState == Finding::Baseline::Known;
      });
  size_t Shown = Report.Findings.size() - KnownCount;
  if (!O.Quiet)
    llvm::errs() << "cancellint: " << Shown
                 << (Known ? " new" : "")
                 << (Shown == 1 ? " finding" : " findings")
                 << " in " << Report.TranslationUnits
                 << (Report.TranslationUnits == 1 ? " translation unit"
                                                  : " translation units")
                 << (Report.Failures.empty()
                         ? std::string()
                         : " (" + std::to_string(Report.Failures.size()) +
                               " could not be fully analysed)")
                 << (KnownCount ? "; " + std::to_string(KnownCount) +
                                      " known from the baseline"
                                : std::string())
                 << "\n";
  return Report.ExitCode;
}

} // namespace cancellint::tool
