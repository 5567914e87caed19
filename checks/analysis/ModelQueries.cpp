//===--- ModelQueries.cpp - Asking the model about AST nodes -------------===//
#include "ModelQueries.h"
#include "CallArguments.h"
#include "DeclNames.h"
#include "Limits.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace cancellint::analysis {

const std::string &ModelQueries::name(const NamedDecl *D) {
  auto [It, Inserted] = Names.try_emplace(D);
  if (Inserted)
    It->second = modelName(D);
  return It->second;
}

template <typename Lookup>
auto ModelQueries::findForRecordOrBases(const CXXRecordDecl *RD, Lookup L)
    -> decltype(L(RD)) {
  if (!RD)
    return nullptr;
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  if (auto Found = L(RD))
    return Found;
  if (!RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
      if (auto Found = findForRecordOrBases(Base, L))
        return Found;
  }
  return nullptr;
}

const model::TokenSpec *ModelQueries::tokenOfRecord(const CXXRecordDecl *RD) {
  return findForRecordOrBases(
      RD, [&](const CXXRecordDecl *R) { return M.token(name(R)); });
}

const model::SourceSpec *ModelQueries::sourceOfRecord(const CXXRecordDecl *RD) {
  return findForRecordOrBases(
      RD, [&](const CXXRecordDecl *R) { return M.source(name(R)); });
}

bool ModelQueries::isLongLivedByModel(const CXXRecordDecl *RD,
                                      std::string *Via) {
  const CXXRecordDecl *Found =
      findForRecordOrBases(RD, [&](const CXXRecordDecl *R) {
        return M.isLongLived(name(R)) ? R : nullptr;
      });
  if (Found && Via)
    *Via = name(Found);
  return Found != nullptr;
}

bool ModelQueries::isRegistration(const CXXRecordDecl *RD) {
  return RD && M.isRegistration(name(RD));
}

std::optional<HeldToken> ModelQueries::tokenHeldBy(QualType T) {
  if (T.isNull())
    return std::nullopt;
  const Type *Key = T.getCanonicalType().getTypePtr();
  auto It = TokenOfType.find(Key);
  if (It != TokenOfType.end())
    return It->second;
  std::optional<HeldToken> Result;
  if (auto Held = findHeldRecord(T, 0, [&](const CXXRecordDecl *RD) {
        return tokenOfRecord(RD) != nullptr;
      }))
    Result = HeldToken{tokenOfRecord(Held->Record), Held->Record, Held->How};
  TokenOfType[Key] = Result;
  return Result;
}

const model::SourceSpec *ModelQueries::sourceHeldBy(QualType T) {
  if (T.isNull())
    return nullptr;
  const Type *Key = T.getCanonicalType().getTypePtr();
  auto [It, Inserted] = HeldSources.try_emplace(Key, nullptr);
  if (!Inserted)
    return It->second;
  const model::SourceSpec *Result = nullptr;
  if (auto Held = findHeldRecord(T, 0, [&](const CXXRecordDecl *RD) {
        return sourceOfRecord(RD) != nullptr;
      }))
    Result = sourceOfRecord(Held->Record);
  HeldSources[Key] = Result;
  return Result;
}

static bool isSmartPointer(llvm::StringRef Name) {
  return Name == "std::unique_ptr" || Name == "std::shared_ptr" ||
         Name == "std::weak_ptr" || Name == "boost::shared_ptr" ||
         Name == "boost::intrusive_ptr";
}

std::optional<ModelQueries::HeldRecord> ModelQueries::findHeldRecord(
    QualType T, unsigned Depth,
    llvm::function_ref<bool(const CXXRecordDecl *)> Matches) {
  if (Depth > limits::MaxHolderNesting || T.isNull())
    return std::nullopt;
  T = T.getCanonicalType();
  // Wrapping a plain value names how; wrapping a wrapper is just "holding".
  auto Wrap = [](std::optional<HeldRecord> Inner, Holding How) {
    if (Inner)
      Inner->How = Inner->How == Holding::Value ? How : Holding::Element;
    return Inner;
  };
  if (const auto *Ref = T->getAs<ReferenceType>())
    return Wrap(findHeldRecord(Ref->getPointeeType(), Depth + 1, Matches),
                Holding::Reference);
  if (const auto *Ptr = T->getAs<PointerType>())
    return Wrap(findHeldRecord(Ptr->getPointeeType(), Depth + 1, Matches),
                Holding::Pointer);
  if (const auto *Arr = T->getAsArrayTypeUnsafe())
    return Wrap(findHeldRecord(Arr->getElementType(), Depth + 1, Matches),
                Holding::Element);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  if (Matches(RD))
    return HeldRecord{RD, Holding::Value};
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return std::nullopt;
  Holding How =
      isSmartPointer(name(Spec)) ? Holding::SmartPointer : Holding::Element;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() != TemplateArgument::Type ||
        Arg.getAsType()->isFunctionType())
      continue;
    if (auto Inner = findHeldRecord(Arg.getAsType(), Depth + 1, Matches))
      return Wrap(Inner, How);
  }
  return std::nullopt;
}

const FunctionDecl *ModelQueries::pattern(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    return P;
  return FD;
}

template <typename Result, typename Lookup>
static Result lookupFunction(ModelQueries &Q, const FunctionDecl *FD,
                             Lookup L) {
  if (!FD)
    return Result{};
  if (Result R = L(Q.name(FD)))
    return R;
  // A model entry for a virtual method covers its overrides.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    for (const CXXMethodDecl *O : MD->overridden_methods())
      if (auto R = lookupFunction<Result>(Q, O, L))
        return R;
  return Result{};
}

