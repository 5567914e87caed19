//===--- UnforwardedContextCheck.cpp - cancel-unforwarded-context --------===//
//
// A function that holds a context or token (TokensInScope.h) must hand it, or
// something derived from it, to the calls that can take one; otherwise
// cancelling the request does not reach the work done for it. The Go
// analogue is golangci's `contextcheck`.
//
// Candidates are the calls of a function holding a token, collected by one
// walk of its body (TokenFlow). For each call, in this order (numbered as
// in the docs):
//   1. a token parameter receives a fresh root: a model root, a
//      default-constructed token whose model says it never cancels, a null
//      context, or a variable holding one;
//   2. it receives the token of a local source nothing links to the held
//      token;
//   4. it receives a new local context (a plain grpc::ClientContext) that
//      could have been derived from the held one: reported at the context,
//      with a fix-it to the model's derive function when mechanical;
//   5. the call is a middleware's `next` (a callable parameter) and gets
//      anything but the held context or one derived from it;
//   3. the callee takes no token but a token-taking variant exists (model
//      token_variants, or a same-name overload with one more parameter);
//   6. the callee takes no token but starts its own root, itself or
//      further down (ContextSummaries), reported with the chain;
//   8. the held token itself is passed where the same parameter of the
//      same callee gets, elsewhere in the function, the token of a local
//      source linked to it (a child with a timeout): the child is in scope,
//      and what cancels it does not reach this call.
// And, for every function, before the calls:
//   7. a token parameter it explicitly discards (unnamed, cast to void,
//      passed only to an UNUSED(...) helper: DiscardedTokens) while it
//      blocks, locks or calls a function taking a context; overrides say
//      when other overrides of the same virtual function use theirs.
// Not flagged: derived and linked tokens, functions holding no token
// (main), lambdas holding none (background work in its own scope), and
// functions returning a token (deliberate detach helpers).
//
//===----------------------------------------------------------------------===//
#include "UnforwardedContextCheck.h"
#include "CheckOptions.h"
#include "Wording.h"
#include "analysis/BlockingCalls.h"
#include "analysis/CallArguments.h"
#include "analysis/DiscardedTokens.h"
#include "analysis/Instantiations.h"
#include "analysis/Limits.h"
#include "analysis/TokenOverloads.h"
#include "analysis/WaitBounds.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

using analysis::Provenance;
using analysis::TokenInScope;
using wording::quoted;

/// A wait bounded by this long is not one a discarded context had to end:
/// cancel-blocking-call's MaxUncheckedWait default, so that the two checks
/// agree on what a short wait is.
static const double ShortWaitSeconds =
    *analysis::parseSecondsOption(options::MaxUncheckedWait.Default);

void UnforwardedContextCheck::registerModelMatchers(MatchFinder *F) {
  // Templates are analysed once, as written; instantiations would only
  // repeat their findings.
  F->addMatcher(functionDecl(isDefinition(),
                             unless(analysis::withinInstantiation()),
                             unless(isExpansionInSystemHeader()))
                    .bind("function"),
                this);
  F->addMatcher(lambdaExpr(unless(analysis::lambdaWithinInstantiation()),
                           unless(isExpansionInSystemHeader()))
                    .bind("lambda"),
                this);
}

void UnforwardedContextCheck::startTranslationUnit() {
  Holders.emplace(queries());
  Summaries.emplace(queries(), *Holders);
  Alternatives.emplace(queries());
  Overrides.emplace();
  Analysed.clear();
}

