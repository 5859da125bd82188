# CMake generated Testfile for 
# Source directory: /work/main
# Build directory: /work/main/build/release
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("src/cupola/core")
subdirs("src/cupola/geo")
subdirs("src/cupola/physics")
subdirs("src/cupola/scenario")
subdirs("src/cupola/sim")
subdirs("src/cupola/io")
subdirs("apps/cupola")
subdirs("bench")
subdirs("tests")
