//===--- TokenConsultation.cpp - Where a function consults its token -----===//
#include "TokenConsultation.h"
#include "Awaits.h"
#include "CallArguments.h"
#include "DeclNames.h"
#include "Expressions.h"
#include "Lambdas.h"
#include "Limits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cancellint::analysis {

namespace {

ScannedLoop::Shape shapeOf(const Expr *Cond, bool HasStep,
                           const ASTContext &Ctx) {
  if (!Cond)
    return ScannedLoop::Infinite;
  bool Value = false;
  if (!Cond->isValueDependent() && !Cond->isTypeDependent() &&
      Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return Value ? ScannedLoop::Infinite : ScannedLoop::AtMostOnce;
  return HasStep ? ScannedLoop::Counted : ScannedLoop::ConditionDriven;
}

class Scanner : public ConstDynamicRecursiveASTVisitor {
  using Base = ConstDynamicRecursiveASTVisitor;

public:
  Scanner(llvm::ArrayRef<TokenInScope> Held, ModelQueries &Queries,
          BlockingCalls &Blocking, const PolledFlags *Polled,
          const ASTContext &Ctx, FunctionScan &Out)
      : Held(Held), Queries(Queries), Blocking(Blocking), Polled(Polled),
        Ctx(Ctx), Out(Out) {
    for (const TokenInScope &H : Held)
      AwaitPassesToken |= H.From == TokenInScope::Awaited;
  }

  bool TraverseForStmt(const ForStmt *S) override {
    return loop(S, shapeOf(S->getCond(), S->getInc() != nullptr, Ctx),
                [&] { return Base::TraverseForStmt(S); });
  }
  bool TraverseWhileStmt(const WhileStmt *S) override {
    return loop(S, shapeOf(S->getCond(), false, Ctx),
                [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(const DoStmt *S) override {
    return loop(S, shapeOf(S->getCond(), false, Ctx),
                [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseCXXForRangeStmt(const CXXForRangeStmt *S) override {
    return loop(S, ScannedLoop::RangeFor,
                [&] { return Base::TraverseCXXForRangeStmt(S); });
  }
  bool TraverseLambdaExpr(const LambdaExpr *L) override {
    ++InLambda;
    const bool Result = Base::TraverseLambdaExpr(L);
    --InLambda;
    return Result;
  }
  bool TraverseBlockExpr(const BlockExpr *B) override {
    ++InLambda;
    const bool Result = Base::TraverseBlockExpr(B);
    --InLambda;
    return Result;
  }
  // Local classes' member functions are functions of their own.
  bool TraverseCXXRecordDecl(const CXXRecordDecl *) override { return true; }

  bool VisitStmt(const Stmt *) override {
    if (++Visited <= limits::MaxFunctionScanNodes)
      return true;
    Out.Truncated = true;
    return false; // stops the walk
  }
  bool VisitDeclRefExpr(const DeclRefExpr *E) override {
    if (consultsThrough(E->getDecl()) || isPolledFlag(E->getDecl()))
      consult();
    return true;
  }
  bool VisitMemberExpr(const MemberExpr *E) override {
    if (const auto *F = dyn_cast<FieldDecl>(E->getMemberDecl());
        F && (Queries.tokenHeldBy(F->getType()) || isPolledFlag(F)))
      consult();
    return true;
  }
  bool VisitCallExpr(const CallExpr *Call) override {
    if (isDoneCheck(Call) ||
        (Polled && llvm::is_contained(Polled->Flags,
                                      Polled->Inference.readBy(Call))))
      consult();
    if (InLambda)
      return true;
    if (registersOnToken(Call) || emplacesRegistration(Call))
      Out.Registration = Call;
    if (!Call->getDirectCallee())
      return true;
    Out.Calls.push_back({Call, Stack.empty() ? -1 : Stack.back()});
    if (Blocking.blockingCallee(Call))
      waits(Call);
    return true;
  }
  bool VisitCXXConstructExpr(const CXXConstructExpr *E) override {
    if (InLambda || Out.Registration)
      return true;
    const CXXRecordDecl *Built = E->getConstructor()->getParent();
    if ((Queries.isRegistration(Built) || wrapsRegistration(Built)) &&
        receivesToken(E->arguments()))
      Out.Registration = E;
    return true;
  }
  // In a template, `std::stop_callback cb(st, f)` is not a constructor call
  // yet (deduction waits for the instantiation): the class template it
  // names and the arguments still tell a registration on the token.
  bool VisitVarDecl(const VarDecl *V) override {
    if (InLambda || Out.Registration)
      return true;
    if (Queries.isRegistration(unresolvedConstructed(V)) &&
        receivesToken(unresolvedConstructionArgs(V->getInit())))
      Out.Registration = V->getInit();
    return true;
  }
  bool VisitCoawaitExpr(const CoawaitExpr *E) override {
    // The promise hands its token to the awaitable, which may ignore it.
    if (AwaitPassesToken && !uncancellableAwait(E, Queries))
      consult();
    if (InLambda)
      return true;
    Out.Awaits.push_back({E, Stack.empty() ? -1 : Stack.back()});
    waits(E);
    return true;
  }

private:
  llvm::ArrayRef<TokenInScope> Held;
  ModelQueries &Queries;
  BlockingCalls &Blocking;
  const PolledFlags *Polled;
  const ASTContext &Ctx;
  FunctionScan &Out;
  std::vector<int> Stack; ///< loops enclosing the node being visited
  unsigned InLambda = 0;
  unsigned Visited = 0;
  bool AwaitPassesToken = false;

  template <typename Fn>
  bool loop(const Stmt *S, ScannedLoop::Shape Kind, Fn TraverseChildren) {
    if (InLambda)
      return TraverseChildren();
    ScannedLoop L;
    L.Loop = S;
    L.Parent = Stack.empty() ? -1 : Stack.back();
    L.Kind = Kind;
    Out.Loops.push_back(L);
    Stack.push_back(static_cast<int>(Out.Loops.size() - 1));
    const bool Result = TraverseChildren();
    Stack.pop_back();
    return Result;
  }

  void consult() {
    for (const int L : Stack)
      Out.Loops[L].Consults = true;
  }
  void waits(const Stmt *S) {
    for (const int L : Stack)
      if (!Out.Loops[L].FirstWait)
        Out.Loops[L].FirstWait = S;
  }

  /// slot.assign(handler): a link called on the token itself registers a
  /// callback (free links such as bind_cancellation_slot only bind). In a
  /// template, a link given lambdas stays an unresolved call.
  bool registersOnToken(const CallExpr *Call) {
    const Expr *Object = unresolvedMemberObject(Call);
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
      Object = M->getImplicitObjectArgument();
    return Object && Queries.isLinkCall(Call) &&
           Queries.tokenHeldBy(Object->getType());
  }

  /// std::optional<folly::CancellationCallback>: a class template
  /// specialisation with a registration among its type arguments, which it
  /// builds in place from the arguments it is given.
  bool wrapsRegistration(const CXXRecordDecl *RD) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return false;
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          Queries.isRegistration(A.getAsType()->getAsCXXRecordDecl()))
        return true;
    return false;
  }

  /// `cb.emplace(token, f)` on a std::optional<folly::CancellationCallback>:
  /// a member of such a wrapper given a token builds the registration.
  bool emplacesRegistration(const CallExpr *Call) {
    const auto *M = dyn_cast<CXXMemberCallExpr>(Call);
    return M && wrapsRegistration(M->getRecordDecl()) &&
           receivesToken(Call->arguments());
  }

  bool consultsThrough(const ValueDecl *D) {
    if (!isa<VarDecl, BindingDecl, FieldDecl>(D))
      return false;
    for (const TokenInScope &H : Held)
      if (H.Var == D)
        return true;
    if (Queries.tokenHeldBy(D->getType()))
      return true;
    // `auto check = [&st] { ... };` then `check()` in the loop.
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (const LambdaExpr *L = lambdaBehind(VD->getInit()))
        for (const CapturedEntity &C : capturesOf(L))
          if (C.Var && Queries.tokenHeldBy(C.Var->getType()))
            return true;
    return false;
  }

  bool isPolledFlag(const ValueDecl *D) const {
    if (!Polled)
      return false;
    const ValueDecl *Canonical = StopFlags::canonicalVar(D);
    return llvm::any_of(Polled->Flags, [&](const StopFlag *F) {
      return F->Var == Canonical;
    });
  }

  bool isDoneCheck(const CallExpr *Call) {
    const auto *M = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *Method = M ? M->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier())
      return false;
    QualType T = M->getImplicitObjectArgument()->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const model::TokenSpec *Spec =
        Queries.tokenOfRecord(T->getAsCXXRecordDecl());
    return Spec && llvm::is_contained(Spec->DoneChecks, Method->getName());
  }

  template <typename Range> bool receivesToken(const Range &Args) {
    for (const Expr *A : Args)
      if (Queries.tokenHeldBy(A->getType()))
        return true;
    return false;
  }
};

} // namespace

FunctionScan scanTokenConsultation(const FunctionDecl *FD,
                                   llvm::ArrayRef<TokenInScope> Held,
                                   ModelQueries &Queries,
                                   BlockingCalls &Blocking,
                                   const PolledFlags *Polled) {
  FunctionScan Out;
  if (!FD || !FD->getBody())
    return Out;
  Scanner S(Held, Queries, Blocking, Polled, FD->getASTContext(), Out);
  S.TraverseStmt(FD->getBody());
  return Out;
}

} // namespace cancellint::analysis
