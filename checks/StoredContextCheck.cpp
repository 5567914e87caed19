//===--- StoredContextCheck.cpp - cancel-stored-context ------------------===//
//
// A request's context or token belongs to that request: its deadline and its
// cancellation mean nothing to the next one. Kept in static storage or in a
// long-lived object it outlives the request, dangles (gRPC frees the
// ServerContext when the call ends) or silently applies one request's
// cancellation to another. The Go analogue is `containedctx`.
//
// Candidates, each filtered by "does the value carry a request-scoped token":
//   - variables with static or thread storage,
//   - assignments (=) and storing member calls (push_back, emplace, ...)
//     whose target is static storage or a member of a long-lived class,
//   - member initializers of long-lived classes.
// A value carries a token when its type is, points to or holds one, or when
// it is a lambda that captures one.
//
//===----------------------------------------------------------------------===//
#include "StoredContextCheck.h"
#include "CheckOptions.h"
#include "Wording.h"
#include "analysis/Instantiations.h"
#include "analysis/Lambdas.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

struct StoredContextCheck::Carried {
  analysis::HeldToken Token;
  const ValueDecl *CapturedVar = nullptr; ///< set when a lambda captures it
};

StoredContextCheck::StoredContextCheck(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ModelCheck(Name, Context),
      LongLivedClassPattern(
          Options.get(options::LongLivedClassPattern.Name,
                      options::LongLivedClassPattern.Default)),
      StoringMethods(Options.get(options::StoringMethods.Name,
                                 options::StoringMethods.Default)),
      LongLivedName(LongLivedClassPattern, llvm::Regex::IgnoreCase) {
  if (std::string Error = invalidOptionValue(options::LongLivedClassPattern,
                                             LongLivedClassPattern);
      !Error.empty())
    configurationDiag("%0") << Error;
}

void StoredContextCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  ModelCheck::storeOptions(Opts);
  Options.store(Opts, options::LongLivedClassPattern.Name,
                LongLivedClassPattern);
  Options.store(Opts, options::StoringMethods.Name, StoringMethods);
}

void StoredContextCheck::registerModelMatchers(MatchFinder *F) {
  // Templates are analysed once, as written (see getCheckTraversalKind);
  // system headers are not the user's to fix.
  auto UserStmt = stmt(unless(isExpansionInSystemHeader()));
  auto UserDecl = decl(unless(isExpansionInSystemHeader()));
  // A static data member of a class template has one declaration per
  // instantiation, each named with its arguments: the template's is the one.
  F->addMatcher(varDecl(hasGlobalStorage(), unless(parmVarDecl()), UserDecl,
                        unless(analysis::withinInstantiation()))
                    .bind("var"),
                this);
  F->addMatcher(binaryOperator(hasOperatorName("="), UserStmt).bind("assign"),
                this);
  F->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="), UserStmt)
                    .bind("assign-op"),
                this);
  std::vector<std::string> Methods = model::splitOptionList(StoringMethods);
  const std::vector<StringRef> MethodRefs(Methods.begin(), Methods.end());
  F->addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(MethodRefs))),
                                  UserStmt)
                    .bind("store-call"),
                this);
  F->addMatcher(functionDecl(isDefinition(), UserDecl).bind("function"), this);
  F->addMatcher(lambdaExpr(UserStmt).bind("lambda"), this);
  F->addMatcher(
      cxxConstructorDecl(UserDecl,
                         forEachConstructorInitializer(
                             cxxCtorInitializer(isMemberInitializer(),
                                                isWritten())
                                 .bind("init"))),
      this);
}

std::optional<StoredContextCheck::Carried>
StoredContextCheck::requestTokenCarriedBy(const Expr *E) {
  if (!E)
    return std::nullopt;
  auto RequestScoped = [](const std::optional<analysis::HeldToken> &H) {
    return H && H->Spec->Scope == model::TokenScope::Request;
  };
  auto Held = queries().tokenHeldBy(E->getType());
  if (RequestScoped(Held))
    return Carried{*Held, nullptr};
  if (const LambdaExpr *L = analysis::lambdaBehind(E)) {
    for (const analysis::CapturedEntity &C : analysis::capturesOf(L)) {
      if (C.capturesThis())
        continue;
      const ValueDecl *V = C.Var;
      QualType Type = V->getType();
      // Capturing a reference by copy copies the object it refers to.
      if (!C.ByReference)
        Type = Type.getNonReferenceType();
      auto Captured = queries().tokenHeldBy(Type);
      if (!RequestScoped(Captured))
        continue;
      if (C.ByReference && Captured->How == analysis::Holding::Value)
        Captured->How = analysis::Holding::Reference;
      return Carried{*Captured, V};
    }
  }
  return std::nullopt;
}