void UnforwardedContextCheck::check(const MatchFinder::MatchResult &R) {
  if (const auto *F = R.Nodes.getNodeAs<FunctionDecl>("function"))
    checkFunction(F);
  else if (const auto *L = R.Nodes.getNodeAs<LambdaExpr>("lambda"))
    checkFunction(L->getCallOperator());
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Whether \p H can be passed on: an unnamed parameter cannot, and says
/// the function ignores its token on purpose. Tokens held in members of
/// the object are followed by cancel-blocking-call only: which of its
/// calls a per-request object should hand its context to is not clear
/// enough to report.
static bool usable(const TokenInScope &H) {
  return H.From != TokenInScope::Member &&
         (!H.Var || !H.Var->getName().empty());
}

static SourceLocation locationOf(const Expr *Call) {
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return C->getLocation();
  return Call->getExprLoc();
}

std::string UnforwardedContextCheck::describe(const Provenance &P) {
  const std::string Type =
      P.Record ? quoted(queries().name(P.Record)) : std::string("token");
  if (P.What == Provenance::Fresh)
    return "a new " + Type;
  switch (P.How) {
  case Provenance::ModelRoot:
    return "a new root context";
  case Provenance::DefaultConstructed:
    return "a default-constructed " + Type + " that is never cancelled";
  case Provenance::NewContext:
    return "a new " + Type + " of its own, cancelled only through itself";
  case Provenance::NullPointer:
    return "a null context";
  }
  return "a new root context";
}

std::string UnforwardedContextCheck::tokenInScope(analysis::TokenFlow &Flow,
                                                  const Expr *Call,
                                                  const CXXRecordDecl *Wanted,
                                                  bool AnyWill) {
  const llvm::ArrayRef<TokenInScope> Held = Holders->of(Flow.function());
  for (const TokenInScope &H : Held)
    if (usable(H) &&
        H.Token.How != analysis::Holding::Element && // a vector of tokens
        analysis::canPass(H.Token.Record, Wanted))
      return wording::tokenName(H);
  llvm::ArrayRef<const ValueDecl *> Locals = Flow.tokenLocalsAt(Call);
  for (const ValueDecl *V : llvm::reverse(Locals)) {
    auto Token = analysis::tokenParameterType(queries(), V->getType());
    if (Token && analysis::canPass(Token->Record, Wanted) &&
        Flow.provenanceOf(V).isHeldOrDerived())
      return quoted(V->getName());
  }
  if (AnyWill)
    for (const TokenInScope &H : Held)
      if (usable(H))
        return wording::tokenName(H);
  return {};
}

//===----------------------------------------------------------------------===//
// The rules
//===----------------------------------------------------------------------===//

void UnforwardedContextCheck::checkFunction(const FunctionDecl *F) {
  if (!F || !F->doesThisDeclarationHaveABody() || F->isInvalidDecl())
    return;
  if (!Analysed.insert(F->getCanonicalDecl()).second)
    return;
  checkDiscarded(F);
  if (llvm::none_of(Holders->of(F), usable))
    return;
  // A function returning a token hands out a derived one, or detaches on
  // purpose (contextcheck's sanctioned detach helpers).
  if (queries().tokenHeldBy(F->getReturnType()))
    return;
  analysis::TokenFlow Flow(queries(), *Holders, F);
  Reported Done;
  for (const Expr *Call : Flow.calls())
    checkCall(Flow, Call, Done);
  checkBypassedChildren(Flow);
}

/// The statement \p Local's scope ends with: the compound statement whose
/// own statements declare it, searched in \p S.
static const CompoundStmt *scopeOf(const Stmt *S, const VarDecl *Local) {
  if (!S)
    return nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    for (const Stmt *Child : Block->body())
      if (const auto *DS = dyn_cast<DeclStmt>(Child))
        for (const Decl *D : DS->decls())
          if (D == Local)
            return Block;
  for (const Stmt *Child : S->children())
    if (isa_and_nonnull<LambdaExpr>(Child))
      continue;
    else if (const CompoundStmt *Found = scopeOf(Child, Local))
      return Found;
  return nullptr;
}

// 8. The held token passed where a linked child of it goes elsewhere.
void UnforwardedContextCheck::checkBypassedChildren(analysis::TokenFlow &Flow) {
  const FunctionDecl *F = Flow.function();
  const SourceManager &SM = F->getASTContext().getSourceManager();
  struct Passed {
    const Expr *Call;
    const Expr *Arg;
    const VarDecl *Child; ///< null: the held token itself
  };
  // By callee and parameter: what each call passes there.
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>,
                 llvm::SmallVector<Passed, 2>>
      ByParameter;
  for (const Expr *Call : Flow.calls()) {
    const FunctionDecl *Callee = analysis::calleeOrCandidate(Call);
    if (!Callee)
      continue;
    for (const analysis::TokenArgument &A : Flow.tokenArguments(Call)) {
      if (isa<CXXDefaultArgExpr>(A.Arg))
        continue;
      const Provenance P = Flow.provenance(A.Arg);
      const VarDecl *Child = nullptr;
      if (P.What == Provenance::LocalSource && P.Local &&
          Flow.isChildOfHeld(P.Local))
        Child = P.Local;
      else if (P.What != Provenance::Held)
        continue;
      ByParameter[{Callee->getCanonicalDecl(), A.Index}].push_back(
          {Call, A.Arg, Child});
    }
  }
  const ASTContext &Ctx = F->getASTContext();
  for (const auto &[Key, Calls] : ByParameter) {
    const auto ChildCall =
        llvm::find_if(Calls, [](const Passed &P) { return P.Child; });
    if (ChildCall == Calls.end())
      continue;
    const CompoundStmt *Scope = scopeOf(F->getBody(), ChildCall->Child);
    for (const Passed &Parent : Calls) {
      // Only where the child is alive: after it is declared, in its block.
      if (Parent.Child || !Scope ||
          !SM.isBeforeInTranslationUnit(ChildCall->Child->getLocation(),
                                        Parent.Call->getBeginLoc()) ||
          !SM.isBeforeInTranslationUnit(Parent.Call->getEndLoc(),
                                        Scope->getRBracLoc()))
        continue;
      const std::string Child = ChildCall->Child->getNameAsString();
      diag(Parent.Arg->getBeginLoc(),
           "%0 passed to %1 is the parent of %2, whose own token the same "
           "parameter receives at line %3; what cancels %2 (its own cancel "
           "or deadline) does not reach this call")
          << wording::quotedSpelling(Parent.Arg, Ctx, "the argument")
          << wording::quotedCallee(Parent.Call, Ctx) << quoted(Child)
          << SM.getSpellingLineNumber(ChildCall->Arg->getBeginLoc())
          << Parent.Arg->getSourceRange();
      diag(ChildCall->Child->getLocation(), "%0 is created here, linked to %1",
           DiagnosticIDs::Note)
          << quoted(Child)
          << wording::quotedSpelling(Parent.Arg, Ctx, "the argument");
      diag(ChildCall->Arg->getBeginLoc(), "the token of %0 is passed here",
           DiagnosticIDs::Note)
          << quoted(Child) << ChildCall->Arg->getSourceRange();
    }
  }
}

/// The parameter of \p F that \p Call calls (`next(ctx, req)`), when it is
/// a callable rather than a token.
static const ParmVarDecl *calledParameter(const FunctionDecl *F,
                                          const Expr *Call,
                                          analysis::ModelQueries &Q) {
  const Expr *Callee = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() == OO_Call)
      Callee = Op->getArg(0);
  } else if (const auto *CE = dyn_cast<CallExpr>(Call);
             CE && !isa<CXXMemberCallExpr>(CE)) {
    Callee = CE->getCallee();
  }
  if (!Callee)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Callee->IgnoreParenImpCasts());
  const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!P || P->getDeclContext() != static_cast<const DeclContext *>(F) ||
      Q.tokenHeldBy(P->getType()))
    return nullptr;
  return P;
}

