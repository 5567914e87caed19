//===--- LostHandleCheck.cpp - cancel-lost-handle -------------------------===//
//
// A handle that can cancel work is lost when nothing can call it any more.
// The rules, each from the model:
//   1. Go-style cancel handles (derive[] entries with a `cancel` location):
//      discarded; not used on some path from where they are kept to the end
//      of their life; or overwritten before any use. go vet's lostcancel
//      rules hold: any reference is a use, handles kept outside the
//      function's locals are not tracked, main is exempt, and paths into
//      noreturn calls, throw or endless loops do not leak.
//   2. Fresh local sources (sources[]) whose token is handed to work that
//      outlives the function (spawns[]) and that can be destroyed with no
//      cancel call and no escape on the way: nothing can stop the work.
//   3. Registrations (registrations[]) created as temporaries or discarded:
//      the callback is unregistered at the end of the full-expression.
//   4. detach() (sources[].detach) on a local source (std::jthread) whose
//      source was neither taken (source_getter) nor cancelled before.
//   5. a member holding a shared state (a context whose default value is a
//      new context, a source with a token getter) replaced by a new state
//      while a member function hands out copies of it (HandedOutState.h):
//      the handles stay on the old state.
//   6. detach() of a thread whose work dangles (DetachedWork.h).
//   8. a token (token_getter) or source (source_getter) taken from a
//      source that another argument of the same call moves away, or that
//      every path to the getter has moved away: it comes from a moved-from
//      source and can never be stopped.
// Matchers collect candidates; rules 1, 2 and 4 need paths and are decided
// per function at the end of the translation unit, with one CFG per
// function that has a candidate (analysis/FunctionPaths.h).
//
//===----------------------------------------------------------------------===//
#include "LostHandleCheck.h"
#include "analysis/CancelHandles.h"
#include "analysis/DeclNames.h"
#include "analysis/DetachedWork.h"
#include "analysis/Expressions.h"
#include "analysis/FunctionPaths.h"
#include "analysis/HandedOutState.h"
#include "analysis/Instantiations.h"
#include "analysis/Parents.h"
#include "analysis/References.h"
#include "analysis/Spawns.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"
#include <functional>

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {

namespace {

/// Asks the model from inside a matcher, so that only model entries reach
/// check().
AST_MATCHER_P(Decl, modelSays, std::function<bool(const Decl &)>, Predicate) {
  return Predicate(Node);
}

bool isMain(const Decl *Function) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Function);
  return FD && FD->isMain();
}

bool isNamed(const CXXMethodDecl *MD, llvm::StringRef Name) {
  return MD && !Name.empty() && MD->getIdentifier() && MD->getName() == Name;
}

} // namespace

/// One place a Go-style handle is kept in a local.
struct HandleDef {
  const CallExpr *Call;
  const FunctionDecl *Deriver;
  analysis::HandleDestination Dest;
  SourceLocation Loc; ///< where the handle is put: the warning's place
};

struct LostHandleCheck::Candidates {
  std::vector<HandleDef> Handles;
  std::vector<std::pair<const VarDecl *, const model::SourceSpec *>> Sources;
  std::vector<std::pair<const CXXMemberCallExpr *, const model::SourceSpec *>>
      Detaches;
  std::vector<std::pair<const CXXMemberCallExpr *, const model::SourceSpec *>>
      Getters;
};

struct LostHandleCheck::State {
  ASTContext *Ctx = nullptr;
  // Functions in the order their first candidate was met: deterministic.
  llvm::MapVector<const Decl *, Candidates> Pending;
  /// Rule 5: assignments of a new state to a member, with the member.
  std::vector<std::pair<const CXXOperatorCallExpr *, const FieldDecl *>>
      Replacements;
};

LostHandleCheck::LostHandleCheck(StringRef Name,
                                 tidy::ClangTidyContext *Context)
    : ModelCheck(Name, Context), S(std::make_unique<State>()) {}

LostHandleCheck::~LostHandleCheck() = default;

void LostHandleCheck::startTranslationUnit() { *S = State(); }

