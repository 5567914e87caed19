//===--- BlockingCallCheck.cpp - cancel-blocking-call -------------------------------------===//
#include "BlockingCallCheck.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

void BlockingCallCheck::registerModelMatchers(MatchFinder *F) {}

void BlockingCallCheck::check(const MatchFinder::MatchResult &R) {}

} // namespace cancellint
