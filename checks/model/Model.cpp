//===--- Model.cpp - The cancellation model, merged and indexed -----------===//
#include "Model.h"

namespace cancellint::model {

void Model::add(LibraryModel Library) {
  Libraries.push_back(std::move(Library));
  reindex();
}

template <typename Spec>
static void indexSpecs(llvm::StringMap<const Spec *> &Index,
                       const std::vector<Spec> &Specs,
                       std::string Spec::*Key) {
  // Later documents win: a user's model may refine a built-in entry.
  for (const Spec &S : Specs)
    Index[S.*Key] = &S;
}

static void indexNames(llvm::StringMap<char> &Index,
                       const std::vector<std::string> &Names) {
  for (const std::string &N : Names)
    Index[N] = 1;
}

void Model::reindex() {
  Tokens.clear();
  Sources.clear();
  Derivations.clear();
  BlockingCalls.clear();
  TokenVariants.clear();
  Spawns.clear();
  Roots.clear();
  Links.clear();
  Registrations.clear();
  DoneValues.clear();
  LongLived.clear();
  NonblockingMarkers.clear();
  AsyncOperations.clear();
  DoneExceptions.clear();
  for (const LibraryModel &L : Libraries) {
    indexSpecs(Tokens, L.Tokens, &TokenSpec::Type);
    indexSpecs(Sources, L.Sources, &SourceSpec::Type);
    indexSpecs(Derivations, L.Derive, &DeriveSpec::Function);
    indexSpecs(BlockingCalls, L.Blocking, &BlockingSpec::Function);
    indexSpecs(TokenVariants, L.TokenVariants, &TokenVariantSpec::Function);
    indexSpecs(Spawns, L.Spawns, &SpawnSpec::Function);
    indexNames(Roots, L.Roots);
    indexNames(Links, L.Links);
    indexNames(Registrations, L.Registrations);
    indexNames(DoneValues, L.DoneValues);
    indexNames(LongLived, L.LongLivedTypes);
    indexNames(NonblockingMarkers, L.NonblockingMarkers);
    indexNames(AsyncOperations, L.AsyncOperations);
    indexNames(DoneExceptions, L.DoneExceptions);
  }
}

template <typename Spec>
static const Spec *find(const llvm::StringMap<const Spec *> &Index,
                        llvm::StringRef Name) {
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : It->second;
}

const TokenSpec *Model::token(llvm::StringRef N) const { return find(Tokens, N); }
const SourceSpec *Model::source(llvm::StringRef N) const { return find(Sources, N); }
const DeriveSpec *Model::derivation(llvm::StringRef N) const {
  return find(Derivations, N);
}
const BlockingSpec *Model::blocking(llvm::StringRef N) const {
  return find(BlockingCalls, N);
}
const TokenVariantSpec *Model::tokenVariant(llvm::StringRef N) const {
  return find(TokenVariants, N);
}
const SpawnSpec *Model::spawn(llvm::StringRef N) const {
  return find(Spawns, N);
}
bool Model::isRoot(llvm::StringRef N) const { return Roots.count(N); }
bool Model::isLink(llvm::StringRef N) const { return Links.count(N); }
bool Model::isRegistration(llvm::StringRef N) const {
  return Registrations.count(N);
}
bool Model::isDoneValue(llvm::StringRef N) const { return DoneValues.count(N); }
bool Model::isLongLived(llvm::StringRef N) const { return LongLived.count(N); }
bool Model::isNonblockingMarker(llvm::StringRef N) const {
  return NonblockingMarkers.count(N);
}
bool Model::isAsyncOperation(llvm::StringRef N) const {
  return AsyncOperations.count(N);
}
bool Model::isDoneException(llvm::StringRef N) const {
  return DoneExceptions.count(N);
}

} // namespace cancellint::model