void LostHandleCheck::registerModelMatchers(MatchFinder *F) {
  // Templates are analysed once, as written. The instantiation test asks
  // the parents: it comes last, so it runs on model candidates only.
  auto UserStmt = stmt(unless(isExpansionInSystemHeader()),
                       unless(analysis::inInstantiatedCode()));
  auto HasHandle = modelSays([this](const Decl &D) {
    const model::DeriveSpec *Spec =
        queries().derivation(dyn_cast<FunctionDecl>(&D));
    return Spec && Spec->Cancel.Where != model::CancelHandleLocation::None;
  });
  F->addMatcher(callExpr(callee(functionDecl(HasHandle)), UserStmt)
                    .bind("derive"),
                this);

  // Sources whose destruction requests cancellation (std::jthread) cannot be
  // lost by destroying them.
  auto DroppableSource = modelSays([this](const Decl &D) {
    const model::SourceSpec *Spec =
        queries().sourceOfRecord(dyn_cast<CXXRecordDecl>(&D));
    return Spec && !Spec->DestructorCancels;
  });
  F->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()),
              unless(isExpansionInSystemHeader()),
              unless(analysis::withinInstantiation()),
              hasType(hasUnqualifiedDesugaredType(
                  recordType(hasDeclaration(cxxRecordDecl(DroppableSource))))))
          .bind("source"),
      this);

  // detach() of a source (std::jthread) or of a thread class whose
  // constructor the model says starts work (std::thread).
  auto DetachMember = modelSays([this](const Decl &D) {
    const auto *MD = dyn_cast<CXXMethodDecl>(&D);
    if (!MD)
      return false;
    if (const model::SourceSpec *Spec =
            queries().sourceOfRecord(MD->getParent()))
      return isNamed(MD, Spec->Detach);
    return isNamed(MD, "detach") && startsThread(MD->getParent());
  });
  F->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(DetachMember)), UserStmt)
          .bind("detach"),
      this);

  // Getters of a source: what rule 8 asks about.
  auto Getter = modelSays([this](const Decl &D) {
    return isSourceGetter(dyn_cast<CXXMethodDecl>(&D));
  });
  F->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(Getter)), UserStmt).bind("getter"),
      this);

  // Rule 5: a member of *this given a new value.
  F->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                    hasArgument(0, memberExpr(hasObjectExpression(
                                                       cxxThisExpr()))),
                                    UserStmt)
                    .bind("replace"),
                this);

  auto Registration = modelSays([this](const Decl &D) {
    return queries().isRegistration(dyn_cast<CXXRecordDecl>(&D));
  });
  F->addMatcher(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                                     ofClass(Registration))),
                                 UserStmt)
                    .bind("registration"),
                this);
  F->addMatcher(callExpr(hasType(hasUnqualifiedDesugaredType(recordType(
                             hasDeclaration(cxxRecordDecl(Registration))))),
                         UserStmt)
                    .bind("registration"),
                this);
  // In a template, `std::stop_callback(st, [&] { ... })` waits for
  // deduction: no constructor call yet (checkRegistration asks the model).
  F->addMatcher(cxxUnresolvedConstructExpr(UserStmt).bind("registration"),
                this);
}

bool LostHandleCheck::startsThread(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  return llvm::any_of(RD->ctors(), [&](const CXXConstructorDecl *C) {
    return queries().spawn(C) != nullptr;
  });
}

bool LostHandleCheck::isSourceGetter(const CXXMethodDecl *MD) {
  const model::SourceSpec *Spec =
      MD ? queries().sourceOfRecord(MD->getParent()) : nullptr;
  return Spec &&
         (isNamed(MD, Spec->TokenGetter) || isNamed(MD, Spec->SourceGetter));
}

void LostHandleCheck::check(const MatchFinder::MatchResult &R) {
  S->Ctx = R.Context;
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("derive"))
    checkDerivation(Call);
  if (const auto *E = R.Nodes.getNodeAs<Expr>("registration"))
    checkRegistration(E);
  if (const auto *VD = R.Nodes.getNodeAs<VarDecl>("source")) {
    // Only a source made here owns its state alone: a copy of another
    // source (std::stop_source and folly's share state) leaves that one able
    // to cancel.
    const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
        analysis::ignoreValueWrappers(VD->getInit()));
    if (!Init || Init->getConstructor()->isCopyOrMoveConstructor())
      return;
    const DeclContext *Owner = VD->getParentFunctionOrMethod();
    const Decl *Function = Owner ? Decl::castFromDeclContext(Owner) : nullptr;
    // main returning ends the process, and the work with it.
    if (!Function || isMain(Function))
      return;
    S->Pending[Function].Sources.emplace_back(
        VD, queries().sourceOfRecord(VD->getType()->getAsCXXRecordDecl()));
  }
  if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("detach")) {
    const Decl *Function = analysis::enclosingFunction(Call, *R.Context);
    if (!Function)
      return;
    S->Pending[Function].Detaches.emplace_back(
        Call, queries().sourceOfRecord(Call->getMethodDecl()->getParent()));
  }
  if (const auto *Assign = R.Nodes.getNodeAs<CXXOperatorCallExpr>("replace"))
    if (const FieldDecl *Field = analysis::memberOfThis(Assign->getArg(0));
        Field && hasFreshDefault(Field->getType()->getAsCXXRecordDecl()) &&
        analysis::isEmptyValue(Assign->getArg(1)))
      S->Replacements.emplace_back(Assign, Field);
  if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("getter")) {
    const Decl *Function = analysis::enclosingFunction(Call, *R.Context);
    if (!Function)
      return;
    S->Pending[Function].Getters.emplace_back(
        Call, queries().sourceOfRecord(Call->getMethodDecl()->getParent()));
  }
}

