//===--- BuiltinModels.h - The models shipped with cancellint ------------===//
#ifndef CANCELLINT_MODEL_BUILTINMODELS_H
#define CANCELLINT_MODEL_BUILTINMODELS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace cancellint::model {

struct EmbeddedFile {
  llvm::StringRef Name; ///< File stem, e.g. "grpc".
  llvm::StringRef Text; ///< The JSON document, embedded at build time.
};

/// Every file of checks/model/builtin/, sorted by name.
llvm::ArrayRef<EmbeddedFile> builtinModels();

} // namespace cancellint::model

#endif
