//===--- ModelNamesCheck.cpp - cancellint-model-names --------------------===//
//
// A model entry whose name matches no declaration is silently dead: the
// checks compare the model name of each declaration they meet with the
// model's names, so a typo, a typedef ("asio::steady_timer") or a member
// only re-exported by a using-declaration never matches. This diagnostic
// indexes every declaration of the translation unit by that same model name
// (analysis::modelName) and reports the model names that find nothing of
// the kind their key needs. It ends with one summary line per model, so a
// test can tell "all resolved" from "did not run".
//
//===----------------------------------------------------------------------===//
#include "ModelNamesCheck.h"
#include "analysis/DeclNames.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {
namespace {

enum DeclKind : std::uint8_t {
  Class = 1,
  Function = 2,
  Variable = 4,
  Enumerator = 8,
  Macro = 16,
};

/// "class", "function", "enumerator or variable": what \p Kinds asks for.
std::string kindNoun(unsigned Kinds) {
  std::string Out;
  auto Or = [&](unsigned K, const char *Word) {
    if (Kinds & K)
      Out += (Out.empty() ? "" : " or ") + std::string(Word);
  };
  Or(Class, "class");
  Or(Function, "function");
  Or(Enumerator, "enumerator");
  Or(Variable, "variable");
  Or(Macro, "macro");
  return Out;
}

/// "a class", "an enumerator".
std::string withArticle(const std::string &Noun) {
  return (llvm::StringRef("aeiou").contains(Noun.front()) ? "an " : "a ") +
         Noun;
}

/// Every nameable declaration of a translation unit, by model name.
class DeclIndex {
public:
  explicit DeclIndex(const TranslationUnitDecl *TU) { addContext(TU); }

  unsigned kindsOf(llvm::StringRef Name) const {
    auto It = Kinds.find(Name);
    return It == Kinds.end() ? 0 : It->second;
  }

  /// Whether a class named \p Class (or one of its bases) declares or
  /// re-exports a member function \p Member.
  bool hasMemberFunction(llvm::StringRef Class, llvm::StringRef Member) const {
    auto It = Records.find(Class);
    if (It == Records.end())
      return false;
    for (const CXXRecordDecl *RD : It->second)
      if (declaresFunction(RD, Member, 0))
        return true;
    return false;
  }

private:
  llvm::StringMap<unsigned> Kinds;
  llvm::StringMap<llvm::SmallVector<const CXXRecordDecl *, 1>> Records;

  void note(const std::string &Name, DeclKind K) {
    if (!Name.empty())
      Kinds[Name] |= K;
  }

  void addContext(const DeclContext *DC) {
    for (const Decl *D : DC->decls())
      add(D);
  }

  void add(const Decl *D) {
    if (const auto *TD = dyn_cast<TemplateDecl>(D)) {
      if (const NamedDecl *Templated = TD->getTemplatedDecl())
        add(Templated);
      return;
    }
    if (const auto *FD = dyn_cast<FriendDecl>(D)) {
      if (const NamedDecl *Friend = FD->getFriendDecl())
        add(Friend);
      return;
    }
    if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
      addContext(cast<DeclContext>(D));
      return;
    }
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      // Implicit instantiations have their pattern's names.
      if (RD->isLambda() || RD->getTemplateSpecializationKind() ==
                                TSK_ImplicitInstantiation)
        return;
      const std::string Name = modelName(RD);
      note(Name, Class);
      if (RD->isThisDeclarationADefinition()) {
        if (!Name.empty())
          Records[Name].push_back(RD);
        addContext(RD);
      }
      return;
    }
    if (const auto *ED = dyn_cast<EnumDecl>(D)) {
      addContext(ED);
      return;
    }
    if (const auto *EC = dyn_cast<EnumConstantDecl>(D)) {
      note(modelName(EC), Enumerator);
      note(analysis::unscopedEnumeratorName(EC), Enumerator);
      return;
    }
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      note(modelName(FD), Function);
      return;
    }
    if (const auto *VD = dyn_cast<VarDecl>(D))
      note(modelName(VD), Variable);
    // Typedefs, aliases and using-declarations are deliberately not
    // indexed: the checks see the declaration they lead to.
  }

  static std::string modelName(const NamedDecl *D) {
    return analysis::modelName(D);
  }

  static bool declaresFunction(const CXXRecordDecl *RD, llvm::StringRef Member,
                               int Depth) {
    if (RD)
      RD = RD->getDefinition();
    if (!RD || Depth > 8)
      return false;
    for (const Decl *D : RD->decls()) {
      const auto *ND = dyn_cast<NamedDecl>(D);
      if (!ND || !ND->getIdentifier() || ND->getName() != Member)
        continue;
      // A using-declaration re-exports a base's member under this class.
      if (isa<FunctionDecl, FunctionTemplateDecl, UsingDecl>(ND))
        return true;
    }
    for (const CXXBaseSpecifier &B : RD->bases())
      if (declaresFunction(analysis::recordNamedBy(B.getType()), Member,
                           Depth + 1))
        return true;
    return false;
  }
};

