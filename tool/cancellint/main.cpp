//===--- main.cpp - The cancellint command line --------------------------===//
#include "Driver.h"
#include "MergeCommand.h"
#include "ReportCommand.h"
#include "SubcommandUsage.h"
#include "Version.h"
#include "execution/Worker.h"
#include "model/ModelSchema.h"
#include "report/OutputFormats.h"
#include "report/RuleCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstring>

using namespace llvm;
using namespace cancellint::tool;

// Keeps the cancel module's registration object in the link.
extern volatile int CancellintModuleAnchorSource;

static cl::OptionCategory Category("cancellint options");

static const char Overview[] = R"(cancellint: finds cancellation misuse in C and C++.

  cancellint [options] <file>... -- <compiler arguments>
  cancellint [options] -p <build-dir> [<file>...]
  cancellint merge <in.sarif>... [-o <out.sarif>]
  cancellint report <in.sarif>... [-o <report.html>]   (report --help)

With -p, files default to every translation unit in compile_commands.json.

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
3 some translation units could not be analysed (the others are reported).
)";

static cl::list<std::string> Files(cl::Positional, cl::desc("<file>..."),
                                   cl::cat(Category));
static cl::opt<std::string>
    BuildPath("p", cl::desc("Build directory containing compile_commands.json"),
              cl::value_desc("build-dir"), cl::cat(Category));
static cl::opt<std::string>
    Checks("checks",
           cl::desc("Checks to run, as in clang-tidy (default: cancel-*, or "
                    "what .clang-tidy files enable)"),
           cl::cat(Category));
static cl::opt<std::string>
    Config("config", cl::desc("Configuration in YAML/JSON, as clang-tidy "
                              "--config; replaces .clang-tidy files"),
           cl::cat(Category));
static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this file instead of "
                        ".clang-tidy files"),
               cl::cat(Category));
static cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Regex of headers to report findings in (default: "
                          "all non-system headers)"),
                 cl::cat(Category));
static cl::opt<bool> SystemHeaders("system-headers",
                                   cl::desc("Report findings in system headers"),
                                   cl::cat(Category));
static cl::list<std::string>
    Models("model", cl::desc("Load a cancellation model (repeatable)"),
           cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> Libraries(
    "libraries",
    cl::desc("Built-in models to load: names or globs, '-' removes "
             "(default '*', e.g. '*,-folly')"),
    cl::cat(Category));
/// --format's values come from the table of output formats; a value that
/// is not one of them is answered with the list.
class FormatParser : public cl::parser<const OutputFormat *> {
public:
  using cl::parser<const OutputFormat *>::parser;
  // cl::opt calls its parser class's parse() by name, not virtually.
  // NOLINTNEXTLINE(bugprone-derived-method-shadowing-base-method)
  bool parse(cl::Option &O, StringRef, StringRef Arg,
             const OutputFormat *&Value) {
    std::vector<StringRef> Names;
    for (const OutputFormat &F : outputFormats()) {
      if (F.Name == Arg) {
        Value = &F;
        return false;
      }
      Names.push_back(F.Name);
    }
    return O.error("'" + Arg + "' is not an output format; the formats are " +
                   join(Names, ", "));
  }
};
static cl::opt<const OutputFormat *, false, FormatParser>
    Format("format", cl::desc("Output format"), cl::cat(Category));
static cl::opt<std::string> OutputPath("o", cl::desc("Write the report here"),
                                       cl::value_desc("file"),
                                       cl::cat(Category));
static cl::opt<std::string>
    SarifOutput("sarif-output",
                cl::desc("Also write a SARIF 2.1.0 report to this file"),
                cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Root that SARIF paths are relative to (default: working dir)"),
    cl::cat(Category));
static cl::opt<unsigned> Jobs("j", cl::Prefix,
                              cl::desc("Translation units analysed at once "
                                       "(0, the default: one per core)"),
                              cl::init(0), cl::cat(Category));
static cl::opt<unsigned>
    TimeoutPerTU("timeout-per-tu",
                 cl::desc("Give up on a translation unit after this many "
                          "seconds (0: never)"),
                 cl::init(0), cl::cat(Category));
static cl::opt<std::string>
    Shard("shard",
          cl::desc("Analyse only shard K of N (K/N, 1-based), a "
                   "deterministic partition of the translation units"),
          cl::value_desc("K/N"), cl::cat(Category));
static cl::opt<std::string>
    BaselinePath("baseline",
                 cl::desc("Report and fail only on findings not in this "
                          "baseline"),
                 cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Write the findings of this run as a baseline"),
                  cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fix-its"),
                         cl::cat(Category));
static cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("With a finding that has no fix-it of its own, apply the fix-it "
             "of its note when exactly one note has one (they change what "
             "the code does: review them); implies --fix"),
    cl::cat(Category));
static cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write fix-its as clang-apply-replacements YAML"),
                cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep results here and reuse those of translation units whose "
             "files, command and configuration did not change (default: "
             "<build-dir>/.cancellint-cache with -p, else "
             "$XDG_CACHE_HOME/cancellint or ~/.cache/cancellint)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Analyse every unit; keep no results"),
                             cl::cat(Category));
static cl::opt<std::string> DiffRevision(
    "diff",
    cl::desc("Report only findings on lines changed since this git revision "
             "(committed or not), analysing only the units that can have them"),
    cl::value_desc("rev"), cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress or summary on stderr"),
                           cl::cat(Category));
static cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (.clang-tidy files, --config, "
             "--checks, models) of the given files, or of the working "
             "directory, and analyse nothing"),
    cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the checks, each with what "
                                         "it finds, and exit"),
                                cl::cat(Category));
static cl::opt<bool> PrintModelSchema(
    "print-model-schema", cl::Hidden,
    cl::desc("Internal: print the keys of the model format as JSON, for "
             "scripts/gen-model-keys.py"));
static cl::opt<bool> ParseOnly(
    "parse-only", cl::Hidden,
    cl::desc("Internal, for benchmarks: parse each unit and run no check, "
             "the baseline of scripts/bench"),
    cl::cat(Category));
static cl::opt<int> WorkerFd("worker-fd", cl::Hidden, cl::init(-1),
                             cl::desc("Internal: worker mode, on this socket"));

// `cancellint merge <in.sarif>... [-o <out.sarif>]`
static cl::SubCommand
    MergeCommand("merge", "Combine the SARIF of shards into what one run "
                          "over all of them would have written");
static cl::list<std::string> MergeInputs(cl::Positional,
                                         cl::desc("<in.sarif>..."),
                                         cl::sub(MergeCommand));
static cl::opt<std::string>
    MergeOutput("o", cl::desc("Write the merged SARIF here (default: stdout)"),
                cl::value_desc("file"), cl::sub(MergeCommand));
static SubcommandUsage MergeUsage(
    MergeCommand,
    "usage: cancellint merge <in.sarif>... [-o <out.sarif>]\n"
    "\n"
    "Combines the SARIF of CI shards into what one run over all of them\n"
    "would have written, byte for byte.\n"
    "  -o <file>   write the merged SARIF here (default: stdout)\n",
    " (usage: cancellint merge <in.sarif>... [-o <out>])");

// `cancellint report <in.sarif>... [-o <report.html>]`
static constexpr StringLiteral ReportUsageText =
    "usage: cancellint report <in.sarif>... [-o <report.html>] "
    "[--source-root=<dir>] [--title=<text>]\n"
    "\n"
    "Renders SARIF files (several: CI shards) as one self-contained HTML "
    "page.\n"
    "  -o <file>             write the page here (default: stdout)\n"
    "  --source-root=<dir>   read the sources from <dir>, not from the "
    "SARIF's SRCROOT\n"
    "  --title=<text>        the page's title\n"
    "  -                     read a SARIF file from stdin\n";
static cl::SubCommand
    ReportCommand("report", "Render SARIF files (several: CI shards) as one "
                            "self-contained HTML page");
static cl::list<std::string> ReportInputs(cl::Positional,
                                          cl::desc("<in.sarif>..."),
                                          cl::sub(ReportCommand));
static cl::opt<std::string>
    ReportOutput("o", cl::desc("Write the page here (default: stdout)"),
                 cl::value_desc("file"), cl::sub(ReportCommand));
static cl::opt<std::string> ReportSourceRoot(
    "source-root",
    cl::desc("Read the sources from <dir>, not from the SARIF's SRCROOT"),
    cl::value_desc("dir"), cl::sub(ReportCommand));
static cl::opt<std::string> ReportTitle("title", cl::desc("The page's title"),
                                        cl::value_desc("text"),
                                        cl::sub(ReportCommand));
static SubcommandUsage ReportUsage(ReportCommand, ReportUsageText,
                                   "\n" + ReportUsageText.str());

