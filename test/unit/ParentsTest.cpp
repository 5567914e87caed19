//===--- ParentsTest.cpp - parentsOf and rootsAround against clang's map --===//
#include "AstFixture.h"
#include "analysis/Parents.h"
#include "analysis/TraversalRoots.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace cancellint;

namespace {

/// Code of the shapes clang's walk reaches in different ways: functions in
/// reopened namespaces, classes with members written inside and outside,
/// templates with instantiations (implicit and explicit), lambdas, an
/// extern "C" block, and one macro that writes three functions, whose text
/// is then the same place.
constexpr const char *Code = R"cpp(
#define THREE(a, b, c) int a() { return 1; } int b() { return 2; } int c() { return 3; }
namespace n {
int f(int x) { return x + 1; }
}
namespace n {
int g(int x) { return f(x) * 2; }
struct S {
  int inl() { return [this] { return v; }(); }
  int outOfLine();
  int v = 0;
};
int S::outOfLine() { return inl() + v; }
}
template <typename T> struct Box {
  T get() const;
  struct Inner { T twice(T t) { return t + t; } };
  T value{};
};
template <typename T> T Box<T>::get() const { return value; }
template struct Box<long>;
template <typename T> T add(T a, T b) { return a + b; }
extern "C" { int c_fn(int x) { return x; } }
THREE(one, two, three)
int use() {
  Box<int> b;
  auto l = [&](int k) { return add(k, b.get()); };
  return l(1) + n::g(2) + Box<int>::Inner().twice(3) + one() + three();
}
int global = [] { return 7; }();
)cpp";

/// Every statement and declaration of the main file, templates'
/// instantiations and implicit code included.
class Nodes : public RecursiveASTVisitor<Nodes> {
public:
  explicit Nodes(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitStmt(Stmt *S) {
    if (SM.isInMainFile(SM.getExpansionLoc(S->getBeginLoc())))
      All.push_back(DynTypedNode::create(*S));
    return true;
  }
  bool VisitDecl(Decl *D) {
    if (!isa<TranslationUnitDecl>(D) &&
        SM.isInMainFile(SM.getExpansionLoc(D->getBeginLoc())))
      All.push_back(DynTypedNode::create(*D));
    return true;
  }
  std::vector<DynTypedNode> All;

private:
  const SourceManager &SM;
};

TEST(Parents, AnswerAsClangsParentMapDoes) {
  test::Ast A(Code);
  ASSERT_TRUE(A.valid());
  ASTContext &Ctx = A.context();
  Nodes N(Ctx.getSourceManager());
  N.TraverseDecl(Ctx.getTranslationUnitDecl());
  ASSERT_GT(N.All.size(), 200u);
  for (const DynTypedNode &Node : N.All) {
    const DynTypedNodeList Ours = analysis::parentsOf(Node, Ctx);
    const DynTypedNodeList Clangs = Ctx.getParentMapContext().getParents(Node);
    ASSERT_EQ(Ours.size(), Clangs.size())
        << Node.getNodeKind().asStringRef().str() << " at "
        << Node.getSourceRange().getBegin().printToString(
               Ctx.getSourceManager());
    for (size_t I = 0; I < Ours.size(); ++I)
      EXPECT_EQ(Ours[I], Clangs[I]);
  }
}

TEST(TraversalRoots, TheFunctionWrittenAroundALocation) {
  test::Ast A(Code);
  ASSERT_TRUE(A.valid());
  ASTContext &Ctx = A.context();
  const FunctionDecl *G = A.function("g");
  const auto Roots =
      analysis::rootsAround(G->getBody()->getBeginLoc(), Ctx);
  ASSERT_EQ(Roots.size(), 1u);
  EXPECT_EQ(Roots[0].Root, G);
  EXPECT_TRUE(isa<NamespaceDecl>(Roots[0].Parent));
}

TEST(TraversalRoots, EveryFunctionAMacroWritesAtOnePlace) {
  test::Ast A(Code);
  ASSERT_TRUE(A.valid());
  ASTContext &Ctx = A.context();
  const FunctionDecl *Two = A.function("two");
  const auto Roots = analysis::rootsAround(Two->getBody()->getBeginLoc(), Ctx);
  ASSERT_EQ(Roots.size(), 3u);
  EXPECT_EQ(Roots[0].Root, A.function("one"));
  EXPECT_EQ(Roots[1].Root, Two);
  EXPECT_EQ(Roots[2].Root, A.function("three"));
}

TEST(TraversalRoots, AnOutOfLineMemberOfAClassTemplate) {
  test::Ast A(Code);
  ASSERT_TRUE(A.valid());
  ASTContext &Ctx = A.context();
  using namespace clang::ast_matchers;
  const auto *Get = selectFirst<CXXMethodDecl>(
      "m", match(cxxMethodDecl(hasName("get"), isDefinition(),
                               unless(isTemplateInstantiation()))
                     .bind("m"),
                 Ctx));
  ASSERT_NE(Get, nullptr);
  const auto Roots =
      analysis::rootsAround(Get->getBody()->getBeginLoc(), Ctx);
  // The definition as written, then the class template whose
  // instantiations hold its instantiated bodies.
  ASSERT_GE(Roots.size(), 2u);
  EXPECT_EQ(Roots[0].Root, Get->getDescribedFunctionTemplate()
                               ? static_cast<const Decl *>(
                                     Get->getDescribedFunctionTemplate())
                               : Get);
  EXPECT_TRUE(llvm::any_of(Roots, [](const analysis::TraversalRoot &R) {
    return isa<ClassTemplateDecl>(R.Root);
  }));
}

} // namespace
