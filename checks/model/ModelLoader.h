//===--- ModelLoader.h - Reading and validating model documents ----------===//
#ifndef CANCELLINT_MODEL_MODELLOADER_H
#define CANCELLINT_MODEL_MODELLOADER_H

#include "Model.h"
#include <string>
#include <vector>

namespace cancellint::model {

/// One problem in a model document, located as compilers locate errors.
struct ModelError {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string JsonPointer; ///< Where in the document; empty for syntax errors.
  std::string Message;

  /// "file:line:col: error: message (at /tokens/0/scope)".
  std::string format() const;
};

inline constexpr const char *ModelFormatTag = "cancellint-model/1";

/// Parses and validates one document. \p Origin names it in errors. Returns
/// false, with every problem found in \p Errors, unless the whole document is
/// valid: nothing is analysed with half a model.
bool parseModel(const std::string &Text, const std::string &Origin,
                LibraryModel &Out, std::vector<ModelError> &Errors);

} // namespace cancellint::model

#endif