/// One name of a model document and what it must name.
struct Entry {
  std::string Pointer; ///< JSON pointer into the document
  std::string Name;
  unsigned Wanted;          ///< DeclKind bits, for qualified names
  std::string MemberOf;     ///< for member function names: their class
};

std::vector<Entry> entriesOf(const model::LibraryModel &L) {
  std::vector<Entry> Out;
  auto Add = [&](std::string Pointer, const std::string &Name,
                 unsigned Wanted, const std::string &MemberOf = "") {
    if (!Name.empty())
      Out.push_back({std::move(Pointer), Name, Wanted, MemberOf});
  };
  auto Index = [](const char *Key, size_t I) {
    return std::string("/") + Key + "/" + std::to_string(I);
  };
  auto AddAll = [&](const char *Key, const std::vector<std::string> &Names,
                    unsigned Wanted) {
    for (size_t I = 0; I < Names.size(); ++I)
      Add(Index(Key, I), Names[I], Wanted);
  };
  // "std::future::get" -> "std::future"; empty for a free function.
  auto ClassOf = [](const std::string &Function) {
    const size_t Colons = Function.rfind("::");
    return Colons == std::string::npos ? std::string()
                                       : Function.substr(0, Colons);
  };
  for (size_t I = 0; I < L.Tokens.size(); ++I) {
    const model::TokenSpec &T = L.Tokens[I];
    Add(Index("tokens", I) + "/type", T.Type, Class);
    for (size_t J = 0; J < T.DoneChecks.size(); ++J)
      Add(Index("tokens", I) + "/done_checks/" + std::to_string(J),
          T.DoneChecks[J], Function, T.Type);
  }
  for (size_t I = 0; I < L.Sources.size(); ++I) {
    const model::SourceSpec &S = L.Sources[I];
    Add(Index("sources", I) + "/type", S.Type, Class);
    Add(Index("sources", I) + "/token_getter", S.TokenGetter, Function, S.Type);
    Add(Index("sources", I) + "/cancel", S.Cancel, Function, S.Type);
    Add(Index("sources", I) + "/source_getter", S.SourceGetter, Function,
        S.Type);
    Add(Index("sources", I) + "/detach", S.Detach, Function, S.Type);
  }
  AddAll("roots", L.Roots, Function);
  for (size_t I = 0; I < L.Derive.size(); ++I)
    Add(Index("derive", I) + "/function", L.Derive[I].Function, Function);
  AddAll("links", L.Links, Function);
  AddAll("registrations", L.Registrations, Class);
  AddAll("done_values", L.DoneValues, Enumerator | Variable);
  for (size_t I = 0; I < L.Blocking.size(); ++I) {
    const model::BlockingSpec &B = L.Blocking[I];
    Add(Index("blocking", I) + "/function", B.Function, Function);
    const std::string Class = ClassOf(B.Function);
    for (size_t J = 0; J < B.NotBlockingAfter.size() && !Class.empty(); ++J)
      Add(Index("blocking", I) + "/not_blocking_after/" + std::to_string(J),
          B.NotBlockingAfter[J], Function, Class);
  }
  for (size_t I = 0; I < L.TokenVariants.size(); ++I) {
    Add(Index("token_variants", I) + "/function", L.TokenVariants[I].Function,
        Function);
    Add(Index("token_variants", I) + "/alternative",
        L.TokenVariants[I].Alternative, Function);
  }
  AddAll("long_lived_types", L.LongLivedTypes, Class);
  AddAll("nonblocking_markers", L.NonblockingMarkers,
         Macro | Enumerator | Variable);
  for (size_t I = 0; I < L.Spawns.size(); ++I) {
    const model::SpawnSpec &S = L.Spawns[I];
    Add(Index("spawns", I) + "/function", S.Function, Function);
    // join is a member of the class a spawning constructor constructs.
    Add(Index("spawns", I) + "/join", S.Join, Function, ClassOf(S.Function));
  }
  AddAll("async_operations", L.AsyncOperations, Function);
  AddAll("done_exceptions", L.DoneExceptions, Class);
  return Out;
}

} // namespace

