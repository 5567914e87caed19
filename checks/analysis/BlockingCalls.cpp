//===--- BlockingCalls.cpp - Calls that block, and for how long ----------===//
#include "BlockingCalls.h"
#include "CallArguments.h"
#include "Expressions.h"
#include "Limits.h"
#include "WaitBounds.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <cstdint>

using namespace clang;

namespace cancellint::analysis {

/// Argument \p N as the model counts them: without the object of a call to
/// a member operator.
static const Expr *argAt(const CallExpr *Call, unsigned N) {
  const llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  return N < Args.size() ? Args[N] : nullptr;
}

BlockingCallee BlockingCalls::annotationOf(const FunctionDecl *FD) {
  auto It = Annotations.find(FD);
  if (It != Annotations.end())
    return It->second;
  BlockingCallee Found;
  llvm::SmallVector<const FunctionDecl *, 4> Decls;
  for (const FunctionDecl *D : FD->redecls())
    Decls.push_back(D);
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    for (const FunctionDecl *D : Pattern->redecls())
      Decls.push_back(D);
  // An annotation on an interface covers its overrides.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    for (const CXXMethodDecl *O : MD->overridden_methods())
      for (const FunctionDecl *D : O->redecls())
        Decls.push_back(D);
  for (const FunctionDecl *D : Decls) {
    for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
      if (A->getAnnotation() != BlockingAnnotation)
        continue;
      Found.Callee = FD;
      Found.AnnotatedAt = D;
      if (A->args_size() > 0)
        if (const auto *S = dyn_cast<StringLiteral>(
                (*A->args_begin())->IgnoreImplicit()->IgnoreParenImpCasts()))
          Found.Alternative = S->getString().str();
      break;
    }
    if (Found)
      break;
  }
  Annotations[FD] = Found;
  return Found;
}

namespace {

/// The mutex types a lock wrapper specialization locks (its type
/// arguments).
llvm::SmallVector<const CXXRecordDecl *, 2>
mutexesOf(const CXXRecordDecl *Wrapper) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Out;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Wrapper);
  if (!Spec)
    return Out;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type) {
      if (const CXXRecordDecl *RD = A.getAsType()->getAsCXXRecordDecl())
        Out.push_back(RD);
    } else if (A.getKind() == TemplateArgument::Pack) {
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type)
          if (const CXXRecordDecl *RD = P.getAsType()->getAsCXXRecordDecl())
            Out.push_back(RD);
    }
  }
  return Out;
}

/// std::defer_lock, std::try_to_lock, std::adopt_lock: the wrapper does
/// not lock (or has locked already).
bool isLockTag(const Expr *Arg) {
  const CXXRecordDecl *RD =
      Arg->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "defer_lock_t" || RD->getName() == "try_to_lock_t" ||
          RD->getName() == "adopt_lock_t");
}

} // namespace

BlockingCallee BlockingCalls::mutexLock(const model::LockWrapperSpec &Spec,
                                        const CXXRecordDecl *Mutex) {
  if (!Mutex || !Mutex->hasDefinition())
    return {};
  for (const CXXMethodDecl *M : Mutex->methods())
    if (M->getIdentifier() && M->getName() == Spec.Locks)
      if (const model::BlockingSpec *B = Queries.blocking(M, Mutex))
        return {M, B, nullptr, B->Alternative};
  return {};
}

BlockingCallee BlockingCalls::lockedBy(const CXXConstructExpr *E) {
  const CXXRecordDecl *Wrapper = E->getConstructor()->getParent();
  const model::LockWrapperSpec *Spec = Queries.lockWrapper(Wrapper);
  if (!Spec || E->getNumArgs() == 0 ||
      llvm::any_of(E->arguments(), [](const Expr *A) { return isLockTag(A); }))
    return {};
  for (const CXXRecordDecl *Mutex : mutexesOf(Wrapper))
    if (BlockingCallee B = mutexLock(*Spec, Mutex))
      return B;
  return {};
}

