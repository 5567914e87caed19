//===--- OptionsProvider.cpp - .clang-tidy files, as cancellint reads them ===//
#include "execution/OptionsProvider.h"
#include "execution/DependencyRecorder.h"

#include "llvm/Support/MemoryBuffer.h"
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
  using FileOptionsProvider::FileOptionsProvider;

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
};

} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const AnalysisRequest &R) {
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

  std::optional<std::string> ConfigText = R.Config;
  if (R.ConfigFile)
    if (auto Buffer = llvm::MemoryBuffer::getFile(*R.ConfigFile))
      ConfigText = (*Buffer)->getBuffer().str();
  if (ConfigText) {
    // Validated by the driver before any worker starts.
    auto Parsed = parseConfiguration(
        llvm::MemoryBufferRef(*ConfigText, R.ConfigFile.value_or("--config")));
    if (Parsed)
      return std::make_unique<ConfigOptionsProvider>(
          Global, Defaults, std::move(*Parsed), Overrides);
  }
  return std::make_unique<CancelFileOptionsProvider>(
      Global, Defaults, Overrides, llvm::vfs::getRealFileSystem());
}

} // namespace cancellint::tool
