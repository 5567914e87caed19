# Debian's Clang 22 CMake export names gRPC and protobuf targets for clangd's
# remote index. They must exist before find_package(Clang); they really link
# only into cancellint-clangd.
foreach(lib grpc++ grpc gpr)
  find_library(CANCELLINT_${lib}_LIB NAMES ${lib} REQUIRED)
endforeach()
find_library(CANCELLINT_protobuf_LIB NAMES protobuf REQUIRED)

if(NOT TARGET gRPC::grpc++)
  add_library(gRPC::grpc++ INTERFACE IMPORTED)
  set_target_properties(gRPC::grpc++ PROPERTIES INTERFACE_LINK_LIBRARIES
    "${CANCELLINT_grpc++_LIB};${CANCELLINT_grpc_LIB};${CANCELLINT_gpr_LIB}")
endif()
if(NOT TARGET protobuf::libprotobuf)
  add_library(protobuf::libprotobuf INTERFACE IMPORTED)
  set_target_properties(protobuf::libprotobuf PROPERTIES INTERFACE_LINK_LIBRARIES
    "${CANCELLINT_protobuf_LIB}")
endif()

find_package(LLVM REQUIRED CONFIG HINTS ${LLVM_ROOT_DIR}/lib/cmake/llvm NO_DEFAULT_PATH)
find_package(Clang REQUIRED CONFIG HINTS ${LLVM_ROOT_DIR}/lib/cmake/clang NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "cancellint needs LLVM/Clang 22, found ${LLVM_PACKAGE_VERSION}")
endif()

include_directories(SYSTEM ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
add_definitions(${LLVM_DEFINITIONS})
set(CANCELLINT_CLANG_RESOURCE_DIR "${LLVM_ROOT_DIR}/lib/clang/${LLVM_VERSION_MAJOR}")
