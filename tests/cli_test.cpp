// The command-line program as a user runs it: exit codes, messages, files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Result {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cupola_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `cupola <args>` in the scratch directory.
  Result Cupola(const std::string& args) const {
    const std::string cmd = "cd '" + dir_.string() + "' && '" + std::string(CUPOLA_EXE) + "' " + args + " > stdout.txt 2> stderr.txt < /dev/null";
    const int status = std::system(cmd.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "stdout.txt");
    r.err = Slurp(dir_ / "stderr.txt");
    return r;
  }
  static std::string Source(const std::string& relative) { return std::string(CUPOLA_SOURCE_DIR) + "/" + relative; }

  fs::path dir_;
};

TEST_F(Cli, RunWithoutArgumentsRunsTheDefaultScenario) {
  const Result r = Cupola("run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Sderot"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("open ground"), std::string::npos);
  for (const char* f : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / "border_town_salvo" / f)) << f;
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "border_town_salvo" / "summary.json"));
  EXPECT_EQ(summary["threats"], 13);
  EXPECT_EQ(summary["impacts"], 13);
}

TEST_F(Cli, SameSeedSameFilesWhateverTheThreadCount) {
  const std::string scenario = Source("scenarios/drone_raid_city.yaml");
  ASSERT_EQ(Cupola("run -q -j 1 -o a " + scenario).exit_code, 0);
  ASSERT_EQ(Cupola("run -q -j 2 -o b " + scenario).exit_code, 0);
  ASSERT_EQ(Cupola("run -q -j 2 -o c " + scenario).exit_code, 0);
  for (const char* f : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson"}) {
    EXPECT_EQ(Slurp(dir_ / "a" / f), Slurp(dir_ / "b" / f)) << f;
    EXPECT_EQ(Slurp(dir_ / "b" / f), Slurp(dir_ / "c" / f)) << f;
  }
  ASSERT_EQ(Cupola("run -q --seed 99 -o d " + scenario).exit_code, 0);
  EXPECT_NE(Slurp(dir_ / "a" / "impacts.geojson"), Slurp(dir_ / "d" / "impacts.geojson"));
}

TEST_F(Cli, ValidateAcceptsEveryBundledScenario) {
  for (const auto& entry : fs::directory_iterator(Source("scenarios"))) {
    const Result r = Cupola("validate " + entry.path().string());
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.err;
    EXPECT_EQ(r.out.rfind("ok: ", 0), 0u) << r.out;
  }
}

TEST_F(Cli, HelpTeachesWithExamples) {
  const Result top = Cupola("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("Examples:"), std::string::npos);
  for (const char* sub : {"run", "validate", "presets"}) {
    const Result r = Cupola(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << sub;
  }
}

TEST_F(Cli, PresetsListTheCatalog) {
  const Result text = Cupola("presets");
  ASSERT_EQ(text.exit_code, 0);
  for (const char* name : {"rocket_122mm", "qassam", "mortar_120mm", "mortar_81mm", "shahed_136"})
    EXPECT_NE(text.out.find(name), std::string::npos) << name;
  const Result json = Cupola("presets --json");
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(json.out).size(), 5u);
}

TEST_F(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Cupola("").exit_code, 2);
  EXPECT_EQ(Cupola("fly").exit_code, 2);
  EXPECT_EQ(Cupola("run no_such_file.yaml").exit_code, 2);
  EXPECT_EQ(Cupola("run --threads -3").exit_code, 2);
}

// The bad-input catalogue: each file in tests/bad_scenarios/ starts with
//   # expect-line: N
//   # expect: <substring of the message>
// `validate` and `run` must both exit 2 with a message naming file:N and
// containing the substring, and `run` must write nothing.
TEST_F(Cli, BadScenarioCatalogue) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(Source("tests/bad_scenarios"))) {
    if (entry.path().extension() != ".yaml") continue;
    ++cases;
    const std::string text = Slurp(entry.path());
    std::smatch line_match, expect_match;
    ASSERT_TRUE(std::regex_search(text, line_match, std::regex("# expect-line: (\\d+)"))) << entry.path();
    ASSERT_TRUE(std::regex_search(text, expect_match, std::regex("# expect: ([^\\n]+)"))) << entry.path();
    const std::string where = entry.path().string() + ":" + line_match[1].str() + ":";
    const std::string expected = expect_match[1].str();
    for (const std::string command : {"validate ", "run -o written "}) {
      const Result r = Cupola(command + entry.path().string());
      EXPECT_EQ(r.exit_code, 2) << entry.path() << "\n" << r.err;
      EXPECT_NE(r.err.find(where), std::string::npos) << "wanted " << where << "\n got " << r.err;
      EXPECT_NE(r.err.find(expected), std::string::npos) << "wanted '" << expected << "'\n got " << r.err;
    }
    EXPECT_FALSE(fs::exists(dir_ / "written")) << entry.path() << " left output behind";
  }
  EXPECT_GE(cases, 20);
}

}  // namespace
