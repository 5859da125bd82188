// Reading and writing WTA instances: good files, error locations, gzip.
#include "cupola/engagement/wta_io.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cupola/core/error.h"
#include "cupola/engagement/greedy.h"
#include "wta_test_util.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;
using testing_wta::Ints;
using testing_wta::Reals;

// The error's message, or "" if none was thrown.
template <typename F>
std::string ErrorOf(F&& read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const char* kText =
    "2 3 2\n"
    "10\n"
    "20.5\n"
    "\n"
    "30\n"
    "1 2 0.25\r\n"  // any order, CRLF and blank lines are fine
    "0 0 0.5\n"
    "0 1 0.1\n"
    "0 2 0\n"
    "1 0 1\n"
    "  1   1\t0.75  \n";

TEST(WtaText, ReadsAGoodInstance) {
  const WtaProblem p = ReadWtaText(kText, "t.txt");
  ASSERT_EQ(p.num_types(), 2);
  ASSERT_EQ(p.num_targets(), 3);
  EXPECT_EQ(p.weapons, Ints({2, 2}));
  EXPECT_EQ(p.value, Reals({10.0, 20.5, 30.0}));
  Eigen::MatrixXd expected(2, 3);
  expected << 0.5, 0.1, 0.0,  //
      1.0, 0.75, 0.25;
  EXPECT_EQ(p.kill_probability, expected);
  EXPECT_EQ(p.Validate(), "");
}

TEST(WtaText, ErrorsNameLineColumnAndKey) {
  EXPECT_EQ(
      ErrorOf([] { ReadWtaText("", "e.txt"); }),
      "e.txt:1: header: got an empty file; expected a header line 'm n mu' (weapon types, targets, weapons per type)");
  EXPECT_EQ(ErrorOf([] { ReadWtaText("2 x 1\n", "e.txt"); }),
            "e.txt:1:3: header.n (targets): got 'x'; expected an integer in [1, 1000000]");
  EXPECT_EQ(ErrorOf([] { ReadWtaText("1 2 1\n5\n-3\n", "e.txt"); }),
            "e.txt:3:1: values[1]: got '-3'; expected a number in [0, 1e+15]");
  EXPECT_EQ(ErrorOf([] { ReadWtaText("1 1 1\n5\n0 0 1.3\n", "e.txt"); }),
            "e.txt:3:5: kill_probability[0][0]: got '1.3'; expected a number in [0, 1]");
  EXPECT_EQ(ErrorOf([] { ReadWtaText("1 2 1\n5\n6\n0 1 0.5\n0 1 0.5\n", "e.txt"); }),
            "e.txt:5:1: kill_probability[0][1]: got a second line for type 0, target 1 (the first is line 4); "
            "expected each (i, j) pair exactly once");
  const std::string short_file = ErrorOf([] { ReadWtaText("1 2 1\n5\n6\n0 1 0.5\n", "e.txt"); });
  EXPECT_EQ(short_file.rfind(
                "e.txt:4: kill probability line 2 of 2: got the end of the file after 1 kill probability line;", 0),
            0u)
      << short_file;
  EXPECT_NE(
      ErrorOf([] { ReadWtaText("1 1 1\n5\n0 0 0.5\nextra\n", "e.txt"); }).find("e.txt:4:1: end of file: got 'extra'"),
      std::string::npos);
  EXPECT_NE(ErrorOf([] {
              ReadWtaText("1 1 1\n5\n0 3 0.5\n", "e.txt");
            }).find("e.txt:3:3: kill probability line 1 of 1: target j: got '3'; expected an integer in [0, 0]"),
            std::string::npos);
}

const char* kJson = R"({
  "name": "demo",
  "values": [10, 20.5, 30],
  "weapons": [2, 2],
  "kill_probability": [
    [0.5, 0.1, 0],
    [1, 0.75, 0.25]
  ]
})";

