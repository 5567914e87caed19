//===--- ContextSummaries.cpp - Functions that start their own contexts --===//
#include "ContextSummaries.h"
#include "CallArguments.h"
#include "Limits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

const FunctionDecl *ContextSummaries::followableCallee(const Expr *Call) {
  const FunctionDecl *FD = calleeOf(Call);
  if (!FD)
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    // A virtual call may run any override.
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    bool Qualified = false;
    if (MC)
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()))
        Qualified = ME->hasQualifier();
    if (MD->isVirtual() && !Qualified && !MD->hasAttr<FinalAttr>() &&
        !MD->getParent()->hasAttr<FinalAttr>())
      return nullptr;
  }
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody())
    return nullptr;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return nullptr;
  if (Queries.isRoot(Def) || Queries.derivation(Def) || Queries.isLink(Def) ||
      Queries.blocking(Def) || Queries.tokenVariant(Def))
    return nullptr;
  if (Holders.holdsAny(Def) || Queries.tokenHeldBy(Def->getReturnType()))
    return nullptr;
  return Def;
}

const ContextSummaries::Summary *ContextSummaries::of(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  // How much deeper the chain may go from here.
  const unsigned Budget = limits::MaxForwardingChain - InProgress.size();
  if (auto It = Memo.find(FD);
      It != Memo.end() && (It->second.Result || It->second.Budget >= Budget))
    return It->second.Result;
  if (InProgress.contains(FD))
    return nullptr; // a cycle: nothing new down there
  if (Budget == 0) {
    CutShort = true;
    return nullptr;
  }
  InProgress.insert(FD);
  const bool OuterCutShort = CutShort;
  CutShort = false;
  std::optional<Summary> Found;
  TokenFlow Flow(Queries, Holders, FD);
  for (const Expr *Call : Flow.calls()) {
    const llvm::SmallVector<TokenArgument, 2> Args = Flow.tokenArguments(Call);
    for (const TokenArgument &A : Args) {
      const Provenance P = Flow.provenance(A.Arg);
      const bool Fresh =
          P.What == Provenance::Fresh && (!P.Local || !Flow.isLinked(P.Local));
      if (P.What == Provenance::Root || Fresh) {
        Found = Summary{P, nullptr, Call};
        break;
      }
    }
    if (Found)
      break;
    if (!Args.empty())
      continue;
    if (const FunctionDecl *Next = followableCallee(Call))
      if (const Summary *S = of(Next)) {
        Found = Summary{S->Token, Next, Call};
        break;
      }
  }
  InProgress.erase(FD);
  const Summary *Result = nullptr;
  if (Found) {
    Summaries.push_back(*Found);
    Result = &Summaries.back();
  }
  // "Nothing found" cut short by the bound holds for that budget only.
  Memo[FD] = {Result, CutShort ? Budget : limits::MaxForwardingChain + 1};
  CutShort |= OuterCutShort;
  return Result;
}

} // namespace cancellint::analysis
