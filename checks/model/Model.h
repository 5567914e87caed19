//===--- Model.h - The cancellation model, merged and indexed ----*- C++ -*-===//
//
// What cancellint knows about cancellation APIs. Every entry comes from a
// model document (cancellint-model/1), built-in or the user's; checks ask
// questions by the fully qualified name of a declaration, never by spelling.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_MODEL_MODEL_H
#define CANCELLINT_MODEL_MODEL_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace cancellint::model {

/// How long a token may live: `Request` tokens belong to one request or
/// operation and must not be kept in long-lived places.
enum class TokenScope { Request, Any };

struct TokenSpec {
  std::string Type;
  TokenScope Scope = TokenScope::Any;
  std::vector<std::string> DoneChecks;
  /// A default-constructed value can never be cancelled (std::stop_token{}).
  bool DefaultConstructedIsRoot = false;
  std::string Library;
};

struct SourceSpec {
  std::string Type;
  std::string TokenGetter; ///< Member handing out tokens; may be empty.
  std::string Cancel;      ///< Member triggering cancellation; may be empty.
  std::string Library;
};

/// Where the cancel handle of a derived token is found.
struct CancelHandleLocation {
  enum Kind { None, SecondOfResult, Result, OutArg } Where = None;
  unsigned ArgIndex = 0; ///< For OutArg.
};

struct DeriveSpec {
  std::string Function;
  unsigned ParentArg = 0;
  CancelHandleLocation Cancel;
  std::string Library;
};

struct BlockingSpec {
  std::string Function;
  std::string Alternative;
  std::string Library;
};

struct TokenVariantSpec {
  std::string Function;
  std::string Alternative;
  std::string Library;
};

/// One model document as written: a library's knowledge.
struct LibraryModel {
  std::string Library;
  std::string Origin; ///< File path, or "<builtin>/<name>.json".
  std::vector<TokenSpec> Tokens;
  std::vector<SourceSpec> Sources;
  std::vector<std::string> Roots;
  std::vector<DeriveSpec> Derive;
  std::vector<std::string> Links;
  std::vector<std::string> Registrations;
  std::vector<std::string> DoneValues;
  std::vector<BlockingSpec> Blocking;
  std::vector<TokenVariantSpec> TokenVariants;
  std::vector<std::string> LongLivedTypes;
};

/// Several library models merged into one set of lookups. Names are fully
/// qualified without a leading "::", inline namespaces or template arguments
/// ("std::stop_callback::stop_callback", "grpc::StatusCode::CANCELLED").
class Model {
public:
  void add(LibraryModel Library);

  const TokenSpec *token(llvm::StringRef QualifiedName) const;
  const SourceSpec *source(llvm::StringRef QualifiedName) const;
  const DeriveSpec *derivation(llvm::StringRef QualifiedFunction) const;
  const BlockingSpec *blocking(llvm::StringRef QualifiedFunction) const;
  const TokenVariantSpec *tokenVariant(llvm::StringRef QualifiedFunction) const;
  bool isRoot(llvm::StringRef QualifiedFunction) const;
  bool isLink(llvm::StringRef QualifiedFunction) const;
  bool isRegistration(llvm::StringRef QualifiedType) const;
  bool isDoneValue(llvm::StringRef QualifiedName) const;
  bool isLongLived(llvm::StringRef QualifiedType) const;

  const std::vector<LibraryModel> &libraries() const { return Libraries; }

private:
  std::vector<LibraryModel> Libraries;
  // Indexes point into Libraries; rebuilt after every add().
  llvm::StringMap<const TokenSpec *> Tokens;
  llvm::StringMap<const SourceSpec *> Sources;
  llvm::StringMap<const DeriveSpec *> Derivations;
  llvm::StringMap<const BlockingSpec *> BlockingCalls;
  llvm::StringMap<const TokenVariantSpec *> TokenVariants;
  llvm::StringMap<char> Roots, Links, Registrations, DoneValues, LongLived;

  void reindex();
};

} // namespace cancellint::model

#endif
