//===--- ModelNamesCheck.h - cancellint-model-names ----------------------===//
#ifndef CANCELLINT_CHECKS_MODELNAMESCHECK_H
#define CANCELLINT_CHECKS_MODELNAMESCHECK_H

#include "ModelCheck.h"

namespace cancellint {

/// A diagnostic for model authors, not a finding about code: reports every
/// name of the loaded models (built-in and ModelFiles) that names no
/// declaration of the right kind in the translation unit, computed exactly
/// as the checks compute names. Run it on a file that includes the
/// library's headers. Registered outside the "cancel" module so that
/// `cancel-*` never enables it.
///
/// Docs: docs/models.md ("Checking that a model's names resolve")
class ModelNamesCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;

private:
  /// For nonblocking_markers, which may be macros.
  clang::Preprocessor *PP = nullptr;
};

} // namespace cancellint

#endif