bool StoredContextCheck::ownsSource(const CXXRecordDecl *RD,
                                    const Decl *Except) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const FieldDecl *F : RD->fields())
    if (F != Except && queries().sourceHeldBy(F->getType()))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (ownsSource(B.getType()->getAsCXXRecordDecl(), Except))
      return true;
  return false;
}

std::string StoredContextCheck::whyLongLived(const analysis::StoragePlace &P,
                                             const NamedDecl *&ReasonDecl,
                                             std::string &ReasonNote) {
  ReasonDecl = P.Decl;
  if (analysis::hasStaticLifetime(P)) {
    ReasonNote = "'" + P.Decl->getNameAsString() + "' declared here";
    return wording::storagePlacePhrase(P);
  }
  if (P.What != analysis::StoragePlace::Field || !P.Owner)
    return "";
  // The owner of the thread a token drives may keep that token: its own
  // source or jthread cancels it (the worker-object idiom). The member the
  // token is stored in does not count: a type that is both token and
  // source (a request's context) is no source of the owner's own.
  if (ownsSource(P.Owner, P.Decl))
    return "";
  std::string Via;
  ReasonDecl = P.Owner;
  if (queries().isLongLivedByModel(P.Owner, &Via)) {
    ReasonNote = Via == queries().name(P.Owner)
                     ? "'" + P.Owner->getNameAsString() +
                           "' is long-lived by the cancellation model"
                     : "'" + P.Owner->getNameAsString() +
                           "' outlives requests: it derives from '" + Via +
                           "'";
  } else if (P.Owner->getIdentifier() &&
             LongLivedName.match(P.Owner->getName())) {
    ReasonNote = "'" + P.Owner->getNameAsString() +
                 "' is treated as long-lived: its name matches "
                 "LongLivedClassPattern '" +
                 LongLivedClassPattern + "'";
  } else {
    return "";
  }
  return "member '" + P.Decl->getNameAsString() + "' of long-lived '" +
         P.Owner->getNameAsString() + "'";
}

bool StoredContextCheck::isProcessWideToken(const Expr *Value) {
  // `static auto g_stop = g_shutdown.get_token();`, or a pool keeping
  // `g_shutdown.get_token()`: process-wide state taken from a process-wide
  // source, not a request's token.
  if (!Value)
    return false;
  const Expr *E = Value->IgnoreImplicit()->IgnoreParenImpCasts();
  // Before C++17 the call's result is copied: look through that copy.
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E))
    if (Ctor->getNumArgs() == 1)
      E = Ctor->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  // No method for calls through a pointer to member: nothing to compare.
  const CXXMethodDecl *Getter = Call ? Call->getMethodDecl() : nullptr;
  if (!Getter || !Getter->getIdentifier())
    return false;
  const Expr *Object = Call->getImplicitObjectArgument();
  const auto *Source = queries().sourceHeldBy(Object->getType());
  auto Place = analysis::storagePlaceOf(Object);
  return Source && Getter->getName() == Source->TokenGetter && Place &&
         analysis::hasStaticLifetime(*Place);
}

/// Whether the stored value is a parameter of a constructor of \p Owner (or
/// a lambda capturing one): a long-lived object is built once, by its owner,
/// so a token handed to its constructor is the owner's lifetime (shutdown)
/// token, not a request's.
static bool isConstructorArgument(const Expr *Value, const ValueDecl *Captured,
                                  const CXXRecordDecl *Owner) {
  const ValueDecl *V = Captured;
  if (!V && Value) {
    const Expr *E = Value->IgnoreImplicit()->IgnoreParenImpCasts();
    // A copy or move of the parameter (`stop_(std::move(param))`) is it.
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(E))
      if (Copy->getNumArgs() == 1)
        E = Copy->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (Call->isCallToStdMove() && Call->getNumArgs() == 1)
        E = Call->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      V = DRE->getDecl();
  }
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(V);
  const auto *Ctor = Param ? dyn_cast_or_null<CXXConstructorDecl>(
                                 Param->getDeclContext())
                           : nullptr;
  return Ctor && Owner &&
         Ctor->getParent()->getCanonicalDecl() == Owner->getCanonicalDecl();
}

bool StoredContextCheck::isConstantRootToken(const VarDecl *VD,
                                             const analysis::HeldToken &T) {
  // `static const std::stop_token kNever{};` or `const Context kBg =
  // background();`: a constant that can only ever hold a token nothing
  // cancels, never a request's.
  if (T.How != analysis::Holding::Value || !VD->getType().isConstQualified())
    return false;
  const Expr *Init = VD->getInit();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    return Construct->getNumArgs() == 0 && T.Spec->DefaultConstructed ==
               model::TokenSpec::DefaultRoot::NeverCancelled;
  if (const auto *List = dyn_cast<InitListExpr>(Init))
    return List->getNumInits() == 0 && T.Spec->DefaultConstructed ==
               model::TokenSpec::DefaultRoot::NeverCancelled;
  const auto *Call = dyn_cast<CallExpr>(Init);
  return Call && queries().isRoot(Call->getDirectCallee());
}

