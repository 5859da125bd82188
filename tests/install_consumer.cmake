# Script-mode test: cmake --install, then configure, build and run tests/consumer.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/cupola include/cupola/physics/ballistic.h share/cupola/scenarios/border_town_salvo.yaml
          lib/cmake/cupola/cupolaConfig.cmake)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "install is missing ${f}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build -G Ninja
                        -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer ${prefix}/share/cupola/scenarios/mortar_attack.yaml
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer says: ${out}")
if(rc OR NOT out MATCHES "6 threats")
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()
# The installed CLI finds its bundled default scenario without the source tree.
execute_process(COMMAND ${prefix}/bin/cupola run -q -o ${WORK_DIR}/out RESULT_VARIABLE rc)
if(rc OR NOT EXISTS ${WORK_DIR}/out/summary.json)
  message(FATAL_ERROR "the installed cupola run failed: ${rc}")
endif()