void LostHandleCheck::checkDerivation(const CallExpr *Call) {
  const FunctionDecl *Deriver = Call->getDirectCallee();
  const model::DeriveSpec *Spec = queries().derivation(Deriver);
  const Decl *Function = analysis::enclosingFunction(Call, *S->Ctx);
  // main returning ends the process: nothing leaks (as in lostcancel).
  if (!Spec || !Function || isMain(Function))
    return;
  const analysis::HandleDestination Dest =
      analysis::locateCancelHandle(Call, Spec->Cancel, Function, *S->Ctx);
  switch (Dest.What) {
  case analysis::HandleDestination::Untracked:
    return;
  case analysis::HandleDestination::Discarded:
    diag(Dest.DiscardedAt, "the cancel handle of '%0' should be called, not "
                           "discarded, to avoid a context leak")
        << queries().name(Deriver);
    return;
  case analysis::HandleDestination::Variable:
    break;
  }
  SourceLocation Loc = Dest.Var->getLocation();
  if (Dest.Write == Call)
    Loc = Call->getArg(Spec->Cancel.ArgIndex)->getBeginLoc();
  else if (Dest.Write)
    Loc = Dest.Write->getBeginLoc();
  S->Pending[Function].Handles.push_back({Call, Deriver, Dest, Loc});
}

void LostHandleCheck::checkRegistration(const Expr *E) {
  // Only a prvalue is destroyed at the end of the full-expression: a call
  // returning a reference to a registration it keeps
  // (std::optional<std::stop_callback<F>>::emplace) has not lost it.
  if (!E->isPRValue())
    return;
  const bool Unresolved = isa<CXXUnresolvedConstructExpr>(E);
  const CXXRecordDecl *Record = Unresolved ? analysis::unresolvedConstructed(E)
                                           : E->getType()->getAsCXXRecordDecl();
  if (Unresolved && !queries().isRegistration(Record))
    return;
  auto [Parent, Child] = analysis::valueUser(E, *S->Ctx);
  if (!Record || !analysis::discardsValue(Parent, Child))
    return;
  if (isa<CXXConstructExpr>(E) || Unresolved) {
    diag(E->getBeginLoc(), "temporary '%0' is destroyed at the end of the "
                           "full-expression: its callback is unregistered at "
                           "once")
        << queries().name(Record) << E->getSourceRange();
    return;
  }
  const auto *Call = cast<CallExpr>(E);
  diag(E->getBeginLoc(), "the '%0' returned by '%1' is discarded: its "
                         "callback is unregistered at once")
      << queries().name(Record)
      << (Call->getDirectCallee() ? queries().name(Call->getDirectCallee())
                                  : std::string("this call"))
      << E->getSourceRange();
}

void LostHandleCheck::endTranslationUnit() {
  for (const auto &[Function, C] : S->Pending)
    analyseFunction(Function, C);
  S->Pending.clear();
  for (const auto &[Assign, Field] : S->Replacements)
    checkReplacedState(Assign, Field);
  S->Replacements.clear();
}

namespace {

/// Where a leaking path leaves, for a note.
void noteLeak(tidy::ClangTidyCheck &Check, const analysis::PathEnd &End,
              const Decl *Function, llvm::StringRef Var, bool Source) {
  const Stmt *Body = Function->getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  const Stmt *At = End.At ? End.At : Body;
  auto Note = [&](SourceLocation L, llvm::StringRef Message) {
    Check.diag(L, Message, DiagnosticIDs::Note) << Var;
  };
  if (Source) {
    const SourceLocation L = isa<CompoundStmt>(At)
                           ? cast<CompoundStmt>(At)->getRBracLoc()
                           : At->getBeginLoc();
    Note(L, "'%0' is destroyed here without a cancel request");
    return;
  }
  if (isa<ReturnStmt, CoreturnStmt>(At))
    Note(At->getBeginLoc(),
         "this return statement may be reached without using '%0'");
  else if (At == Body)
    Note(cast<CompoundStmt>(Body)->getRBracLoc(),
         "the end of the function may be reached without using '%0'");
  else if (const auto *Block = dyn_cast<CompoundStmt>(At))
    Note(Block->getRBracLoc(), "'%0' goes out of scope here without being used");
  else
    Note(At->getBeginLoc(), "'%0' goes out of scope here without being used");
}

} // namespace

void LostHandleCheck::analyseFunction(const Decl *Function,
                                      const Candidates &C) {
  ASTContext &Ctx = *S->Ctx;
  if (!isa_and_nonnull<CompoundStmt, CoroutineBodyStmt>(Function->getBody()))
    return;
  // Rules 1, 2 and 4 need the function's paths; rule 6 does not, and still
  // runs where clang could not build them (a body with errors).
  const analysis::FunctionPaths *Paths = unit(Ctx).Paths.get(Function);
  const FunctionScope Scope{Function, Paths,
                            analysis::DeclRefIndex(Function->getBody()), Ctx};
  if (Paths) {
    checkHandles(Scope, C.Handles);
    checkSources(Scope, C.Sources);
  }
  checkDetaches(Scope, C.Detaches);
  checkMovedSources(Scope, C.Getters);
}

