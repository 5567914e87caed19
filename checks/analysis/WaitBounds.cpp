//===--- WaitBounds.cpp - How long a timed wait can last -----------------===//
#include "WaitBounds.h"
#include "Limits.h"
#include "References.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Regex.h"
#include <array>
#include <cmath>

using namespace clang;

namespace cancellint::analysis {

/// Num / Den of a class shaped like std::ratio: two integral arguments.
static std::optional<double> ratioValue(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec)
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[0].getKind() != TemplateArgument::Integral ||
      Args[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  const double Num =
      static_cast<double>(Args[0].getAsIntegral().getSExtValue());
  const double Den =
      static_cast<double>(Args[1].getAsIntegral().getSExtValue());
  if (Den == 0)
    return std::nullopt;
  return Num / Den;
}

/// Seconds per tick of a class shaped like std::chrono::duration: an
/// arithmetic Rep and a ratio-shaped Period.
static std::optional<double> secondsPerTick(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec)
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 2 || Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type ||
      !Args[0].getAsType()->isArithmeticType())
    return std::nullopt;
  return ratioValue(Args[1].getAsType());
}

static std::optional<double> numberOf(const APValue &V) {
  if (V.isInt())
    return static_cast<double>(V.getInt().getSExtValue());
  if (V.isFloat())
    return V.getFloat().convertToDouble();
  return std::nullopt;
}

static std::optional<double> durationSeconds(const Expr *E,
                                             const ASTContext &Ctx) {
  E = ignoreValueWrappers(E);
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  std::optional<double> PerTick = secondsPerTick(E->getType());
  if (!PerTick)
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return std::nullopt;
  // A duration holds its count in its only data member.
  if (!R.Val.isStruct() || R.Val.getStructNumFields() != 1)
    return std::nullopt;
  if (std::optional<double> Count = numberOf(R.Val.getStructField(0)))
    return *Count * *PerTick;
  return std::nullopt;
}

static std::optional<double> timePointSeconds(const Expr *E,
                                              const ASTContext &Ctx) {
  // Look through conversions between time points of different precision.
  for (unsigned Depth = 0; Depth < limits::MaxWrapperDepth; ++Depth) {
    E = ignoreValueWrappers(E);
    const auto *C = dyn_cast_or_null<CXXConstructExpr>(E);
    if (!C || C->getNumArgs() != 1)
      break;
    E = C->getArg(0);
  }
  const auto *Plus = dyn_cast_or_null<CXXOperatorCallExpr>(E);
  if (!Plus || Plus->getOperator() != OO_Plus || Plus->getNumArgs() != 2)
    return std::nullopt;
  // `Clock::now() + d`: the left side is a call without arguments.
  const auto *Now =
      dyn_cast_or_null<CallExpr>(ignoreValueWrappers(Plus->getArg(0)));
  if (!Now || Now->getNumArgs() != 0)
    return std::nullopt;
  return durationSeconds(Plus->getArg(1), Ctx);
}

std::optional<double> constantWaitSeconds(const Expr *E,
                                          model::TimeoutArg::Unit U,
                                          const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  double Scale = 1;
  switch (U) {
  case model::TimeoutArg::Duration:
    return durationSeconds(E, Ctx);
  case model::TimeoutArg::TimePoint:
    return timePointSeconds(E, Ctx);
  case model::TimeoutArg::Seconds:
    Scale = 1;
    break;
  case model::TimeoutArg::Milliseconds:
    Scale = 1e-3;
    break;
  case model::TimeoutArg::Microseconds:
    Scale = 1e-6;
    break;
  case model::TimeoutArg::Nanoseconds:
    Scale = 1e-9;
    break;
  }
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return std::nullopt;
  if (std::optional<double> N = numberOf(R.Val))
    return *N * Scale;
  return std::nullopt;
}

std::string formatSeconds(double Seconds) {
  static const std::array<std::pair<double, const char *>, 6> Units = {
      {{3600, "h"},
       {60, "min"},
       {1, "s"},
       {1e-3, "ms"},
       {1e-6, "us"},
       {1e-9, "ns"}}};
  for (const auto &[PerUnit, Name] : Units) {
    const double N = Seconds / PerUnit;
    const double Rounded = std::round(N);
    if (Rounded != 0 && std::fabs(N - Rounded) < 1e-6 * std::fmax(1, N))
      return std::to_string(static_cast<long long>(Rounded)) + " " + Name;
  }
  if (Seconds == 0)
    return "0 s";
  return std::to_string(Seconds) + " s";
}

std::optional<double> parseSecondsOption(llvm::StringRef Text) {
  static const llvm::Regex Pattern(
      "^[[:space:]]*([0-9]+(\\.[0-9]+)?)[[:space:]]*(ns|us|ms|s|min|h)?"
      "[[:space:]]*$");
  llvm::SmallVector<llvm::StringRef, 4> M;
  if (!Pattern.match(Text, &M))
    return std::nullopt;
  double N = 0;
  if (M[1].getAsDouble(N))
    return std::nullopt;
  const llvm::StringRef Unit = M[3];
  if (Unit.empty() || Unit == "ms")
    return N * 1e-3;
  if (Unit == "ns")
    return N * 1e-9;
  if (Unit == "us")
    return N * 1e-6;
  if (Unit == "s")
    return N;
  if (Unit == "min")
    return N * 60;
  return N * 3600;
}

} // namespace cancellint::analysis
