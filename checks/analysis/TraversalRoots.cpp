//===--- TraversalRoots.cpp - Where clang's walk of a unit reaches a decl -===//
#include "TraversalRoots.h"
#include "Limits.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

using namespace clang;

namespace cancellint::analysis {

/// Declarations the walk reaches elsewhere than from their context: blocks
/// and captured statements from their expressions, lambda classes from
/// their LambdaExpr (as RecursiveASTVisitor skips them).
static bool reachedElsewhere(const Decl *D) {
  if (isa<BlockDecl, CapturedDecl>(D))
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(D);
  return Class && Class->isLambda();
}

/// Whether the walk reaches the declarations of \p DC from \p DC itself:
/// the unit, namespaces, and classes that are written (not instantiated).
static bool walkedThrough(const DeclContext *DC) {
  if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(DC))
    return true;
  const auto *Record = dyn_cast<RecordDecl>(DC);
  return Record && contextParent(Record);
}

/// Whether a limited traversal scope (an editor's) leaves \p D out.
static bool outsideScope(const Decl *D) {
  const ASTContext &Ctx = D->getASTContext();
  const llvm::ArrayRef<Decl *> Scope = Ctx.getTraversalScope();
  if (Scope.size() == 1 && isa<TranslationUnitDecl>(Scope.front()))
    return false;
  return !llvm::is_contained(Scope, D);
}

const Decl *contextParent(const Decl *D) {
  if (isa<TranslationUnitDecl>(D) || reachedElsewhere(D) ||
      D->getFriendObjectKind() != Decl::FOK_None)
    return nullptr;
  const DeclContext *DC = D->getLexicalDeclContext();
  // Templated and instantiated declarations are not in their context's
  // declarations: the walk reaches them from their template.
  if (!DC || !DC->containsDecl(const_cast<Decl *>(D)) || !walkedThrough(DC))
    return nullptr;
  if (isa<TranslationUnitDecl>(DC) && outsideScope(D))
    return nullptr;
  return cast<Decl>(DC);
}

namespace {

/// Whether declarations' source ranges hold one location, compared in
/// expansion (file) positions: through the #include lines that lead to it
/// when a declaration spans them (`extern "C" { #include ... }`).
class LocationTest {
public:
  LocationTest(SourceLocation Loc, const SourceManager &SM) : SM(SM) {
    At = SM.getExpansionLoc(Loc);
    for (FileIDAndOffset Pos = SM.getDecomposedLoc(At); Pos.first.isValid();) {
      Path.push_back(Pos);
      const SourceLocation Include = SM.getIncludeLoc(Pos.first);
      if (Include.isInvalid())
        break;
      Pos = SM.getDecomposedLoc(SM.getExpansionLoc(Include));
    }
  }

  bool valid() const { return !Path.empty(); }

  bool within(SourceRange R) const {
    const SourceLocation B = SM.getExpansionLoc(R.getBegin());
    const SourceLocation E = SM.getExpansionRange(R.getEnd()).getEnd();
    if (B.isInvalid() || E.isInvalid())
      return false;
    const FileIDAndOffset Begin = SM.getDecomposedLoc(B);
    const FileIDAndOffset End = SM.getDecomposedLoc(E);
    if (Begin.first != End.first)
      return SM.isPointWithin(At, B, E);
    const std::optional<unsigned> Offset = offsetIn(Begin.first);
    return Offset && Begin.second <= *Offset && *Offset <= End.second;
  }

private:
  /// Where the location lies in \p File: itself, or the #include that
  /// leads to it.
  std::optional<unsigned> offsetIn(FileID File) const {
    for (const FileIDAndOffset &Pos : Path)
      if (Pos.first == File)
        return Pos.second;
    return std::nullopt;
  }

  const SourceManager &SM;
  SourceLocation At;
  llvm::SmallVector<FileIDAndOffset, 8> Path;
};

void collectRoots(const DeclContext *DC, const LocationTest &At,
                  llvm::SmallVectorImpl<TraversalRoot> &Out) {
  const auto *Parent = cast<Decl>(DC);
  auto Visit = [&](const Decl *D) {
    if (reachedElsewhere(D) || !At.within(D->getSourceRange()))
      return;
    if (const auto *Inner = dyn_cast<DeclContext>(D);
        Inner && walkedThrough(Inner))
      collectRoots(Inner, At, Out);
    else
      Out.push_back({D, Parent});
  };
  if (const auto *Unit = dyn_cast<TranslationUnitDecl>(DC)) {
    const llvm::ArrayRef<Decl *> Scope =
        Unit->getASTContext().getTraversalScope();
    if (Scope.size() != 1 || Scope.front() != Unit) {
      for (const Decl *D : Scope)
        Visit(D);
      return;
    }
  }
  for (const Decl *D : DC->decls())
    Visit(D);
}

} // namespace

/// Roots whose code is written inside \p Written's text without lying
/// under it: the members of a class template's explicit instantiations
/// (walked from `template struct X<int>;`), and the instantiations of a
/// body written out of its class template (walked from the class).
static void addRootsElsewhere(const TraversalRoot &Written,
                              const ASTContext &Ctx, unsigned Depth,
                              llvm::SmallVectorImpl<TraversalRoot> &Out) {
  if (const auto *Template = dyn_cast<ClassTemplateDecl>(Written.Root)) {
    for (const ClassTemplateSpecializationDecl *Spec :
         Template->specializations())
      if (Spec->isExplicitInstantiationOrSpecialization() &&
          !Spec->isExplicitSpecialization())
        if (const Decl *Parent = contextParent(Spec))
          Out.push_back({Spec, Parent});
    return;
  }
  const auto *FD = Written.Root->getAsFunction();
  const auto *Class =
      FD && FD->isOutOfLine() ? dyn_cast<CXXRecordDecl>(FD->getDeclContext())
                              : nullptr;
  if (Class && Class->isDependentContext() &&
      Depth < limits::MaxTemplateNesting)
    for (const TraversalRoot &Root :
         rootsAround(Class->getLocation(), Ctx, Depth + 1))
      Out.push_back(Root);
}

llvm::SmallVector<TraversalRoot, 2>
rootsAround(SourceLocation Loc, const ASTContext &Ctx, unsigned Depth) {
  llvm::SmallVector<TraversalRoot, 2> Out;
  if (Loc.isInvalid())
    return Out;
  const LocationTest At(Loc, Ctx.getSourceManager());
  if (At.valid())
    collectRoots(Ctx.getTranslationUnitDecl(), At, Out);
  for (size_t I = 0, Written = Out.size(); I < Written; ++I)
    addRootsElsewhere(TraversalRoot(Out[I]), Ctx, Depth, Out);
  return Out;
}

} // namespace cancellint::analysis