//===--- 1. Go-style cancel handles not used on every path ----------------===//

void LostHandleCheck::checkHandles(const FunctionScope &F,
                                   llvm::ArrayRef<HandleDef> Handles) {
  ASTContext &Ctx = F.Ctx;
  const analysis::FunctionPaths *Paths = F.Paths;
  const analysis::DeclRefIndex &Refs = F.Refs;
  const Decl *Function = F.Function;
  // Every use of a handle variable ends the paths from its definitions;
  // every write to it ends them too, reported as an overwrite.
  auto IsHandleOutArg = [this](const CallExpr *Call, unsigned I) {
    const model::DeriveSpec *Spec =
        queries().derivation(Call->getDirectCallee());
    return Spec &&
           Spec->Cancel.Where == model::CancelHandleLocation::OutArg &&
           Spec->Cancel.ArgIndex == I;
  };
  llvm::MapVector<const ValueDecl *, std::vector<const HandleDef *>> ByVar;
  for (const HandleDef &H : Handles)
    ByVar[H.Dest.Var].push_back(&H);
  for (const auto &[Var, Defs] : ByVar) {
    const analysis::HandleDestination &Dest = Defs.front()->Dest;
    analysis::PathStops Stops;
    bool Unmapped = false;
    for (const DeclRefExpr *Ref : Refs.refsTo(Var)) {
      const analysis::HandleRef R =
          analysis::classifyHandleRef(Ref, Dest, IsHandleOutArg, Ctx);
      if (R.What == analysis::HandleRef::OtherPart)
        continue;
      std::optional<analysis::CFGPoint> P = Paths->pointOf(R.Statement);
      if (!P) {
        Unmapped = true;
        break;
      }
      if (R.What == analysis::HandleRef::Write)
        Stops.addReported(*P, R.Statement, 0);
      else
        Stops.addSilent(*P);
    }
    // A use the CFG does not show could be on any path: stay silent.
    if (Unmapped)
      continue;
    for (const HandleDef *Def : Defs) {
      std::optional<analysis::CFGPoint> From =
          Def->Dest.Write ? Paths->pointOf(Def->Dest.Write)
                          : Paths->pointOfDecl(Def->Dest.Owner);
      if (!From)
        continue;
      auto Ends = Paths->pathsAvoiding(*From, Stops, Def->Dest.Owner);
      if (!Ends)
        continue;
      const std::string Name = Var->getNameAsString();
      const std::string Deriver = queries().name(Def->Deriver);
      bool Overwritten = false, Leaks = false;
      for (const analysis::PathEnd &E : *Ends)
        (E.What == analysis::PathEnd::Stopped ? Overwritten : Leaks) = true;
      if (Overwritten) {
        diag(Def->Loc, "the cancel handle %select{|in }0'%1' of '%2' is "
                       "overwritten before it is used (context leak)")
            << Dest.WholeTuple << Name << Deriver;
        for (const analysis::PathEnd &E : *Ends)
          if (E.What == analysis::PathEnd::Stopped)
            diag(E.At->getBeginLoc(), "'%0' is overwritten here",
                 DiagnosticIDs::Note)
                << Name << E.At->getSourceRange();
      }
      if (Leaks) {
        diag(Def->Loc, "the cancel handle %select{|in }0'%1' of '%2' is not "
                       "used on all paths (possible context leak)")
            << Dest.WholeTuple << Name << Deriver;
        for (const analysis::PathEnd &E : *Ends)
          if (E.What != analysis::PathEnd::Stopped)
            noteLeak(*this, E, Function, Name, /*Source=*/false);
      }
    }
  }

}

//===--- 2. Sources destroyed while their token feeds running work -------===//

