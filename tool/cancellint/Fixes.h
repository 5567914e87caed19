//===--- Fixes.h - Applying and exporting fix-its ------------------------===//
#ifndef CANCELLINT_TOOL_FIXES_H
#define CANCELLINT_TOOL_FIXES_H

#include "report/Report.h"
#include <string>

namespace cancellint::tool {

struct FixSummary {
  unsigned Applied = 0;     ///< findings whose fixes were applied
  unsigned Conflicting = 0; ///< findings skipped: their edits overlap others
  unsigned Files = 0;       ///< files written
  std::string Error;        ///< a file that could not be read or written
};

/// The edits --fix applies for \p F: its own fix-its; with \p FixNotes,
/// as clang-tidy's --fix-notes, a finding without any takes the fix-it of
/// its note when exactly one note has one.
const std::vector<Replacement> &fixesToApply(const Finding &F, bool FixNotes);

/// Applies fixesToApply() of \p R's findings. A finding's edits are applied
/// all or none; a finding whose edits overlap an earlier finding's is
/// skipped. Files are written atomically.
FixSummary applyFixes(const RunReport &R, bool FixNotes);

/// clang-apply-replacements YAML for the fix-its of \p R's findings, as
/// clang-tidy writes it: a note's fix-it stays with the note, whose message
/// then ends with "(review before applying)".
std::string exportFixes(const RunReport &R);

} // namespace cancellint::tool

#endif
