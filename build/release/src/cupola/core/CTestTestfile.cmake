# CMake generated Testfile for 
# Source directory: /work/main/src/cupola/core
# Build directory: /work/main/build/release/src/cupola/core
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/main/build/release/src/cupola/core/core_test[1]_include.cmake")
