//===--- PromptCalls.cpp - Blocking calls that return promptly here ------===//
#include "PromptCalls.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Lambdas.h"
#include "References.h"

#include "clang/AST/ExprCXX.h"
#include <limits>

using namespace clang;

namespace cancellint::analysis {

static constexpr size_t None = std::numeric_limits<size_t>::max();

/// Whether the call or construction that initialises \p Init hands a token
/// to the work it starts: as an argument, or captured by a lambda argument.
static bool handsTokenToWork(const Expr *Init, ModelQueries &Queries) {
  const Expr *Maker = ignoreValueWrappers(Init);
  // std::thread(work, st) with one argument is a functional cast.
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Maker))
    Maker = ignoreValueWrappers(Cast->getSubExpr());
  for (const Expr *Arg : parameterArguments(Maker)) {
    if (Queries.tokenHeldBy(Arg->getType()))
      return true;
    if (const LambdaExpr *L = lambdaBehind(Arg))
      for (const CapturedEntity &C : capturesOf(L))
        if (C.Var && Queries.tokenHeldBy(C.Var->getType()))
          return true;
  }
  return false;
}

/// Whether the code treats \p Fd as a regular file's descriptor: the
/// function declaring it seeks it. lseek() fails on pipes, FIFOs and
/// sockets (ESPIPE), and a read of a regular file does not wait on a peer.
static bool seekedAsFile(const ValueDecl *Fd) {
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(Fd ? Fd->getDeclContext() : nullptr);
  if (!Owner || !Owner->getBody())
    return false;
  return findEvaluated(Owner->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getIdentifier() &&
           (Callee->getName() == "lseek" || Callee->getName() == "lseek64") &&
           Call->getNumArgs() > 0 && namedDecl(Call->getArg(0)) == Fd;
  });
}

PromptCalls::PromptCalls(const FunctionScan &Scan, BlockingCalls &Blocking,
                         ModelQueries &Queries, const ASTContext &Ctx)
    : Scan(Scan), Blocking(Blocking), Ctx(Ctx), Queries(Queries),
      FirstReadinessIn(Scan.Loops.size(), None) {
  for (size_t I = 0; I < Scan.Calls.size(); ++I) {
    const ScannedCall &SC = Scan.Calls[I];
    const BlockingCallee B = Blocking.blockingCallee(SC.Call);
    if (B.Spec && B.Spec->ReadinessWait) {
      if (SC.Loop < 0)
        FirstReadinessOutsideLoops = std::min(FirstReadinessOutsideLoops, I);
      for (int L = SC.Loop; L >= 0; L = Scan.Loops[L].Parent)
        FirstReadinessIn[L] = std::min(FirstReadinessIn[L], I);
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(SC.Call))
      if (const ValueDecl *Object = namedDecl(M->getImplicitObjectArgument()))
        if (const CXXMethodDecl *Method = M->getMethodDecl();
            Method && Method->getIdentifier())
          FirstMemberCall.try_emplace({Object, Method->getName()}, I);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(SC.Call);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        handsTokenToWork(Op->getArg(1), Queries))
      if (const ValueDecl *Target = namedDecl(Op->getArg(0)))
        AssignedTokenWork.insert(Target);
    // MSG_DONTWAIT on one recv() changes only that call.
    if (B.Spec && B.Spec->DescriptorArg)
      continue;
    bool MakesNonblocking =
        Blocking.bodyMentionsNonblockingMarker(SC.Call->getDirectCallee());
    for (const Expr *Arg : SC.Call->arguments())
      MakesNonblocking =
          MakesNonblocking || Blocking.mentionsNonblockingMarker(Arg, Ctx);
    if (!MakesNonblocking)
      continue;
    for (const Expr *Arg : SC.Call->arguments())
      if (const ValueDecl *D = namedDecl(Arg))
        NonblockingDescriptors.insert(D);
  }
}

bool PromptCalls::isPrompt(size_t CallIndex, const BlockingCallee &B) const {
  if (!B.Spec)
    return false;
  const ScannedCall &SC = Scan.Calls[CallIndex];
  const CallExpr *Call = SC.Call;
  if (B.Spec->DescriptorArg && *B.Spec->DescriptorArg < Call->getNumArgs()) {
    for (const Expr *Arg : Call->arguments())
      if (Blocking.mentionsNonblockingMarker(Arg, Ctx))
        return true;
    const ValueDecl *Fd = namedDecl(Call->getArg(*B.Spec->DescriptorArg));
    if (Fd && (NonblockingDescriptors.count(Fd) || seekedAsFile(Fd)))
      return true;
    if (const auto *VD = dyn_cast_or_null<VarDecl>(Fd))
      if (Blocking.mentionsNonblockingMarker(VD->getInit(), Ctx))
        return true;
    const size_t Readiness =
        SC.Loop < 0 ? FirstReadinessOutsideLoops : FirstReadinessIn[SC.Loop];
    if (Readiness < CallIndex)
      return true;
  }
  const ValueDecl *Object = namedDecl(objectOfCall(Call));
  if (Object && AssignedTokenWork.count(Object))
    return true;
  if (const auto *VD = dyn_cast_or_null<VarDecl>(Object);
      VD && VD->getInit() && handsTokenToWork(VD->getInit(), Queries))
    return true;
  if (!B.Spec->NotBlockingAfter.empty() && Object)
    for (const std::string &Member : B.Spec->NotBlockingAfter) {
      auto It = FirstMemberCall.find({Object, Member});
      if (It != FirstMemberCall.end() && It->second < CallIndex)
        return true;
    }
  return false;
}

} // namespace cancellint::analysis
