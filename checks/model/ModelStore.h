//===--- ModelStore.h - The model a run uses, built once ------------------===//
//
// Every check of a run shares one Model: the enabled built-in libraries plus
// the user's files. Building it is cached per configuration, process-wide and
// thread-safe, so five checks and a thousand translation units parse the
// JSON once, and clangd picks up an edited model file on the next build.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_MODEL_MODELSTORE_H
#define CANCELLINT_MODEL_MODELSTORE_H

#include "Model.h"
#include "ModelLoader.h"
#include <memory>
#include <string>
#include <vector>

namespace cancellint::model {

struct ModelConfig {
  /// Built-in libraries: a comma or semicolon separated list of names and
  /// globs, "-" to remove ("*", "std,grpc", "*,-folly"). Empty means none.
  std::string Libraries = "*";
  /// The user's model files.
  std::vector<std::string> Files;
};

struct LoadedModel {
  std::shared_ptr<const Model> Value; ///< Null when Errors is not empty.
  std::vector<ModelError> Errors;
};

/// The model for \p Config, or every error that prevents building it.
LoadedModel loadModel(const ModelConfig &Config);

/// Names of the built-in libraries, sorted.
std::vector<std::string> builtinLibraryNames();

/// The built-in libraries a Libraries value enables, sorted: the ones a
/// model for it loads (patterns that match nothing are left out).
std::vector<std::string> selectedLibraryNames(const std::string &Libraries);

/// Splits a ';' or ',' separated option value, trimming blanks.
std::vector<std::string> splitOptionList(const std::string &Value);

} // namespace cancellint::model

#endif
