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
#include "input/ConfigurationCheck.h"
#include "input/DiffFilter.h"
#include "input/Git.h"
#include "report/OutputFormats.h"
#include "report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
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

/// "3 findings", "1 finding".
std::string counted(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// The options every analysis of this run shares.
AnalysisRequest settingsOf(const DriverOptions &O) {
  AnalysisRequest R;
  // --parse-only: every check off (configurationIsValid() lets it pass).
  R.Checks = O.ParseOnly ? std::optional<std::string>("-*") : O.Checks;
  R.Config = O.Config;
  if (O.ConfigFile)
    R.ConfigFile = absolutePath(*O.ConfigFile);
  R.HeaderFilter = O.HeaderFilter;
  R.SystemHeaders = O.SystemHeaders;
  for (const std::string &M : O.ModelFiles)
    R.ModelFiles.push_back(absolutePath(M));
  R.Libraries = O.Libraries;
  return R;
}

struct Plan {
  std::vector<AnalysisRequest> Requests; ///< one per distinct compile command
  std::vector<Failure> Unplanned; ///< units that cannot even be started
  size_t Skipped = 0; ///< compile commands that are not C or C++

  size_t units() const { return Requests.size() + Unplanned.size(); }
  /// The main files of the units.
  size_t files() const {
    std::set<llvm::StringRef> Files;
    for (const AnalysisRequest &R : Requests)
      Files.insert(R.File);
    for (const Failure &F : Unplanned)
      Files.insert(F.File);
    return Files.size();
  }
};

/// Why \p File cannot be analysed as a source file; "" when it can be.
std::string unreadableSourceReason(const std::string &File) {
  if (llvm::sys::fs::is_directory(File))
    return "is a directory, not a source file";
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    std::error_code EC = Buffer.getError();
    return EC == std::errc::no_such_file_or_directory
               ? "file not found"
               : "cannot read it: " + EC.message();
  }
  // Source text has no NUL bytes; object files and executables do.
  if ((*Buffer)->getBuffer().take_front(8192).contains('\0'))
    return "is a binary file, not C or C++ source";
  return "";
}

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
  for (const std::string &File : Files) {
    if (std::string Reason = unreadableSourceReason(File); !Reason.empty()) {
      P.Unplanned.push_back({File, Reason, ""});
      continue;
    }
    std::vector<PlannedCommand> Commands =
        commandsFor(*Source->Database, File);
    if (Commands.empty()) {
      P.Unplanned.push_back(
          {File, "no compile command in " + Source->Description, ""});
      continue;
    }
    for (PlannedCommand &C : Commands) {
      if (!compilesCOrCxx(C.Command)) {
        ++P.Skipped;
        continue;
      }
      if (!llvm::sys::fs::is_directory(C.Command.Directory)) {
        P.Unplanned.push_back({File,
                               "the compile command's directory '" +
                                   C.Command.Directory + "' does not exist",
                               ""});
        continue;
      }
      AnalysisRequest R = settingsOf(O);
      R.File = File;
      R.Directory = C.Command.Directory;
      R.CommandLine = std::move(C.Command.CommandLine);
      R.Variant = std::move(C.Variant);
      P.Requests.push_back(std::move(R));
    }
  }
  return P;
}

/// "45s", "4m", "1h05m": a duration as a progress line shows it.
std::string shortDuration(double Seconds) {
  auto S = static_cast<long>(std::ceil(Seconds));
  if (S < 60)
    return std::to_string(S) + "s";
  long Minutes = (S + 59) / 60;
  if (Minutes < 60)
    return std::to_string(Minutes) + "m";
  std::string M = std::to_string(Minutes % 60);
  return std::to_string(Minutes / 60) + "h" + (M.size() == 1 ? "0" : "") + M +
         "m";
}

