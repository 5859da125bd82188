# CMake generated Testfile for 
# Source directory: /work/main/src/cupola/geo
# Build directory: /work/main/build/release/src/cupola/geo
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/main/build/release/src/cupola/geo/geo_test[1]_include.cmake")