static int runReportCommand() {
  if (ReportInputs.empty()) {
    errs() << "cancellint report: error: no input: give one or more SARIF "
              "files\n"
           << ReportUsageText << "\n";
    return ExitUsage;
  }
  HtmlOptions Options;
  Options.SourceRoot = ReportSourceRoot;
  if (ReportTitle.getNumOccurrences())
    Options.Title = ReportTitle;
  return runReport(ReportInputs, ReportOutput, Options);
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  (void)CancellintModuleAnchorSource;

  // `cancellint merge ...` or `cancellint report ...`?
  SubcommandUsage *Subcommand = nullptr;
  for (SubcommandUsage *Usage : {&MergeUsage, &ReportUsage})
    if (argc >= 2 && Usage->isNamedBy(argv[1]))
      Subcommand = Usage;

  // Split off compiler arguments after "--", as clang-tidy does; the
  // subcommands take no compiler arguments.
  std::optional<std::vector<std::string>> FixedArgs;
  int OwnArgc = argc;
  for (int I = 1; I < argc && !Subcommand; ++I)
    if (std::strcmp(argv[I], "--") == 0) {
      FixedArgs = std::vector<std::string>(argv + I + 1, argv + argc);
      OwnArgc = I;
      break;
    }

  // --format takes its values from the table of output formats.
  for (const OutputFormat &F : outputFormats())
    Format.getParser().addLiteralOption(F.Name, &F, F.Description);
  Format.setInitialValue(&outputFormats().front());
  cl::HideUnrelatedOptions(Category);
  if (Subcommand)
    Subcommand->keepOwnOptions();
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "cancellint " << version() << " (LLVM/Clang "
       << LLVM_VERSION_STRING << ")\n";
  });
  if (!cl::ParseCommandLineOptions(OwnArgc, argv, Overview, &errs()))
    return ExitUsage;

  if (Subcommand)
    if (std::optional<int> Exit = Subcommand->earlyExit())
      return *Exit;
  if (MergeCommand)
    return runMerge(MergeInputs, MergeOutput);
  if (ReportCommand)
    return runReportCommand();

  if (WorkerFd >= 0)
    return runWorker(WorkerFd);

  if (PrintModelSchema) {
    outs() << cancellint::model::schema::schemaJson();
    return ExitClean;
  }
  if (ListChecks) {
    size_t Width = 0;
    for (const Rule &R : rules())
      Width = std::max(Width, R.Id.size());
    for (const Rule &R : rules())
      outs() << R.Id << std::string(Width + 2 - R.Id.size(), ' ') << R.Short
             << "\n";
    return ExitClean;
  }
  if (Files.empty() && BuildPath.empty() && !VerifyConfig) {
    errs() << "cancellint: error: no input: give files (with compiler "
              "arguments after --) or -p <build-dir>\n";
    return ExitUsage;
  }

  DriverOptions O;
  O.Files = Files;
  O.FixedCompilerArgs = FixedArgs;
  O.BuildPath = BuildPath;
  auto Optional = [](const cl::opt<std::string> &Opt)
      -> std::optional<std::string> {
    if (Opt.getNumOccurrences())
      return Opt.getValue();
    return std::nullopt;
  };
  O.Checks = Optional(Checks);
  O.Config = Optional(Config);
  O.ConfigFile = Optional(ConfigFile);
  O.HeaderFilter = Optional(HeaderFilter);
  O.SystemHeaders = SystemHeaders;
  O.ModelFiles = Models;
  O.Libraries = Optional(Libraries);
  O.Format = Format;
  O.OutputPath = OutputPath;
  O.SarifPath = SarifOutput;
  O.SourceRoot = SourceRoot;
  O.Jobs = Jobs;
  O.TimeoutSeconds = TimeoutPerTU;
  O.Quiet = Quiet;
  O.VerifyConfig = VerifyConfig;
  O.ParseOnly = ParseOnly;
  if (!Shard.empty()) {
    auto [K, N] = StringRef(Shard).split('/');
    unsigned Index = 0, Count = 0;
    if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
        Index == 0 || Index > Count) {
      errs() << "cancellint: error: --shard takes K/N with 1 <= K <= N, not '"
             << Shard << "'\n";
      return ExitUsage;
    }
    O.ShardIndex = Index - 1;
    O.ShardCount = Count;
  }
  O.BaselinePath = BaselinePath;
  O.WriteBaselinePath = WriteBaseline;
  O.Fix = Fix || FixNotes;
  O.FixNotes = FixNotes;
  O.ExportFixesPath = ExportFixes;
  O.CacheDir = CacheDir;
  O.NoCache = NoCache;
  O.DiffRevision = DiffRevision;
  O.SelfPath = sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&main));
  return runDriver(O);
}
