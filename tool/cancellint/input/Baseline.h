//===--- Baseline.h - Failing only on new findings -----------------------===//
#ifndef CANCELLINT_TOOL_INPUT_BASELINE_H
#define CANCELLINT_TOOL_INPUT_BASELINE_H

#include "report/Report.h"
#include <set>
#include <string>
#include <tuple>

namespace cancellint::tool {

/// The findings a code base already had when it adopted cancellint, named
/// by check, file (relative to the source root) and fingerprint, so that
/// edits elsewhere do not make them new again.
class Baseline {
public:
  /// Reads \p Path; returns an error message, or "" on success.
  std::string load(const std::string &Path);

  /// The findings it records.
  size_t size() const { return Known.size(); }

  /// Marks each finding of \p R new or known.
  void apply(RunReport &R) const;

  /// The baseline document for the findings of \p R.
  static std::string render(const RunReport &R);

private:
  std::set<std::tuple<std::string, std::string, std::string>> Known;
};

} // namespace cancellint::tool

#endif
