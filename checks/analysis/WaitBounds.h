//===--- WaitBounds.h - How long a timed wait can last -------------------===//
//
// "Does this wait end soon enough for a stop request to be noticed?" needs
// the wait's bound as a number. Bounds are read from constant arguments
// only: a number in a unit (poll's milliseconds), a value shaped like
// std::chrono::duration (recognised by its structure, Rep and
// Period = ratio<Num, Den>, not by name), or a time point written
// `Clock::now() + d`. Anything computed at run time has no known bound.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_WAITBOUNDS_H
#define CANCELLINT_ANALYSIS_WAITBOUNDS_H

#include "../model/Model.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace cancellint::analysis {

/// The constant number of seconds \p E (an argument in unit \p U) allows a
/// wait to last, or none when it is not a constant.
std::optional<double> constantWaitSeconds(const clang::Expr *E,
                                          model::TimeoutArg::Unit U,
                                          const clang::ASTContext &Ctx);

/// "5 s", "1500 ms", "250 us", "0 s": the largest unit that shows \p Seconds
/// as a whole number.
std::string formatSeconds(double Seconds);

/// Parses an option value such as "1s", "500ms", "250us", "2min"; a bare
/// number is milliseconds. None when malformed or negative.
std::optional<double> parseSecondsOption(llvm::StringRef Text);

} // namespace cancellint::analysis

#endif