void LostHandleCheck::checkSources(
    const FunctionScope &F,
    llvm::ArrayRef<std::pair<const VarDecl *, const model::SourceSpec *>>
        Sources) {
  ASTContext &Ctx = F.Ctx;
  const analysis::FunctionPaths *Paths = F.Paths;
  const analysis::DeclRefIndex &Refs = F.Refs;
  const Decl *Function = F.Function;
  const SourceManager &SM = Ctx.getSourceManager();
  // A fresh source whose token reaches work outliving the function.
  for (const auto &[Source, Spec] : Sources) {
    if (!Spec)
      continue;
    analysis::PathStops Stops;
    std::vector<const Stmt *> TokenFlows; // getter calls, token variables
    bool Unknown = false;
    for (const DeclRefExpr *Ref : Refs.refsTo(Source)) {
      const CXXMemberCallExpr *Call = analysis::memberCallOn(Ref, Ctx);
      const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
      if (!Method) {
        // A thread lambda capturing the source by reference: its work uses
        // the source itself.
        if (analysis::isReferenceCaptureForSpawn(Ref, queries(), Ctx)) {
          TokenFlows.push_back(Ref);
          continue;
        }
        // Copied, moved, passed, captured or returned: another owner may
        // cancel (copies share the state), or may not; either way not ours.
        Unknown = true;
        break;
      }
      if (isNamed(Method, Spec->TokenGetter)) {
        TokenFlows.push_back(Call);
        // auto token = source.get_token(): the token variable's uses too.
        auto [Parent, Child] = analysis::valueUser(Call, Ctx);
        if (const auto *Token = Parent.get<VarDecl>())
          for (const DeclRefExpr *TokenRef : Refs.refsTo(Token))
            TokenFlows.push_back(TokenRef);
      } else if (isNamed(Method, Spec->Cancel)) {
        std::optional<analysis::CFGPoint> P = Paths->pointOf(Call);
        if (!P) {
          Unknown = true;
          break;
        }
        Stops.addSilent(*P);
      } else if (!Method->isConst()) {
        Unknown = true; // swap, assignment and the like: fate unknown
        break;
      }
    }
    if (Unknown)
      continue;
    std::optional<analysis::SpawnSite> Handoff;
    for (const Stmt *Flow : TokenFlows) {
      auto Site = analysis::enclosingSpawn(Flow, queries(), Ctx);
      if (Site && analysis::workOutlivesFunction(*Site, Function->getBody(), Refs,
                                                 Ctx)) {
        Handoff = Site;
        break;
      }
    }
    if (!Handoff)
      continue;
    std::optional<analysis::CFGPoint> From = Paths->pointOf(Handoff->Spawn);
    if (!From)
      continue;
    // io.run() returns only when the loop's work is done: a source that
    // lives past it outlives the work it handed over.
    for (const CFGBlock *B : Paths->cfg())
      for (unsigned I = 0; I < B->size(); ++I)
        if (std::optional<CFGStmt> S = (*B)[I].getAs<CFGStmt>())
          if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
            if (const FunctionDecl *Callee = Call->getDirectCallee();
                Callee && queries().isEventLoopRun(Callee))
              Stops.addSilent({B, I});
    auto Ends = Paths->pathsAvoiding(*From, Stops, Source);
    if (!Ends || Ends->empty())
      continue;
    const std::string Name = Source->getNameAsString();
    diag(Source->getLocation(),
         "cancellation source '%0' may be destroyed while the work started "
         "at line %1 still runs; that work can never be stopped")
        << Name << SM.getSpellingLineNumber(Handoff->Spawn->getBeginLoc());
    diag(Handoff->Spawn->getBeginLoc(),
         "the token of '%0' is handed to work that keeps running after this "
         "statement",
         DiagnosticIDs::Note)
        << Name << Handoff->Spawn->getSourceRange();
    for (const analysis::PathEnd &E : *Ends)
      noteLeak(*this, E, Function, Name, /*Source=*/true);
  }

}

//===--- 4, 6. detach(): a lost stop source, and dangling work -----------===//

void LostHandleCheck::checkDetaches(
    const FunctionScope &F,
    llvm::ArrayRef<std::pair<const CXXMemberCallExpr *,
                             const model::SourceSpec *>>
        Detaches) {
  ASTContext &Ctx = F.Ctx;
  const analysis::FunctionPaths *Paths = F.Paths;
  const analysis::DeclRefIndex &Refs = F.Refs;
  const Decl *Function = F.Function;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[Call, Spec] : Detaches) {
    // Rule 6 first: a dangling reference is the worse of the two dangers.
    if (checkDetachedWork(F, Call))
      continue;
    // Rule 4: detach() with no path that took the source or cancelled first.
    if (!Spec || !Paths)
      continue;
    const Expr *Object = Call->getImplicitObjectArgument();
    const Expr *Bare = analysis::ignoreValueWrappers(Object);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Bare))
      Bare = analysis::ignoreValueWrappers(Cast->getSubExpr());
    if (isa<CXXConstructExpr>(Bare)) {
      diag(Call->getExprLoc(), "detaching a temporary '%0' drops its only "
                               "stop source; the thread can never be stopped")
          << queries().name(Call->getMethodDecl()->getParent())
          << Call->getSourceRange();
      continue;
    }
    // Members and references: the source may have been taken elsewhere.
    const VarDecl *Thread = analysis::referencedVar(Bare);
    if (!Thread || !Thread->hasLocalStorage() || isa<ParmVarDecl>(Thread) ||
        Thread->getType()->isReferenceType() ||
        Thread->getParentFunctionOrMethod() !=
            Decl::castToDeclContext(Function))
      continue;
    analysis::PathStops Stops;
    bool Unknown = false;
    for (const DeclRefExpr *Ref : Refs.refsTo(Thread)) {
      const CXXMemberCallExpr *Member = analysis::memberCallOn(Ref, Ctx);
      if (!Member) {
        Unknown = true; // moved, passed or captured: fate unknown
        break;
      }
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!isNamed(Method, Spec->SourceGetter) &&
          !isNamed(Method, Spec->Cancel))
        continue;
      std::optional<analysis::CFGPoint> P = Paths->pointOf(Member);
      if (!P) {
        Unknown = true;
        break;
      }
      Stops.addSilent(*P);
    }
    std::optional<analysis::CFGPoint> From = Paths->pointOfDecl(Thread);
    std::optional<analysis::CFGPoint> To = Paths->pointOf(Call);
    if (Unknown || !From || !To)
      continue;
    std::optional<bool> Reached = Paths->reaches(*From, *To, Stops);
    if (!Reached || !*Reached)
      continue;
    diag(Call->getExprLoc(),
         "detaching '%0' drops its only stop source; the thread started at "
         "line %1 can never be stopped")
        << Thread->getName()
        << SM.getSpellingLineNumber(Thread->getLocation())
        << Call->getSourceRange();
  }
}

