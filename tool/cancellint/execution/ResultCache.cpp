//===--- ResultCache.cpp - Not analysing what has not changed ------------===//
//
// An entry holds the result and the list of files the unit read, each with
// size, modification time and content hash. A lookup re-checks every file:
// same size and time means unchanged; otherwise the content hash decides,
// so a touched but identical header still hits. The worker records the
// files the unit entered during the analysis it runs anyway.
//
// An entry's file is named after the unit alone (main file and request);
// the key of everything else is stored inside it, so a change replaces the
// unit's entry instead of adding one, and the last dependencies stay known
// for --diff even after the configuration or the tool changed.
//
//===----------------------------------------------------------------------===//
#include "execution/ResultCache.h"
#include "Files.h"
#include "JsonText.h"
#include "OutputFile.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include <chrono>
#include <sys/time.h>
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

/// The request as it names a unit: the same whether or not it asks for the
/// dependencies to be recorded.
std::string unitText(const AnalysisRequest &R) {
  AnalysisRequest Unit = R;
  Unit.RecordDependencies = false;
  return jsonText(toJson(Unit));
}

} // namespace

ResultCache::ResultCache(std::string Directory, const std::string &SelfPath)
    : Directory(std::move(Directory)) {
  // A rebuilt tool may analyse differently: its identity is part of the key.
  auto Stamp = stampOf(SelfPath);
  ToolStamp = std::string(version()) + "/" +
              std::to_string(Stamp ? Stamp->Size : 0) + "/" +
              std::to_string(Stamp ? Stamp->MTime : 0);
  // If it cannot be created, every lookup misses and every store fails
  // quietly: the run is as without a cache.
  if (!llvm::sys::fs::create_directories(this->Directory))
    pruneOldEntries();
}

std::string ResultCache::defaultDirectory(const std::string &BuildPath) {
  llvm::SmallString<256> Dir;
  if (!BuildPath.empty()) {
    Dir = absolutePath(BuildPath);
    llvm::sys::path::append(Dir, ".cancellint-cache");
    return std::string(Dir);
  }
  if (auto Xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && llvm::sys::path::is_absolute(*Xdg))
    Dir = *Xdg;
  else if (!llvm::sys::path::home_directory(Dir))
    return "";
  else
    llvm::sys::path::append(Dir, ".cache");
  llvm::sys::path::append(Dir, "cancellint");
  return std::string(Dir);
}

void ResultCache::pruneOldEntries() const {
  using namespace std::chrono;
  auto Now = system_clock::now();
  llvm::SmallString<256> Stamp(Directory);
  llvm::sys::path::append(Stamp, "last-pruned");
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Stamp, Status) &&
      Now - Status.getLastModificationTime() < hours(24))
    return;
  (void)writeFileAtomically(std::string(Stamp), "");
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Directory, EC), End;
       !EC && It != End; It.increment(EC)) {
    // Lookups touch the entries they use, so the time is of the last use.
    if (llvm::sys::path::extension(It->path()) == ".json" &&
        !llvm::sys::fs::status(It->path(), Status) &&
        Now - Status.getLastModificationTime() > hours(24 * 30)) {
      std::error_code Ignored = llvm::sys::fs::remove(It->path());
      (void)Ignored; // another run may have removed it already
    }
  }
}

std::string ResultCache::keyOf(const AnalysisRequest &R) {
  auto ContentOf = [&](const std::string &Path) -> std::string {
    const HashedFile *F = hashed(Path);
    return F ? F->Sha256 : "<unreadable>";
  };
  std::string Material = ToolStamp + '\0' + unitText(R);
  for (const std::string &Model : R.ModelFiles)
    Material += '\0' + ContentOf(Model);
  if (R.ConfigFile)
    Material += '\0' + ContentOf(*R.ConfigFile);
  // .clang-tidy files from the file's directory up configure the checks.
  llvm::SmallString<256> Dir(R.File);
  llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Config(D);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (const HashedFile *F = hashed(std::string(Config)))
      Material += '\0' + std::string(Config) + '\0' + F->Sha256;
  }
  return sha256(Material);
}

