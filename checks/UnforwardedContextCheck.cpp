//===--- UnforwardedContextCheck.cpp - cancel-unforwarded-context -------------------------------------===//
#include "UnforwardedContextCheck.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

void UnforwardedContextCheck::registerModelMatchers(MatchFinder *F) {}

void UnforwardedContextCheck::check(const MatchFinder::MatchResult &R) {}

} // namespace cancellint
