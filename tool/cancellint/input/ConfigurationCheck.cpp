//===--- ConfigurationCheck.cpp - Configuration mistakes, before any work -===//
//
// A typo in a configuration must not pass in silence: CI would stay green
// and the editor quiet. Everything a worker would read is read here first,
// through the same options provider, so the driver can stop before the
// first translation unit with every problem and its place.
//
//===----------------------------------------------------------------------===//
#include "input/ConfigurationCheck.h"
#include "CheckOptions.h"
#include "Files.h"
#include "execution/DependencyRecorder.h"
#include "execution/OptionsProvider.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <map>
#include <set>

using namespace clang::tidy;

namespace cancellint::tool {

namespace {

/// The checks this binary has that cancellint runs (cancel-*, and
/// cancellint-model-names for model authors), sorted.
std::vector<std::string> cancelChecks() {
  ClangTidyCheckFactories Factories;
  for (const auto &Module : ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  std::vector<std::string> Names;
  for (const auto &Factory : Factories)
    if (Factory.getKey().starts_with("cancel") &&
        Factory.getKey() != DependencyRecorderCheckName)
      Names.push_back(Factory.getKey().str());
  std::sort(Names.begin(), Names.end());
  return Names;
}

/// A configuration's text, for the places of its CheckOptions keys and
/// values.
class ConfigText {
public:
  ConfigText(std::string Origin, const std::string &Text)
      : Origin(std::move(Origin)) {
    SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, this->Origin),
                          llvm::SMLoc());
    findCheckOptions();
  }

  /// "ORIGIN:LINE:COL: " for \p Key's value (or the key itself), or
  /// "ORIGIN: " when it cannot be found.
  std::string where(const std::string &Key, bool AtValue) const {
    auto It = Places.find(Key);
    if (It == Places.end())
      return Origin + ": ";
    llvm::SMLoc Loc = AtValue ? It->second.second : It->second.first;
    auto [Line, Column] = SM.getLineAndColumn(Loc);
    return Origin + ":" + std::to_string(Line) + ":" + std::to_string(Column) +
           ": ";
  }

private:
  /// CheckOptions is a mapping of keys to values, or (the old form) a
  /// sequence of {key: K, value: V} mappings.
  void findCheckOptions() {
    llvm::yaml::Stream Stream(SM.getMemoryBuffer(1)->getMemBufferRef(), SM,
                              /*ShowColors=*/false);
    SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {}); // reported elsewhere
    for (llvm::yaml::Document &Doc : Stream) {
      auto *Root = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Doc.getRoot());
      if (!Root)
        continue;
      for (llvm::yaml::KeyValueNode &Entry : *Root) {
        if (scalar(Entry.getKey()) != "CheckOptions")
          continue;
        if (auto *Map =
                llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Entry.getValue()))
          for (llvm::yaml::KeyValueNode &Option : *Map)
            remember(Option.getKey(), Option.getValue());
        if (auto *List =
                llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Entry.getValue()))
          for (llvm::yaml::Node &Item : *List)
            if (auto *Pair = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item)) {
              llvm::yaml::Node *Key = nullptr, *Value = nullptr;
              for (llvm::yaml::KeyValueNode &Field : *Pair) {
                if (scalar(Field.getKey()) == "key")
                  Key = Field.getValue();
                if (scalar(Field.getKey()) == "value")
                  Value = Field.getValue();
              }
              remember(Key, Value);
            }
      }
    }
  }

  static std::string scalar(llvm::yaml::Node *N) {
    auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
    if (!S)
      return "";
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }

  void remember(llvm::yaml::Node *Key, llvm::yaml::Node *Value) {
    std::string Name = scalar(Key);
    if (Name.empty() || Places.count(Name))
      return;
    llvm::SMLoc KeyLoc = Key->getSourceRange().Start;
    Places[Name] = {KeyLoc, Value ? Value->getSourceRange().Start : KeyLoc};
  }

  std::string Origin;
  llvm::SourceMgr SM;
  std::map<std::string, std::pair<llvm::SMLoc, llvm::SMLoc>> Places;
};

