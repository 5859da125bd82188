// The command-line program as a user runs it: exit codes, messages, files.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <Eigen/Core>

#include "cli_fixture.h"
#include "cupola/core/sha256.h"

namespace fs = std::filesystem;

namespace {

using cupola_test::Result;
using cupola_test::Slurp;

class Cli : public cupola_test::CliFixture {};

TEST_F(Cli, RunWithoutArgumentsRunsTheDefaultScenario) {
  const Result r = Cupola("run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Sderot"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("open ground"), std::string::npos);
  for (const char* f : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson", "replay.czml"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / "border_town_salvo" / f)) << f;
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "border_town_salvo" / "summary.json"));
  EXPECT_EQ(summary["threats"], 13);
  EXPECT_EQ(summary["impacts"].get<int>() + summary["intercepted"].get<int>() + summary["launch_failures"].get<int>(), 13);
  EXPECT_GT(summary["intercepted"].get<int>(), 0);  // the battery defends Sderot
}

TEST_F(Cli, BatteryFiresOnlyAtEngagedTracksAndWithinDoctrine) {
  ASSERT_EQ(Cupola("run -q").exit_code, 0);
  const fs::path out = dir_ / "out" / "border_town_salvo";
  std::map<int, int> fired;        // track -> interceptors
  std::set<int> engaged;
  std::ifstream events(out / "events.jsonl");
  for (std::string line; std::getline(events, line);) {
    const auto e = nlohmann::json::parse(line);
    if (e["type"] == "engage") engaged.insert(e["track_id"].get<int>());
    if (e["type"] == "fire") {
      const int track = e["track_id"];
      EXPECT_TRUE(engaged.count(track)) << "fired at a track never engaged: " << line;
      ++fired[track];
    }
  }
  ASSERT_FALSE(fired.empty());
  for (const auto& [track, n] : fired) EXPECT_LE(n, 2) << "doctrine allows two per threat; track " << track;
  const auto summary = nlohmann::json::parse(Slurp(out / "summary.json"));
  int total = 0;
  for (const auto& [track, n] : fired) total += n;
  EXPECT_EQ(summary["engagement"]["interceptors_fired"], total);
  EXPECT_EQ(summary["engagement"]["batteries"][0]["cost_usd"], 50000.0 * total);
}

// A file without its "provenance" object (summary.json, replay.czml and
// report.html carry one): the command line and thread count that made it.
std::string WithoutProvenance(const std::string& text) {
  static const std::regex provenance(R"("provenance":\s*\{[^{}]*\})");
  return std::regex_replace(text, provenance, "\"provenance\":{}");
}

TEST_F(Cli, SameSeedSameFilesWhateverTheThreadCount) {
  // The default scenario: rockets, a radar, clutter and the tracker, yet quick
  // enough to run four times under the sanitizers.
  const std::string scenario = Source("scenarios/border_town_salvo.yaml");
  ASSERT_EQ(Cupola("run -q -j 1 -o a " + scenario).exit_code, 0);
  ASSERT_EQ(Cupola("run -q -j 2 -o b " + scenario).exit_code, 0);
  ASSERT_EQ(Cupola("run -q -j 2 -o c " + scenario).exit_code, 0);
  for (const char* f : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson"}) {
    EXPECT_EQ(WithoutProvenance(Slurp(dir_ / "a" / f)), WithoutProvenance(Slurp(dir_ / "b" / f))) << f;
    EXPECT_EQ(WithoutProvenance(Slurp(dir_ / "b" / f)), WithoutProvenance(Slurp(dir_ / "c" / f))) << f;
  }
  ASSERT_EQ(Cupola("run -q --seed 99 -o d " + scenario).exit_code, 0);
  EXPECT_NE(Slurp(dir_ / "a" / "impacts.geojson"), Slurp(dir_ / "d" / "impacts.geojson"));
}

