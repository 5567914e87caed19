//===--- StoragePlaces.h - Where an assignment or insertion puts a value -===//
//
// "Is this stored somewhere that outlives the function?" is asked by several
// checks: cancel-stored-context (a request's context kept too long) and
// cancel-lost-handle (a handle stored away is no longer tracked).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_STORAGEPLACES_H
#define CANCELLINT_ANALYSIS_STORAGEPLACES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace cancellint::analysis {

struct StoragePlace {
  enum Kind {
    Local,        ///< automatic variable or parameter
    Global,       ///< namespace-scope variable
    StaticLocal,  ///< function-local static
    StaticMember, ///< static data member
    ThreadLocal,  ///< any thread_local variable
    Field,        ///< non-static data member of Owner
  } What = Local;
  const clang::ValueDecl *Decl = nullptr;       ///< variable or field
  const clang::CXXRecordDecl *Owner = nullptr;  ///< for Field
};

/// The storage kind of a variable declaration.
StoragePlace::Kind storageKindOf(const clang::VarDecl *VD);

/// Where writing through \p E lands: the variable or data member at the root
/// of E, looking through parentheses, casts, subscripts (built-in and
/// operator[]) and member accesses of sub-objects (x.a.b lands in x, or in
/// field b's owner when x is reached through `this`). None for temporaries
/// and values reached through pointers other than `this`.
std::optional<StoragePlace> storagePlaceOf(const clang::Expr *E);

/// Whether \p P lives as long as the program (or thread).
inline bool hasStaticLifetime(const StoragePlace &P) {
  return P.What == StoragePlace::Global || P.What == StoragePlace::StaticLocal ||
         P.What == StoragePlace::StaticMember ||
         P.What == StoragePlace::ThreadLocal;
}

} // namespace cancellint::analysis

#endif
