//===--- DiffFilter.h - Reporting only what a change touched -------------===//
#ifndef CANCELLINT_TOOL_INPUT_DIFFFILTER_H
#define CANCELLINT_TOOL_INPUT_DIFFFILTER_H

#include "report/Report.h"
#include <map>
#include <set>
#include <string>

namespace cancellint::tool {

/// The lines a change touched, per absolute file path (new side of the
/// diff), from `git diff -U0 <rev>` in the repository around \p Directory.
class ChangedLines {
public:
  /// Returns an error message, or "" on success.
  std::string load(const std::string &Revision, const std::string &Directory);

  bool touchesFile(const std::string &File) const {
    return Lines.count(File) != 0;
  }
  bool touchesLine(const std::string &File, unsigned Line) const;

  /// Parses unified diff text (as `git diff` writes it, paths quoted or
  /// not, with "a/" and "b/" prefixes) whose paths are relative to \p Root.
  /// Records the new side's added lines, counted from 1. Text that is not
  /// a diff is skipped.
  void parse(const std::string &Diff, const std::string &Root);

  /// Every changed file (absolute path) with its added lines.
  const std::map<std::string, std::set<unsigned>> &files() const {
    return Lines;
  }

private:
  std::map<std::string, std::set<unsigned>> Lines;
};

/// Keeps the findings on changed lines; the others were there before.
void keepChangedFindings(RunReport &R, const ChangedLines &Changes);

} // namespace cancellint::tool

#endif
