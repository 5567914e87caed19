//===--- ModelQueries.h - Asking the model about AST nodes ---------------===//
//
// The bridge between clang's AST and the cancellation model: "is this type a
// token, or does it hold one?", "is this call a root?". Answers are memoised
// per declaration and type, so checks can ask from hot matchers.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_MODELQUERIES_H
#define CANCELLINT_ANALYSIS_MODELQUERIES_H

#include "../model/Model.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace cancellint::analysis {

/// How a type holds a token.
enum class Holding {
  Value,        ///< the token itself
  Reference,    ///< T& / T&&
  Pointer,      ///< T*
  SmartPointer, ///< unique_ptr<T>, shared_ptr<T>, weak_ptr<T>
  Element,      ///< a container, optional, variant, pair... holding one
};

struct HeldToken {
  const model::TokenSpec *Spec = nullptr;
  const clang::CXXRecordDecl *Record = nullptr; ///< the token class itself
  Holding How = Holding::Value;
};

class ModelQueries {
public:
  explicit ModelQueries(const model::Model &M) : M(M) {}

  const model::Model &model() const { return M; }

  /// The model name of \p D, memoised.
  const std::string &name(const clang::NamedDecl *D);

  /// The token spec of \p RD or of one of its bases.
  const model::TokenSpec *tokenOfRecord(const clang::CXXRecordDecl *RD);
  /// The source spec of \p RD or of one of its bases.
  const model::SourceSpec *sourceOfRecord(const clang::CXXRecordDecl *RD);

  /// The token \p T is or holds, looking through references, pointers,
  /// smart pointers and the type arguments of class templates (containers,
  /// optional, variant). Function types are not looked into: a callback
  /// taking a context does not hold one.
  std::optional<HeldToken> tokenHeldBy(clang::QualType T);

  /// The source \p T is or holds, looked for the same way as tokens.
  const model::SourceSpec *sourceHeldBy(clang::QualType T);

  /// Whether \p RD (or a base) is a model long_lived_types entry; \p Via is
  /// set to the model type that made it so.
  bool isLongLivedByModel(const clang::CXXRecordDecl *RD, std::string *Via);

  bool isRoot(const clang::FunctionDecl *FD);
  bool isLink(const clang::FunctionDecl *FD);
  /// Whether the call or construction \p Call is a links[] call. A template
  /// may leave one unresolved (a lambda argument is dependent there): then
  /// every candidate must be a link.
  bool isLinkCall(const clang::Expr *Call);
  /// Whether the initializer of \p V is a links[] construction that a
  /// template leaves unresolved (`std::stop_callback cb(st, [&] { ... })`);
  /// isLinkCall() answers for a resolved one.
  bool isLinkConstruction(const clang::VarDecl *V);
  const model::DeriveSpec *derivation(const clang::FunctionDecl *FD);
  const model::BlockingSpec *blocking(const clang::FunctionDecl *FD);
  /// The blocking entry of a call to \p FD made on an object of class
  /// \p Through. A method inherited from an implementation base
  /// (libstdc++'s std::__basic_future::wait) is also looked up under the
  /// class it is called on and the bases in between (std::future::wait).
  const model::BlockingSpec *blocking(const clang::FunctionDecl *FD,
                                      const clang::CXXRecordDecl *Through);
  const model::TokenVariantSpec *tokenVariant(const clang::FunctionDecl *FD);
  /// The spawns entry of \p FD: it starts work that can outlive the call.
  const model::SpawnSpec *spawn(const clang::FunctionDecl *FD);
  bool isRegistration(const clang::CXXRecordDecl *RD);
  bool isDoneValue(const clang::ValueDecl *VD);
  /// Whether \p FD is a done_checks member of a model token (or of a base
  /// of one): stop_requested(), IsCancelled(), isCancellationRequested().
  bool isDoneCheck(const clang::FunctionDecl *FD);
  /// Whether \p FD is a model async_operations entry.
  bool isAsyncOperation(const clang::FunctionDecl *FD);
  /// Whether \p RD, or one of its bases, is a model done_exceptions entry.
  bool isDoneException(const clang::CXXRecordDecl *RD);
  /// The lock_wrappers entry of the class template \p RD is made from.
  const model::LockWrapperSpec *lockWrapper(const clang::CXXRecordDecl *RD);
  /// Whether \p FD is a model event_loop_runs entry.
  bool isEventLoopRun(const clang::FunctionDecl *FD);
  /// Whether \p RD is a model error_code_types entry.
  bool isErrorCodeType(const clang::CXXRecordDecl *RD);
  /// The uncancellable_awaitables entry of \p RD or of one of its bases.
  const model::AwaitableSpec *
  uncancellableAwaitable(const clang::CXXRecordDecl *RD);

private:
  const model::Model &M;
  llvm::DenseMap<const clang::NamedDecl *, std::string> Names;
  llvm::DenseMap<const clang::Type *, std::optional<HeldToken>> TokenOfType;
  llvm::DenseMap<const clang::Type *, const model::SourceSpec *> HeldSources;

  /// Functions are looked up by their template pattern and, for methods,
  /// also by the methods they override.
  const clang::FunctionDecl *pattern(const clang::FunctionDecl *FD);
  struct HeldRecord {
    const clang::CXXRecordDecl *Record;
    Holding How;
  };
  /// The first record inside \p T (see tokenHeldBy) for which \p Matches.
  std::optional<HeldRecord>
  findHeldRecord(clang::QualType T, unsigned Depth,
                 llvm::function_ref<bool(const clang::CXXRecordDecl *)> Matches);

  template <typename Lookup>
  auto findForRecordOrBases(const clang::CXXRecordDecl *RD, Lookup L)
      -> decltype(L(RD));
};

} // namespace cancellint::analysis

#endif
