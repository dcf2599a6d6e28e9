# Ranks controls over 2 MPI ranks and with 2 threads in one process; the tables must be equal.
set(ENV{OMPI_ALLOW_RUN_AS_ROOT} 1)
set(ENV{OMPI_ALLOW_RUN_AS_ROOT_CONFIRM} 1)
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${MPIEXEC} -np 2 --oversubscribe ${CLI} controls ${SCENARIO} --runs 60 --greedy 3
                        --threads 1 --seed 9 --out ${OUT}/mpi.csv -q
                RESULT_VARIABLE mpi_code OUTPUT_VARIABLE mpi_out ERROR_VARIABLE mpi_err)
if(NOT mpi_code EQUAL 0)
  message(FATAL_ERROR "mpirun failed (${mpi_code}):\n${mpi_out}\n${mpi_err}")
endif()
if(NOT mpi_out MATCHES "2 MPI ranks")
  message(FATAL_ERROR "the run did not use 2 ranks:\n${mpi_out}")
endif()
execute_process(COMMAND ${CLI} controls ${SCENARIO} --runs 60 --greedy 3 --threads 2 --seed 9
                        --out ${OUT}/threads.csv -q
                RESULT_VARIABLE code OUTPUT_QUIET)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "threaded controls ranking failed (${code})")
endif()
file(READ ${OUT}/mpi.csv a)
file(READ ${OUT}/threads.csv b)
if(NOT a STREQUAL b)
  message(FATAL_ERROR "the controls ranking differs between 2 MPI ranks and 2 threads")
endif()
