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
#include "analysis/Limits.h"
#include "model/ModelSchema.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cancellint {
namespace {

using model::schema::Class;
using model::schema::DeclKind;
using model::schema::Enumerator;
using model::schema::Function;
using model::schema::Macro;
using model::schema::Variable;

/// "class", "function", "enumerator or variable": what \p Kinds asks for.
std::string kindNoun(unsigned Kinds) {
  std::string Out;
  for (const auto &[Bit, Word] : model::schema::DeclKindWords)
    if (Kinds & Bit)
      Out += (Out.empty() ? "" : " or ") + std::string(Word);
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
                               unsigned Depth) {
    if (RD)
      RD = RD->getDefinition();
    if (!RD || Depth > analysis::limits::MaxBaseDepth)
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

using model::schema::Key;
using model::schema::Schema;

/// "std::future::get" -> "std::future"; empty for a free function.
std::string classOf(const std::string &Function) {
  const size_t Colons = Function.rfind("::");
  return Colons == std::string::npos ? std::string()
                                     : Function.substr(0, Colons);
}

/// The name at \p P, if its key names declarations. A member function name
/// is looked up in \p Owner, its entry's class; with none (`join` of a free
/// function) it is looked up as a function.
void addNames(std::vector<Entry> &Out, const std::string &P, const Key &K,
              const std::string &Name, const std::string &Owner) {
  using model::schema::Kind;
  if (!K.Declares || Name.empty())
    return;
  const bool IsMember = K.Is == Kind::Member || K.Is == Kind::Members;
  Out.push_back({P, Name, K.Declares, IsMember ? Owner : ""});
}

void addNames(std::vector<Entry> &Out, const std::string &P, const Key &K,
              const std::vector<std::string> &Names, const std::string &Owner) {
  // Members with no class to look in (not_blocking_after of a free
  // function) are not checked.
  if (K.Is == model::schema::Kind::Members && Owner.empty())
    return;
  for (size_t I = 0; I < Names.size(); ++I)
    addNames(Out, P + "/" + std::to_string(I), K, Names[I], Owner);
}

/// Values that name no declaration (flags, indexes, choices...).
template <typename T>
void addNames(std::vector<Entry> &, const std::string &, const Key &, const T &,
              const std::string &) {}

template <typename S>
void addFields(std::vector<Entry> &Out, const S &Object, const std::string &P);

template <typename S>
std::enable_if_t<Schema<S>::Described>
addNames(std::vector<Entry> &Out, const std::string &P, const Key &,
         const std::vector<S> &Entries, const std::string &) {
  for (size_t I = 0; I < Entries.size(); ++I)
    addFields(Out, Entries[I], P + "/" + std::to_string(I));
}

/// The names of \p Object, at \p P, in the order of its keys. The members
/// an entry names are members of its key, the first field: a class, or the
/// class of a member function ("std::future::get" -> "std::future").
template <typename S>
void addFields(std::vector<Entry> &Out, const S &Object, const std::string &P) {
  std::string Owner;
  bool AtKey = true;
  Schema<S>::rows([&](auto Field, const Key &K) {
    using Member = model::schema::MemberType<decltype(Field)>;
    if constexpr (std::is_same_v<Member, std::string>) {
      const std::string &Name = Object.*Field;
      if (AtKey)
        Owner = (K.Declares & Class) ? Name : classOf(Name);
    }
    if constexpr (!std::is_void_v<Member>)
      addNames(Out, P + "/" + K.Name, K, Object.*Field, Owner);
    AtKey = false;
  });
}

std::vector<Entry> entriesOf(const model::LibraryModel &L) {
  std::vector<Entry> Out;
  addFields(Out, L, "");
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
