//===--- Git.h - What git says about the analysed tree -------------------===//
#ifndef CANCELLINT_TOOL_INPUT_GIT_H
#define CANCELLINT_TOOL_INPUT_GIT_H

#include <optional>
#include <string>
#include <vector>

namespace cancellint::tool {

/// Runs git with \p Args in \p Directory; its stdout, or nullopt with
/// \p Error set (git's own message).
std::optional<std::string> git(const std::string &Directory,
                               const std::vector<std::string> &Args,
                               std::string &Error);

/// The revision a report was made from.
struct GitRevision {
  std::string Commit; ///< full hash of HEAD
  bool Dirty = false; ///< tracked files differ from HEAD
};

/// The revision checked out around \p Directory; nullopt outside a git
/// work tree, or without git.
std::optional<GitRevision> gitRevision(const std::string &Directory);

} // namespace cancellint::tool

#endif
