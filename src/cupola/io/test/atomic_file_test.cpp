#include "cupola/io/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cupola {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cupola_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  int Entries() const {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++n;
    return n;
  }
  fs::path dir_;
};

// A link planted where a new file goes -- to an existing file or to a name
// not yet there -- is never written through.
TEST_F(AtomicFileTest, NewFileRefusesAnythingAlreadyThere) {
  std::ofstream(dir_ / "victim") << "precious\n";
  fs::create_symlink(dir_ / "victim", dir_ / "link");
  fs::create_symlink(dir_ / "not_yet", dir_ / "dangling");
  EXPECT_THROW(WriteNewFile((dir_ / "link").string(), "x"), std::runtime_error);
  EXPECT_THROW(WriteNewFile((dir_ / "dangling").string(), "x"), std::runtime_error);
  EXPECT_THROW(WriteNewFile((dir_ / "victim").string(), "x"), std::runtime_error);
  EXPECT_EQ(Slurp(dir_ / "victim"), "precious\n");
  EXPECT_FALSE(fs::exists(dir_ / "not_yet"));
  WriteNewFile((dir_ / "fresh").string(), "new\n");
  EXPECT_EQ(Slurp(dir_ / "fresh"), "new\n");
}

// Mode 0644 less the umask, as any file a program creates.
TEST_F(AtomicFileTest, FilesGetTheUmasksMode) {
  const mode_t mask = ::umask(027);
  WriteNewFile((dir_ / "a").string(), "x");
  ::umask(mask);
  EXPECT_EQ(fs::status(dir_ / "a").permissions(), fs::perms(0640));
}

// The target replaced whole; a link at the target is replaced, not followed;
// no temporary is left behind.
TEST_F(AtomicFileTest, AtomicWriteReplacesAndLeavesNoTemporary) {
  std::ofstream(dir_ / "victim") << "precious\n";
  fs::create_symlink(dir_ / "victim", dir_ / "out.json");
  WriteFileAtomically((dir_ / "out.json").string(), "{}\n");
  EXPECT_EQ(Slurp(dir_ / "victim"), "precious\n");
  EXPECT_FALSE(fs::is_symlink(dir_ / "out.json"));
  EXPECT_EQ(Slurp(dir_ / "out.json"), "{}\n");
  WriteFileAtomically((dir_ / "out.json").string(), "{\"a\":1}\n");
  EXPECT_EQ(Slurp(dir_ / "out.json"), "{\"a\":1}\n");
  EXPECT_EQ(Entries(), 2);  // victim and out.json
  EXPECT_THROW(WriteFileAtomically((dir_ / "missing" / "b.txt").string(), "x"), std::runtime_error);
}

TEST(AtomicFile, RandomSuffixesDiffer) {
  const std::string a = RandomSuffix(), b = RandomSuffix();
  EXPECT_EQ(a.size(), 12u);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace cupola