void UnforwardedContextCheck::checkCall(analysis::TokenFlow &Flow,
                                        const Expr *Call, Reported &Done) {
  if (const ParmVarDecl *Next =
          calledParameter(Flow.function(), Call, queries())) {
    checkMiddlewareCall(Flow, Call, Next);
    return;
  }
  const llvm::SmallVector<analysis::TokenArgument, 2> Args =
      Flow.tokenArguments(Call);
  for (const analysis::TokenArgument &A : Args)
    if (checkTokenArgument(Flow, Call, A, Done))
      return;
  if (!Args.empty() || analysis::worksOnTokenItself(queries(), Call))
    return;
  // Copies and moves have no token-taking variant and start nothing.
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call);
      C && C->getConstructor()->isCopyOrMoveConstructor())
    return;
  if (checkTokenVariant(Flow, Call))
    return;
  checkCallChain(Flow, Call);
}

// 7. A context received and explicitly discarded by a function that waits
// or calls down.
void UnforwardedContextCheck::checkDiscarded(const FunctionDecl *F) {
  const llvm::SmallVector<analysis::DiscardedToken, 1> Discarded =
      analysis::discardedTokens(F, queries());
  if (Discarded.empty())
    return;
  // Nothing it does could have used the context: quiet.
  const std::optional<analysis::DownCall> Down =
      analysis::firstDownCall(F, queries(), ShortWaitSeconds);
  if (!Down)
    return;
  ASTContext &Ctx = F->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const std::string Who =
      isa<CXXMethodDecl>(F) && cast<CXXMethodDecl>(F)->getParent()->isLambda()
          ? std::string("the lambda")
          : quoted(F->getName());
  std::string Does, Consequence, Note;
  switch (Down->What) {
  case analysis::DownCall::Blocking:
    Does = "blocks in " + quoted(Down->Callee->getName());
    Consequence = "cannot end that wait";
    Note = quoted(Down->Callee->getName()) + " blocks here without the context";
    break;
  case analysis::DownCall::Lock:
    Does = "waits to lock " + quoted(Down->Mutex->getName());
    Consequence = "cannot end that wait";
    Note = quoted(Down->Mutex->getName()) + " is locked here";
    break;
  case analysis::DownCall::TakesContext:
    Does =
        "calls " + quoted(Down->Callee->getName()) + ", which takes a context";
    Consequence = "does not reach that call";
    Note = quoted(Down->Callee->getName()) + " takes a context here";
    break;
  }
  for (const analysis::DiscardedToken &D : Discarded) {
    // Another override of the same virtual function keeps the contract
    // this one breaks.
    const CXXMethodDecl *UsingSibling = nullptr;
    const CXXMethodDecl *Root = nullptr;
    if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isVirtual()) {
      for (const CXXMethodDecl *S : Overrides->siblingsOf(M, Ctx))
        if (analysis::usesTokenParameter(S, D.Index, queries())) {
          UsingSibling = S;
          break;
        }
      Root = M;
      while (Root->size_overridden_methods() > 0)
        Root = *Root->begin_overridden_methods();
    }
    const std::string Param =
        D.Param->getName().empty()
            ? "unnamed " + quoted(queries().name(D.Token.Record)) + " parameter"
            : quoted(queries().name(D.Token.Record)) + " parameter " +
                  quoted(D.Param->getName());
    const SourceLocation Loc =
        D.At ? SM.getExpansionLoc(D.At->getBeginLoc())
             : (D.Param->getName().empty() ? D.Param->getBeginLoc()
                                           : D.Param->getLocation());
    diag(Loc, "%0 discards its %1 but %2; cancelling the caller's context "
              "%3%4")
        << Who << Param << Does << Consequence
        << (UsingSibling
                ? "; other overrides of " + quoted(queries().name(Root)) +
                      " use their context"
                : std::string());
    diag(Down->At->getBeginLoc(), Note, DiagnosticIDs::Note);
    if (UsingSibling)
      diag(UsingSibling->getParamDecl(D.Index)->getLocation(),
           "%0 uses its context", DiagnosticIDs::Note)
          << quoted(UsingSibling->getParent()->getName().str() +
                    "::" + UsingSibling->getName().str());
  }
}