void StoredContextCheck::checkVariable(const VarDecl *VD) {
  if (VD != VD->getCanonicalDecl() || VD->isImplicit())
    return;
  // The variable's own type, or a lambda it is initialised with.
  std::optional<Carried> C;
  if (auto Held = queries().tokenHeldBy(VD->getType());
      Held && Held->Spec->Scope == model::TokenScope::Request)
    C = Carried{*Held, nullptr};
  else if (auto FromInit = requestTokenCarriedBy(VD->getInit());
           FromInit && FromInit->CapturedVar)
    C = FromInit;
  if (!C || isProcessWideToken(VD->getInit()) ||
      (!C->CapturedVar && isConstantRootToken(VD, C->Token)))
    return;
  const analysis::StoragePlace P{analysis::storageKindOf(VD), VD, nullptr};
  const std::string Where = wording::storagePlacePhrase(P);
  if (C->CapturedVar) {
    diag(VD->getLocation(), "%0 is initialised with a lambda capturing '%1' "
                            "(%2); it outlives the request it belongs to")
        << Where << C->CapturedVar->getName()
        << wording::heldTokenPhrase(C->Token);
    return;
  }
  diag(VD->getLocation(), "%0 keeps %1 beyond the request it belongs to")
      << Where << wording::heldTokenPhrase(C->Token);
}

void StoredContextCheck::checkStore(const Expr *Target, const Expr *Value,
                                    SourceLocation Loc, SourceRange Store,
                                    const ASTContext &Ctx) {
  std::optional<Carried> C = requestTokenCarriedBy(Value);
  if (!C)
    return;
  if (!C->CapturedVar && isProcessWideToken(Value))
    return;
  auto Place = analysis::storagePlaceOf(Target);
  if (!Place)
    return;
  if (Place->What == analysis::StoragePlace::Field &&
      isConstructorArgument(Value, C->CapturedVar, Place->Owner))
    return;
  // A static variable whose own type holds a token is reported once, at its
  // declaration; each store into it would only repeat that.
  if (analysis::hasStaticLifetime(*Place) && !C->CapturedVar &&
      queries().tokenHeldBy(Place->Decl->getType()))
    return;
  const NamedDecl *ReasonDecl = nullptr;
  std::string ReasonNote;
  const std::string Where = whyLongLived(*Place, ReasonDecl, ReasonNote);
  if (Where.empty())
    return;
  if (C->CapturedVar)
    diag(Loc, "lambda capturing '%0' (%1) is stored in %2, which outlives "
              "the request it belongs to")
        << C->CapturedVar->getName() << wording::heldTokenPhrase(C->Token)
        << Where << Store;
  else
    diag(Loc, "%0 (%1) is stored in %2, which outlives the request it "
              "belongs to")
        << wording::quotedSpelling(Value->IgnoreParenImpCasts(), Ctx, "a value")
        << wording::heldTokenPhrase(C->Token) << Where << Store;
  if (ReasonDecl)
    diag(ReasonDecl->getLocation(), ReasonNote, DiagnosticIDs::Note);
}

void StoredContextCheck::check(const MatchFinder::MatchResult &R) {
  if (const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("function")) {
    checkSingleUse(FD, *R.Context);
    return;
  }
  if (const auto *L = R.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    checkSingleUse(L->getCallOperator(), *R.Context);
    return;
  }
  const ASTContext &Ctx = *R.Context;
  if (const auto *VD = R.Nodes.getNodeAs<VarDecl>("var")) {
    checkVariable(VD);
    return;
  }
  if (const auto *BO = R.Nodes.getNodeAs<BinaryOperator>("assign")) {
    checkStore(BO->getLHS(), BO->getRHS(), BO->getOperatorLoc(),
               BO->getSourceRange(), Ctx);
    return;
  }
  if (const auto *Op = R.Nodes.getNodeAs<CXXOperatorCallExpr>("assign-op")) {
    if (Op->getNumArgs() == 2)
      checkStore(Op->getArg(0), Op->getArg(1), Op->getOperatorLoc(),
                 Op->getSourceRange(), Ctx);
    return;
  }
  if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("store-call")) {
    for (const Expr *Arg : Call->arguments()) {
      if (!requestTokenCarriedBy(Arg))
        continue;
      checkStore(Call->getImplicitObjectArgument(), Arg, Call->getExprLoc(),
                 Call->getSourceRange(), Ctx);
      return;
    }
    return;
  }
  if (const auto *Init = R.Nodes.getNodeAs<CXXCtorInitializer>("init")) {
    const FieldDecl *FD = Init->getMember();
    const analysis::StoragePlace P{analysis::StoragePlace::Field, FD,
                                   dyn_cast<CXXRecordDecl>(FD->getParent())};
    std::optional<Carried> C = requestTokenCarriedBy(Init->getInit());
    if (!C || (!C->CapturedVar && isProcessWideToken(Init->getInit())) ||
        isConstructorArgument(Init->getInit(), C->CapturedVar, P.Owner))
      return;
    const NamedDecl *ReasonDecl = nullptr;
    std::string ReasonNote;
    const std::string Where = whyLongLived(P, ReasonDecl, ReasonNote);
    if (Where.empty())
      return;
    diag(Init->getSourceLocation(),
         "%0 is initialised with %1, which outlives the request it belongs to")
        << Where << wording::heldTokenPhrase(C->Token)
        << Init->getSourceRange();
    if (ReasonDecl)
      diag(ReasonDecl->getLocation(), ReasonNote, DiagnosticIDs::Note);
  }
}

