//===--- RuleCatalog.cpp - What each check is, for reports ---------------===//
#include "report/RuleCatalog.h"
#include "Files.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <vector>

namespace cancellint::tool {

static const Rule Rules[] = {
    {"cancel-blocking-call", "BlockingCall",
     "Blocking call that cannot observe the cancellation token in scope.",
     "A function that holds a cancellation token or request context calls "
     "something that blocks without observing it (sleep_for, "
     "condition_variable::wait, future::get, recv, ...), or loops without "
     "ever consulting it: cancelling the request does not stop the work."},
    {"cancel-lost-handle", "LostHandle",
     "Cancel handle leaked or dropped.",
     "A cancel function is not called on every path, a stop source is "
     "destroyed while its token still feeds running work, a stop callback "
     "registration dies at once, a jthread is detached without its stop "
     "source, a shared state is replaced while handles to it are out, or a "
     "token is taken from a source that is moved away: nothing can cancel "
     "the work any more, and resources tied to the context leak until it "
     "expires."},
    {"cancel-stored-context", "StoredContext",
     "Request context or token stored beyond its request.",
     "A request-scoped context or cancellation token is kept in a global, a "
     "static, a thread_local or a member of a long-lived object (service, "
     "pool, cache, registry). It outlives the request it belongs to: it "
     "dangles or applies one request's deadline and cancellation to "
     "another."},
    {"cancel-swallowed-done", "SwallowedDone",
     "Cancellation or deadline signal swallowed.",
     "A retry or poll loop treats CANCELLED, DEADLINE_EXCEEDED, "
     "operation_aborted or a closed channel like any other result and goes "
     "round again, a completion handler re-arms after being cancelled, or a "
     "stop request is noticed and ignored: the work never stops."},
    {"cancel-unforwarded-context", "UnforwardedContext",
     "Context or token not passed down.",
     "A function that holds a context or token calls down with a fresh root, "
     "an unlinked source, a token-less overload, or a gRPC ClientContext not "
     "derived from its ServerContext, or it discards the context it receives "
     "and still waits or calls down: the callee cannot see the caller's "
     "deadline or cancellation."},
};

llvm::ArrayRef<Rule> rules() { return Rules; }

llvm::StringRef ruleHelpMarkdown(llvm::StringRef Id) {
  for (const EmbeddedFile &Doc : checkDocs())
    if (Doc.Name == Id)
      return Doc.Text;
  return "";
}

std::string docsUri() {
  static const std::string Uri = [] {
    llvm::StringRef Published = CANCELLINT_DOCS_URL;
    if (!Published.empty())
      return Published.rtrim('/').str() + "/";
    std::vector<std::string> Candidates;
    std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    if (!Self.empty()) {
      llvm::SmallString<256> Installed(llvm::sys::path::parent_path(
          llvm::sys::path::parent_path(Self)));
      llvm::sys::path::append(Installed, "share", "doc", "cancellint");
      Candidates.push_back(std::string(Installed));
    }
    Candidates.emplace_back(CANCELLINT_SOURCE_DOCS);
    for (const std::string &Dir : Candidates) {
      llvm::SmallString<256> Checks(Dir);
      llvm::sys::path::append(Checks, "checks");
      if (llvm::sys::fs::is_directory(Checks))
        return fileUri(Dir) + "/";
    }
    return std::string();
  }();
  return Uri;
}

std::string ruleHelpUri(llvm::StringRef Id) {
  std::string Docs = docsUri();
  return Docs.empty() ? "" : Docs + "checks/" + Id.str() + ".md";
}

} // namespace cancellint::tool