bool ModelQueries::isRoot(const FunctionDecl *FD) {
  return lookupFunction<bool>(*this, pattern(FD),
                              [&](llvm::StringRef N) { return M.isRoot(N); });
}

bool ModelQueries::isLink(const FunctionDecl *FD) {
  return lookupFunction<bool>(*this, pattern(FD),
                              [&](llvm::StringRef N) { return M.isLink(N); });
}

/// Whether a constructor of \p Class is a links[] entry.
static bool constructsLink(ModelQueries &Q, const CXXRecordDecl *Class) {
  return Class && Class->hasDefinition() &&
         llvm::any_of(Class->ctors(),
                      [&](const CXXConstructorDecl *C) { return Q.isLink(C); });
}

bool ModelQueries::isLinkConstruction(const VarDecl *V) {
  return constructsLink(*this, unresolvedConstructed(V));
}

bool ModelQueries::isLinkCall(const Expr *Call) {
  if (isLink(calleeOf(Call)))
    return true;
  // `std::stop_callback(st, [&] { ... })` in a template.
  if (isa<CXXUnresolvedConstructExpr>(Call))
    return constructsLink(*this, unresolvedConstructed(Call));
  const llvm::SmallVector<const FunctionDecl *, 4> Candidates =
      unresolvedCandidates(Call);
  return !Candidates.empty() &&
         llvm::all_of(Candidates,
                      [&](const FunctionDecl *FD) { return isLink(FD); });
}

const model::DeriveSpec *ModelQueries::derivation(const FunctionDecl *FD) {
  return lookupFunction<const model::DeriveSpec *>(
      *this, pattern(FD), [&](llvm::StringRef N) { return M.derivation(N); });
}

const model::BlockingSpec *ModelQueries::blocking(const FunctionDecl *FD) {
  return lookupFunction<const model::BlockingSpec *>(
      *this, pattern(FD), [&](llvm::StringRef N) { return M.blocking(N); });
}

const model::BlockingSpec *
ModelQueries::blocking(const FunctionDecl *FD, const CXXRecordDecl *Through) {
  // The class the call is made on comes first: its entry names what the
  // user wrote (std::future::wait, not std::__basic_future::wait).
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD || !MD->getIdentifier() || !Through)
    return blocking(FD);
  const CXXRecordDecl *Declaring = MD->getParent();
  // Walk from the object's class towards the declaring class; a handful of
  // levels covers the standard libraries' implementation bases.
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{Through};
  for (unsigned Steps = 0; !Work.empty() && Steps < limits::MaxBaseDepth;
       ++Steps) {
    const CXXRecordDecl *RD = Work.pop_back_val();
    if (!RD || RD->getCanonicalDecl() == Declaring->getCanonicalDecl())
      continue;
    const std::string &Class = name(RD);
    if (!Class.empty())
      if (const model::BlockingSpec *S =
              M.blocking(Class + "::" + MD->getName().str()))
        return S;
    if (const CXXRecordDecl *Def = RD->getDefinition())
      for (const CXXBaseSpecifier &B : Def->bases())
        Work.push_back(B.getType()->getAsCXXRecordDecl());
  }
  return blocking(FD);
}

const model::TokenVariantSpec *
ModelQueries::tokenVariant(const FunctionDecl *FD) {
  return lookupFunction<const model::TokenVariantSpec *>(
      *this, pattern(FD), [&](llvm::StringRef N) { return M.tokenVariant(N); });
}

const model::SpawnSpec *ModelQueries::spawn(const FunctionDecl *FD) {
  return lookupFunction<const model::SpawnSpec *>(
      *this, pattern(FD), [&](llvm::StringRef N) { return M.spawn(N); });
}

bool ModelQueries::isDoneValue(const ValueDecl *VD) {
  if (!VD)
    return false;
  if (M.isDoneValue(name(VD)))
    return true;
  if (const auto *EC = dyn_cast<EnumConstantDecl>(VD)) {
    std::string Short = unscopedEnumeratorName(EC);
    return !Short.empty() && M.isDoneValue(Short);
  }
  return false;
}

bool ModelQueries::isDoneCheck(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(pattern(FD));
  if (!MD || !MD->getIdentifier())
    return false;
  const model::TokenSpec *Spec = tokenOfRecord(MD->getParent());
  return Spec && llvm::is_contained(Spec->DoneChecks, MD->getName());
}

bool ModelQueries::isAsyncOperation(const FunctionDecl *FD) {
  return lookupFunction<bool>(*this, pattern(FD), [&](llvm::StringRef N) {
    return M.isAsyncOperation(N);
  });
}

bool ModelQueries::isEventLoopRun(const FunctionDecl *FD) {
  return lookupFunction<bool>(*this, pattern(FD), [&](llvm::StringRef N) {
    return M.isEventLoopRun(N);
  });
}

bool ModelQueries::isDoneException(const CXXRecordDecl *RD) {
  return findForRecordOrBases(RD, [&](const CXXRecordDecl *R) {
           return M.isDoneException(name(R)) ? R : nullptr;
         }) != nullptr;
}

const model::LockWrapperSpec *
ModelQueries::lockWrapper(const CXXRecordDecl *RD) {
  return RD ? M.lockWrapper(name(RD)) : nullptr;
}

bool ModelQueries::isErrorCodeType(const CXXRecordDecl *RD) {
  return RD && M.isErrorCodeType(name(RD));
}

const model::AwaitableSpec *
ModelQueries::uncancellableAwaitable(const CXXRecordDecl *RD) {
  return findForRecordOrBases(RD, [&](const CXXRecordDecl *R) {
    return M.uncancellableAwaitable(name(R));
  });
}

} // namespace cancellint::analysis
