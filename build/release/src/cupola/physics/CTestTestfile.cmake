# CMake generated Testfile for 
# Source directory: /work/main/src/cupola/physics
# Build directory: /work/main/build/release/src/cupola/physics
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/main/build/release/src/cupola/physics/physics_test[1]_include.cmake")