TEST(WtaJson, ReadsAGoodInstanceAndRoundTrips) {
  const WtaProblem p = ReadWtaJson(kJson, "j.json");
  const WtaProblem t = ReadWtaText(kText, "t.txt");
  EXPECT_EQ(p.name, "demo");
  EXPECT_EQ(p.value, t.value);
  EXPECT_EQ(p.kill_probability, t.kill_probability);
  EXPECT_EQ(p.weapons, t.weapons);
  // Written and read back: the same numbers, bit for bit.
  const WtaProblem r = RandomWtaProblem(6, 9, 3, 2);
  const WtaProblem back = ReadWtaJson(WtaProblemToJson(r), "r.json");
  EXPECT_EQ(back.value, r.value);
  EXPECT_EQ(back.kill_probability, r.kill_probability);
  EXPECT_EQ(back.weapons, r.weapons);
  EXPECT_EQ(back.name, r.name);
  // Caps are optional.
  const WtaProblem capped = ReadWtaJson(R"({"values": [1, 2], "weapons": [3], "kill_probability": [[0.5, 0.5]],
                                           "max_per_target": [1, 2]})",
                                        "c.json");
  EXPECT_EQ(capped.max_per_target, Ints({1, 2}));
  EXPECT_EQ(ReadWtaJson(WtaProblemToJson(capped), "c2.json").max_per_target, capped.max_per_target);
}

TEST(WtaJson, ErrorsNameLineColumnAndKey) {
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [1], \"weapons\": [1],\n \"kill_probabilty\": [[0.5]]}", "e.json"); }),
      "e.json:2:2: kill_probabilty: got unknown key 'kill_probabilty'; expected 'kill_probability' (did you mean "
      "it?), or one of name, values, weapons, kill_probability, max_per_target");
  EXPECT_EQ(ErrorOf([] {
              ReadWtaJson("{\"values\": [1, 2],\n \"weapons\": [1],\n \"kill_probability\": [[0.5, 1.3]]}", "e.json");
            }),
            "e.json:3:29: kill_probability[0][1]: got 1.3; expected a number in [0, 1]");
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [\"5\"], \"weapons\": [1], \"kill_probability\": [[0.5]]}", "e.json"); }),
      "e.json:1:13: values[0]: got the string \"5\"; expected a number in [0, 1e+15] (a number, without quotes)");
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [1, 2], \"weapons\": [1], \"kill_probability\": [[0.5]]}", "e.json"); }),
      "e.json:1:57: kill_probability[0]: got a list of 1 number; expected a list of 2 numbers (one per target, as "
      "many as entries in values)");
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [1], \"weapons\": [-1], \"kill_probability\": [[0.5]]}", "e.json"); }),
      "e.json:1:29: weapons[0]: got -1; expected an integer in [0, 1000000]");
  EXPECT_EQ(ErrorOf([] { ReadWtaJson("{\"values\": [1], \"kill_probability\": [[0.5]]}", "e.json"); }),
            "e.json:1:1: weapons: got nothing (the key is missing); expected a list of at least 1 item");
  EXPECT_EQ(ErrorOf([] { ReadWtaJson("", "e.json"); }),
            "e.json:1: <document>: got an empty file; expected a JSON object with keys values, weapons and "
            "kill_probability (docs/wta.md)");
  // Strict JSON: an unclosed list (at the end: the last line), text after the object, a trailing comma.
  EXPECT_EQ(ErrorOf([] { ReadWtaJson("{\"values\": [1,\n", "e.json"); }).rfind("e.json:1: got a JSON syntax error", 0),
            0u);
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [1]}\n  x", "e.json"); }).rfind("e.json:2:3: got a JSON syntax error", 0),
      0u);
  EXPECT_EQ(
      ErrorOf([] { ReadWtaJson("{\"values\": [1,],}", "e.json"); }).rfind("e.json:1:15: got a JSON syntax error", 0),
      0u);
}

// Found by fuzz/fuzz_wta_json: a number no double holds escaped as nlohmann's
// out_of_range exception instead of an InputError.
TEST(WtaJson, NumberBeyondADoubleIsAnInputErrorAtTheNumber) {
  EXPECT_EQ(ErrorOf([] {
              ReadWtaJson("{\"values\": [1],\n \"weapons\": [1], \"kill_probability\": [[1e999]]}", "e.json");
            }),
            "e.json:2:40: got a number out of range (number overflow parsing '1e999'); expected a number a double "
            "holds: at most about 1.8e308 in magnitude");
  EXPECT_EQ(ErrorOf([] { ReadWtaJson("{\"values\": [-2e400]}", "e.json"); }).rfind("e.json:1:13: got a number out", 0),
            0u);
}