class Checker {
public:
  Checker(const AnalysisRequest &Settings, std::string WorkingDirectory,
          llvm::raw_ostream &OS)
      : Settings(Settings), WorkingDirectory(std::move(WorkingDirectory)),
        OS(OS), Checks(cancelChecks()) {}

  ConfigurationVerdict run(const std::vector<std::string> &Files) {
    if (!checkCommandLineConfig())
      return Verdict; // nothing else can be read with it
    checkChecksOption();
    auto Provider = makeOptionsProvider(
        Settings, [this](const llvm::SMDiagnostic &D) { yamlProblem(D); });
    bool AnyEnabled = false;
    for (const std::string &File : Files) {
      std::vector<ClangTidyOptionsProvider::OptionsSource> Raw =
          Provider->getRawOptions(File);
      for (const auto &[Options, Source] : Raw)
        checkSource(Options, Source);
      AnyEnabled |= checkEffective(Provider->getOptions(File), Raw, File);
    }
    if (!Files.empty() && !AnyEnabled)
      error("no cancel-* check enabled" + checksOrigin());
    return Verdict;
  }

private:
  const AnalysisRequest &Settings;
  std::string WorkingDirectory;
  llvm::raw_ostream &OS;
  std::vector<std::string> Checks;
  ConfigurationVerdict Verdict;
  std::set<std::string> Printed;   ///< each problem once, whatever the files
  std::set<std::string> SeenSources;
  std::set<std::string> SeenModels;

  void print(const std::string &Line, bool IsError) {
    if (!Printed.insert(Line).second)
      return;
    OS << Line << "\n";
    ++(IsError ? Verdict.Errors : Verdict.Warnings);
  }
  void error(const std::string &Message) {
    print("cancellint: error: " + Message, true);
  }

  std::string shown(const std::string &Path) const {
    return relativeTo(absolutePath(Path), WorkingDirectory);
  }

  std::string checksOrigin() const {
    return Settings.Checks ? " (--checks='" + *Settings.Checks + "')" : "";
  }

  /// YAML and configuration errors; unknown top-level keys are warnings.
  void yamlProblem(const llvm::SMDiagnostic &D) {
    bool IsError = D.getKind() == llvm::SourceMgr::DK_Error;
    print(shown(D.getFilename().str()) + ":" + std::to_string(D.getLineNo()) +
              ":" + std::to_string(D.getColumnNo() + 1) + ": " +
              (IsError ? "error: " : "warning: ") + D.getMessage().str(),
          IsError);
  }

  std::string commandLineOrigin() const {
    return Settings.ConfigFile ? shown(*Settings.ConfigFile) : "--config";
  }

  bool checkCommandLineConfig() {
    if (Settings.ConfigFile && !readTextFile(*Settings.ConfigFile)) {
      auto Buffer = llvm::MemoryBuffer::getFile(*Settings.ConfigFile);
      error("cannot read --config-file '" + shown(*Settings.ConfigFile) +
            "': " + Buffer.getError().message());
      return false;
    }
    std::optional<std::string> Text = commandLineConfig(Settings);
    if (!Text)
      return true;
    unsigned Before = Verdict.Errors;
    std::string Origin = commandLineOrigin();
    auto Parsed = parseConfigurationWithDiags(
        llvm::MemoryBufferRef(*Text, Origin),
        [this](const llvm::SMDiagnostic &D) { yamlProblem(D); });
    if (!Parsed && Verdict.Errors == Before)
      error("invalid configuration in " + Origin + ": " +
            Parsed.getError().message());
    return static_cast<bool>(Parsed);
  }

  /// Each positive glob of --checks must name at least one cancel-* check.
  void checkChecksOption() {
    if (!Settings.Checks)
      return;
    llvm::SmallVector<llvm::StringRef> Globs;
    llvm::StringRef(*Settings.Checks).split(Globs, ',', -1, false);
    for (llvm::StringRef Glob : Globs) {
      Glob = Glob.trim();
      if (Glob.empty() || Glob.starts_with("-"))
        continue;
      GlobList Matcher(Glob);
      if (llvm::any_of(Checks,
                       [&](const std::string &C) { return Matcher.contains(C); }))
        continue;
      if (Glob.contains('*')) {
        error("check glob '" + Glob.str() + "' in --checks matches no cancel-* "
              "check");
        continue;
      }
      std::string Near = closestName(Glob, Checks);
      error("unknown check '" + Glob.str() + "' in --checks; " +
            (Near.empty() ? "the checks are " + llvm::join(Checks, ", ")
                          : "did you mean '" + Near + "'?"));
    }
  }