// Whether text holds a NaN or an infinity as a word ("nan", "-inf", "Infinity"
// in any case), not inside a longer name.
bool HoldsNanOrInf(const std::string& text) {
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const std::string word : {"nan", "inf"}) {
    auto it = text.begin();
    while (true) {
      it = std::search(it, text.end(), word.begin(), word.end(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
      if (it == text.end()) break;
      const auto end = it + static_cast<std::ptrdiff_t>(word.size());
      const bool starts_word = it == text.begin() || !word_char(*(it - 1));
      // "inf" may go on as "infinity"; anything else after it makes another word.
      auto after = end;
      if (word == "inf" && text.end() - end >= 5 &&
          std::equal(end, end + 5, "inity", [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
        after = end + 5;
      if (starts_word && (after == text.end() || !word_char(*after))) return true;
      it = end;
    }
  }
  return false;
}

TEST(CliHelpers, HoldsNanOrInfFindsWordsOnly) {
  EXPECT_TRUE(HoldsNanOrInf("x,nan,y"));
  EXPECT_TRUE(HoldsNanOrInf("{\"a\":-inf}"));
  EXPECT_TRUE(HoldsNanOrInf("NaN"));
  EXPECT_TRUE(HoldsNanOrInf("1 Infinity"));
  EXPECT_FALSE(HoldsNanOrInf("info, nano, financial, Infinite_x, inflight"));
  EXPECT_FALSE(HoldsNanOrInf("12.5,3"));
}

// Every bundled scenario: the same files, byte for byte, on 1 and 2 threads;
// and no NaN or Inf in any of them. The raids are left out under the
// sanitizers (too slow there).
TEST_F(Cli, BundledScenariosAreDeterministicAndFinite) {
  std::vector<std::string> scenarios = {"border_town_salvo", "mortar_attack", "eshkol_mortars"};
#ifndef __SANITIZE_ADDRESS__
  scenarios.push_back("drone_raid_city");
  scenarios.push_back("mixed_raid");
  scenarios.push_back("ashkelon_barrage");
  scenarios.push_back("kyiv_drone_night");
  scenarios.push_back("layered_drone_night");
#endif
  for (const auto& name : scenarios) {
    const std::string scenario = Source("scenarios/" + name + ".yaml");
    ASSERT_EQ(Cupola("run -q -j 1 --export-detections -o " + name + "1 " + scenario).exit_code, 0) << name;
    ASSERT_EQ(Cupola("run -q -j 2 --export-detections -o " + name + "2 " + scenario).exit_code, 0) << name;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir_ / (name + "1"))) {
      const std::string a = Slurp(entry.path());
      EXPECT_EQ(WithoutProvenance(a), WithoutProvenance(Slurp(dir_ / (name + "2") / entry.path().filename())))
          << name << " " << entry.path().filename();
      // report.html holds the plotting library's code (with NaN in it); its data is replay.czml's.
      if (entry.path().filename() != "report.html") {
        EXPECT_FALSE(HoldsNanOrInf(a)) << name << " " << entry.path().filename() << " holds NaN or Inf";
      }
      ++files;
    }
    EXPECT_GE(files, 8) << name;
  }
}

// What the bundled scenarios' outputs hash to, committed in
// tests/data/golden_outputs.txt: a change that moves any number in them
// fails here, so it is seen and the file renewed on purpose
// (CUPOLA_UPDATE_GOLDEN=<that file> ctest -R GoldenOutputs). The last bits
// of exp, sin or pow differ between libm builds and CPUs, so the hashes
// hold for the platform they were made on: the file names it by a
// fingerprint of the compiler and the maths library's answers, and elsewhere
// the test skips, saying why (the thread-count test above still runs).
std::string PlatformFingerprint() {
  std::ostringstream s;
  s.precision(17);
  s << __VERSION__ << " eigen " << EIGEN_WORLD_VERSION << "." << EIGEN_MAJOR_VERSION << "." << EIGEN_MINOR_VERSION;
  for (double x = -7.3; x < 9.0; x += 0.37)
    s << ' ' << std::exp(x) << ' ' << std::sin(x) << ' ' << std::cos(x) << ' ' << std::atan2(x, 1.3) << ' '
      << std::pow(std::abs(x) + 0.5, 1.7) << ' ' << std::log1p(std::abs(x)) << ' ' << std::tan(x / 5) << ' '
      << std::asin(x / 10) << ' ' << std::cbrt(x) << ' ' << std::hypot(x, 2.1);
  return cupola::Sha256Hex(s.str()).substr(0, 16);
}

// A run's outputs without what names the build or the machine's paths.
std::string Comparable(const fs::path& file) {
  std::string text = Slurp(file);
  if (file.filename() != "summary.json") return text;
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("cupola_version");
  j.erase("provenance");
  j["scenario"].erase("file");
  return j.dump(1);
}

TEST_F(Cli, GoldenOutputs) {
#ifdef __SANITIZE_ADDRESS__
  GTEST_SKIP() << "the raids are too slow under the sanitizers; the release suite checks the hashes";
#endif
  const fs::path golden_file = Source("tests/data/golden_outputs.txt");
  std::map<std::string, std::string> golden;
  std::string platform;
  {
    std::ifstream in(golden_file);
    std::string key, value;
    while (in >> key >> value) (key == "platform" ? platform : golden[key]) = value;
  }
  std::map<std::string, std::string> now;
  for (const std::string name : {"border_town_salvo", "drone_raid_city", "mixed_raid", "mortar_attack",
                                 "ashkelon_barrage", "eshkol_mortars", "kyiv_drone_night", "layered_drone_night"}) {
    ASSERT_EQ(Cupola("run -q -j 2 --export-detections -o " + name + " " + Source("scenarios/" + name + ".yaml")).exit_code, 0);
    for (const char* f : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson", "tracks.csv",
                          "predictions.geojson", "detections.csv"})
      if (fs::exists(dir_ / name / f)) now[name + "/" + f] = cupola::Sha256Hex(Comparable(dir_ / name / f));
  }
  if (const char* update = std::getenv("CUPOLA_UPDATE_GOLDEN")) {
    std::ofstream out(update);
    out << "platform " << PlatformFingerprint() << "\n";
    for (const auto& [key, hash] : now) out << key << " " << hash << "\n";
    GTEST_SKIP() << "wrote " << update;
  }
  if (platform != PlatformFingerprint())
    GTEST_SKIP() << "the golden hashes were made on platform " << platform << ", this is " << PlatformFingerprint()
                 << " (another compiler or maths library): not comparable bit for bit";
  ASSERT_EQ(now.size(), golden.size());
  for (const auto& [key, hash] : now)
    EXPECT_EQ(hash, golden[key]) << key << " changed: if on purpose, renew " << golden_file;
}

// A run killed at any moment leaves no file that looks whole but is not:
// every output is written to a temporary name and renamed when complete.
TEST_F(Cli, AKilledRunLeavesNoHalfWrittenFile) {
#ifdef __SANITIZE_ADDRESS__
  GTEST_SKIP() << "the big raid is too slow under the sanitizers";
#else
  const std::string scenario = Source("scenarios/mixed_raid.yaml");
  auto Run = [&](const fs::path& out, double kill_after_s) {
    const std::string cmd = "cd '" + dir_.string() + "' && (timeout -s KILL " + std::to_string(kill_after_s) + " '" +
                            std::string(CUPOLA_EXE) + "' run -q -j 1 -o '" + out.string() + "' '" + scenario +
                            "' > /dev/null 2>&1; true)";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  };
  // How long a whole run takes here; then kill runs early, midway and late
  // (while writing), at fractions of it, so the kills land whatever the speed.
  const auto start = std::chrono::steady_clock::now();
  Run(dir_ / "whole", 600.0);
  const double whole_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(fs::exists(dir_ / "whole" / "summary.json"));
  for (const double fraction : {0.2, 0.6, 0.9}) {
    const fs::path out = dir_ / ("killed" + std::to_string(static_cast<int>(100 * fraction)));
    Run(out, fraction * whole_s);
    // The early and middle kills must land before the end, or this test
    // tests nothing (the late one may come after it, on a busy machine).
    if (fraction < 0.9) {
      EXPECT_FALSE(fs::exists(out / "summary.json")) << "the run ended before the kill at " << fraction;
    }
    if (!fs::exists(out)) continue;
    for (const auto& entry : fs::directory_iterator(out)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".tmp-") != std::string::npos) continue;  // an unfinished file under a temporary name
      const std::string content = Slurp(entry.path());
      if (name == "summary.json" || name.ends_with(".geojson")) {
        EXPECT_TRUE(nlohmann::json::accept(content)) << name << " killed at " << fraction << " of the run";
      } else if (name.ends_with(".jsonl")) {
        std::istringstream lines(content);
        for (std::string line; std::getline(lines, line);) EXPECT_TRUE(nlohmann::json::accept(line)) << name;
      }
      EXPECT_TRUE(content.empty() || content.back() == '\n' || content.back() == '}') << name << " ends mid-line";
    }
  }
