//===--- Spawns.h - Work that keeps running after its statement ----------===//
//
// A token handed to a detached thread, an executor task or an asynchronous
// operation is used after the statement that handed it over; a token passed
// to an ordinary call is used only during it. Model spawns[] entries name the
// functions and constructors that start such work (std::thread, asio::post,
// asio::bind_cancellation_slot, ...). Whether the work outlives the function
// that started it:
//   - not when the spawn is awaited (`co_await`): it finishes first;
//   - for entries with a `join` member (std::thread): not when the object is
//     a local that the function joins, or a temporary joined at once;
//   - otherwise it does.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_ANALYSIS_SPAWNS_H
#define CANCELLINT_ANALYSIS_SPAWNS_H

#include "ModelQueries.h"
#include "References.h"
#include "clang/AST/ASTContext.h"
#include <optional>

namespace cancellint::analysis {

struct SpawnSite {
  const clang::Expr *Spawn = nullptr; ///< the call or construction
  const model::SpawnSpec *Spec = nullptr;
};

/// The innermost spawn one of whose arguments contains \p S, looking out of
/// lambda bodies (a lambda passed to a spawn runs as its work).
std::optional<SpawnSite> enclosingSpawn(const clang::Stmt *S,
                                        ModelQueries &Queries,
                                        clang::ASTContext &Ctx);

/// Whether \p Ref is how a lambda passed to a spawn captures a variable by
/// reference (`std::thread([&source] {...})`): the work then uses the
/// variable itself, and outlives it if the work outlives the function.
bool isReferenceCaptureForSpawn(const clang::DeclRefExpr *Ref,
                                ModelQueries &Queries, clang::ASTContext &Ctx);

/// Whether the work started at \p Site may still run after the function
/// whose body is \p Body returns. \p Refs indexes that body. An object that
/// is not a plain local (pushed into a container, say) counts as joined when
/// the function joins any object of its class: `for (auto &t : threads)
/// t.join();`.
bool workOutlivesFunction(const SpawnSite &Site, const clang::Stmt *Body,
                          const DeclRefIndex &Refs, clang::ASTContext &Ctx);

} // namespace cancellint::analysis

#endif
