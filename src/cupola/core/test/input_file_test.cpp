#include "cupola/core/input_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cupola/core/error.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;

class InputFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cupola_input_file_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  fs::path dir_;
};

std::string ErrorOf(const std::string& path, std::size_t max_bytes) {
  try {
    ReadInputFile(path, "a test file", max_bytes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST_F(InputFile, ReadsAFileUpToTheLimit) {
  const std::string path = Write("ten.txt", "0123456789");
  EXPECT_EQ(ReadInputFile(path, "a test file", 10), "0123456789");
  EXPECT_EQ(ReadInputFile(path, "a test file"), "0123456789");
  EXPECT_EQ(ReadInputFile(Write("empty.txt", ""), "a test file", 10), "");
}

TEST_F(InputFile, ALongerFileStopsAtTheLimitWithItsPlace) {
  const std::string path = Write("long.txt", "line one\nline two\nline three\n");
  EXPECT_EQ(ErrorOf(path, 12), path + ":2:4: got a file of more than 12 bytes; expected at most 12 bytes (the input "
                                      "limit; set CUPOLA_MAX_INPUT_BYTES to raise it)");
}

TEST_F(InputFile, DevZeroAndAFifoStopAtTheLimit) {
  EXPECT_NE(ErrorOf("/dev/zero", 1000).find("/dev/zero:1:1001: got a file of more than 1000 bytes"), std::string::npos);
  const std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A writer that never stops; it ends when the reader closes the pipe (its
  // writes then fail instead of raising SIGPIPE).
  ::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    const std::string block(4096, 'y');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
  });
  EXPECT_NE(ErrorOf(fifo, 100000).find("got a file of more than 100000 bytes"), std::string::npos);
  writer.join();
}

TEST_F(InputFile, RefusesADirectoryAndAMissingFile) {
  EXPECT_EQ(ErrorOf(dir_.string(), 10), dir_.string() + ": got a directory; expected a test file");
  EXPECT_NE(ErrorOf((dir_ / "missing").string(), 10).find("got a file that cannot be opened"), std::string::npos);
}

TEST_F(InputFile, TheLimitComesFromTheEnvironment) {
  ::setenv("CUPOLA_MAX_INPUT_BYTES", "5", 1);
  EXPECT_EQ(MaxInputBytes(), 5u);
  EXPECT_THROW(ReadInputFile(Write("six.txt", "123456"), "a test file"), InputError);
  for (const char* bad : {"", "-1", "0", "5MiB", "99999999999999999999"}) {
    ::setenv("CUPOLA_MAX_INPUT_BYTES", bad, 1);
    EXPECT_THROW(MaxInputBytes(), InputError) << bad;
  }
  ::unsetenv("CUPOLA_MAX_INPUT_BYTES");
  EXPECT_EQ(MaxInputBytes(), kDefaultMaxInputBytes);
}

}  // namespace
}  // namespace cupola