void ModelNamesCheck::registerPPCallbacks(const SourceManager &SM,
                                          Preprocessor *PP,
                                          Preprocessor *ModuleExpanderPP) {
  ModelCheck::registerPPCallbacks(SM, PP, ModuleExpanderPP);
  this->PP = PP;
}

void ModelNamesCheck::registerModelMatchers(MatchFinder *F) {
  F->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ModelNamesCheck::check(const MatchFinder::MatchResult &R) {
  const auto *TU = R.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU)
    return;
  const SourceManager &SM = *R.SourceManager;
  const SourceLocation Here = SM.getLocForStartOfFile(SM.getMainFileID());
  const DeclIndex Index(TU);
  for (const model::LibraryModel &L : model().libraries()) {
    unsigned Checked = 0, Resolved = 0;
    for (const Entry &E : entriesOf(L)) {
      if (!E.MemberOf.empty()) {
        // A member of a class that is itself unresolved is not checked:
        // the class is reported instead.
        if (!(Index.kindsOf(E.MemberOf) & Class))
          continue;
        ++Checked;
        if (Index.hasMemberFunction(E.MemberOf, E.Name)) {
          ++Resolved;
          continue;
        }
        diag(Here, "model name '%0' (%1 at %2) names no member function of "
                   "'%3' or its bases in this translation unit")
            << E.Name << L.Origin << E.Pointer << E.MemberOf;
        continue;
      }
      ++Checked;
      unsigned Found = Index.kindsOf(E.Name);
      if (PP && E.Name.find("::") == std::string::npos)
        if (const IdentifierInfo *II = PP->getIdentifierInfo(E.Name);
            II->hasMacroDefinition())
          Found |= Macro;
      if (Found & E.Wanted) {
        ++Resolved;
        continue;
      }
      diag(Here, "model name '%0' (%1 at %2) names no %3 in this "
                 "translation unit%4")
          << E.Name << L.Origin << E.Pointer << kindNoun(E.Wanted)
          << (Found ? "; the name is " + withArticle(kindNoun(Found))
                    : std::string());
    }
    if (Resolved == Checked)
      diag(Here, "model '%0' (library '%1'): all %2 names resolve in this "
                 "translation unit")
          << L.Origin << L.Library << Checked;
    else
      diag(Here, "model '%0' (library '%1'): %2 of %3 names resolve in this "
                 "translation unit")
          << L.Origin << L.Library << Resolved << Checked;
  }
}

namespace {
/// Keeps the diagnostic out of the "cancel" module: `cancel-*` must not
/// enable a report about models.
class ModelNamesModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<ModelNamesCheck>("cancellint-model-names");
  }
};
} // namespace

} // namespace cancellint

// Registration by static initialiser, as for the "cancel" module.
static clang::tidy::ClangTidyModuleRegistry::Add<cancellint::ModelNamesModule>
    ModelNamesRegistration( // NOLINT(bugprone-throwing-static-initialization)
        "cancellint-model-names-module",
        "Diagnoses cancellation model names that resolve to no declaration.");
