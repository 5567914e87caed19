//===--- ResultCache.cpp - Not analysing what has not changed ------------===//
//
// An entry holds the result and the list of files the unit read, each with
// size, modification time and content hash. A lookup re-checks every file:
// same size and time means unchanged; otherwise the content hash decides,
// so a touched but identical header still hits. The worker records the
// files the unit entered during the analysis it runs anyway.
//
//===----------------------------------------------------------------------===//
#include "ResultCache.h"
#include "Files.h"
#include "OutputFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <nlohmann/json.hpp>

namespace cancellint::tool {

using nlohmann::json;

namespace {

std::string sha256(llvm::StringRef Data) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Data)),
                     /*LowerCase=*/true);
}


struct FileStamp {
  uint64_t Size = 0;
  int64_t MTime = 0;
};

std::optional<FileStamp> stampOf(const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return std::nullopt;
  return FileStamp{Status.getSize(),
                   Status.getLastModificationTime().time_since_epoch().count()};
}

} // namespace

ResultCache::ResultCache(std::string Directory, const std::string &SelfPath)
    : Directory(std::move(Directory)) {
  // A rebuilt tool may analyse differently: its identity is part of the key.
  auto Stamp = stampOf(SelfPath);
  ToolStamp = std::string(CANCELLINT_VERSION) + "/" +
              std::to_string(Stamp ? Stamp->Size : 0) + "/" +
              std::to_string(Stamp ? Stamp->MTime : 0);
  // If it cannot be created, every lookup misses and every store fails
  // quietly: the run is as without a cache.
  std::error_code Ignored = llvm::sys::fs::create_directories(this->Directory);
  (void)Ignored;
}

std::string ResultCache::keyOf(const AnalysisRequest &R) const {
  auto [It, Inserted] = Keys.try_emplace(R.File);
  if (!Inserted)
    return It->second;
  std::string Material = ToolStamp + '\0' + toJson(R).dump();
  for (const std::string &Model : R.ModelFiles)
    Material += '\0' + readTextFile(Model).value_or("<unreadable>");
  if (R.ConfigFile)
    Material += '\0' + readTextFile(*R.ConfigFile).value_or("<unreadable>");
  // .clang-tidy files from the file's directory up configure the checks.
  llvm::SmallString<256> Dir(R.File);
  llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Config(D);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (auto Text = readTextFile(std::string(Config)))
      Material += '\0' + std::string(Config) + '\0' + *Text;
  }
  It->second = sha256(Material);
  return It->second;
}

std::string ResultCache::entryPath(const AnalysisRequest &R) const {
  llvm::SmallString<256> P(Directory);
  llvm::sys::path::append(P, keyOf(R) + ".json");
  return std::string(P);
}

std::optional<TranslationUnitResult>
ResultCache::lookup(const AnalysisRequest &R) {
  auto Text = readTextFile(entryPath(R));
  if (!Text)
    return std::nullopt;
  json Entry = json::parse(*Text, nullptr, false);
  if (Entry.is_discarded() || !Entry.contains("deps") ||
      !Entry.contains("result"))
    return std::nullopt;
  try {
    for (const json &D : Entry["deps"]) {
      const std::string Path = D.at("path").get<std::string>();
      auto Stamp = stampOf(Path);
      if (!Stamp || Stamp->Size != D.at("size").get<uint64_t>())
        return std::nullopt;
      if (Stamp->MTime == D.at("mtime").get<int64_t>())
        continue;
      auto Content = readTextFile(Path);
      if (!Content || sha256(*Content) != D.at("sha256").get<std::string>())
        return std::nullopt;
    }
    return resultFromJson(Entry["result"]);
  } catch (const json::exception &) {
    return std::nullopt; // a damaged entry is a miss, never an error
  }
}

std::optional<std::vector<std::string>>
ResultCache::lastDependencies(const AnalysisRequest &R) const {
  auto Text = readTextFile(entryPath(R));
  if (!Text)
    return std::nullopt;
  json Entry = json::parse(*Text, nullptr, false);
  if (Entry.is_discarded() || !Entry.contains("deps"))
    return std::nullopt;
  std::vector<std::string> Files;
  for (const json &D : Entry["deps"])
    if (D.contains("path") && D["path"].is_string())
      Files.push_back(D["path"].get<std::string>());
  return Files;
}

void ResultCache::store(const AnalysisRequest &R,
                        const TranslationUnitResult &Result) {
  const std::string Entry = entryPath(R);
  if (!Result.Failures.empty() || Result.Dependencies.empty())
    return;
  json Deps = json::array();
  for (const std::string &Path : Result.Dependencies) {
    auto Stamp = stampOf(Path);
    auto Content = readTextFile(Path);
    if (!Stamp || !Content)
      return; // cannot vouch for this unit: do not cache it
    Deps.push_back({{"path", Path},
                    {"size", Stamp->Size},
                    {"mtime", Stamp->MTime},
                    {"sha256", sha256(*Content)}});
  }
  json Doc = {{"deps", Deps}, {"result", toJson(Result)}};
  (void)writeFileAtomically(
      Entry, Doc.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace cancellint::tool
