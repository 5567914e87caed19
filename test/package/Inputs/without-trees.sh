#!/bin/sh
# without-trees.sh SOURCE_ROOT BUILD_DIR COMMAND [ARG...]
# Runs COMMAND with cancellint's programs, libraries, generated files,
# sources, docs and scripts hidden behind empty directories (a private mount
# namespace; the rest of the system is as it was), to show that installed
# files need neither the source tree nor the build tree. Only the wrapper
# that runs stock clang-tidy with the ASan runtime (a build of
# scripts/test --sanitize) stays in BUILD_DIR/bin.
set -eu
src="$1" build="$2"
shift 2
exec unshare --mount -- sh -c '
  set -e
  src="$1" build="$2"
  shift 2
  wrapper="$build/bin/clang-tidy-sanitized"
  kept=""
  if [ -f "$wrapper" ]; then kept="$(cat "$wrapper")"; fi
  for dir in "$src/checks" "$src/tool" "$src/docs" "$src/scripts" "$src/cmake" \
             "$src/ci" "$src/bazel" "$build/bin" "$build/lib" "$build/checks" \
             "$build/tool"; do
    if [ -d "$dir" ]; then mount -t tmpfs -o size=64k cancellint-hidden "$dir"; fi
  done
  if [ -n "$kept" ]; then
    printf "%s\n" "$kept" >"$wrapper"
    chmod +x "$wrapper"
  fi
  exec "$@"' sh "$src" "$build" "$@"
