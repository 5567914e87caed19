//===--- OptionsProvider.cpp - .clang-tidy files, as cancellint reads them ===//
#include "execution/OptionsProvider.h"
#include "Files.h"
#include "execution/DependencyRecorder.h"

#include "llvm/Support/VirtualFileSystem.h"


using namespace clang::tidy;

namespace cancellint::tool {

std::string cancelGlobsOnly(llvm::StringRef Checks) {
  std::string Kept;
  llvm::SmallVector<llvm::StringRef> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Globs) {
    G = G.trim();
    llvm::StringRef Name = G.starts_with("-") ? G.drop_front() : G;
    if (Name.starts_with("cancel"))
      Kept += (Kept.empty() ? "" : ",") + G.str();
  }
  return Kept;
}

namespace {

class CancelFileOptionsProvider : public FileOptionsProvider {
public:
  CancelFileOptionsProvider(ClangTidyGlobalOptions Global,
                            ClangTidyOptions Defaults,
                            ClangTidyOptions Overrides,
                            ConfigDiagnostics Diagnostics)
      : FileOptionsProvider(std::move(Global), std::move(Defaults),
                            std::move(Overrides),
                            handlers(std::move(Diagnostics))) {
    // That constructor leaves the file system unset.
    FS = llvm::vfs::getRealFileSystem();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources =
        FileOptionsProvider::getRawOptions(FileName);
    for (OptionsSource &S : Sources) {
      bool FromFile = S.second != OptionsSourceTypeDefaultBinary &&
                      S.second != OptionsSourceTypeCheckCommandLineOption &&
                      S.second != OptionsSourceTypeConfigCommandLineOption;
      if (FromFile && S.first.Checks)
        S.first.Checks = cancelGlobsOnly(*S.first.Checks);
    }
    return Sources;
  }

private:
  static ConfigFileHandlers handlers(ConfigDiagnostics Diagnostics) {
    ConfigFileHandlers Handlers;
    Handlers.emplace_back(".clang-tidy",
                          [Diagnostics = std::move(Diagnostics)](
                              llvm::MemoryBufferRef Text) {
                            return parse(Text, Diagnostics);
                          });
    return Handlers;
  }

  /// clang-tidy prints "Error parsing FILE: Invalid argument" and goes on;
  /// the problems go to \p Diagnostics instead, with their places.
  static llvm::ErrorOr<ClangTidyOptions>
  parse(llvm::MemoryBufferRef Text, const ConfigDiagnostics &Diagnostics) {
    auto Parsed = parseConfigurationWithDiags(
        Text, [&](const llvm::SMDiagnostic &D) {
          if (Diagnostics)
            Diagnostics(D);
        });
    if (!Parsed)
      return std::error_code(); // reported: clang-tidy prints no more
    return Parsed;
  }
};

} // namespace

std::optional<std::string> commandLineConfig(const AnalysisRequest &R) {
  if (R.ConfigFile)
    return readTextFile(*R.ConfigFile);
  return R.Config;
}

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisRequest &R, ConfigDiagnostics Diagnostics) {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,cancel-*";
  ClangTidyOptions Overrides;
  if (R.Checks)
    Overrides.Checks = *R.Checks;
  if (R.RecordDependencies)
    Overrides.Checks = Overrides.Checks.value_or("") + "," +
                       DependencyRecorderCheckName;
  if (R.HeaderFilter)
    Overrides.HeaderFilterRegex = *R.HeaderFilter;
  if (R.SystemHeaders)
    Overrides.SystemHeaders = true;
  if (!R.ModelFiles.empty()) {
    std::string Joined;
    for (const std::string &F : R.ModelFiles)
      Joined += (Joined.empty() ? "" : ";") + F;
    Overrides.CheckOptions["ModelFiles"] =
        ClangTidyOptions::ClangTidyValue(Joined);
  }
  if (R.Libraries)
    Overrides.CheckOptions["Libraries"] =
        ClangTidyOptions::ClangTidyValue(*R.Libraries);

  if (std::optional<std::string> ConfigText = commandLineConfig(R)) {
    // Validated by the driver before any worker starts.
    auto Parsed = parseConfiguration(
        llvm::MemoryBufferRef(*ConfigText, R.ConfigFile.value_or("--config")));
    if (Parsed)
      return std::make_unique<ConfigOptionsProvider>(
          Global, Defaults, std::move(*Parsed), Overrides);
  }
  return std::make_unique<CancelFileOptionsProvider>(
      Global, Defaults, Overrides, std::move(Diagnostics));
}

} // namespace cancellint::tool