// 5. Middleware: `next` must get the held context or one derived from it.
void UnforwardedContextCheck::checkMiddlewareCall(analysis::TokenFlow &Flow,
                                                  const Expr *Call,
                                                  const ParmVarDecl *Next) {
  const ASTContext &Ctx = Flow.function()->getASTContext();
  for (const analysis::TokenArgument &A : Flow.tokenArguments(Call)) {
    if (isa<CXXDefaultArgExpr>(A.Arg))
      continue;
    Provenance P = Flow.provenance(A.Arg);
    const bool Unrelated =
        P.What == Provenance::Root || P.What == Provenance::Fresh ||
        P.What == Provenance::Foreign ||
        (P.What == Provenance::LocalSource && !Flow.isLinked(P.Local));
    if (!Unrelated)
      continue;
    diag(A.Arg->getBeginLoc(),
         "%0 is called with %1 instead of %2 or a context derived from it; "
         "the handlers it runs do not see the cancellation of %2")
        << quoted(Next->getName())
        << wording::quotedSpelling(A.Arg, Ctx, "the argument")
        << tokenInScope(Flow, Call, A.Token.Record, true)
        << A.Arg->getSourceRange();
  }
}

// 1, 2 and 4: what a token parameter receives.
bool UnforwardedContextCheck::checkTokenArgument(
    analysis::TokenFlow &Flow, const Expr *Call,
    const analysis::TokenArgument &A, Reported &Done) {
  const FunctionDecl *F = Flow.function();
  const ASTContext &Ctx = F->getASTContext();
  Provenance P = Flow.provenance(A.Arg);
  switch (P.What) {
  case Provenance::Root:
  case Provenance::Fresh: {
    // Only what a token in scope could have replaced: a root of a kind it
    // can be passed as, a new context the model can derive from it.
    std::string Name;
    const TokenInScope *From = nullptr;
    const FunctionDecl *Derive = nullptr;
    if (P.What == Provenance::Root) {
      Name = tokenInScope(Flow, Call, A.Token.Record, false);
    } else {
      for (const TokenInScope &H : Holders->of(F)) {
        Derive = usable(H)
                     ? Alternatives->derivationOf(P.Record, H.Token.Record)
                     : nullptr;
        if (Derive) {
          From = &H;
          Name = wording::tokenName(H);
          break;
        }
      }
    }
    if (Name.empty())
      return false;
    // A local root the function links to the held token (a links[] call
    // on the held context that refers to it: a child context whose cancel
    // token the parent keeps) is derived, not a new root.
    if (P.What == Provenance::Root && P.Local && Flow.isWiredToHeld(P.Local))
      return false;
    if (P.What == Provenance::Fresh && P.Local) {
      if (Flow.isLinked(P.Local))
        return false;
      if (Done.Locals.insert(P.Local).second)
        reportNewLocal(Flow, Call, P, *From, Derive);
      return true;
    }
    if (!Done.Origins.insert(P.Origin).second)
      return true;
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(A.Arg)) {
      diag(locationOf(Call), "default argument of parameter %0 of %1 is %2, "
                             "not derived from %3; cancelling %3 does not "
                             "reach this call")
          << quoted(Default->getParam()->getName())
          << wording::quotedCallee(Call, Ctx) << describe(P) << Name
          << Call->getSourceRange();
      return true;
    }
    const bool IsOrigin = A.Arg->IgnoreImplicit()->IgnoreParenImpCasts() ==
                          P.Origin->IgnoreImplicit()->IgnoreParenImpCasts();
    diag(A.Arg->getBeginLoc(), "%0 passed to %1 %select{holds|is}2 %3, not "
                               "derived from %4; cancelling %4 does not reach "
                               "this call")
        << wording::quotedSpelling(A.Arg, Ctx, "the argument")
        << wording::quotedCallee(Call, Ctx) << IsOrigin << describe(P) << Name
        << A.Arg->getSourceRange();
    if (!IsOrigin)
      diag(P.Origin->getBeginLoc(), "%0 is created here", DiagnosticIDs::Note)
          << describe(P) << P.Origin->getSourceRange();
    return true;
  }
  case Provenance::LocalSource: {
    if (Flow.isLinked(P.Local))
      return false;
    if (!Done.Locals.insert(P.Local).second)
      return true;
    diag(P.Local->getLocation(), "local source %0 is not linked to %1; "
                                 "cancelling %1 does not reach the calls that "
                                 "receive its tokens")
        << quoted(P.Local->getName())
        << tokenInScope(Flow, Call, A.Token.Record, true);
    diag(A.Arg->getBeginLoc(), "a token of %0 is passed to %1 here",
         DiagnosticIDs::Note)
        << quoted(P.Local->getName()) << wording::quotedCallee(Call, Ctx)
        << A.Arg->getSourceRange();
    return true;
  }
  default:
    return false;
  }
}

