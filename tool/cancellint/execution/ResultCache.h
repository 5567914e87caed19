//===--- ResultCache.h - Not analysing what has not changed --------------===//
#ifndef CANCELLINT_TOOL_EXECUTION_RESULTCACHE_H
#define CANCELLINT_TOOL_EXECUTION_RESULTCACHE_H

#include "Findings.h"
#include "execution/AnalysisRequest.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cancellint::tool {

/// Results of translation units, kept in a directory and keyed by all that
/// can change them: the tool binary, the request (compile command, options,
/// model paths), the contents of the model files and of the .clang-tidy
/// files that apply, and the contents of the main file and every file it
/// included, system headers too. Touching a header re-analyses exactly the
/// units that include it.
///
/// Each unit (main file and request) has one entry, overwritten when its
/// key changes, so the cache grows with the code base, not with its
/// history; entries unused for a month are removed.
class ResultCache {
public:
  ResultCache(std::string Directory, const std::string &SelfPath);

  /// Where results are kept when --cache-dir is not given: next to the
  /// build (\p BuildPath, from -p) when there is one, else in the user's
  /// cache directory ($XDG_CACHE_HOME/cancellint, ~/.cache/cancellint).
  /// Empty when neither can be had.
  static std::string defaultDirectory(const std::string &BuildPath);

  /// The cached result for \p R, if nothing it depends on changed.
  std::optional<TranslationUnitResult> lookup(const AnalysisRequest &R);

  /// The files \p R's unit read when it was last analysed, if known (even
  /// if they or the configuration changed since).
  std::optional<std::vector<std::string>>
  lastDependencies(const AnalysisRequest &R) const;

  /// How long \p R's unit took to analyse the last time, if known (even if
  /// it or its configuration changed since, and even if it failed then).
  std::optional<double> lastSeconds(const AnalysisRequest &R) const;

  /// Stores \p Result after a successful analysis of \p R, run with
  /// RecordDependencies. Of a failed unit, only how long it took.
  void store(const AnalysisRequest &R, const TranslationUnitResult &Result);

private:
  std::string Directory;
  std::string ToolStamp;
  /// Everything besides the unit's files that its result depends on.
  std::string keyOf(const AnalysisRequest &R);
  std::string entryPath(const AnalysisRequest &R) const;
  /// Removes entries not used for a long time; at most once a day.
  void pruneOldEntries() const;

  struct HashedFile {
    uint64_t Size;
    int64_t MTime;
    std::string Sha256;
  };
  /// Units of one run share most headers, models and .clang-tidy files:
  /// each is read and hashed once. Null when the file cannot be read.
  const HashedFile *hashed(const std::string &Path);
  std::map<std::string, std::optional<HashedFile>> Hashes;
};

} // namespace cancellint::tool

#endif