#endif
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
  for (const char* sub : {"run", "validate", "presets", "track", "wta", "view"}) {
    const Result r = Cupola(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << sub;
  }
}

TEST_F(Cli, PresetsListTheCatalog) {
  const Result text = Cupola("presets");
  ASSERT_EQ(text.exit_code, 0);
  for (const char* name : {"rocket_122mm", "rocket_122mm_er", "qassam", "mortar_120mm", "mortar_81mm", "shahed_136", "geran_3", "gerbera",
                           "tamir"})
    EXPECT_NE(text.out.find(name), std::string::npos) << name;
  const Result json = Cupola("presets --json");
  ASSERT_EQ(json.exit_code, 0);
  const auto all = nlohmann::json::parse(json.out);
  ASSERT_GE(all.size(), 7u);  // six threat types or more, then the interceptors
  EXPECT_EQ(all.back()["name"], "tamir");
  EXPECT_EQ(all.back()["kind"], "interceptor");
  EXPECT_EQ(all.back()["lethal_radius_m"], 6.0);
  EXPECT_EQ(all.back()["radome_slope"], 0.01);
}

TEST_F(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Cupola("").exit_code, 2);
  EXPECT_EQ(Cupola("fly").exit_code, 2);
  EXPECT_EQ(Cupola("run no_such_file.yaml").exit_code, 2);
  EXPECT_EQ(Cupola("run --threads -3").exit_code, 2);
  EXPECT_EQ(Cupola("view").exit_code, 2);
  EXPECT_EQ(Cupola("view . --port 70000").exit_code, 2);
}