/// The fix-it turning `T cctx;` into `auto cctx = T::FromServerContext(*h);`
/// when every use is `&cctx` and the derive function takes just the parent;
/// empty when it would not be mechanical.
static std::vector<FixItHint> deriveFixIt(analysis::TokenFlow &Flow,
                                          analysis::ModelQueries &Q,
                                          const VarDecl *V,
                                          const TokenInScope &H,
                                          const FunctionDecl *Derive) {
  std::vector<FixItHint> Fixes;
  const DeclStmt *DS = Flow.declarationOf(V);
  auto Local = Q.tokenHeldBy(V->getType());
  const model::DeriveSpec *Spec = Q.derivation(Derive);
  auto Result = Q.tokenHeldBy(Derive->getReturnType());
  if (!H.Var || !DS || !DS->isSingleDecl() || !Local ||
      Local->How != analysis::Holding::Value || !Spec || Spec->ParentArg != 0 ||
      Derive->getMinRequiredArguments() != 1 || !Result ||
      Result->How == analysis::Holding::Element ||
      Result->How == analysis::Holding::Reference ||
      DS->getBeginLoc().isMacroID() || !V->getInit() ||
      !isa<CXXConstructExpr>(V->getInit()->IgnoreImplicit()))
    return {};
  const std::string Name = V->getName().str();
  std::string Replacement;
  if (Result->How == analysis::Holding::SmartPointer)
    Replacement = Name + ".get()";
  else if (Result->How == analysis::Holding::Pointer)
    Replacement = Name;
  for (const analysis::LocalUse &U : Flow.usesOf(V)) {
    if (U.How != analysis::LocalUse::AddressArg || !U.AddressOf ||
        U.AddressOf->getBeginLoc().isMacroID())
      return {};
    if (!Replacement.empty())
      Fixes.push_back(FixItHint::CreateReplacement(
          U.AddressOf->getSourceRange(), Replacement));
  }
  const bool Indirect = H.Token.How == analysis::Holding::Pointer ||
                        H.Token.How == analysis::Holding::SmartPointer;
  const std::string Init = "auto " + Name + " = " + Q.name(Derive) + "(" +
                           (Indirect ? "*" : "") + H.Var->getName().str() + ")";
  Fixes.insert(Fixes.begin(), FixItHint::CreateReplacement(
                                  CharSourceRange::getTokenRange(
                                      DS->getBeginLoc(), V->getEndLoc()),
                                  Init));
  return Fixes;
}

