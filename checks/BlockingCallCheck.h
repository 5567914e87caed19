//===--- BlockingCallCheck.h - cancel-blocking-call ---------------------------------------===//
#ifndef CANCELLINT_CHECKS_BLOCKINGCALLCHECK_H
#define CANCELLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "ModelCheck.h"

namespace cancellint {

/// Docs: docs/checks/cancel-blocking-call.md
class BlockingCallCheck : public ModelCheck {
public:
  using ModelCheck::ModelCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;

protected:
  void registerModelMatchers(clang::ast_matchers::MatchFinder *F) override;
};

} // namespace cancellint

#endif