/// Progress on stderr, unless --quiet: on a terminal, one line rewritten
/// in place; in a CI log, a line every 5% of the units or every 30 s,
/// once the run has lasted long enough to need one.
/// "[120/400] 3 findings, 2 failed, eta 4m".
class Progress {
public:
  explicit Progress(bool Enabled)
      : Enabled(Enabled),
        OnTerminal(llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()), LastLine(Start) {
    // Test hook: seconds before the first line of a CI log (default 10).
    if (const char *After = std::getenv("CANCELLINT_TEST_PROGRESS_AFTER"))
      (void)llvm::StringRef(After).getAsDouble(QuietFor);
  }

  void update(size_t Done, size_t Total, const TranslationUnitResult &R) {
    Findings += R.Findings.size();
    Failed += !R.Failures.empty();
    if (!Enabled || Total == 0)
      return;
    auto Now = std::chrono::steady_clock::now();
    double Elapsed = std::chrono::duration<double>(Now - Start).count();
    std::string Line = "[" + std::to_string(Done) + "/" +
                       std::to_string(Total) + "] " +
                       counted(Findings, "finding", "findings") + ", " +
                       std::to_string(Failed) + " failed";
    if (Done < Total)
      Line += ", eta " +
              shortDuration(Elapsed / static_cast<double>(Done) *
                            static_cast<double>(Total - Done));
    if (OnTerminal) {
      llvm::errs() << "\r" << Line << "   ";
      if (Done == Total)
        llvm::errs() << "\r\x1b[K";
      return;
    }
    size_t Step = Done * 20 / Total; // in 5% steps
    bool Due = Step > LastStep ||
               std::chrono::duration<double>(Now - LastLine).count() >= 30;
    if (!Due || Elapsed < QuietFor)
      return;
    llvm::errs() << "cancellint: " << Line << "\n";
    LastStep = Step;
    LastLine = Now;
  }

private:
  bool Enabled;
  bool OnTerminal;
  double QuietFor = 10; ///< a short run needs no progress in its log
  std::chrono::steady_clock::time_point Start, LastLine;
  size_t LastStep = 0;
  size_t Findings = 0;
  size_t Failed = 0;
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
  std::vector<std::optional<double>> Seconds(Requests.size());
  for (size_t I = 0; I < Requests.size(); ++I) {
    if (auto Hit = Cache->lookup(Requests[I])) {
      Results[I] = std::move(*Hit);
      continue;
    }
    Missed.push_back(I);
    Seconds[I] = Cache->lastSeconds(Requests[I]);
  }
  // Longest first, by the durations the cache recorded, so that the last
  // minutes of a -j run are not one core's tail; units never timed (new
  // files) may be long too and go first, in their own order.
  std::stable_sort(Missed.begin(), Missed.end(), [&](size_t A, size_t B) {
    return Seconds[A].value_or(INFINITY) > Seconds[B].value_or(INFINITY);
  });
  std::vector<AnalysisRequest> ToRun;
  ToRun.reserve(Missed.size());
  for (size_t I : Missed) {
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

/// The main files the plan analyses.
std::vector<std::string> plannedFiles(const Plan &P) {
  std::vector<std::string> Files;
  Files.reserve(P.Requests.size());
  for (const AnalysisRequest &R : P.Requests)
    Files.push_back(R.File);
  return Files;
}

/// "cancellint: 2 new findings in 5 translation units of 3 files (1 could
/// not be fully analysed); 1 compile command skipped (not C or C++); 3
/// known from the baseline"
std::string summaryLine(const RunReport &R, bool HasBaseline) {
  size_t Known = std::count_if(
      R.Findings.begin(), R.Findings.end(), [](const Finding &F) {
        return F.BaselineState == Finding::Baseline::Known;
      });
  std::string Line =
      "cancellint: " +
      counted(R.Findings.size() - Known, HasBaseline ? "new finding" : "finding",
              HasBaseline ? "new findings" : "findings") +
      " in " +
      counted(R.TranslationUnits, "translation unit", "translation units");
  if (R.Files != R.TranslationUnits)
    Line += " of " + counted(R.Files, "file", "files");
  if (!R.Failures.empty())
    Line += " (" + std::to_string(R.Failures.size()) +
            " could not be fully analysed)";
  if (R.SkippedCommands)
    Line += "; " +
            counted(R.SkippedCommands, "compile command", "compile commands") +
            " skipped (not C or C++)";
  if (Known)
    Line += "; " + std::to_string(Known) + " known from the baseline";
  return Line;
}

/// A file the database compiles in several ways is analysed once per way.
/// A finding every way found is one finding, as for a single command; one
/// that only some found names them (Finding::Variant), so that it is not
/// mistaken for a finding in the build one looks at.
void labelVariants(std::vector<TranslationUnitResult> &Results,
                   const std::vector<AnalysisRequest> &Requests) {
  std::map<std::string, size_t> Ways; // file -> its variants
  for (const AnalysisRequest &R : Requests)
    if (!R.Variant.empty())
      ++Ways[R.File];
  if (Ways.empty())
    return;
  auto Key = [](const Finding &F) {
    return std::make_tuple(F.Where.File, F.Where.Line, F.Where.Column,
                           F.Check, F.Message);
  };
  using KeyType = decltype(Key(std::declval<const Finding &>()));
  // For each finding: the variants that found it, by main file ("" for
  // units of a file with one command).
  std::map<KeyType, std::map<std::string, std::set<std::string>>> FoundBy;
  for (size_t I = 0; I < Results.size(); ++I) {
    const AnalysisRequest &R = Requests[I];
    for (const Finding &F : Results[I].Findings)
      FoundBy[Key(F)][R.Variant.empty() ? "" : R.File].insert(R.Variant);
  }
  for (TranslationUnitResult &Result : Results)
    for (Finding &F : Result.Findings) {
      const auto &ByFile = FoundBy[Key(F)];
      bool Everywhere = llvm::any_of(ByFile, [&](const auto &Entry) {
        return Entry.first.empty() ||
               Entry.second.size() == Ways[Entry.first];
      });
      std::set<std::string> Labels;
      if (!Everywhere)
        for (const auto &Entry : ByFile)
          Labels.insert(Entry.second.begin(), Entry.second.end());
      F.Variant = llvm::join(Labels, "; ");
    }
}

/// Configuration mistakes, found before any translation unit is analysed.
/// False when there is one that must stop the run.
bool configurationIsValid(const DriverOptions &O, const Plan &P) {
  // --parse-only runs no check, so no configuration applies.
  return O.ParseOnly ||
         checkConfiguration(settingsOf(O), plannedFiles(P), workingDirectory(),
                            llvm::errs())
             .Errors == 0;
}

/// The files the run will write, and the cache directory it was told to
/// use, checked before the analysis: a finished run must not be lost to
/// an output it cannot write. False after printing each problem.
bool outputsAreWritable(const DriverOptions &O) {
  bool Ok = true;
  for (const std::string *Path : {&O.OutputPath, &O.SarifPath,
                                  &O.ExportFixesPath, &O.WriteBaselinePath})
    if (!Path->empty())
      if (std::string Reason = unwritableReason(*Path); !Reason.empty()) {
        printError(Reason);
        Ok = false;
      }
  if (!O.CacheDir.empty())
    if (std::string Reason = unusableDirectoryReason(O.CacheDir);
        !Reason.empty()) {
      printError("--cache-dir: " + Reason);
      Ok = false;
    }
  return Ok;
}

/// The directory report paths are relative to, ending with '/'.
std::string sourceRoot(const DriverOptions &O) {
  std::string Root =
      absolutePath(O.SourceRoot.empty() ? workingDirectory() : O.SourceRoot);
  if (Root.back() != '/')
    Root += '/';
  return Root;
}

/// SARIF, the HTML report and baselines name files relative to the source
/// root; a file outside it gets an absolute file:// URI, which does not
/// match across machines or checkouts. Said once, before the analysis.
void warnAboutFilesOutsideSourceRoot(const DriverOptions &O, const Plan &P) {
  bool UsesRoot = !O.SarifPath.empty() || !O.WriteBaselinePath.empty() ||
                  O.Format->Name == "sarif" || O.Format->Name == "html";
  if (!UsesRoot || O.Quiet)
    return;
  std::string Root = sourceRoot(O);
  std::set<std::string> Outside;
  for (const std::string &File : plannedFiles(P))
    if (relativeTo(File, Root) == File)
      Outside.insert(File);
  if (Outside.empty())
    return;
  llvm::errs() << "cancellint: warning: " << relativeTo(*Outside.begin(), Root)
               << (Outside.size() == 1
                       ? " is"
                       : " and " + std::to_string(Outside.size() - 1) +
                             (Outside.size() == 2 ? " other file are"
                                                  : " other files are"))
               << " outside the source root '" << Root << "'"
               << (O.SourceRoot.empty() ? " (the working directory)" : "")
               << ", so the report names "
               << (Outside.size() == 1 ? "it" : "them")
               << " by absolute file:// URIs; run from the project's root or "
                  "pass --source-root=<dir>\n";
}

/// The options that shape what a run reports, as given; not -j, the
/// outputs or the cache, which change nothing in it.
std::map<std::string, std::string> shapingOptions(const DriverOptions &O) {
  std::map<std::string, std::string> Out;
  if (O.Checks)
    Out["checks"] = *O.Checks;
  if (O.ParseOnly)
    Out["parse-only"] = "true";
  if (O.Config)
    Out["config"] = *O.Config;
  if (O.ConfigFile)
    Out["config-file"] = *O.ConfigFile;
  if (O.HeaderFilter)
    Out["header-filter"] = *O.HeaderFilter;
  if (O.SystemHeaders)
    Out["system-headers"] = "true";
  if (O.Libraries)
    Out["libraries"] = *O.Libraries;
  if (!O.DiffRevision.empty())
    Out["diff"] = O.DiffRevision;
  if (O.TimeoutSeconds)
    Out["timeout"] = std::to_string(O.TimeoutSeconds);
  return Out;
}

/// The run context of \p Results (in the order of \p Requests): what ran
/// on which revision, with which models.
RunContext runContext(const DriverOptions &O, const std::string &Root,
                      const std::vector<TranslationUnitResult> &Results,
                      const std::optional<Baseline> &Known) {
  RunContext C;
  C.Known = true;
  if (std::optional<GitRevision> Git = gitRevision(Root)) {
    C.GitCommit = Git->Commit;
    C.GitDirty = Git->Dirty;
  }
  std::set<std::string> FromCommandLine;
  for (const std::string &M : O.ModelFiles)
    FromCommandLine.insert(absolutePath(M));
  for (const TranslationUnitResult &R : Results) {
    // A unit that crashed or timed out says nothing about its checks.
    C.ChecksKnown |= !R.Checks.empty() || R.Failures.empty();
    C.Checks.insert(R.Checks.begin(), R.Checks.end());
    C.Libraries.insert(R.Libraries.begin(), R.Libraries.end());
    for (const std::string &M : R.ModelFiles)
      C.ModelFiles.emplace(relativeTo(M, Root), FromCommandLine.count(M)
                                                    ? "--model"
                                                    : "configuration");
  }
  C.Options = shapingOptions(O);
  if (Known) {
    C.Baseline = relativeTo(absolutePath(O.BaselinePath), Root);
    C.BaselineFindings = Known->size();
  }
  if (O.ShardCount > 1)
    C.Shards.insert(std::to_string(O.ShardIndex + 1) + "/" +
                    std::to_string(O.ShardCount));
  return C;
}

/// --verify-config: the configuration of the given files (or of the
/// working directory), and nothing analysed.
int verifyConfiguration(const DriverOptions &O) {
  std::vector<std::string> Files;
  if (!O.Files.empty() || !O.BuildPath.empty()) {
    std::optional<Plan> P = planRun(O);
    if (!P)
      return ExitUsage;
    Files = plannedFiles(*P);
  } else {
    // The configuration a file here would get.
    Files.push_back(workingDirectory() + "/-");
  }
  ConfigurationVerdict V =
      checkConfiguration(settingsOf(O), Files, workingDirectory(), llvm::errs());
  if (V.Errors)
    return ExitUsage;
  if (V.Warnings)
    return ExitFindings;
  llvm::errs() << "cancellint: no configuration problems found\n";
  return ExitClean;
}

} // namespace

int runDriver(const DriverOptions &O) {
  if (O.NoCache && !O.CacheDir.empty()) {
    printError("--cache-dir and --no-cache contradict each other");
    return ExitUsage;
  }
  if (O.ParseOnly && (O.Checks || O.VerifyConfig)) {
    printError("--parse-only runs no check: it takes no --checks or "
               "--verify-config");
    return ExitUsage;
  }
  if (O.VerifyConfig)
    return verifyConfiguration(O);
  std::optional<Baseline> Known;
  if (!O.BaselinePath.empty()) {
    Known.emplace();
    if (std::string E = Known->load(O.BaselinePath); !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  }
  std::optional<Plan> P = planRun(O);
  if (!P || !configurationIsValid(O, *P) || !outputsAreWritable(O))
    return ExitUsage;
  warnAboutFilesOutsideSourceRoot(O, *P);
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

  const std::string StartTime = currentTimeUtc();
  Progress Shown(!O.Quiet);
  SchedulerOptions S;
  S.WorkerExecutable = O.SelfPath;
  S.Jobs = jobs(O);
  S.TimeoutSeconds = O.TimeoutSeconds;
  S.Progress = [&](size_t Done, size_t Total, const TranslationUnitResult &R) {
    Shown.update(Done, Total, R);
  };
  std::vector<TranslationUnitResult> Results =
      analyse(P->Requests, S, Cache.get());
  if (wasInterrupted()) {
    // Half a run is not a report: write nothing, as the user asked to stop.
    llvm::errs() << "\ncancellint: interrupted; no report written\n";
    return ExitInterrupted;
  }

  RunReport Report;
  Report.TranslationUnits = P->units();
  Report.Files = P->files();
  Report.SkippedCommands = P->Skipped;
  Report.WorkingDirectory = workingDirectory();
  Report.SourceRoot = sourceRoot(O);
  Report.Failures = P->Unplanned;
  Report.Context = runContext(O, Report.SourceRoot, Results, Known);
  Report.Context.StartTime = StartTime;
  Report.Context.EndTime = currentTimeUtc();
  labelVariants(Results, P->Requests);
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

  if (!O.WriteBaselinePath.empty()) {
    if (std::string E = writeFileAtomically(O.WriteBaselinePath,
                                            Baseline::render(Report));
        !E.empty()) {
      printError(E);
      return ExitUsage;
    }
    // Recording findings is what was asked: they do not fail the run, so
    // that `--write-baseline` works under `set -e`. Units that could not
    // be analysed still do: their findings are missing from the baseline.
    if (Report.ExitCode == ExitFindings)
      Report.ExitCode = ExitClean;
  }
  if (!O.ExportFixesPath.empty())
    if (std::string E =
            writeFileAtomically(O.ExportFixesPath, exportFixes(Report));
        !E.empty()) {
      printError(E);
      return ExitUsage;
    }
  if (O.Fix) {
    FixSummary Fixed = applyFixes(Report, O.FixNotes);
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
  if (!O.Quiet)
    llvm::errs() << summaryLine(Report, Known.has_value()) << "\n";
  return Report.ExitCode;
}

} // namespace cancellint::tool
