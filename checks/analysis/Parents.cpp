//===--- Parents.cpp - The parents of an AST node, from its own function --===//
#include "Parents.h"
#include "Limits.h"
#include "PerUnit.h"
#include "TraversalRoots.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <memory>

using namespace clang;

namespace cancellint::analysis {

namespace {

using ParentList = llvm::SmallVector<DynTypedNode, 1>;

/// The parents of every node under one traversal root, recorded as clang's
/// parent map records them: by the same RecursiveASTVisitor walk (template
/// instantiations and implicit code included), each parent once.
class ParentIndex {
public:
  explicit ParentIndex(const TraversalRoot &Root);

  const Decl *root() const { return Root; }

  const ParentList *find(const DynTypedNode &Node) const {
    if (Node.getNodeKind().hasPointerIdentity()) {
      auto It = ByPointer.find(Node.getMemoizationData());
      return It == ByPointer.end() ? nullptr : &It->second;
    }
    auto It = ByValue.find(Node);
    return It == ByValue.end() ? nullptr : &It->second;
  }

private:
  friend class IndexBuilder;

  void add(const DynTypedNode &Child, const DynTypedNode &Parent) {
    ParentList &List = Child.getNodeKind().hasPointerIdentity()
                           ? ByPointer[Child.getMemoizationData()]
                           : ByValue[Child];
    // Nodes without identity (type locations) cannot be compared: clang
    // keeps each of their parents, however often it meets it.
    if (Parent.getMemoizationData() && llvm::is_contained(List, Parent))
      return;
    List.push_back(Parent);
  }

  const Decl *Root;
  llvm::DenseMap<const void *, ParentList> ByPointer;
  llvm::DenseMap<DynTypedNode, ParentList> ByValue;
};

/// clang's parent-map walk, over one root.
class IndexBuilder : public RecursiveASTVisitor<IndexBuilder> {
  using Base = RecursiveASTVisitor<IndexBuilder>;

public:
  IndexBuilder(ParentIndex &Index, const Decl *Parent) : Index(Index) {
    Stack.push_back(DynTypedNode::create(*Parent));
  }

  // RecursiveASTVisitor calls these by name (CRTP), not virtually.
  // NOLINTBEGIN(bugprone-derived-method-shadowing-base-method)

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    return D ? enter(DynTypedNode::create(*D),
                     [&] { return Base::TraverseDecl(D); })
             : true;
  }
  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    return TL ? enter(DynTypedNode::create(TL),
                      [&] {
                        return Base::TraverseTypeLoc(TL, TraverseQualifier);
                      })
              : true;
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    return NNS ? enter(DynTypedNode::create(NNS),
                       [&] { return Base::TraverseNestedNameSpecifierLoc(NNS); })
               : true;
  }
  bool TraverseAttr(Attr *A) {
    return A ? enter(DynTypedNode::create(*A),
                     [&] { return Base::TraverseAttr(A); })
             : true;
  }
  // Statements through the data-recursion hooks, as clang's walk does:
  // overriding TraverseStmt would turn the recursion off.
  bool dataTraverseStmtPre(Stmt *S) {
    Index.add(DynTypedNode::create(*S), Stack.back());
    Stack.push_back(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }
  // NOLINTEND(bugprone-derived-method-shadowing-base-method)

private:
  template <typename Fn> bool enter(const DynTypedNode &Node, Fn Traverse) {
    Index.add(Node, Stack.back());
    Stack.push_back(Node);
    const bool Result = Traverse();
    Stack.pop_back();
    return Result;
  }

  ParentIndex &Index;
  llvm::SmallVector<DynTypedNode, 16> Stack;
};

ParentIndex::ParentIndex(const TraversalRoot &R) : Root(R.Root) {
  IndexBuilder(*this, R.Parent).TraverseDecl(const_cast<Decl *>(R.Root));
}

/// The indexes of the roots queried last, most recent first. Analyses look
/// at one function at a time, now and then at a callee or a caller.
class RecentIndexes {
public:
  const ParentList *find(const DynTypedNode &Node) {
    for (auto It = Indexes.begin(); It != Indexes.end(); ++It)
      if (const ParentList *Found = (*It)->find(Node)) {
        std::rotate(Indexes.begin(), It, std::next(It));
        return Found;
      }
    return nullptr;
  }

  /// The index of \p Root, built unless it is kept.
  const ParentIndex &of(const TraversalRoot &Root) {
    for (auto It = Indexes.begin(); It != Indexes.end(); ++It)
      if ((*It)->root() == Root.Root) {
        std::rotate(Indexes.begin(), It, std::next(It));
        return *Indexes.front();
      }
    if (Indexes.size() == limits::CachedParentIndexes)
      Indexes.pop_back();
    Indexes.insert(Indexes.begin(), std::make_unique<ParentIndex>(Root));
    return *Indexes.front();
  }

private:
  llvm::SmallVector<std::unique_ptr<ParentIndex>, limits::CachedParentIndexes>
      Indexes;
};

DynTypedNodeList listOf(const ParentList &Parents) {
  if (Parents.size() == 1)
    return Parents.front();
  return llvm::ArrayRef<DynTypedNode>(Parents);
}

} // namespace

DynTypedNodeList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  ParentMapContext &Clang = Ctx.getParentMapContext();
  // Under other traversal kinds clang's map skips implicit nodes on the way
  // up; the checks ask under TK_AsIs.
  if (Clang.getTraversalKind() != TK_AsIs)
    return Clang.getParents(Node);
  auto &Indexes = perUnit<RecentIndexes>(Ctx);
  if (const ParentList *Found = Indexes.find(Node))
    return listOf(*Found);
  if (const auto *D = Node.get<Decl>()) {
    if (isa<TranslationUnitDecl>(D))
      return llvm::ArrayRef<DynTypedNode>();
    if (const Decl *Parent = contextParent(D))
      return DynTypedNode::create(*Parent);
  }
  for (const TraversalRoot &Root :
       rootsAround(Node.getSourceRange().getBegin(), Ctx))
    if (const ParentList *Found = Indexes.of(Root).find(Node))
      return listOf(*Found);
  // A node under no root its text lies in (none in the tests: code
  // without a location, say): the same answer at the whole unit's cost.
  return Clang.getParents(Node);
}

bool anyAncestor(const DynTypedNode &Node,
                 llvm::function_ref<bool(const DynTypedNode &)> Pred,
                 ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{Node};
  llvm::DenseSet<const void *> Seen;
  while (!Work.empty()) {
    const DynTypedNode Cur = Work.pop_back_val();
    for (const DynTypedNode &P : parentsOf(Cur, Ctx)) {
      if (Pred(P))
        return true;
      if (!P.getMemoizationData() || Seen.insert(P.getMemoizationData()).second)
        Work.push_back(P);
    }
  }
  return false;
}

} // namespace cancellint::analysis