bool BlockingCalls::builtWithToken(const Expr *Object, unsigned Depth) {
  const VarDecl *V = referencedVar(ignoreValueWrappers(Object));
  if (!V || !V->hasLocalStorage() || Depth > limits::MaxLockWrapperNesting)
    return false;
  const auto *Init =
      dyn_cast_or_null<CXXConstructExpr>(ignoreValueWrappers(V->getInit()));
  if (!Init)
    return false;
  for (const Expr *Arg : Init->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg) && Queries.tokenHeldBy(Arg->getType()))
      return true;
  // A lock wrapper locks what it was built on.
  if (Queries.lockWrapper(Init->getConstructor()->getParent()) &&
      Init->getNumArgs() > 0)
    return builtWithToken(Init->getArg(0), Depth + 1);
  return false;
}

bool BlockingCalls::passesToken(const CXXConstructExpr *E) {
  for (const Expr *Arg : E->arguments())
    if (builtWithToken(Arg))
      return true;
  return false;
}

BlockingCallee BlockingCalls::blockingCallee(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return {};
  // `lock.lock()` on a std::unique_lock<M>: a call of M's lock member.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && MD->getIdentifier() && MD->getName() == "lock")
    if (const model::LockWrapperSpec *Spec =
            Queries.lockWrapper(MD->getParent()))
      for (const CXXRecordDecl *Mutex : mutexesOf(MD->getParent()))
        if (BlockingCallee B = mutexLock(*Spec, Mutex))
          return B;
  const CXXRecordDecl *Through = nullptr;
  if (const Expr *Object = objectOfCall(Call)) {
    // Before the implicit conversion to the base declaring the method.
    QualType T = Object->IgnoreParenImpCasts()->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    Through = T->getAsCXXRecordDecl();
  }
  if (const model::BlockingSpec *Spec = Queries.blocking(FD, Through))
    return {FD, Spec, nullptr, Spec->Alternative};
  return annotationOf(FD);
}

bool BlockingCalls::passesToken(const CallExpr *Call) {
  for (const Expr *Arg : Call->arguments()) {
    // A defaulted token argument is a fresh one, not the caller's.
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    if (Queries.tokenHeldBy(Arg->getType()))
      return true;
  }
  const Expr *Object = objectOfCall(Call);
  return Object && builtWithToken(Object);
}

namespace {
enum class Truth : std::uint8_t { Yes, No, Unknown };
} // namespace

static Truth holds(const model::ArgCondition &C, const Expr *Arg,
                   const ASTContext &Ctx) {
  if (!Arg || Arg->isValueDependent() || Arg->isTypeDependent())
    return Truth::Unknown;
  switch (C.Is) {
  case model::ArgCondition::Negative: {
    Expr::EvalResult R;
    if (!Arg->EvaluateAsInt(R, Ctx))
      return Truth::Unknown;
    return R.Val.getInt().isNegative() ? Truth::Yes : Truth::No;
  }
  case model::ArgCondition::Null:
    if (Arg->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                   Expr::NPC_ValueDependentIsNotNull))
      return Truth::Yes;
    // &timeout: the address of an object is never null.
    if (const auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
        U && U->getOpcode() == UO_AddrOf)
      return Truth::No;
    return Truth::Unknown;
  }
  return Truth::Unknown;
}

WaitBound BlockingCalls::boundOf(const CallExpr *Call, const BlockingCallee &B,
                                 const ASTContext &Ctx) {
  if (!B.Spec)
    return {WaitBound::Unbounded, 0};
  const model::BlockingSpec &S = *B.Spec;
  std::optional<double> Constant;
  if (S.Timeout)
    Constant =
        constantWaitSeconds(argAt(Call, S.Timeout->Arg), S.Timeout->In, Ctx);
  if (S.BlocksWhen) {
    if (holds(*S.BlocksWhen, argAt(Call, S.BlocksWhen->Arg), Ctx) == Truth::Yes)
      return {WaitBound::Unbounded, 0};
    if (Constant)
      return {WaitBound::Constant, *Constant};
    return {WaitBound::NotBlocking, 0};
  }
  if (!S.Timeout)
    return {WaitBound::Unbounded, 0};
  if (Constant)
    return {WaitBound::Constant, *Constant};
  return {WaitBound::Unknown, 0};
}

