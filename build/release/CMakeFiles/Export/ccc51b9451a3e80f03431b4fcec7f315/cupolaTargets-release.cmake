#----------------------------------------------------------------
# Generated CMake target import file for configuration "Release".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "cupola::core" for configuration "Release"
set_property(TARGET cupola::core APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::core PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_core.a"
  )

list(APPEND _cmake_import_check_targets cupola::core )
list(APPEND _cmake_import_check_files_for_cupola::core "${_IMPORT_PREFIX}/lib/libcupola_core.a" )

# Import target "cupola::geo" for configuration "Release"
set_property(TARGET cupola::geo APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::geo PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_geo.a"
  )

list(APPEND _cmake_import_check_targets cupola::geo )
list(APPEND _cmake_import_check_files_for_cupola::geo "${_IMPORT_PREFIX}/lib/libcupola_geo.a" )

# Import target "cupola::physics" for configuration "Release"
set_property(TARGET cupola::physics APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::physics PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_physics.a"
  )

list(APPEND _cmake_import_check_targets cupola::physics )
list(APPEND _cmake_import_check_files_for_cupola::physics "${_IMPORT_PREFIX}/lib/libcupola_physics.a" )

# Import target "cupola::scenario" for configuration "Release"
set_property(TARGET cupola::scenario APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::scenario PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_scenario.a"
  )

list(APPEND _cmake_import_check_targets cupola::scenario )
list(APPEND _cmake_import_check_files_for_cupola::scenario "${_IMPORT_PREFIX}/lib/libcupola_scenario.a" )

# Import target "cupola::sim" for configuration "Release"
set_property(TARGET cupola::sim APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::sim PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_sim.a"
  )

list(APPEND _cmake_import_check_targets cupola::sim )
list(APPEND _cmake_import_check_files_for_cupola::sim "${_IMPORT_PREFIX}/lib/libcupola_sim.a" )

# Import target "cupola::io" for configuration "Release"
set_property(TARGET cupola::io APPEND PROPERTY IMPORTED_CONFIGURATIONS RELEASE)
set_target_properties(cupola::io PROPERTIES
  IMPORTED_LINK_INTERFACE_LANGUAGES_RELEASE "CXX"
  IMPORTED_LOCATION_RELEASE "${_IMPORT_PREFIX}/lib/libcupola_io.a"
  )

list(APPEND _cmake_import_check_targets cupola::io )
list(APPEND _cmake_import_check_files_for_cupola::io "${_IMPORT_PREFIX}/lib/libcupola_io.a" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
