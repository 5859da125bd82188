// tests/cli_fixture.h -- the command-line program run as a user runs it, in a
// scratch folder of its own per test. Shared by the whole-program tests
// (cli_test, cli_outputs_test, cli_limits_test, cli_set_test).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cupola_test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out, err;
};

inline std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A file of the source tree.
inline std::string Source(const std::string& relative) { return std::string(CUPOLA_SOURCE_DIR) + "/" + relative; }

class CliFixture : public ::testing::Test {
 public:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("cupola_cli_" + std::to_string(::getpid()) + "_" + test->test_suite_name() + "_" + test->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::remove_all(dir_);
    for (const char* extension : {".sh", ".out", ".err"}) fs::remove(dir_.string() + extension);
  }
  // Empty test body: the fixture is also used as a plain object by helpers.
  void TestBody() override {}

  const fs::path& dir() const { return dir_; }

  /// Runs a bash command line in the scratch folder, where `cupola` is the
  /// binary under test. The script and what it prints live beside the folder,
  /// not in it, so a test sees only what cupola wrote there.
  Result Shell(const std::string& line) const {
    const std::string base = dir_.string();
    std::ofstream(base + ".sh") << "cd '" << base << "' || exit 99\ncupola() { '" << CUPOLA_EXE << "' \"$@\"; }\n"
                                << run_prefix_ << line << "\n";
    const int status =
        std::system(("bash '" + base + ".sh' > '" + base + ".out' 2> '" + base + ".err' < /dev/null").c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(base + ".out");
    r.err = Slurp(base + ".err");
    return r;
  }
  /// Runs `cupola <args>`, after `env` (shell words: VAR=value ...).
  Result Cupola(const std::string& args, const std::string& env = "") const { return Shell(env + " cupola " + args); }

  /// Writes `text` to `name` in the scratch folder; returns its path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }

  static std::string Source(const std::string& relative) { return cupola_test::Source(relative); }

 protected:
  std::string run_prefix_;  // shell words before every command (cli_limits_test: a memory limit)
  fs::path dir_;
};

}  // namespace cupola_test
