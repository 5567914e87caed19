//===--- Wording.cpp - How the checks' messages name things ---------------===//
#include "Wording.h"
#include "analysis/CallArguments.h"
#include "analysis/DeclNames.h"
#include "analysis/SourceText.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace cancellint::wording {

std::string quoted(llvm::StringRef S) { return ("'" + S + "'").str(); }

std::string quotedList(analysis::ModelQueries &Q,
                       llvm::ArrayRef<const EnumConstantDecl *> Values) {
  std::string Out;
  for (size_t I = 0; I < Values.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Values.size() ? " and " : ", ";
    Out += quoted(Q.name(Values[I]));
  }
  return Out;
}

std::string quotedSpelling(const Expr *E, const ASTContext &Ctx,
                           llvm::StringRef Otherwise) {
  std::optional<std::string> Text = analysis::shortSpelling(E, Ctx);
  return Text ? quoted(*Text) : Otherwise.str();
}

std::string quotedCallee(const Expr *Call, const ASTContext &Ctx) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    return quotedSpelling(Op->getArg(0), Ctx, "the argument");
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return quoted(C->getConstructor()->getParent()->getName());
  if (const FunctionDecl *FD = analysis::calleeOf(Call))
    return quoted(FD->getNameAsString());
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    if (const auto *O = dyn_cast<OverloadExpr>(CE->getCallee()))
      return quoted(O->getName().getAsString());
    return quotedSpelling(CE->getCallee(), Ctx, "the argument");
  }
  return "the callee";
}

std::string blockingCalleeName(const analysis::BlockingCallee &B,
                               analysis::ModelQueries &Q) {
  if (B.Spec)
    return B.Spec->Function;
  const std::string Name = Q.name(B.Callee);
  return Name.empty() ? B.Callee->getNameAsString() : Name;
}

std::string tokenName(const analysis::TokenInScope &H) {
  if (H.Var && H.Var->getIdentifier())
    return quoted(H.Var->getName());
  if (H.Var)
    return "the unnamed " + quoted(H.Token.Spec->Type) + " parameter";
  return "the coroutine's " + quoted(H.Token.Spec->Type);
}

std::string doneCheckCall(const analysis::TokenInScope &H) {
  if (!H.Var || !H.Var->getIdentifier() || H.Token.Spec->DoneChecks.empty() ||
      H.Token.How == analysis::Holding::Element)
    return "";
  const bool Arrow = H.Token.How == analysis::Holding::Pointer ||
                     H.Token.How == analysis::Holding::SmartPointer;
  return H.Var->getName().str() + (Arrow ? "->" : ".") +
         H.Token.Spec->DoneChecks.front() + "()";
}

const char *holdingPhrase(analysis::Holding H) {
  switch (H) {
  case analysis::Holding::Value:
    return "";
  case analysis::Holding::Reference:
    return "a reference to ";
  case analysis::Holding::Pointer:
    return "a pointer to ";
  case analysis::Holding::SmartPointer:
    return "a smart pointer to ";
  case analysis::Holding::Element:
    return "an object holding ";
  }
  return "";
}

std::string heldTokenPhrase(const analysis::HeldToken &T) {
  return holdingPhrase(T.How) + ("request-scoped " + quoted(T.Spec->Type));
}

std::string storagePlacePhrase(const analysis::StoragePlace &P) {
  using analysis::StoragePlace;
  std::string Name = P.Decl ? P.Decl->getNameAsString() : "?";
  switch (P.What) {
  case StoragePlace::Local:
    return "local variable " + quoted(Name);
  case StoragePlace::Global:
    return "global variable " + quoted(Name);
  case StoragePlace::StaticLocal:
    return "static local variable " + quoted(Name);
  case StoragePlace::StaticMember:
    return "static data member " +
           quoted(cast<VarDecl>(P.Decl)->getQualifiedNameAsString());
  case StoragePlace::ThreadLocal:
    return "thread_local variable " + quoted(Name);
  case StoragePlace::Field:
    return "member " + quoted(Name) + " of " +
           quoted(P.Owner ? P.Owner->getNameAsString() : "?");
  }
  return Name;
}

std::string stopFlagReason(const analysis::StopFlag &F) {
  std::string Out = quoted(F.Var->getNameAsString()) +
                    (F.Declared ? " is a stop flag (the model says so): "
                                : " is treated as a stop flag: ");
  if (const auto *MD = dyn_cast<CXXMethodDecl>(F.Setter);
      MD && MD->getParent()->isLambda())
    return Out + "a callback registered on a token sets it";
  Out += quoted(analysis::spelledName(F.Setter)) + " sets it here";
  if (!F.Signal)
    return Out;
  const SourceManager &SM = F.Setter->getASTContext().getSourceManager();
  const bool Before = SM.isBeforeInTranslationUnit(F.SetAt->getBeginLoc(),
                                                   F.Signal->getBeginLoc());
  if (F.SignalJoins)
    return Out +
           (Before ? " before joining the thread" : " and joins the thread");
  const std::string Callee = F.Signal->getDirectCallee()->getNameAsString();
  return Out + (Before ? " before calling " : " and calls ") + quoted(Callee);
}

} // namespace cancellint::wording
