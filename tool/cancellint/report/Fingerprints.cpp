//===--- Fingerprints.cpp - Naming a finding across edits and runs -------===//
#include "report/Fingerprints.h"
#include "Files.h"
#include "report/Report.h"

#include "llvm/ADT/StringRef.h"
#include <cstdio>
#include <map>

namespace cancellint::tool {

static uint64_t fnv1a(llvm::StringRef Text, uint64_t Hash) {
  for (unsigned char C : Text) {
    Hash ^= C;
    Hash *= 1099511628211ULL;
  }
  return Hash;
}

void assignFingerprints(std::vector<Finding> &Findings,
                        const std::string &SourceRoot) {
  std::map<std::string, unsigned> Occurrences;
  for (Finding &F : Findings) {
    const std::string File = relativeTo(F.Where.File, SourceRoot);
    const llvm::StringRef Parts[] = {F.Check, File,
                                     llvm::StringRef(F.Where.LineText).trim(),
                                     F.Message};
    uint64_t H = 14695981039346656037ULL;
    for (llvm::StringRef Part : Parts)
      H = fnv1a(Part, fnv1a(llvm::StringRef("\0", 1), H));
    char Hex[17];
    std::snprintf(Hex, sizeof(Hex), "%016llx",
                  static_cast<unsigned long long>(H));
    F.Fingerprint = std::string(Hex) + ":" + std::to_string(++Occurrences[Hex]);
  }
}

} // namespace cancellint::tool
