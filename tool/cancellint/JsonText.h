//===--- JsonText.h - JSON written by the driver and its workers ---------===//
#ifndef CANCELLINT_TOOL_JSONTEXT_H
#define CANCELLINT_TOOL_JSONTEXT_H

#include <nlohmann/json.hpp>
#include <string>

namespace cancellint::tool {

/// \p J as JSON text (one line unless \p Indent >= 0). File names, command
/// lines and source lines need not be UTF-8 (Latin-1 exists): what is not
/// valid UTF-8 is replaced, where nlohmann's default would throw.
inline std::string jsonText(const nlohmann::json &J, int Indent = -1) {
  return J.dump(Indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace cancellint::tool

#endif
