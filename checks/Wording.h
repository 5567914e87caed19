//===--- Wording.h - How the checks' messages name things -----------------===//
//
// Every check names tokens, callees, places and values the same way, so
// the phrases are built here, once. The message templates themselves stay
// beside their diag() calls, as in clang-tidy, where a reader of a check
// sees what it says.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_CHECKS_WORDING_H
#define CANCELLINT_CHECKS_WORDING_H

#include "analysis/BlockingCalls.h"
#include "analysis/ModelQueries.h"
#include "analysis/StopFlags.h"
#include "analysis/StoragePlaces.h"
#include "analysis/TokensInScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cancellint::wording {

/// 'S'.
std::string quoted(llvm::StringRef S);

/// "'A'", "'A' and 'B'", "'A', 'B' and 'C'": the model names of \p Values.
std::string quotedList(analysis::ModelQueries &Q,
                       llvm::ArrayRef<const clang::EnumConstantDecl *> Values);

/// \p E quoted as written when it is short, else \p Otherwise ("a value",
/// "the argument").
std::string quotedSpelling(const clang::Expr *E, const clang::ASTContext &Ctx,
                           llvm::StringRef Otherwise);

/// How \p Call's callee is named: 'read', the object of an operator call,
/// the class a construction builds, the callee as written in a template.
std::string quotedCallee(const clang::Expr *Call, const clang::ASTContext &Ctx);

/// The model's name for a blocking callee: the entry's own spelling, which
/// names the class the call is made on rather than an implementation base.
std::string blockingCalleeName(const analysis::BlockingCallee &B,
                               analysis::ModelQueries &Q);

/// A token a function holds: 'st', "the unnamed 'std::stop_token'
/// parameter", "the coroutine's 'folly::CancellationToken'".
std::string tokenName(const analysis::TokenInScope &H);

/// The call that asks \p H whether it is done: `st.stop_requested()`,
/// `ctx->IsCancelled()`; empty when the token has no done check or no name.
std::string doneCheckCall(const analysis::TokenInScope &H);

/// How a type holds a token: "", "a reference to ", "a pointer to "...
const char *holdingPhrase(analysis::Holding H);

/// A token a type holds: "a pointer to request-scoped 'grpc::ServerContext'".
std::string heldTokenPhrase(const analysis::HeldToken &T);

/// "global variable 'g_ctx'", "member 'ctx_' of 'Pool'".
std::string storagePlacePhrase(const analysis::StoragePlace &P);

/// What a flag is and why: "'m_shutdown' is treated as a stop flag:
/// '~raw_disk_io' sets it and then joins the thread".
std::string stopFlagReason(const analysis::StopFlag &F);

} // namespace cancellint::wording

#endif