std::string ResultCache::entryPath(const AnalysisRequest &R) const {
  llvm::SmallString<256> P(Directory);
  llvm::sys::path::append(P, sha256(unitText(R)) + ".json");
  return std::string(P);
}

std::optional<TranslationUnitResult>
ResultCache::lookup(const AnalysisRequest &R) {
  const std::string Entry = entryPath(R);
  auto Text = readTextFile(Entry);
  if (!Text)
    return std::nullopt;
  json Doc = json::parse(*Text, nullptr, false);
  if (Doc.is_discarded() || !Doc.contains("deps") ||
      !Doc.contains("result") || Doc.value("key", "") != keyOf(R))
    return std::nullopt;
  try {
    for (const json &D : Doc["deps"]) {
      const std::string Path = D.at("path").get<std::string>();
      auto Stamp = stampOf(Path);
      if (!Stamp || Stamp->Size != D.at("size").get<uint64_t>())
        return std::nullopt;
      if (Stamp->MTime == D.at("mtime").get<int64_t>())
        continue;
      // Touched (a checkout, a rebuild): the contents decide, hashed once
      // per run however many units include the file.
      const HashedFile *F = hashed(Path);
      if (!F || F->Sha256 != D.at("sha256").get<std::string>())
        return std::nullopt;
    }
    (void)::utimes(Entry.c_str(), nullptr); // now: used
    return resultFromJson(Doc["result"]);
  } catch (const json::exception &) {
    return std::nullopt; // a damaged entry is a miss, never an error
  }
}

/// The unit's entry as stored, whatever its key; not an object when none.
static json readEntry(const std::string &Path) {
  auto Text = readTextFile(Path);
  if (!Text)
    return nullptr;
  json Entry = json::parse(*Text, nullptr, false);
  return Entry.is_object() ? Entry : json(nullptr);
}

std::optional<std::vector<std::string>>
ResultCache::lastDependencies(const AnalysisRequest &R) const {
  json Entry = readEntry(entryPath(R));
  if (!Entry.is_object() || !Entry.contains("deps"))
    return std::nullopt;
  std::vector<std::string> Files;
  for (const json &D : Entry["deps"])
    if (D.contains("path") && D["path"].is_string())
      Files.push_back(D["path"].get<std::string>());
  return Files;
}

std::optional<double>
ResultCache::lastSeconds(const AnalysisRequest &R) const {
  json Entry = readEntry(entryPath(R));
  if (!Entry.is_object() || !Entry.contains("seconds") ||
      !Entry["seconds"].is_number())
    return std::nullopt;
  return Entry["seconds"].get<double>();
}

const ResultCache::HashedFile *ResultCache::hashed(const std::string &Path) {
  auto [It, Inserted] = Hashes.try_emplace(Path);
  if (Inserted) {
    auto Stamp = stampOf(Path);
    auto Content = readTextFile(Path);
    if (Stamp && Content)
      It->second = HashedFile{Stamp->Size, Stamp->MTime, sha256(*Content)};
  }
  return It->second ? &*It->second : nullptr;
}

void ResultCache::store(const AnalysisRequest &R,
                        const TranslationUnitResult &Result) {
  if (!Result.Failures.empty() || Result.Dependencies.empty()) {
    // No result to keep, but how long the unit took orders the next run.
    json Entry = readEntry(entryPath(R));
    if (!Entry.is_object())
      Entry = json::object();
    Entry["seconds"] = Result.Seconds;
    (void)writeFileAtomically(entryPath(R), jsonText(Entry));
    return;
  }
  json Deps = json::array();
  for (const std::string &Path : Result.Dependencies) {
    const HashedFile *F = hashed(Path);
    if (!F)
      return; // cannot vouch for this unit: do not cache it
    Deps.push_back({{"path", Path},
                    {"size", F->Size},
                    {"mtime", F->MTime},
                    {"sha256", F->Sha256}});
  }
  json Doc = {{"key", keyOf(R)},
              {"deps", Deps},
              {"result", toJson(Result)},
              {"seconds", Result.Seconds}};
  (void)writeFileAtomically(entryPath(R), jsonText(Doc));
}

} // namespace cancellint::tool
