# What `cmake --install` puts under the prefix, beside the three targets
# (bin/cancellint, bin/cancellint-clangd, lib/cancellint/CancelTidyModule.so,
# each installed by its own CMakeLists.txt), and the Debian package that
# CPack makes of it (scripts/package).
#
# Nothing installed refers to the build or source tree: the built-in models
# and the check pages are compiled into the programs, and the only absolute
# path they keep is Clang's resource directory (CANCELLINT_CLANG_RESOURCE_DIR,
# from libclang-common-22-dev).

# The pages that the programs' help links name, under share/doc/cancellint.
set(CANCELLINT_DOC_DIR share/doc/cancellint)
install(FILES README.md DESTINATION ${CANCELLINT_DOC_DIR})
install(FILES docs/ci.md docs/editors.md docs/json.md docs/models.md
  docs/plugin.md docs/pre-commit.md docs/report.md DESTINATION ${CANCELLINT_DOC_DIR}/docs)
install(DIRECTORY docs/checks/ DESTINATION ${CANCELLINT_DOC_DIR}/docs/checks
  FILES_MATCHING PATTERN "*.md")
# The pre-commit hook, on PATH and ready to link as .git/hooks/pre-commit.
install(PROGRAMS scripts/pre-commit DESTINATION bin RENAME cancellint-pre-commit)
# The CI step that the GitHub Action and the GitLab template run, and the
# Bazel aspect, as a repository to point local_repository at.
install(PROGRAMS ci/run-cancellint DESTINATION share/cancellint/ci)
install(FILES ci/cancellint.gitlab-ci.yml DESTINATION share/cancellint/ci)
install(FILES bazel/BUILD.bazel bazel/WORKSPACE bazel/cancellint.bzl
  DESTINATION share/cancellint/bazel)

# --- The Debian package -----------------------------------------------------
# Its version is the programs' own (cmake/Version.cmake), read when cpack
# runs, so that a commit after configuring cannot make the two differ.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cancellint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_CANCELLINT_VERSION_FILE ${CANCELLINT_VERSION_FILE})
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackProject.cmake)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for cancellation misuse in C and C++")
set(CPACK_PACKAGE_DESCRIPTION
"cancellint finds cancel handles that leak, done signals that get swallowed,
request contexts kept too long or not passed down, and blocking calls that
cannot be cancelled. It knows std::stop_token and std::jthread, asio,
Boost.Asio, gRPC, Abseil, Boost.Fiber, folly, stdexec and libunifex.
.
This package has the standalone cancellint (text, JSON, SARIF and HTML
output, sharding, baselines, a result cache), cancellint-clangd (clangd 22
with the cancel-* checks), the plugin for clang-tidy-22
(/usr/lib/cancellint/CancelTidyModule.so) and a pre-commit hook.")
set(CANCELLINT_PACKAGE_MAINTAINER "cancellint maintainers <cancellint@localhost>"
  CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${CANCELLINT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # cancellint_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
if(CANCELLINT_DOCS_URL)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CANCELLINT_DOCS_URL}")
endif()
# The shared libraries the programs link (LLVM, Clang, gRPC, ...) become
# dependencies through dpkg-shlibdeps. What it cannot see is added here:
# Clang's resource directory (builtin headers such as <stddef.h>), which
# every Clang-based tool needs at run time; clang-tidy-22 and clangd-22
# depend on it the same way. The plugin needs stock clang-tidy-22 to load it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-22-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-22")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
