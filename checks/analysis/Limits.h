//===--- Limits.h - The bounds every analysis stays within ---------------===//
//
// cancellint runs in editors, where clangd re-analyses a file on every
// edit, so every walk, recursion and search is bounded: on a pathological
// input (generated code, a macro that expands to thousands of nodes) one
// question is answered from part of the code rather than the editor
// stalling. Each bound sits well above what the real code of the evaluation
// corpus needs, and says why it has its value.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_LIMITS_H
#define CANCELLINT_ANALYSIS_LIMITS_H

#include <cstddef>

namespace cancellint::analysis::limits {

//===--- The path engine (FunctionPaths) ----------------------------------===//

/// A function whose CFG has more blocks gets no paths
/// (FunctionPathsCache::get answers null), so the path rules say nothing
/// about it: only generated code (parsers, state machines) gets there, and
/// searching such a CFG for every handle would cost seconds.
inline constexpr unsigned MaxCfgBlocks = 4000;

/// CFG elements all the path questions on one function may visit together;
/// beyond it they answer "unknown", which the checks treat as "not shown".
inline constexpr unsigned long PathSearchSteps = 4'000'000;

//===--- Following calls --------------------------------------------------===//

/// How many calls deep a body is followed to answer a question about its
/// caller: a thread's entry calling run() calling the loop, a handler
/// forwarding to a handler, a helper handing the context on, the callers of
/// a function that runs elsewhere. Real code puts one or two wrappers in
/// the way; each further level multiplies the bodies read.
inline constexpr unsigned MaxCallDepth = 3;

/// How many calls deep a wait is looked for below a call in a loop: one
/// less than MaxCallDepth, because this runs for every call made in a loop
/// that holds a token, not once per function.
inline constexpr unsigned MaxLongWaitCallDepth = 2;

/// How many accessors calling accessors are followed to the stop flag they
/// read (`stopping()` returning `state().stop_`); accessors are one-line
/// functions, so they are followed one level further than helpers.
inline constexpr unsigned MaxAccessorDepth = 4;

/// How many functions a context is followed through while they hand it on
/// (`run(ctx)` calling `step(ctx)` calling `read(ctx, ...)`), for the
/// summaries of cancel-unforwarded-context; a chain this long is also the
/// longest a message can name in a readable way.
inline constexpr unsigned MaxForwardingChain = 8;

/// How many handlers a chain of asynchronous operations is followed through
/// to see whether it comes back to its first operation: resolve, connect,
/// write, read and the next host make five.
inline constexpr unsigned MaxHandlerChain = 6;

//===--- Expressions and types --------------------------------------------===//

/// Wrappers looked through, one at a time, to reach the value an
/// expression stands for or the expression that uses it: parentheses,
/// implicit and functional casts, temporaries, `&`, `*`, `.get()`,
/// `std::move`. Real code nests a handful; the bound guards generated code.
inline constexpr unsigned MaxWrapperDepth = 32;

/// How many copies a value is followed through back to the member it came
/// from (`auto c = ctx_; return Token([c] { ... });`). Each step may fork
/// into every argument of a construction, so this stays small.
inline constexpr unsigned MaxCopySteps = 6;

/// How many variables a token's provenance is followed through (a variable
/// copied from a variable derived from a parameter ...).
inline constexpr unsigned MaxProvenanceDepth = 24;

/// How deeply nested an expression TokenFlow still walks into: generated
/// code writes `a << b << ...` thousands deep, and the walk recurses, so
/// this bounds its stack.
inline constexpr std::size_t MaxExpressionNesting = 512;

/// How deeply `!`, `&&`, `||` and parentheses nest in a condition that is
/// still read for what it says about a flag or a done signal.
inline constexpr unsigned MaxConditionDepth = 16;

/// Nodes visited when an expression (a condition, an argument, a callable)
/// is searched for what it reads or calls.
inline constexpr unsigned MaxExpressionNodes = 512;

/// Nodes visited when a statement or a function's body is searched for
/// what it reads or calls.
inline constexpr unsigned MaxBodyNodes = 8192;

/// Nodes one scan of a function for token consultations visits; a scan
/// that reaches it says so (FunctionScan::Truncated) and its caller does
/// not report from it.
inline constexpr unsigned MaxFunctionScanNodes = 200000;

/// Parents climbed from a statement to the loop, spawn or function around
/// it; statements nest a few dozen deep in real code.
inline constexpr unsigned MaxParentSteps = 1024;

/// `else if` links read as one chain of tests of a status.
inline constexpr unsigned MaxElseIfChain = 64;

/// Classes visited when a member or a field is looked for in a class and
/// its bases, and overridden functions climbed to the first declaration;
/// the standard libraries put a few implementation bases in between.
inline constexpr unsigned MaxBaseDepth = 16;

/// Holders looked through to the token a type holds
/// (`std::shared_ptr<std::optional<std::stop_token>>`).
inline constexpr unsigned MaxHolderNesting = 6;

/// Out-of-line members of class templates nested in class templates, for
/// the roots that hold the instantiations of code written at a location.
inline constexpr unsigned MaxTemplateNesting = 4;

/// Lock wrappers built on lock wrappers followed to the object they lock.
inline constexpr unsigned MaxLockWrapperNesting = 2;

//===--- Text and memory --------------------------------------------------===//

/// Characters of an expression's source text searched for a non-blocking
/// marker; longer text is a macro expansion, not an argument.
inline constexpr std::size_t MaxSearchedTextLength = 100000;

/// Per-function parent indexes kept per unit: the checks ask about the
/// function the matcher is in and the few it follows calls into, so a
/// handful of recent ones answers nearly every question without a rebuild.
inline constexpr std::size_t CachedParentIndexes = 8;

} // namespace cancellint::analysis::limits

#endif
