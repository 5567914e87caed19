//===--- CheckOptions.cpp - Every option of the cancel-* checks, once -----===//
#include "CheckOptions.h"
#include "analysis/WaitBounds.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace cancellint {

llvm::ArrayRef<CheckOption> checkOptions() {
  static constexpr CheckOption All[] = {
      options::ModelFiles,         options::Libraries,
      options::MaxUncheckedWait,   options::LongLivedClassPattern,
      options::StoringMethods,
  };
  return All;
}

std::string invalidOptionValue(const CheckOption &Option,
                               llvm::StringRef Value) {
  std::string Invalid =
      ("invalid " + Option.Name + " '" + Value + "': ").str();
  switch (Option.Kind) {
  case OptionKind::Duration:
    if (analysis::parseSecondsOption(Value))
      return "";
    return Invalid +
           "expected a duration such as '1s', '500ms' or '250us'";
  case OptionKind::Regex: {
    std::string Error;
    if (llvm::Regex(Value).isValid(Error))
      return "";
    return Invalid + Error;
  }
  case OptionKind::NameList:
  case OptionKind::ModelFiles:
  case OptionKind::Libraries:
    return "";
  }
  return "";
}

static std::string resolveModelPath(const std::string &Path,
                                    llvm::StringRef AnalysedFile) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path) ||
      AnalysedFile.empty())
    return Path;
  llvm::SmallString<256> Dir(AnalysedFile);
  if (llvm::sys::fs::make_absolute(Dir))
    return Path;
  llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Config(D), Candidate(D);
    llvm::sys::path::append(Config, ".clang-tidy");
    llvm::sys::path::append(Candidate, Path);
    if (llvm::sys::fs::exists(Config) && llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
  }
  return Path;
}

model::ModelConfig modelConfig(llvm::StringRef ModelFiles,
                               llvm::StringRef Libraries,
                               llvm::StringRef AnalysedFile) {
  model::ModelConfig Config;
  Config.Libraries = Libraries.str();
  // clang-tidy uses ';' between list items; a ',' inside a path is rare
  // enough that splitting on it as well keeps "a.json,b.json" working.
  for (const std::string &File : model::splitOptionList(ModelFiles.str()))
    Config.Files.push_back(resolveModelPath(File, AnalysedFile));
  return Config;
}

/// The key a check reads \p Option under.
static std::string keyOf(llvm::StringRef Check, const CheckOption &Option) {
  return (Check + "." + Option.Name).str();
}

std::string closestName(llvm::StringRef Key,
                        llvm::ArrayRef<std::string> Known) {
  std::string Best;
  unsigned BestDistance = std::max<unsigned>(3, Key.size() / 3) + 1;
  for (const std::string &K : Known) {
    unsigned D = Key.edit_distance(K, /*AllowReplacements=*/true,
                                   BestDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = K;
    }
  }
  return Best;
}

std::vector<OptionProblem>
optionProblems(const clang::tidy::ClangTidyOptions::OptionMap &Options,
               llvm::ArrayRef<std::string> Checks) {
  std::vector<std::string> KnownKeys;
  for (const std::string &Check : Checks)
    for (const CheckOption &O : checkOptions())
      if (O.Check.empty() || O.Check == Check)
        KnownKeys.push_back(keyOf(Check, O));

  std::vector<OptionProblem> Problems;
  for (const auto &[KeyRef, Value] : Options) {
    llvm::StringRef Key = KeyRef;
    auto [Check, Name] = Key.split('.');
    const CheckOption *Option = nullptr;
    if (Name.empty()) { // a global key: only the shared ones are ours
      for (const CheckOption &O : checkOptions())
        if (O.Check.empty() && O.Name == Key)
          Option = &O;
      if (!Option)
        continue;
    } else {
      if (!Check.starts_with("cancel-"))
        continue;
      if (llvm::is_contained(KnownKeys, Key)) {
        for (const CheckOption &O : checkOptions())
          if (O.Name == Name && (O.Check.empty() || O.Check == Check))
            Option = &O;
      } else {
        std::string Message = "unknown check option '" + Key.str() + "'";
        if (std::string Near = closestName(Key, KnownKeys); !Near.empty())
          Message += "; did you mean '" + Near + "'";
        Problems.push_back({Key.str(), Message, /*IsError=*/false});
        continue;
      }
    }
    if (std::string Error = invalidOptionValue(*Option, Value.Value);
        !Error.empty())
      Problems.push_back({Key.str(), Error, /*IsError=*/true});
  }
  // The map has no order of its own.
  llvm::sort(Problems, [](const OptionProblem &A, const OptionProblem &B) {
    return A.Key < B.Key;
  });
  return Problems;
}

} // namespace cancellint
