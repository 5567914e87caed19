# cancellint_embed_files(OUTPUT DIR PATTERN HEADER NAMESPACE FUNCTION):
# a build rule that regenerates OUTPUT whenever a matching file changes.
function(cancellint_embed_files output dir pattern header namespace function)
  file(GLOB inputs CONFIGURE_DEPENDS "${dir}/${pattern}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DPATTERN=${pattern} -DOUTPUT=${output}
            -DHEADER=${header} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${pattern} from ${dir}")
endfunction()
