//===--- TraversalRoots.cpp - Where clang's walk of a unit reaches a decl -===//
#include "TraversalRoots.h"
#include "Limits.h"
#include "PerUnit.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

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

/// Where a declaration's text lies, in expansion (file) positions: through
/// the #include lines that lead to it when it spans them
/// (`extern "C" { #include ... }`).
struct TextSpan {
  SourceLocation Begin, End;
  FileIDAndOffset BeginPos, EndPos;

  TextSpan(SourceRange R, const SourceManager &SM)
      : Begin(SM.getExpansionLoc(R.getBegin())),
        End(SM.getExpansionRange(R.getEnd()).getEnd()) {
    if (valid()) {
      BeginPos = SM.getDecomposedLoc(Begin);
      EndPos = SM.getDecomposedLoc(End);
    }
  }
  bool valid() const { return Begin.isValid() && End.isValid(); }
  bool inOneFile() const { return BeginPos.first == EndPos.first; }
};

/// Whether declarations' text holds one location.
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

  bool within(const TextSpan &T) const {
    if (!T.valid())
      return false;
    if (!T.inOneFile())
      return SM.isPointWithin(At, T.Begin, T.End);
    const std::optional<unsigned> Offset = offsetIn(T.BeginPos.first);
    return Offset && T.BeginPos.second <= *Offset && *Offset <= T.EndPos.second;
  }

  /// The location, then the #include lines that lead to it, each as a file
  /// and an offset in it.
  llvm::ArrayRef<FileIDAndOffset> path() const { return Path; }

  const SourceManager &sourceManager() const { return SM; }

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

/// The declarations of one context by where their text lies, so that the
/// few whose text holds a location are found without testing every one: a
/// unit holds thousands (each function of a generated file, each namespace
/// block of the standard headers), and the test runs whenever a parent
/// query meets a function whose index is not kept.
class ContextIndex {
public:
  ContextIndex(const DeclContext *DC, const SourceManager &SM) {
    unsigned Order = 0;
    for (const Decl *D : DC->decls()) {
      const TextSpan T(D->getSourceRange(), SM);
      if (!T.valid())
        continue;
      if (T.inOneFile())
        InFile.push_back({T.BeginPos.first, T.BeginPos.second,
                          T.EndPos.second, 0, Order, D});
      else
        Spanning.push_back({Order, D});
      ++Order;
    }
    llvm::sort(InFile, [](const Entry &A, const Entry &B) {
      return std::tie(A.File, A.Begin) < std::tie(B.File, B.Begin);
    });
    for (size_t I = 0; I < InFile.size(); ++I)
      InFile[I].MaxEnd =
          I > 0 && InFile[I - 1].File == InFile[I].File
              ? std::max(InFile[I - 1].MaxEnd, InFile[I].End)
              : InFile[I].End;
  }

  /// The declarations whose text may hold \p At, in the context's order:
  /// every one that LocationTest::within accepts, and maybe others.
  void candidates(const LocationTest &At,
                  llvm::SmallVectorImpl<const Decl *> &Out) const {
    llvm::SmallVector<std::pair<unsigned, const Decl *>, 4> Found(
        Spanning.begin(), Spanning.end());
    for (const FileIDAndOffset &Pos : At.path()) {
      const FileID File = Pos.first;
      const unsigned Offset = Pos.second;
      // The entries of File that begin at or before Offset; walking back,
      // MaxEnd says when none further back reaches it.
      auto Begin = llvm::lower_bound(
          InFile, File, [](const Entry &E, FileID F) { return E.File < F; });
      auto End = std::partition_point(Begin, InFile.end(), [&](const Entry &E) {
        return E.File == File && E.Begin <= Offset;
      });
      for (auto It = End; It != Begin && std::prev(It)->MaxEnd >= Offset;) {
        --It;
        if (It->End >= Offset)
          Found.push_back({It->Order, It->D});
      }
    }
    llvm::sort(Found);
    for (const auto &Candidate : Found)
      if (Out.empty() || Out.back() != Candidate.second)
        Out.push_back(Candidate.second);
  }

private:
  struct Entry {
    FileID File;
    unsigned Begin, End;
    /// The largest End of this entry and the ones before it in its file.
    unsigned MaxEnd;
    unsigned Order;
    const Decl *D;
  };
  std::vector<Entry> InFile;
  /// Declarations whose text begins and ends in different files.
  llvm::SmallVector<std::pair<unsigned, const Decl *>, 0> Spanning;
};

/// The indexes of the contexts searched so far in one unit.
struct ContextIndexes {
  llvm::DenseMap<const DeclContext *, std::unique_ptr<ContextIndex>> Of;
};

void collectRoots(const DeclContext *DC, const LocationTest &At,
                  llvm::SmallVectorImpl<TraversalRoot> &Out) {
  const auto *Parent = cast<Decl>(DC);
  auto Visit = [&](const Decl *D) {
    if (reachedElsewhere(D) ||
        !At.within(TextSpan(D->getSourceRange(), At.sourceManager())))
      return;
    if (const auto *Inner = dyn_cast<DeclContext>(D);
        Inner && walkedThrough(Inner))
      collectRoots(Inner, At, Out);
    else
      Out.push_back({D, Parent});
  };
  const ASTContext &Ctx = Parent->getASTContext();
  if (const auto *Unit = dyn_cast<TranslationUnitDecl>(DC)) {
    const llvm::ArrayRef<Decl *> Scope = Ctx.getTraversalScope();
    if (Scope.size() != 1 || Scope.front() != Unit) {
      for (const Decl *D : Scope)
        Visit(D);
      return;
    }
  }
  std::unique_ptr<ContextIndex> &Index = perUnit<ContextIndexes>(Ctx).Of[DC];
  if (!Index)
    Index = std::make_unique<ContextIndex>(DC, At.sourceManager());
  llvm::SmallVector<const Decl *, 4> Candidates;
  Index->candidates(At, Candidates);
  for (const Decl *D : Candidates)
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
