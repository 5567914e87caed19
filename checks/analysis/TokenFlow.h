//===--- TokenFlow.h - Where the tokens a function passes come from ------===//
//
// Inside one function: is this token-valued expression the token the
// function holds, something derived from it, a fresh root, a new local
// context, the token of a local source, or something else? And is a local
// source or context linked to the held token?
//
// One walk over the body collects calls (inner before outer), the
// definitions of local variables and how each local is used; answers are
// computed from those on demand and memoised, so the cost stays linear in
// the size of the function. Lambda bodies are other functions: only their
// captures are seen here.
//
// Provenance, from the model:
//   Held         a token the function holds (TokensInScope), or a copy of it
//   Derived      a model `derive[]` call on a held or derived token, or a
//                `links[]` call returning a token (merge) given one
//   Root         a `roots[]` call, a default-constructed token whose model
//                says `root: default-constructed` (never cancelled) or
//                `root: new-context` (a context of its own), a null
//                context pointer
//   Fresh        any other default-constructed (or `new`, make_unique) token
//                object: a new context, e.g. a plain grpc::ClientContext
//   LocalSource  the token a local source (`sources[]`) hands out
//   Foreign      a token from a data member or a global: not this request's
//   Unknown      anything else: call results, mixtures of the above
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_TOKENFLOW_H
#define CANCELLINT_ANALYSIS_TOKENFLOW_H

#include "TokensInScope.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>
#include <vector>

namespace cancellint::analysis {

struct Provenance {
  enum Kind : uint8_t {
    Unknown,
    Held,
    Derived,
    Root,
    Fresh,
    LocalSource,
    Foreign
  };
  /// How a Root came to be.
  enum RootKind : uint8_t {
    ModelRoot,
    DefaultConstructed, ///< model `root: default-constructed`: never cancelled
    NewContext,         ///< model `root: new-context`: cancelled only itself
    NullPointer
  };

  Kind What = Unknown;
  RootKind How = ModelRoot;
  /// Root and Fresh: the expression creating the token.
  const clang::Expr *Origin = nullptr;
  /// Fresh and LocalSource: the local object (context, pointer to it, or
  /// source). Root: the first local variable the root went through, if any.
  const clang::VarDecl *Local = nullptr;
  /// Root and Fresh: the token class created.
  const clang::CXXRecordDecl *Record = nullptr;
  /// Held and Derived: the held token it comes from, when known.
  const TokenInScope *From = nullptr;

  bool isHeldOrDerived() const { return What == Held || What == Derived; }
};

/// Whether a parameter of type \p T takes a token: by value, reference,
/// pointer or smart pointer (a container of tokens does not).
std::optional<HeldToken> tokenParameterType(ModelQueries &Queries,
                                            clang::QualType T);

/// Whether \p Call works on a token or source itself (copying, assigning,
/// comparing, swapping, asking it) rather than passing one on: operator
/// calls other than (), and members of token and source classes.
bool worksOnTokenItself(ModelQueries &Queries, const clang::Expr *Call);

/// An argument of a call that initialises a token parameter.
struct TokenArgument {
  const clang::Expr *Arg = nullptr; ///< CXXDefaultArgExpr when defaulted
  unsigned Index = 0;
  const clang::ParmVarDecl *Param = nullptr; ///< null when unresolved
  HeldToken Token;                           ///< what the parameter takes
};

/// How a local variable is used (one entry per reference to it).
struct LocalUse {
  enum Kind : uint8_t {
    Read,        ///< read, compared, copied into a temporary
    Member,      ///< object of a member call or access (x.f(), p->f(), *p)
    Assign,      ///< assigned to: a new definition
    Argument,    ///< passed to a call (see Call, Index)
    AddressArg,  ///< `&x` passed to a call (see Call, Index)
    CopyByRef,   ///< captured by reference by a lambda
    CopyByValue, ///< captured by copy or moved into a lambda capture
    Alias,       ///< copied or bound into another variable, `&x` stored
    Escape,      ///< returned, thrown, stored in an object or aggregate
  };
  const clang::DeclRefExpr *Ref = nullptr;
  Kind How = Read;
  const clang::Expr *Call = nullptr; ///< for Argument and AddressArg
  const clang::UnaryOperator *AddressOf = nullptr; ///< the `&x`, if any
  unsigned Index = 0;                              ///< parameter argument index
  bool ToTokenParameter = false; ///< the parameter holds a token
  bool ByReference = false;      ///< Alias: a reference to it, or &x
};

class TokenFlow {
public:
  TokenFlow(ModelQueries &Queries, TokensInScope &Holders,
            const clang::FunctionDecl *F);

  const clang::FunctionDecl *function() const { return F; }

  /// Calls and constructions in the body (and constructor initialisers),
  /// inner before outer, outside lambda bodies.
  llvm::ArrayRef<const clang::Expr *> calls() const { return Calls; }

  /// The arguments of \p Call that initialise token parameters, where the
  /// call passes a token on: calls on tokens and sources themselves (copies,
  /// comparisons, assignments) and operators other than () do not. For calls a
  /// template leaves unresolved, a parameter counts when every candidate
  /// has a token parameter there; for calls of a callable of dependent
  /// type, when the argument itself is a token.
  llvm::SmallVector<TokenArgument, 2> tokenArguments(const clang::Expr *Call);

  Provenance provenance(const clang::Expr *E);
  /// The provenance of the value of a local, parameter or binding.
  Provenance provenanceOf(const clang::ValueDecl *V);