  /// The origin and text of a configuration source.
  std::pair<std::string, std::string> sourceText(const std::string &Source) {
    if (Source ==
        ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
      return {commandLineOrigin(), commandLineConfig(Settings).value_or("")};
    return {shown(Source), readTextFile(Source).value_or("")};
  }

  /// The CheckOptions of one configuration source, once per source.
  void checkSource(const ClangTidyOptions &Options, const std::string &Source) {
    if (Source == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary ||
        Source == ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption ||
        !SeenSources.insert(Source).second)
      return;
    std::vector<OptionProblem> Problems =
        optionProblems(Options.CheckOptions, Checks);
    if (Problems.empty())
      return;
    auto [Origin, Text] = sourceText(Source);
    ConfigText Places(Origin, Text);
    for (const OptionProblem &P : Problems)
      print(Places.where(P.Key, P.IsError) +
                (P.IsError ? "error: " : "warning: ") + P.Message,
            P.IsError);
  }

  /// "ORIGIN:LINE:COL: " of the value of \p Key in the source that set it
  /// last; "" when none did (the command line's --model).
  std::string
  whereSet(const std::vector<ClangTidyOptionsProvider::OptionsSource> &Raw,
           const std::string &Key) {
    for (auto It = Raw.rbegin(); It != Raw.rend(); ++It) {
      if (!It->first.CheckOptions.count(Key))
        continue;
      if (It->second ==
          ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
        break;
      auto [Origin, Text] = sourceText(It->second);
      return ConfigText(Origin, Text).where(Key, /*AtValue=*/true);
    }
    return "";
  }

  /// What \p File is analysed with: whether any check is enabled, and the
  /// model of each enabled check.
  bool checkEffective(
      const ClangTidyOptions &Options,
      const std::vector<ClangTidyOptionsProvider::OptionsSource> &Raw,
      const std::string &File) {
    GlobList Enabled(Options.Checks.value_or(""));
    bool Any = false;
    for (const std::string &Check : Checks) {
      if (!Enabled.contains(Check))
        continue;
      Any = true;
      auto KeyOf = [&](const CheckOption &O) {
        std::string Local = Check + "." + O.Name.str();
        return Options.CheckOptions.count(Local) ? Local : O.Name.str();
      };
      auto Value = [&](const CheckOption &O) {
        auto It = Options.CheckOptions.find(KeyOf(O));
        return It == Options.CheckOptions.end() ? O.Default.str()
                                                : It->second.Value;
      };
      model::ModelConfig Config = modelConfig(
          Value(options::ModelFiles), Value(options::Libraries), File);
      std::string Key = Config.Libraries;
      for (const std::string &F : Config.Files)
        Key += '\0' + F;
      if (!SeenModels.insert(Key).second)
        continue;
      for (const model::ModelError &E : model::loadModel(Config).Errors) {
        // A model file that cannot be read: say which option named it.
        if (E.Line == 0 && E.File != "<option Libraries>") {
          std::string Key = KeyOf(options::ModelFiles);
          std::string Where = whereSet(Raw, Key);
          std::string Reason =
              llvm::StringRef(E.Message).rsplit(": ").second.str();
          std::string Line = Where.empty() ? "cancellint: " : Where;
          Line += "error: cannot read model file '";
          Line += Where.empty() ? shown(E.File) : E.File;
          Line += Where.empty() ? "' (--model): " : "' (" + Key + "): ";
          print(Line.append(Reason), true);
        } else {
          print(E.format(), true);
        }
      }
    }
    return Any;
  }
};

} // namespace

ConfigurationVerdict checkConfiguration(const AnalysisRequest &Settings,
                                        const std::vector<std::string> &Files,
                                        const std::string &WorkingDirectory,
                                        llvm::raw_ostream &OS) {
  return Checker(Settings, WorkingDirectory, OS).run(Files);
}

} // namespace cancellint::tool
