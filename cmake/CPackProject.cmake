# Read by cpack when it runs (CPACK_PROJECT_CONFIG_FILE): the package takes
# the version the programs were built with (cmake/Version.cmake writes it on
# every build), not the one known when CMake configured.
if(EXISTS "${CPACK_CANCELLINT_VERSION_FILE}")
  file(STRINGS "${CPACK_CANCELLINT_VERSION_FILE}" version LIMIT_COUNT 1)
  set(CPACK_PACKAGE_VERSION "${version}")
  set(CPACK_DEBIAN_PACKAGE_VERSION "${version}")
else()
  message(FATAL_ERROR "cpack: ${CPACK_CANCELLINT_VERSION_FILE} is missing: build first (scripts/package does)")
endif()
