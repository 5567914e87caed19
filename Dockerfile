# cancellint in a container image: Debian 12 with the cancellint package,
# stock clang-tidy-22 (for the plugin) and git (for --diff), for CI jobs
# that run in a container (docs/ci.md). Build the package first; the build
# context is the repository, of which only the package is sent
# (.dockerignore):
#
#   scripts/package
#   docker build -t cancellint .
#
# Not built by the test suite: its machines have no container engine. The
# package it installs is tested there (test/package/deb.test).
FROM debian:12

COPY build/package/cancellint_*_amd64.deb /tmp/
# apt resolves the package's dependencies (LLVM/Clang 22 and the libraries
# it links) from Debian 12's archive, as on any Debian 12 machine.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      /tmp/cancellint_*_amd64.deb clang-tidy-22 git ca-certificates \
 && rm -rf /var/lib/apt/lists/* /tmp/cancellint_*_amd64.deb \
 && cancellint --version

# The analysed project is mounted here (GitHub Actions and GitLab CI set
# their own working directory).
WORKDIR /src
CMD ["cancellint", "--help"]