void UnforwardedContextCheck::reportNewLocal(analysis::TokenFlow &Flow,
                                             const Expr *Call,
                                             const Provenance &P,
                                             const TokenInScope &H,
                                             const FunctionDecl *Derive) {
  const VarDecl *V = P.Local;
  {
    auto D = diag(V->getLocation(),
                  "%0 is %1, not derived from %2; calls using it do not "
                  "inherit the deadline or cancellation of %2; create it "
                  "with '%3'")
             << quoted(V->getName()) << describe(P) << wording::tokenName(H)
             << queries().name(Derive);
    for (const FixItHint &Fix : deriveFixIt(Flow, queries(), V, H, Derive))
      D << Fix;
  }
  diag(locationOf(Call), "%0 is used for a call to %1 here",
       DiagnosticIDs::Note)
      << quoted(V->getName())
      << wording::quotedCallee(Call, Flow.function()->getASTContext())
      << Call->getSourceRange();
}

// 3. A token-less call with a token-taking variant.
bool UnforwardedContextCheck::checkTokenVariant(analysis::TokenFlow &Flow,
                                                const Expr *Call) {
  const FunctionDecl *Callee = analysis::calleeOf(Call);
  if (!Callee)
    return false;
  // cancel-blocking-call reports blocking calls, with their cancellable
  // forms.
  if (const auto *CE = dyn_cast<CallExpr>(Call);
      CE && analysis::BlockingCalls(queries()).blockingCallee(CE))
    return false;
  const FunctionDecl *F = Flow.function();
  const ASTContext &Ctx = F->getASTContext();
  if (const model::TokenVariantSpec *Spec = queries().tokenVariant(Callee)) {
    diag(locationOf(Call), "%0 takes no cancellation token although %1 is "
                           "in scope; use '%2' and pass %1")
        << quoted(queries().name(Callee))
        << tokenInScope(Flow, Call, nullptr, true) << Spec->Alternative
        << Call->getSourceRange();
    return true;
  }
  std::optional<analysis::TokenOverload> Overload =
      analysis::tokenOverloadOf(Callee, queries());
  if (!Overload)
    return false;
  // The token parameter must be written as one: in a class template,
  // `vector(n, const value_type&, alloc)` is not a token-taking variant.
  const FunctionDecl *Written =
      Overload->Overload->getTemplateInstantiationPattern();
  if (!Written)
    Written = Overload->Overload;
  if (Overload->TokenParam >= Written->getNumParams() ||
      !analysis::tokenParameterType(
          queries(), Written->getParamDecl(Overload->TokenParam)->getType()))
    return false;
  const std::string Name =
      tokenInScope(Flow, Call, Overload->Token.Record, false);
  if (Name.empty())
    return false;
  const std::string Taking = quoted(queries().name(Overload->Token.Record));
  diag(locationOf(Call), "%0 takes no cancellation token although %1 is in "
                         "scope; use the overload taking %2 and pass %1")
      << wording::quotedCallee(Call, Ctx) << Name << Taking
      << Call->getSourceRange();
  diag(Overload->Overload->getLocation(), "overload taking %0 declared here",
       DiagnosticIDs::Note)
      << Taking;
  return true;
}

