//===--- Model.cpp - The cancellation model, merged and indexed -----------===//
#include "Model.h"
#include "ModelSchema.h"

#include "llvm/ADT/STLExtras.h"

namespace cancellint::model {

void Model::add(LibraryModel Library) {
  Libraries.push_back(std::move(Library));
  reindex();
}

void Model::reindex() {
  Entries = {};
  NameLists.clear();
  for (const LibraryModel &L : Libraries)
    schema::Schema<LibraryModel>::rows([&](auto List, const schema::Key &) {
      using Member = schema::MemberType<decltype(List)>;
      if constexpr (std::is_same_v<Member, std::vector<std::string>>) {
        auto It = llvm::find_if(
            NameLists, [&](const auto &Names) { return Names.first == List; });
        if (It == NameLists.end())
          It = NameLists.insert(It, {List, {}});
        for (const std::string &N : L.*List)
          It->second.insert(N);
      } else if constexpr (schema::HoldsEntries<Member>) {
        using Spec = typename Member::value_type;
        // Later documents win: a user's model may refine a built-in entry.
        for (const Spec &S : L.*List)
          std::get<EntryIndex<Spec>>(Entries)[schema::keyOf(S)] = &S;
      }
    });
}

bool Model::listed(NameList List, llvm::StringRef Name) const {
  for (const auto &[L, Names] : NameLists)
    if (L == List)
      return Names.contains(Name);
  return false;
}

bool Model::anyListed(NameList List) const {
  for (const auto &[L, Names] : NameLists)
    if (L == List)
      return !Names.empty();
  return false;
}

} // namespace cancellint::model
