//===--- UnforwardedContextCheck.h - cancel-unforwarded-context ---------------------------------------===//
#ifndef CANCELLINT_CHECKS_UNFORWARDEDCONTEXTCHECK_H
#define CANCELLINT_CHECKS_UNFORWARDEDCONTEXTCHECK_H

#include "ModelCheck.h"

namespace cancellint {

/// Docs: docs/checks/cancel-unforwarded-context.md
class UnforwardedContextCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
};

} // namespace cancellint

#endif
