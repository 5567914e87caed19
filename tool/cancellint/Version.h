//===--- Version.h - cancellint's version --------------------------------===//
//
// One version for `--version`, the SARIF and JSON reports, the HTML report,
// the result cache and the Debian package: project(VERSION) in the top
// CMakeLists.txt, plus the git revision when built from a checkout. The
// definition is generated at build time by cmake/Version.cmake.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELLINT_TOOL_VERSION_H
#define CANCELLINT_TOOL_VERSION_H

namespace cancellint::tool {

/// "0.1.0", or "0.1.0+git.<commits>.g<hash>[.dirty]" from a git checkout.
const char *version();

} // namespace cancellint::tool

#endif
