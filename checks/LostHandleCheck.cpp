//===--- LostHandleCheck.cpp - cancel-lost-handle -------------------------------------===//
#include "LostHandleCheck.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

void LostHandleCheck::registerModelMatchers(MatchFinder *F) {}

void LostHandleCheck::check(const MatchFinder::MatchResult &R) {}

} // namespace cancellint
