//===--- ResultCache.h - Not analysing what has not changed --------------===//
#ifndef CANCELLINT_TOOL_RESULTCACHE_H
#define CANCELLINT_TOOL_RESULTCACHE_H

#include "AnalysisRequest.h"
#include "Findings.h"
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
class ResultCache {
public:
  ResultCache(std::string Directory, const std::string &SelfPath);

  /// The cached result for \p R, if nothing it depends on changed.
  std::optional<TranslationUnitResult> lookup(const AnalysisRequest &R);

  /// The files \p R's unit read when it was last analysed, if known (even
  /// if they changed since).
  std::optional<std::vector<std::string>>
  lastDependencies(const AnalysisRequest &R) const;

  /// Stores \p Result after a successful analysis of \p R, run with
  /// RecordDependencies. Failed units are never stored.
  void store(const AnalysisRequest &R, const TranslationUnitResult &Result);

private:
  std::string Directory;
  std::string ToolStamp;
  /// Keys by main file: a run asks for a unit's key up to three times
  /// (diff selection, lookup, store), and computing it reads the models
  /// and .clang-tidy files.
  mutable std::map<std::string, std::string> Keys;
  std::string keyOf(const AnalysisRequest &R) const;
  std::string entryPath(const AnalysisRequest &R) const;
};

} // namespace cancellint::tool

#endif