// The report is an extra: a broken template costs a run its report.html,
// with a warning, and nothing else.
TEST_F(Cli, ABrokenReportTemplateSkipsTheReportOnly) {
  fs::create_directories(dir_ / "web");
  std::ofstream(dir_ / "web" / "report_template.html") << "<html>half a build</html>";
  ::setenv("CUPOLA_WEB_DIR", (dir_ / "web").c_str(), 1);
  const Result r = Cupola("run -q -o broken");
  ::unsetenv("CUPOLA_WEB_DIR");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("report.html skipped"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "broken" / "summary.json"));
  EXPECT_TRUE(fs::exists(dir_ / "broken" / "replay.czml"));
  EXPECT_FALSE(fs::exists(dir_ / "broken" / "report.html"));
}

// One port, one server: a second `cupola view` on a port in use says so and
// exits 1 (Debian's cpp-httplib would otherwise share the port).
TEST_F(Cli, ViewWillNotShareItsPort) {
  ASSERT_EQ(Cupola("run -q -o a").exit_code, 0);
  if (!fs::exists(fs::path(CUPOLA_SOURCE_DIR) / "web" / "dist" / "viewer" / "index.html"))
    GTEST_SKIP() << "the viewer is not built (scripts/web.sh)";
  const std::string start = "cd '" + dir_.string() + "' && ('" + std::string(CUPOLA_EXE) +
                            "' view a --port 0 > first.txt 2>&1 & echo $! > first.pid)";
  ASSERT_EQ(std::system(start.c_str()), 0);
  std::smatch port;
  const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
  std::string first;
  for (int i = 0; i < 100 && !std::regex_search(first, port, url); ++i) {
    ::usleep(50000);
    first = Slurp(dir_ / "first.txt");
  }
  ASSERT_TRUE(std::regex_search(first, port, url)) << first;
  // A second server that did bind would serve until killed: 124 from timeout.
  const int status = std::system(("cd '" + dir_.string() + "' && timeout 5 '" + std::string(CUPOLA_EXE) +
                                  "' view a --port " + port[1].str() + " > second.txt 2>&1").c_str());
  std::system(("kill " + Slurp(dir_ / "first.pid")).c_str());
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 1);
  EXPECT_NE(Slurp(dir_ / "second.txt").find("cannot listen"), std::string::npos) << Slurp(dir_ / "second.txt");
}

