//===--- DeclNames.h - The names models use for declarations -------------===//
#ifndef CANCELLINT_ANALYSIS_DECLNAMES_H
#define CANCELLINT_ANALYSIS_DECLNAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include <string>

namespace cancellint::analysis {

/// The fully qualified name a model uses for \p D: no leading "::", inline
/// and anonymous namespaces skipped, no template arguments, constructors
/// named after their class ("std::stop_callback::stop_callback"). Empty for
/// declarations a model cannot name (local classes, lambdas).
std::string modelName(const clang::NamedDecl *D);

/// The name of \p D as its declaration spells it, unqualified: the
/// destructor of a class template is '~Pool' in the template and in every
/// instantiation, not '~Pool<T>'.
std::string spelledName(const clang::NamedDecl *D);

/// Enumerators of unscoped enums are named both with and without the enum
/// ("grpc::StatusCode::CANCELLED" and "grpc::CANCELLED"); models may use
/// either. Returns the second spelling, or empty when there is none.
std::string unscopedEnumeratorName(const clang::EnumConstantDecl *D);

/// The class \p T names, also while it is a dependent or still-to-be-deduced
/// specialization of a class template (`Base<T>`, or `std::stop_callback
/// cb(st, f)` inside a template). Null for other types.
const clang::CXXRecordDecl *recordNamedBy(clang::QualType T);

/// The class a construction that template code has not resolved names:
/// `std::thread([&] { ... })` (a lambda there makes the arguments
/// dependent), or, for a variable, `std::stop_callback cb(st, f)` (the
/// class template's arguments wait for deduction). Null when \p E, or the
/// initializer of \p V, is not such a construction. Instantiations resolve
/// it; a template as written needs this to see the same construction.
const clang::CXXRecordDecl *unresolvedConstructed(const clang::Expr *E);
const clang::CXXRecordDecl *unresolvedConstructed(const clang::VarDecl *V);

} // namespace cancellint::analysis

#endif
