//===--- SwallowedDoneCheck.h - cancel-swallowed-done ---------------------------------------===//
#ifndef CANCELLINT_CHECKS_SWALLOWEDDONECHECK_H
#define CANCELLINT_CHECKS_SWALLOWEDDONECHECK_H

#include "ModelCheck.h"

namespace cancellint {

/// Docs: docs/checks/cancel-swallowed-done.md
class SwallowedDoneCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
};

} // namespace cancellint

#endif