// 6. A token-less callee that starts its own root, itself or further down.
bool UnforwardedContextCheck::checkCallChain(analysis::TokenFlow &Flow,
                                             const Expr *Call) {
  const FunctionDecl *Callee = Summaries->followableCallee(Call);
  const analysis::ContextSummaries::Summary *S = Summaries->of(Callee);
  if (!S)
    return false;
  const Provenance &Token = S->Token;
  std::string Name;
  if (Token.What == Provenance::Root) {
    Name = tokenInScope(Flow, Call, Token.Record, false);
  } else {
    for (const TokenInScope &H : Holders->of(Flow.function()))
      if (usable(H) &&
          Alternatives->derivationOf(Token.Record, H.Token.Record)) {
        Name = wording::tokenName(H);
        break;
      }
  }
  if (Name.empty())
    return false;
  std::string Chain = Callee->getNameAsString();
  unsigned Length = 1;
  for (const auto *Cur = S;
       Cur && Cur->Next && Length <= analysis::limits::MaxForwardingChain;
       Cur = Summaries->of(Cur->Next)) {
    Chain += " -> " + Cur->Next->getNameAsString();
    ++Length;
  }
  diag(locationOf(Call), "%0 takes no cancellation token and passes %1 to "
                         "its calls%2; pass %3 down instead")
      << quoted(Callee->getNameAsString()) << describe(Token)
      << (Length > 1 ? " (" + Chain + ")" : std::string()) << Name
      << Call->getSourceRange();
  diag(Token.Origin->getBeginLoc(), "%0 is created here", DiagnosticIDs::Note)
      << describe(Token) << Token.Origin->getSourceRange();
  return true;
}

} // namespace cancellint
