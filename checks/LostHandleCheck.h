//===--- LostHandleCheck.h - cancel-lost-handle ---------------------------------------===//
#ifndef CANCELLINT_CHECKS_LOSTHANDLECHECK_H
#define CANCELLINT_CHECKS_LOSTHANDLECHECK_H

#include "ModelCheck.h"

namespace cancellint {

/// Docs: docs/checks/cancel-lost-handle.md
class LostHandleCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
};

} // namespace cancellint

#endif