// Found by fuzz/fuzz_wta_json: nlohmann's parser stops at a NUL byte, so text
// after one went unchecked to yaml-cpp, whose error named a line past the end.
TEST(WtaJson, NulByteIsAnInputErrorAtIt) {
  EXPECT_EQ(ErrorOf([] { ReadWtaJson(std::string("83\0\n", 4), "e.json"); }),
            "e.json:1:3: got a NUL byte; expected a JSON text (no NUL bytes outside a \\u0000 escape)");
  EXPECT_EQ(ErrorOf([] {
              ReadWtaJson(std::string("{\"values\": [1], \"weapons\": [1], \"kill_probability\": [[0.5]]}\n\0x", 63),
                          "e.json");
            }).rfind("e.json:2:1: got a NUL byte", 0),
            0u);
}

class WtaFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cupola_wta_io_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(WtaFiles, ReadsGzipAndPlainFilesOfEitherFormat) {
  const std::string gz = (dir_ / "a.txt.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzputs(f, kText);
  gzclose(f);
  std::ofstream(dir_ / "b.txt") << kText;
  std::ofstream(dir_ / "c.json") << kJson;
  std::ofstream(dir_ / "d.instance") << kJson;  // no telling extension: the content decides
  const WtaProblem reference = ReadWtaText(kText, "t");
  for (const char* name : {"a.txt.gz", "b.txt", "c.json", "d.instance"}) {
    const WtaProblem p = ReadWtaFile((dir_ / name).string());
    EXPECT_EQ(p.kill_probability, reference.kill_probability) << name;
    EXPECT_EQ(p.value, reference.value) << name;
  }
  // Errors name the file; a line number counts lines of the decompressed text.
  const std::string bad = (dir_ / "bad.txt.gz").string();
  f = gzopen(bad.c_str(), "wb");
  gzputs(f, "1 1 1\n5\n0 0 2\n");
  gzclose(f);
  EXPECT_EQ(ErrorOf([&] { ReadWtaFile(bad); }),
            bad + ":3:5: kill_probability[0][0]: got '2'; expected a number in [0, 1]");
  EXPECT_NE(ErrorOf([&] { ReadWtaFile((dir_ / "missing.json").string()); }).find("cannot be opened"),
            std::string::npos);
}

TEST(WtaFilesInRepository, DemoInstancesRead) {
  const std::string source = CUPOLA_SOURCE_DIR;
  const WtaProblem demo = ReadWtaFile(source + "/tests/data/wta_demo.json");
  EXPECT_EQ(demo.Validate(), "");
  const WtaProblem text = ReadWtaFile(source + "/tests/data/wta_6x10x2.txt.gz");
  EXPECT_EQ(text.num_types(), 6);
  EXPECT_EQ(text.num_targets(), 10);
  EXPECT_EQ(text.weapons, Eigen::VectorXi::Constant(6, 2));
}

TEST(WtaFilesInRepository, PublicBenchmarkInstance) {
  // The public instances live outside the repository (shared/data/wta):
  // $CUPOLA_WTA_DATA, else ../shared/data/wta beside the source tree.
  const char* env = std::getenv("CUPOLA_WTA_DATA");
  const fs::path dir = env ? fs::path(env) : fs::path(CUPOLA_SOURCE_DIR) / ".." / "shared" / "data" / "wta";
  const fs::path file = dir / "wta_50x100x1.txt.gz";
  if (!fs::exists(file)) GTEST_SKIP() << file << " is not here";
  const WtaProblem p = ReadWtaFile(file.string());
  ASSERT_EQ(p.num_types(), 50);
  ASSERT_EQ(p.num_targets(), 100);
  EXPECT_EQ(p.weapons, Eigen::VectorXi::Ones(50));
  EXPECT_EQ(p.value(0), 13.0);
  EXPECT_DOUBLE_EQ(p.kill_probability(0, 0), 0.409311426086);
  // No solution can go below the published lower bound (here the optimum).
  EXPECT_GE(SolveWtaGreedy(p).objective, 1734.302278 - 1e-6);
}

}  // namespace
}  // namespace cupola