//===--- Single-use contexts used twice -----------------------------------===//

/// Where a use is reported: the called member's name (`stub->Echo`), in a
/// template's unresolved call too.
static SourceLocation useLocation(const Expr *Call) {
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    const Expr *Callee = CE->getCallee()->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(Callee))
      return M->getMemberLoc();
    if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee))
      return U->getMemberLoc();
  }
  return Call->getExprLoc();
}

void StoredContextCheck::checkSingleUse(const FunctionDecl *FD,
                                        ASTContext &Ctx) {
  if (FD->isDependentContext() && !FD->getBody())
    return;
  if (!SingleUse)
    SingleUse.emplace(queries(), unit(Ctx).Paths);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const analysis::ContextReuse &R : SingleUse->reusesIn(FD)) {
    const SourceLocation Loc = useLocation(R.Use.Call);
    if (!reportOnce(Loc))
      continue;
    const std::string Name = R.Use.Context->getNameAsString();
    const std::string Type = R.Use.Token.Spec->Type;
    if (R.What == analysis::ContextReuse::NextPass) {
      diag(Loc, "'%0' serves one call, but control comes back to this call "
                "of '%1' with the same context: a '%2' must not be reused; "
                "create a new one for each call")
          << Name << R.Use.Callee->getNameAsString() << Type
          << R.Use.Call->getSourceRange();
      if (isa<ParmVarDecl>(R.Use.Context))
        diag(R.Use.Context->getLocation(), "'%0' comes from the caller",
             DiagnosticIDs::Note)
            << Name;
      else
        diag(R.Use.Context->getLocation(),
             "'%0' is created once, here, outside the loop",
             DiagnosticIDs::Note)
            << Name;
    } else {
      diag(Loc, "'%0' already served the call of '%1' at line %2: a '%3' "
                "must not be used for a second call; create a new one for "
                "this call")
          << Name << R.First.Callee->getNameAsString()
          << SM.getSpellingLineNumber(useLocation(R.First.Call)) << Type
          << R.Use.Call->getSourceRange();
      diag(useLocation(R.First.Call), "first used here", DiagnosticIDs::Note);
    }
  }
}

void StoredContextCheck::endTranslationUnit() {
  if (!SingleUse)
    return;
  for (const std::vector<analysis::ContextUse> &Uses :
       SingleUse->membersUsedTwice()) {
    const analysis::ContextUse &First = Uses.front();
    const std::string Name = First.Context->getNameAsString();
    const SourceManager &SM =
        First.Context->getASTContext().getSourceManager();
    // One use that comes round again is reported at itself; otherwise
    // every use after the first, with the first as the note.
    const size_t Start = Uses.size() == 1 ? 0 : 1;
    for (size_t I = Start; I < Uses.size(); ++I) {
      const analysis::ContextUse &U = Uses[I];
      const SourceLocation Loc = useLocation(U.Call);
      if (!reportOnce(Loc))
        continue;
      if (Uses.size() == 1)
        diag(Loc, "member '%0' serves one call, but control comes back to "
                  "this call of '%1': a '%2' held by value cannot be made "
                  "anew; create one for each call")
            << Name << U.Callee->getNameAsString() << U.Token.Spec->Type;
      else
        diag(Loc, "member '%0' is passed to '%1' here and to '%2' at line "
                  "%3, but a '%4' serves one call: whichever runs second "
                  "reuses it; create one for each call")
            << Name << U.Callee->getNameAsString()
            << First.Callee->getNameAsString()
            << SM.getSpellingLineNumber(useLocation(First.Call))
            << U.Token.Spec->Type;
      diag(First.Context->getLocation(), "'%0' is declared here, held by value",
           DiagnosticIDs::Note)
          << Name;
    }
  }
}

} // namespace cancellint
