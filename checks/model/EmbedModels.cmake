# Writes OUTPUT: a C++ file holding every *.json of MODEL_DIR as a string.
# Run at build time so that editing a model rebuilds the tools.
file(GLOB models "${MODEL_DIR}/*.json")
list(SORT models)
set(body "")
foreach(model ${models})
  get_filename_component(name "${model}" NAME_WE)
  file(READ "${model}" text)
  string(APPEND body "    {\"${name}\", R\"cancellint_model(${text})cancellint_model\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from checks/model/builtin/*.json by EmbedModels.cmake.\n"
"#include \"BuiltinModels.h\"\n"
"namespace cancellint::model {\n"
"llvm::ArrayRef<BuiltinModelText> builtinModels() {\n"
"  static const BuiltinModelText Models[] = {\n${body}  };\n"
"  return Models;\n}\n} // namespace cancellint::model\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
