//===--- ModelStore.cpp - The model a run uses, built once ----------------===//
#include "ModelStore.h"
#include "BuiltinModels.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <map>
#include <mutex>

namespace cancellint::model {

std::vector<std::string> splitOptionList(const std::string &Value) {
  std::vector<std::string> Out;
  std::string Item;
  auto Flush = [&] {
    llvm::StringRef T = llvm::StringRef(Item).trim();
    if (!T.empty())
      Out.push_back(T.str());
    Item.clear();
  };
  for (char C : Value) {
    if (C == ';' || C == ',')
      Flush();
    else
      Item += C;
  }
  Flush();
  return Out;
}

std::vector<std::string> builtinLibraryNames() {
  std::vector<std::string> Names;
  for (const EmbeddedFile &M : builtinModels())
    Names.push_back(M.Name.str());
  return Names;
}

/// Which built-in libraries \p Selection enables; unknown plain names are
/// errors (a misspelt "gprc" must not silently turn gRPC off).
static std::vector<bool> selectLibraries(const std::string &Selection,
                                         std::vector<ModelError> &Errors) {
  auto Builtins = builtinModels();
  std::vector<bool> Enabled(Builtins.size(), false);
  for (std::string Item : splitOptionList(Selection)) {
    bool Remove = !Item.empty() && Item[0] == '-';
    if (Remove)
      Item.erase(0, 1);
    auto Pattern = llvm::GlobPattern::create(Item);
    if (!Pattern) {
      Errors.push_back({"<option Libraries>", 0, 0, "",
                        "invalid library pattern '" + Item +
                            "': " + llvm::toString(Pattern.takeError())});
      continue;
    }
    bool Matched = false;
    for (size_t I = 0; I < Builtins.size(); ++I) {
      if (Pattern->match(Builtins[I].Name)) {
        Enabled[I] = !Remove;
        Matched = true;
      }
    }
    if (!Matched && Item.find_first_of("*?[") == std::string::npos) {
      Errors.push_back(
          {"<option Libraries>", 0, 0, "",
           llvm::formatv("unknown built-in library '{0}' (known: {1})", Item,
                         llvm::join(builtinLibraryNames(), ", "))
               .str()});
    }
  }
  return Enabled;
}

std::vector<std::string> selectedLibraryNames(const std::string &Libraries) {
  std::vector<ModelError> Ignored;
  std::vector<bool> Enabled = selectLibraries(Libraries, Ignored);
  auto Builtins = builtinModels();
  std::vector<std::string> Names;
  for (size_t I = 0; I < Builtins.size(); ++I)
    if (Enabled[I])
      Names.push_back(Builtins[I].Name.str());
  std::sort(Names.begin(), Names.end());
  return Names;
}

static LoadedModel build(const ModelConfig &Config,
                         const std::vector<std::string> &FileTexts) {
  LoadedModel Result;
  auto M = std::make_shared<Model>();
  std::vector<bool> Enabled = selectLibraries(Config.Libraries, Result.Errors);
  auto Builtins = builtinModels();
  for (size_t I = 0; I < Builtins.size(); ++I) {
    if (!Enabled[I])
      continue;
    LibraryModel L;
    std::string Origin = "<builtin>/" + Builtins[I].Name.str() + ".json";
    if (parseModel(Builtins[I].Text.str(), Origin, L, Result.Errors))
      M->add(std::move(L));
  }
  for (size_t I = 0; I < Config.Files.size(); ++I) {
    LibraryModel L;
    if (parseModel(FileTexts[I], Config.Files[I], L, Result.Errors))
      M->add(std::move(L));
  }
  if (Result.Errors.empty())
    Result.Value = std::move(M);
  return Result;
}

LoadedModel loadModel(const ModelConfig &Config) {
  // Every check of every translation unit asks, so the key is each file's
  // size and modification time: only an edited model file is read again.
  std::string Key = Config.Libraries;
  for (const std::string &Path : Config.Files) {
    llvm::sys::fs::file_status Status;
    Key += '\0' + Path + '\0';
    if (!llvm::sys::fs::status(Path, Status))
      Key += std::to_string(Status.getSize()) + ':' +
             std::to_string(
                 Status.getLastModificationTime().time_since_epoch().count());
  }

  static std::mutex Mutex;
  static std::map<std::string, LoadedModel> Cache;
  std::scoped_lock Lock(Mutex);
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;

  std::vector<std::string> Texts;
  std::vector<ModelError> ReadErrors;
  for (const std::string &Path : Config.Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer) {
      ReadErrors.push_back({Path, 0, 0, "",
                            "cannot read model file: " +
                                Buffer.getError().message()});
      Texts.emplace_back();
      continue;
    }
    Texts.push_back((*Buffer)->getBuffer().str());
  }
  if (!ReadErrors.empty())
    return {nullptr, std::move(ReadErrors)}; // not cached: it may appear
  if (Cache.size() > 16) // a long-lived clangd sees few configurations
    Cache.clear();
  return Cache.emplace(Key, build(Config, Texts)).first->second;
}

} // namespace cancellint::model
