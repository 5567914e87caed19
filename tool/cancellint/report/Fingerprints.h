//===--- Fingerprints.h - Naming a finding across edits and runs ---------===//
#ifndef CANCELLINT_TOOL_REPORT_FINGERPRINTS_H
#define CANCELLINT_TOOL_REPORT_FINGERPRINTS_H

#include "Findings.h"
#include <string>
#include <vector>

namespace cancellint::tool {

/// Sets Finding::Fingerprint for sorted \p Findings: a hash of the check,
/// the file (relative to \p SourceRoot), the finding's own line (trimmed)
/// and its message, plus ":N" telling identical ones apart in order. No
/// line numbers: adding lines above a finding does not change it. SARIF's
/// partialFingerprints and baselines both use it.
void assignFingerprints(std::vector<Finding> &Findings,
                        const std::string &SourceRoot);

} // namespace cancellint::tool

#endif