TEST_F(Cli, ViewRefusesADirectoryThatIsNotARun) {
  const Result r = Cupola("view .");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("replay.czml"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;  // no URL printed, nothing served
}

// A bad-input catalogue: each file in `directory` starts with
//   # expect-line: N
//   # expect: <substring of the message>
// Every command must exit 2 with a message naming file:N and containing the
// substring, and must write nothing.
void CheckCatalogue(const Cli& cli, const std::string& directory, const std::vector<std::string>& commands,
                    int minimum_cases);

TEST_F(Cli, BadScenarioCatalogue) {
  CheckCatalogue(*this, "tests/bad_scenarios", {"validate ", "run -o written "}, 20);
}

TEST_F(Cli, BadDetectionsCatalogue) { CheckCatalogue(*this, "tests/bad_detections", {"track -o written "}, 10); }

// Like CheckCatalogue, for inputs that cannot carry comments (JSON, gzip):
// each file X has its expectations in X.expect. Nothing may reach stdout.
void CheckSidecarCatalogue(const Cli& cli, const std::string& directory, const std::vector<std::string>& commands,
                           int minimum_cases);

TEST_F(Cli, BadWtaCatalogue) { CheckSidecarCatalogue(*this, "tests/bad_wta", {"wta ", "wta --solver greedy --json "}, 25); }

TEST_F(Cli, WtaSolvesGeneratesAndReadsEveryFormat) {
  // Generated instances are a function of the seed.
  const Result a = Cupola("wta --generate 6 5 --seed 3"), b = Cupola("wta --generate 6 5 --seed 3");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto generated = nlohmann::json::parse(a.out);
  EXPECT_EQ(generated["weapons"], nlohmann::json::array({1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(generated["values"].size(), 5u);
  ASSERT_EQ(Cupola("wta --generate 6 5 --seed 3 -o six.json").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "six.json"), a.out);
  // Small: exact by default, proven optimal; the three solvers agree on the format.
  const Result exact = Cupola("wta six.json");
  ASSERT_EQ(exact.exit_code, 0) << exact.err;
  EXPECT_NE(exact.out.find("solver:      exact (default for weapons x targets = 30 <= 400)"), std::string::npos)
      << exact.out;
  EXPECT_NE(exact.out.find("proven optimal"), std::string::npos);
  const auto json = nlohmann::json::parse(Cupola("wta six.json --json").out);
  EXPECT_EQ(json["solver"], "exact");
  EXPECT_EQ(json["proven_optimal"], true);
  EXPECT_EQ(json["assignment"].size(), 6u);
  for (const char* solver : {"greedy", "local"}) {
    const auto h = nlohmann::json::parse(Cupola(std::string("wta six.json --json --solver ") + solver).out);
    EXPECT_EQ(h["solver"], solver);
    EXPECT_TRUE(h["lower_bound"].is_null());
    EXPECT_GE(h["objective"].get<double>(), json["objective"].get<double>() - 1e-9) << solver;
  }
  // The plain-text format, gzip-compressed, and the documented example.
  const Result text = Cupola("wta " + Source("tests/data/wta_6x10x2.txt.gz") + " --solver local --seed 4");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("6 weapon types, 12 weapons, 10 targets"), std::string::npos) << text.out;
  const Result demo = Cupola("wta " + Source("tests/data/wta_demo.json"));
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("proven optimal"), std::string::npos) << demo.out;
  // Usage errors: exit 2, nothing written.
  EXPECT_EQ(Cupola("wta").exit_code, 2);
  EXPECT_EQ(Cupola("wta six.json --generate 3 3").exit_code, 2);
  EXPECT_EQ(Cupola("wta --generate 0 3 -o none.json").exit_code, 2);
  EXPECT_EQ(Cupola("wta six.json --solver simplex").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "none.json"));
}

