//===--- SarifInput.h - Reading cancellint's SARIF back ------------------===//
#ifndef CANCELLINT_TOOL_INPUT_SARIFINPUT_H
#define CANCELLINT_TOOL_INPUT_SARIFINPUT_H

#include "report/Report.h"
#include <nlohmann/json.hpp>
#include <string>

namespace cancellint::tool {

/// Reads a SARIF log written by cancellint (its first run) back into a
/// report: findings with notes and fixes, failed translation units, the
/// source root and the number of translation units. Returns false with
/// \p Error set when the document is not such a log.
bool readSarif(const nlohmann::json &Log, RunReport &Out, std::string &Error);

/// Decodes %XX escapes (the inverse of the SARIF writer's encoding).
std::string percentDecode(const std::string &Text);

} // namespace cancellint::tool

#endif
