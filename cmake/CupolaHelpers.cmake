# cupola_add_module(name SOURCES ... DEPS ...)
# One static library per module, exported as cupola::<name>. Headers are
# included as "cupola/<module>/<file>.h" from src/.
function(cupola_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(cupola_${name} STATIC ${ARG_SOURCES})
  add_library(cupola::${name} ALIAS cupola_${name})
  set_target_properties(cupola_${name} PROPERTIES EXPORT_NAME ${name}
                        POSITION_INDEPENDENT_CODE ON)
  target_include_directories(cupola_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(cupola_${name} PUBLIC cxx_std_20)
  target_link_libraries(cupola_${name} PUBLIC ${ARG_DEPS})
  cupola_set_warnings(cupola_${name})
  install(TARGETS cupola_${name} EXPORT cupolaTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  if(CUPOLA_BUILD_TESTS AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/test)
    file(GLOB _tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/test/*_test.cpp)
    if(_tests)
      cupola_add_test(${name}_test SOURCES ${_tests} DEPS cupola::${name})
    endif()
  endif()
endfunction()

# cupola_add_test(name SOURCES ... DEPS ... [TIMEOUT seconds]): one GoogleTest
# executable, each TEST registered with CTest (TIMEOUT: each test's limit,
# for tests that must end quickly however the code under test behaves).
function(cupola_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    CUPOLA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" CUPOLA_BINARY_DIR="${PROJECT_BINARY_DIR}")
  cupola_set_warnings(${name})
  set(_properties)
  if(ARG_TIMEOUT)
    set(_properties PROPERTIES TIMEOUT ${ARG_TIMEOUT})
  endif()
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} ${_properties})
endfunction()

function(cupola_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 false positive on std::string concatenation (GCC bug 105329).
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CUPOLA_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