  /// The locals and structured bindings of token type in scope at \p Call,
  /// innermost last (the held token may live on in one of them, converted:
  /// `auto ctx = from_grpc(*server_context)`).
  llvm::ArrayRef<const clang::ValueDecl *>
  tokenLocalsAt(const clang::Expr *Call) const;

  /// Whether the local object \p Local (a source, a context, a pointer to
  /// one) may be tied to the held token, so its tokens are not unrelated:
  ///   - a `links[]` call refers to both (stop_callback on the held token
  ///     that stops it, set_deadline(held->deadline()), merge);
  ///   - it is used under a condition that reads the held token
  ///     (`if (ctx.done()) src.request_stop();`);
  ///   - a lambda captures it and a held or derived token, or one call
  ///     passes both to token parameters (wiring we cannot follow);
  ///   - it escapes (stored, returned, aliased, passed to a parameter that
  ///     is not a token): what happens there is unknown.
  bool isLinked(const clang::VarDecl *Local);

  /// Whether the local source or context \p Local is, for certain, a child
  /// of the held token: built by a `links[]` constructor given it
  /// (`timer_handler h(token)`, `std::make_shared<timer_handler>(token)`),
  /// or handed with it to a `links[]` call.
  bool isChildOfHeld(const clang::VarDecl *Local);

  /// Whether the local \p Local is tied to the held token by the function's
  /// own wiring: a `links[]` call that refers to both, a lambda capturing
  /// both, or one call passing both to token parameters. Unlike isLinked,
  /// an escape does not count: what a root local escapes to is no link.
  bool isWiredToHeld(const clang::VarDecl *Local);

  /// Every reference to \p Local in the function, in source order.
  llvm::ArrayRef<LocalUse> usesOf(const clang::VarDecl *Local) const;

  /// The declaration statement of the local \p Local.
  const clang::DeclStmt *declarationOf(const clang::VarDecl *Local) const;

  /// Whether \p V is an automatic variable of this function.
  bool isLocal(const clang::ValueDecl *V) const;

private:
  struct LocalInfo {
    std::vector<const clang::Expr *> Definitions; ///< initialiser, assignments
    std::vector<LocalUse> Uses;
    const clang::DeclStmt *Declaration = nullptr;
    bool Guarded = false; ///< used under a condition reading a held token
    bool LinkedByCall = false;
    /// Tied to a held token by a links[] call or constructor, for certain.
    bool ChildOfHeld = false;
    std::optional<Provenance> Memo;
    bool InProgress = false;
    int CarriesHeld = -1; ///< memo of carriesHeld: -1 unknown, 0, 1
  };
  struct Guard {
    const clang::Expr *Condition;
    int Parent; ///< enclosing guard, -1 if none
    bool ReadsHeld = false;
  };

  ModelQueries &Queries;
  TokensInScope &Holders;
  const clang::FunctionDecl *F;
  clang::ASTContext &Ctx;

  std::vector<const clang::Expr *> Calls;
  std::vector<const clang::Expr *> LinkCalls;
  std::vector<const clang::LambdaExpr *> Lambdas;
  std::vector<Guard> Guards;
  /// Guard each use happened under, resolved after the walk.
  std::vector<std::pair<const clang::VarDecl *, int>> GuardedUses;
  llvm::DenseMap<const clang::VarDecl *, LocalInfo> Locals;
  bool LinksResolved = false;

  llvm::DenseMap<const clang::Expr *,
                 llvm::SmallVector<const clang::ValueDecl *, 2>>
      TokenLocalsAt;

  // The walk.
  llvm::SmallVector<const clang::Stmt *, 32> Parents;
  std::vector<const clang::ValueDecl *> ScopeTokenLocals;
  int CurrentGuard = -1;
  void walk(const clang::Stmt *S);
  void walkLambda(const clang::LambdaExpr *L);
  void recordUse(const clang::DeclRefExpr *Ref, const clang::VarDecl *V);
  void recordAssignment(const clang::Expr *Target, const clang::Expr *Value);
  void walkGuarded(const clang::Expr *Cond,
                   llvm::ArrayRef<const clang::Stmt *> Controlled,
                   const clang::Stmt *Owner);

  // Answers.
  Provenance of(const clang::Expr *E, unsigned Depth);
  Provenance ofCall(const clang::CallExpr *Call, unsigned Depth);
  Provenance ofConstruct(const clang::CXXConstructExpr *C, unsigned Depth);
  Provenance ofVariable(const clang::VarDecl *V, unsigned Depth);
  Provenance root(Provenance::RootKind How, const clang::Expr *Origin);
  Provenance defaultConstructed(const clang::Expr *E, clang::QualType T);
  Provenance held(const clang::ValueDecl *V);
  bool mayBeRebound(const LocalInfo &Info);
  bool isTokenParameter(const clang::Expr *Call, unsigned Index);
  /// Whether \p E reads a held token (directly or through locals copied
  /// from one); lambdas count through their captures.
  bool readsHeld(const clang::Expr *E);
  bool carriesHeld(const clang::VarDecl *V);
  /// Whether \p L captures a held or derived token.
  bool capturesToken(const clang::LambdaExpr *L);
  void collectLocals(const clang::Stmt *S,
                     llvm::SmallVectorImpl<const clang::VarDecl *> &Out);
  void resolveLinks();
  /// Whether \p V's initialiser is a links[] construction given a held
  /// token, directly or through std::make_shared / std::make_unique.
  bool linkedAtBirth(const clang::VarDecl *V);
  /// Whether \p E is `p->` or `*p` on a local smart pointer that
  /// std::make_shared or std::make_unique filled.
  bool ownerMadeHere(const clang::Expr *E) const;
};

} // namespace cancellint::analysis

#endif
