# Runs `blackstart validate INPUT` and checks: exit code 1, stderr equal to the EXPECT file.
execute_process(COMMAND ${CLI} validate ${INPUT} RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_VARIABLE out)
file(READ ${EXPECT} expected)
if(NOT code EQUAL 1)
  message(FATAL_ERROR "expected exit code 1, got '${code}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT err STREQUAL expected)
  message(FATAL_ERROR "diagnostics differ.\n--- expected\n${expected}--- got\n${err}")
endif()
