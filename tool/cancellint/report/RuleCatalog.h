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

/// Where the docs page of \p Id is: under CANCELLINT_DOCS_URL when the
/// build set one, else the page shipped with the tool (docsUri()); empty
/// when there is neither.
std::string ruleHelpUri(llvm::StringRef Id);

/// The docs/ folder: CANCELLINT_DOCS_URL when the build set one, else a
/// file: URI of the docs shipped with the tool, ending with '/': the
/// installed share/doc/cancellint next to the binary's bin/, else the
/// source tree the tool was built from. Empty when neither is there.
std::string docsUri();

} // namespace cancellint::tool

#endif