/// The text of \p E as written, or empty (for very long expressions too).
static StringRef textOf(SourceRange R, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(R), SM, Ctx.getLangOpts());
  if (Range.isInvalid())
    Range = SM.getExpansionRange(R);
  StringRef Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
  return Text.size() > limits::MaxSearchedTextLength ? StringRef() : Text;
}

static bool isIdentifierChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
         (C >= '0' && C <= '9') || C == '_';
}

bool BlockingCalls::textMentionsMarker(StringRef Text) {
  for (size_t I = 0; I < Text.size();) {
    if (!isIdentifierChar(Text[I])) {
      ++I;
      continue;
    }
    size_t End = I;
    while (End < Text.size() && isIdentifierChar(Text[End]))
      ++End;
    if (Queries.model().isNonblockingMarker(Text.slice(I, End)))
      return true;
    I = End;
  }
  return false;
}

bool BlockingCalls::mentionsNonblockingMarker(const Expr *E,
                                              const ASTContext &Ctx) {
  if (!E || !Queries.model().hasNonblockingMarkers())
    return false;
  return textMentionsMarker(textOf(E->getSourceRange(), Ctx));
}

bool BlockingCalls::bodyMentionsNonblockingMarker(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || !Queries.model().hasNonblockingMarkers())
    return false;
  auto [It, Inserted] = MarkerBodies.try_emplace(Def, false);
  if (!Inserted)
    return It->second;
  const bool Mentions = textMentionsMarker(
      textOf(Def->getBody()->getSourceRange(), Def->getASTContext()));
  MarkerBodies[Def] = Mentions;
  return Mentions;
}

bool BlockingCalls::mayBlock(const FunctionDecl *FD) { return mayBlock(FD, 0); }

bool BlockingCalls::mayBlock(const FunctionDecl *FD, unsigned Depth) {
  if (!FD)
    return false;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody())
    return false;
  auto [It, Inserted] = MayBlock.try_emplace(Def, false);
  if (!Inserted)
    return It->second; // known, or being computed (a cycle adds nothing)
  if (Def->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return false; // library internals block only through modelled calls
  bool Blocks = false;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty() && !Blocks) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue; // a lambda's body runs when it is called, not here
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (blockingCallee(Call) ||
          (Depth < limits::MaxCallDepth &&
           mayBlock(Call->getDirectCallee(), Depth + 1)))
        Blocks = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  MayBlock[Def] = Blocks;
  return Blocks;
}

const BlockingCalls::LongWait *
BlockingCalls::longWaitIn(const FunctionDecl *FD, double MaxSeconds,
                          const ASTContext &Ctx) {
  return longWaitIn(FD, MaxSeconds, Ctx, 0);
}

const BlockingCalls::LongWait *
BlockingCalls::longWaitIn(const FunctionDecl *FD, double MaxSeconds,
                          const ASTContext &Ctx, unsigned Depth) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  auto [It, Inserted] = LongWaits.try_emplace(Def);
  if (!Inserted)
    return It->second ? &*It->second : nullptr; // known, or in a cycle
  std::optional<LongWait> Found;
  findEvaluated(Def->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return false;
    if (BlockingCallee B = blockingCallee(Call)) {
      if (passesToken(Call))
        return false;
      const WaitBound Bound = boundOf(Call, B, Ctx);
      if (Bound.What == WaitBound::Unbounded ||
          (Bound.What == WaitBound::Constant && Bound.Seconds > MaxSeconds)) {
        Found = LongWait{Call, B, Bound};
        return true;
      }
      return false;
    }
    if (Depth < limits::MaxLongWaitCallDepth)
      if (const LongWait *Inner =
              longWaitIn(Call->getDirectCallee(), MaxSeconds, Ctx, Depth + 1)) {
        Found = *Inner;
        return true;
      }
    return false;
  });
  LongWaits[Def] = Found;
  return LongWaits[Def] ? &*LongWaits[Def] : nullptr;
}

} // namespace cancellint::analysis
