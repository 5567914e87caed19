//===--- UnitAnalyses.cpp - What all checks of a unit share --------------===//
#include "UnitAnalyses.h"

#include "llvm/ADT/DenseMap.h"
#include <mutex>

namespace cancellint::analysis {

std::shared_ptr<UnitAnalyses> UnitAnalyses::of(const clang::ASTContext &Ctx) {
  // Weak entries: the state dies with the last check holding it, and an
  // ASTContext allocated later at the same address gets a fresh one.
  static std::mutex Lock;
  static llvm::DenseMap<const clang::ASTContext *, std::weak_ptr<UnitAnalyses>>
      Units;
  std::scoped_lock Guard(Lock);
  std::weak_ptr<UnitAnalyses> &Slot = Units[&Ctx];
  std::shared_ptr<UnitAnalyses> State = Slot.lock();
  if (!State) {
    State = std::make_shared<UnitAnalyses>();
    Slot = State;
  }
  // Drop the entries of units that have ended, so the map stays small.
  for (auto It = Units.begin(); It != Units.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Units.erase(It);
    It = Next;
  }
  return State;
}

StopFlags &UnitAnalyses::stopFlags(const model::Model &M,
                                   clang::ASTContext &Ctx) {
  ModelState &State = ByModel[&M];
  if (!State.Flags) {
    State.Queries = std::make_unique<ModelQueries>(M);
    State.Flags = std::make_unique<StopFlags>(*State.Queries, Ctx);
  }
  return *State.Flags;
}

} // namespace cancellint::analysis