TEST_F(Cli, TrackReadsWhatRunExports) {
  ASSERT_EQ(Cupola("run -q --export-detections -o run").exit_code, 0);
  std::ofstream(dir_ / "same.yaml") << "motion_model: ballistic\n";  // as in the default scenario
  const Result r = Cupola("track run/detections.csv --config same.yaml -o tracked");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tracks confirmed"), std::string::npos);
  const std::string tracks = Slurp(dir_ / "tracked" / "tracks.csv");
  EXPECT_EQ(tracks.rfind("t_s,track_id,status,", 0), 0u);
  // Confirmed reports by default, every report with --all-reports; both
  // with the full covariance and, for a ballistic tracker, kappa's variance.
  EXPECT_NE(tracks.find(",cov_xx_m2,"), std::string::npos);
  EXPECT_NE(tracks.find(",var_kappa_m4_kg2\n"), std::string::npos);
  EXPECT_EQ(tracks.find(",tentative,"), std::string::npos);
  EXPECT_NE(tracks.find(",confirmed,"), std::string::npos);
  ASSERT_EQ(Cupola("track run/detections.csv --config same.yaml -q --all-reports -o all").exit_code, 0);
  const std::string all = Slurp(dir_ / "all" / "tracks.csv");
  EXPECT_NE(all.find(",tentative,"), std::string::npos);
  EXPECT_GT(all.size(), tracks.size());
  EXPECT_NE(r.out.find(" ms per scan)"), std::string::npos) << r.out;
  // The same detections give the same confirmed tracks as inside the run.
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "run" / "summary.json"));
  const int confirmed_in_run = summary["tracking"]["tracks_confirmed"];
  EXPECT_GT(confirmed_in_run, 0);
  EXPECT_NE(r.out.find(std::to_string(confirmed_in_run) + " tracks confirmed"), std::string::npos) << r.out;
  // A bad tracker config is reported with its key.
  std::ofstream(dir_ / "bad.yaml") << "filter: kalman\n";
  const Result bad = Cupola("track run/detections.csv --config bad.yaml -o nothing");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.yaml:1:9: filter: got 'kalman'; expected one of ekf, ukf"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "nothing"));
}

void CheckCatalogue(const Cli& cli, const std::string& directory, const std::vector<std::string>& commands,
                    int minimum_cases) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(Cli::Source(directory))) {
    if (entry.path().extension() != ".yaml" && entry.path().extension() != ".csv") continue;
    ++cases;
    const std::string text = Slurp(entry.path());
    std::smatch line_match, expect_match;
    ASSERT_TRUE(std::regex_search(text, line_match, std::regex("# expect-line: (\\d+)"))) << entry.path();
    ASSERT_TRUE(std::regex_search(text, expect_match, std::regex("# expect: ([^\\n]+)"))) << entry.path();
    const std::string where = entry.path().string() + ":" + line_match[1].str() + ":";
    const std::string expected = expect_match[1].str();
    for (const std::string& command : commands) {
      const Result r = cli.Cupola(command + entry.path().string());
      EXPECT_EQ(r.exit_code, 2) << entry.path() << "\n" << r.err;
      EXPECT_NE(r.err.find(where), std::string::npos) << "wanted " << where << "\n got " << r.err;
      EXPECT_NE(r.err.find(expected), std::string::npos) << "wanted '" << expected << "'\n got " << r.err;
    }
    EXPECT_FALSE(fs::exists(cli.dir() / "written")) << entry.path() << " left output behind";
  }
  EXPECT_GE(cases, minimum_cases) << directory;
}

void CheckSidecarCatalogue(const Cli& cli, const std::string& directory, const std::vector<std::string>& commands,
                           int minimum_cases) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(Cli::Source(directory))) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".expect" || entry.path().extension() == ".md") continue;
    ++cases;
    const std::string expectations = Slurp(path + ".expect");
    std::smatch line_match, expect_match;
    ASSERT_TRUE(std::regex_search(expectations, line_match, std::regex("expect-line: (\\d+)"))) << path;
    ASSERT_TRUE(std::regex_search(expectations, expect_match, std::regex("expect: ([^\\n]+)"))) << path;
    const std::string where = path + ":" + line_match[1].str();
    const std::string expected = expect_match[1].str();
    for (const std::string& command : commands) {
      const Result r = cli.Cupola(command + path);
      EXPECT_EQ(r.exit_code, 2) << path << "\n" << r.err;
      // file:line followed by ':' (a column or the message), never another digit
      EXPECT_TRUE(r.err.find(where + ":") != std::string::npos) << "wanted " << where << "\n got " << r.err;
      EXPECT_NE(r.err.find(expected), std::string::npos) << "wanted '" << expected << "'\n got " << r.err;
      EXPECT_EQ(r.out, "") << path << " printed something";
    }
  }
  EXPECT_GE(cases, minimum_cases) << directory;
}

}  // namespace
