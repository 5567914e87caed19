//===--- RuleCatalog.h - What each check is, for reports -----------------===//
#ifndef CANCELLINT_TOOL_REPORT_RULECATALOG_H
#define CANCELLINT_TOOL_REPORT_RULECATALOG_H

#include "EmbeddedFile.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace cancellint::tool {

/// docs/checks/*.md, embedded at build time: SARIF rules carry the same
/// help text the docs show.
llvm::ArrayRef<EmbeddedFile> checkDocs();

struct Rule {
  llvm::StringRef Id;        ///< "cancel-lost-handle"
  llvm::StringRef Name;      ///< "LostHandle"
  llvm::StringRef Short;     ///< one sentence
  llvm::StringRef Full;      ///< a paragraph
};

/// Every cancel-* check, sorted by id.
llvm::ArrayRef<Rule> rules();

/// The docs page of \p Id as markdown; empty when there is none.
llvm::StringRef ruleHelpMarkdown(llvm::StringRef Id);

/// Where the docs page of \p Id is published.
std::string ruleHelpUri(llvm::StringRef Id);

} // namespace cancellint::tool

#endif