//===--- 5. A shared state replaced while handles to it are out ----------===//

bool LostHandleCheck::hasFreshDefault(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  if (const model::TokenSpec *Token = queries().tokenOfRecord(RD);
      Token &&
      Token->DefaultConstructed == model::TokenSpec::DefaultRoot::NewContext)
    return true;
  // A source that makes tokens owns a state, and a default-constructed one
  // owns a new state (std::stop_source, folly::CancellationSource). One that
  // cancels on destruction (std::jthread) stops the old state when replaced.
  const model::SourceSpec *Source = queries().sourceOfRecord(RD);
  return Source && !Source->TokenGetter.empty() && !Source->DestructorCancels;
}

namespace {

bool isSpecialMember(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return !MD || isa<CXXConstructorDecl, CXXDestructorDecl>(MD) ||
         MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator();
}

} // namespace

void LostHandleCheck::checkReplacedState(const CXXOperatorCallExpr *Assign,
                                         const FieldDecl *Field) {
  ASTContext &Ctx = *S->Ctx;
  const auto *Replacer =
      dyn_cast_or_null<FunctionDecl>(analysis::enclosingFunction(Assign, Ctx));
  // Constructors and assignments of the whole object set up a state that
  // nothing can have handed out yet.
  if (!Replacer || isSpecialMember(Replacer) || !Replacer->getBody())
    return;
  const CXXRecordDecl *Type = Field->getType()->getAsCXXRecordDecl();
  const model::SourceSpec *Source = queries().sourceOfRecord(Type);
  const SourceManager &SM = Ctx.getSourceManager();
  auto Before = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  };
  // Cancelled first: the handles out saw the cancel (stop, then renew for
  // the next run).
  const bool CancelledFirst =
      Source && analysis::findEvaluated(Replacer->getBody(), [&](const Stmt *St) {
        const auto *Call = dyn_cast<CXXMemberCallExpr>(St);
        return Call && Before(Call->getBeginLoc(), Assign->getBeginLoc()) &&
               isNamed(Call->getMethodDecl(), Source->Cancel) &&
               analysis::memberOfThis(Call->getImplicitObjectArgument()) ==
                   Field;
      });
  // Used after: a restart, which hands the new state to the run it starts;
  // handles from before belong to the run that ended.
  const bool UsedAfter =
      analysis::findEvaluated(Replacer->getBody(), [&](const Stmt *St) {
        const auto *E = dyn_cast<Expr>(St);
        return E && Before(Assign->getEndLoc(), E->getBeginLoc()) &&
               analysis::memberOfThis(E) == Field;
      });
  if (CancelledFirst || UsedAfter)
    return;
  const FunctionDecl *ReplacerDecl = Replacer->getCanonicalDecl();
  const std::optional<analysis::HandOut> Out = analysis::handOutOf(
      Field,
      [&](const CXXMethodDecl *MD) {
        return !isSpecialMember(MD) && !MD->isStatic() &&
               MD->getCanonicalDecl() != ReplacerDecl;
      },
      [&](const CXXMethodDecl *MD) { return isSourceGetter(MD); });
  if (!Out)
    return;
  const model::SourceSpec *Returned = queries().sourceOfRecord(
      Out->Function->getReturnType().getNonReferenceType()->getAsCXXRecordDecl());
  const bool CanCancel = Returned && !Returned->Cancel.empty();
  const std::string Member = analysis::spelledName(Field);
  const std::string Handing = analysis::spelledName(Out->Function);
  if (CanCancel)
    diag(Assign->getOperatorLoc(),
         "'%0' is replaced by a new '%1' while the cancel handles that '%2' "
         "handed out still refer to the old one: cancelling through them "
         "acts on the replaced state and never reaches the new one; reset "
         "the state in place instead")
        << Member << queries().name(Type) << Handing
        << Assign->getSourceRange();
  else
    diag(Assign->getOperatorLoc(),
         "'%0' is replaced by a new '%1' while the tokens that '%2' handed "
         "out still observe the old one: a cancellation requested through "
         "'%0' from now on never reaches them")
        << Member << queries().name(Type) << Handing
        << Assign->getSourceRange();
  diag(Out->At->getBeginLoc(), "'%0' hands out a handle to the state of '%1' "
                               "here",
       DiagnosticIDs::Note)
      << Handing << Member;
}

