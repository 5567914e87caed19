//===--- SwallowedDoneCheck.cpp - cancel-swallowed-done -------------------------------------===//
#include "SwallowedDoneCheck.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

void SwallowedDoneCheck::registerModelMatchers(MatchFinder *F) {}

void SwallowedDoneCheck::check(const MatchFinder::MatchResult &R) {}

} // namespace cancellint
