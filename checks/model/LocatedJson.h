//===--- LocatedJson.h - JSON parsing that remembers where values are ----===//
//
// nlohmann::json does not keep source positions; model errors must name
// file:line:col. This parser builds the same DOM and records, for every JSON
// pointer, the byte offset of the member's key (objects) or element (arrays).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_MODEL_LOCATEDJSON_H
#define CANCELLINT_MODEL_LOCATEDJSON_H

#include "llvm/ADT/StringRef.h"
#include <nlohmann/json.hpp>
#include <map>
#include <string>

namespace cancellint::model {

struct TextPosition {
  unsigned Line = 1;
  unsigned Column = 1;
};

/// Line and column (1-based, columns in bytes as compilers count them).
TextPosition positionOf(llvm::StringRef Text, size_t Offset);

struct LocatedJson {
  nlohmann::json Value;
  /// JSON pointer ("" for the root, "/tokens/0/scope") -> byte offset.
  std::map<std::string, size_t> Offsets;

  size_t offsetOf(const std::string &Pointer) const;
};

struct JsonSyntaxError {
  size_t Offset = 0;
  std::string Message;
};

/// Parses \p Text. Duplicate keys are a syntax error: a silently dropped
/// entry in a model file would be a misconfiguration nobody sees.
bool parseLocatedJson(const std::string &Text, LocatedJson &Out,
                      JsonSyntaxError &Error);

/// Escapes one reference token for use in a JSON pointer (RFC 6901).
std::string jsonPointerToken(const std::string &Key);

} // namespace cancellint::model

#endif