//===--- 8. A token taken from a source that is moved away ---------------===//

namespace {

/// The parent of \p E in \p Ctx, when it has exactly one.
const Stmt *parentOf(const Stmt *E, ASTContext &Ctx) {
  DynTypedNodeList Parents = analysis::parentsOf(*E, Ctx);
  return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
}

/// Whether \p E only carries the value of its child.
bool carries(const Stmt *E) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups>(E);
}

/// The move construction or move assignment that takes the state of the
/// variable \p Ref names (`T t = std::move(v)`, `f(std::move(v))` into a
/// by-value parameter, `t = std::move(v)`), or null when \p Ref is no such
/// move. Passing `std::move(v)` to a reference parameter moves nothing yet.
const Expr *moveOf(const DeclRefExpr *Ref, ASTContext &Ctx) {
  const Stmt *Cur = Ref;
  const Stmt *P = parentOf(Cur, Ctx);
  while (P && carries(P))
    P = parentOf(Cur = P, Ctx);
  const auto *Forward = dyn_cast_or_null<CallExpr>(P);
  if (!Forward || !analysis::isValueForwardingCall(Forward))
    return nullptr;
  Cur = Forward;
  P = parentOf(Cur, Ctx);
  while (P && carries(P))
    P = parentOf(Cur = P, Ctx);
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(P);
      C && C->getConstructor()->isMoveConstructor())
    return C;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      Op->getArg(1)->IgnoreImplicit() == cast<Expr>(Cur)->IgnoreImplicit())
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
        MD && MD->isMoveAssignmentOperator())
      return Op;
  return nullptr;
}

/// Whether \p Ref may give the variable new state: the left side of an
/// assignment, the object of a non-const member call other than \p Spec's
/// getters and cancel, or an argument bound to a non-const reference.
bool mayRearm(const DeclRefExpr *Ref, const model::SourceSpec &Spec,
              ASTContext &Ctx) {
  if (const CXXMemberCallExpr *Call = analysis::memberCallOn(Ref, Ctx)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    return MD && !MD->isConst() && !isNamed(MD, Spec.TokenGetter) &&
           !isNamed(MD, Spec.SourceGetter) && !isNamed(MD, Spec.Cancel);
  }
  const Stmt *Cur = Ref;
  const Stmt *P = parentOf(Cur, Ctx);
  while (P && isa<ParenExpr>(P))
    P = parentOf(Cur = P, Ctx);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P))
    return Op->getNumArgs() > 0 && Op->getArg(0) == Cur &&
           Op->isAssignmentOp();
  if (isa_and_nonnull<ImplicitCastExpr>(P))
    return false; // read: a copy, a comparison
  // Bound to a reference: non-const ones may re-arm it.
  if (const auto *Call = dyn_cast_or_null<CallExpr>(P))
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Cur) {
        const FunctionDecl *FD = Call->getDirectCallee();
        if (!FD || I >= FD->getNumParams())
          return true;
        QualType T = FD->getParamDecl(I)->getType();
        return T->isReferenceType() && !T->getPointeeType().isConstQualified();
      }
  if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(P))
    return !C->getConstructor()->isCopyConstructor();
  return P == nullptr;
}

} // namespace

void LostHandleCheck::checkMovedSources(
    const FunctionScope &F,
    llvm::ArrayRef<std::pair<const CXXMemberCallExpr *,
                             const model::SourceSpec *>>
        Getters) {
  ASTContext &Ctx = F.Ctx;
  for (const auto &[Getter, Spec] : Getters) {
    const VarDecl *Source = analysis::referencedVar(
        analysis::ignoreValueWrappers(Getter->getImplicitObjectArgument()));
    if (!Spec || !Source || !Source->hasLocalStorage() ||
        Source->getType()->isReferenceType())
      continue;
    const std::string Name = Source->getNameAsString();
    const std::string Taken =
        isNamed(Getter->getMethodDecl(), Spec->TokenGetter) ? "token"
                                                            : "source";
    // The same call: an argument moves the source, another takes from it.
    // Arguments are evaluated in an unspecified order; lambda bodies run
    // later and are not looked into.
    const Expr *SameCallMove = nullptr;
    bool MoveFirst = false;
    for (const Stmt *Cur = Getter, *P = parentOf(Cur, Ctx);
         P && !SameCallMove && isa<Expr>(P) && !isa<LambdaExpr>(P);
         Cur = P, P = parentOf(P, Ctx)) {
      llvm::ArrayRef<const Expr *> Args;
      if (const auto *Call = dyn_cast<CallExpr>(P))
        Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
      else if (const auto *C = dyn_cast<CXXConstructExpr>(P))
        Args = llvm::ArrayRef(C->getArgs(), C->getNumArgs());
      else
        continue;
      unsigned Mine = Args.size();
      for (unsigned I = 0; I < Args.size(); ++I)
        if (Args[I] == Cur)
          Mine = I;
      if (Mine == Args.size())
        continue; // the getter is the callee's object, not an argument
      for (unsigned I = 0; I < Args.size() && !SameCallMove; ++I) {
        if (I == Mine)
          continue;
        for (const DeclRefExpr *Ref : F.Refs.refsTo(Source)) {
          const Expr *Move = moveOf(Ref, Ctx);
          if (Move && analysis::findEvaluated(Args[I], [&](const Stmt *S) {
                return S == Move;
              })) {
            SameCallMove = Move;
            MoveFirst = I < Mine;
            break;
          }
        }
      }
    }
    if (SameCallMove) {
      diag(Getter->getExprLoc(),
           "%0 taken from '%1', which another argument of the same call "
           "moves away; arguments are evaluated in an unspecified order, and "
           "when the move comes first%2 the %0 comes from a moved-from "
           "source and can never be stopped")
          << Taken << Name
          << (MoveFirst ? " (clang evaluates them left to right: here it "
                          "does)"
                        : "")
          << Getter->getSourceRange();
      diag(SameCallMove->getBeginLoc(), "'%0' is moved away here",
           DiagnosticIDs::Note)
          << Name << SameCallMove->getSourceRange();
      continue;
    }
    // Earlier on the path: every path from the source's start to the getter
    // passes a move, and nothing can give it new state.
    const analysis::FunctionPaths *Paths = F.Paths;
    if (!Paths)
      continue;
    std::optional<analysis::CFGPoint> To = Paths->pointOf(Getter);
    if (!To)
      continue;
    analysis::PathStops Stops;
    llvm::SmallVector<const Expr *, 2> Moves;
    bool Unknown = false;
    for (const DeclRefExpr *Ref : F.Refs.refsTo(Source)) {
      if (const Expr *Move = moveOf(Ref, Ctx)) {
        std::optional<analysis::CFGPoint> P = Paths->pointOf(Move);
        if (!P) {
          Unknown = true;
          break;
        }
        if (P->Block == To->Block && P->Index == To->Index)
          continue; // the getter's own statement: not earlier
        Stops.addSilent(*P);
        Moves.push_back(Move);
        continue;
      }
      if (mayRearm(Ref, *Spec, Ctx)) {
        Unknown = true;
        break;
      }
    }
    if (Unknown || Moves.empty())
      continue;
    std::optional<analysis::CFGPoint> From =
        isa<ParmVarDecl>(Source)
            ? std::optional<analysis::CFGPoint>(
                  analysis::CFGPoint{&Paths->cfg().getEntry(), 0})
            : Paths->pointOfDecl(Source);
    if (!From)
      continue;
    std::optional<bool> Unmoved = Paths->reaches(*From, *To, Stops);
    if (!Unmoved || *Unmoved)
      continue;
    diag(Getter->getExprLoc(),
         "%0 taken from '%1', which every path here has moved away; it "
         "comes from a moved-from source and can never be stopped")
        << Taken << Name << Getter->getSourceRange();
    for (const Expr *Move : Moves)
      diag(Move->getBeginLoc(), "'%0' is moved away here",
           DiagnosticIDs::Note)
          << Name << Move->getSourceRange();
  }
}

bool LostHandleCheck::checkDetachedWork(const FunctionScope &F,
                                        const CXXMemberCallExpr *Call) {
  // main returning ends the process, and its detached threads with it.
  if (isMain(F.Function))
    return false;
  const llvm::SmallVector<analysis::DetachedReference, 2> Found =
      analysis::detachedReferences(Call, F.Function->getBody(), F.Refs, F.Ctx);
  if (Found.empty() || !reportOnce(Call->getExprLoc()))
    return !Found.empty();
  const analysis::DetachedReference &R = Found.front();
  if (R.What == analysis::DetachedReference::LocalByReference) {
    diag(Call->getExprLoc(), "detached thread may still use '%0', captured by "
                             "reference, after '%0' is destroyed at the end "
                             "of its block; join the thread before then")
        << R.Local->getName();
    diag(R.CapturedAt, "'%0' is captured by reference here",
         DiagnosticIDs::Note)
        << R.Local->getName();
    diag(R.DestroyedAt, "'%0' is destroyed here", DiagnosticIDs::Note)
        << R.Local->getName();
    return true;
  }
  const std::string Object =
      R.Object ? "'" + queries().name(R.Object) + "'" : "the object";
  diag(Call->getExprLoc(), "detached thread runs a loop with no exit and uses "
                           "'this': nothing can stop it, and it can outlive the "
                           "%0 object it uses; keep the thread in a member, and stop "
                           "and join it in the destructor")
      << Object;
  diag(R.EndlessLoop->getBeginLoc(), "this loop never ends",
       DiagnosticIDs::Note);
  diag(R.CapturedAt, "'this' is used by the thread here", DiagnosticIDs::Note);
  return true;
}

} // namespace cancellint
