// Inputs that once exhausted memory or time (issue #22), run as a user runs
// them: each must end quickly (the tests' TIMEOUT, tests/CMakeLists.txt) with
// exit status 2, a short message naming the file, line and key, and nothing
// written. Big inputs are made here, not committed. Outside the sanitizer
// build each command also runs under a 2 GB address-space limit, so a reader
// that grows without end fails the test instead of the machine.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace fs = std::filesystem;

namespace {

using cupola_test::Result;
using cupola_test::Slurp;
using cupola_test::Source;

// Whether a message is safe to print: no control byte but its line ends,
// and short whatever the input.
bool PrintableAndShort(const std::string& message, std::size_t max_bytes = 2000) {
  for (const char c : message)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) return false;
  return message.size() <= max_bytes;
}

class CliLimits : public cupola_test::CliFixture {
 protected:
  CliLimits() {
#ifndef __SANITIZE_ADDRESS__
    run_prefix_ = "ulimit -v 2000000; ";  // ASan reserves terabytes of address space: no limit there
#endif
  }

  // Exit 2, every piece of `wanted` in the message, the message printable
  // and short, nothing on stdout and no output directory.
  void ExpectRefused(const Result& r, const std::vector<std::string>& wanted) const {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    for (const auto& w : wanted) EXPECT_NE(r.err.find(w), std::string::npos) << "wanted '" << w << "'\n got " << r.err;
    EXPECT_TRUE(PrintableAndShort(r.err)) << r.err.size() << " bytes: " << r.err.substr(0, 300);
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(dir_ / "written"));
  }
};

const char* kHeader =
    "t_s,scan_t_s,radar,scan,radar_lat_deg,radar_lon_deg,radar_alt_m,max_range_m,range_m,azimuth_deg,elevation_deg,"
    "range_rate_mps,sigma_range_m,sigma_azimuth_mrad,sigma_elevation_mrad,sigma_range_rate_mps,truth_id\n";

// A scenario with `areas` defended areas of `n` vertices, each on a circle.
std::string PolygonScenario(int areas, int n) {
  std::string text = "version: 1\norigin: {lat_deg: 31.5, lon_deg: 34.6}\ndefended_areas:\n";
  char vertex[64];
  for (int a = 0; a < areas; ++a) {
    text += "  - name: area-" + std::to_string(a) + "\n    polygon_latlon_deg: [";
    for (int k = 0; k < n; ++k) {
      const double angle = 2.0 * 3.14159265358979 * k / n;
      std::snprintf(vertex, sizeof(vertex), "%s[%.7f, %.7f]", k ? ", " : "", 31.5 + 0.01 * std::sin(angle) + 0.001 * a,
                    34.6 + 0.01 * std::cos(angle));
      text += vertex;
    }
    text += "]\n";
  }
  return text;
}

TEST_F(CliLimits, DevZeroAsAnyInputStopsAtTheLimit) {
  const std::string detections =
      Write("d.csv", std::string(kHeader) + "0,0,0,0,31.47,34.65,120,50000,20000,10,5,0,10,2,2,0,-1\n");
  const std::vector<std::string> commands = {"run -o written /dev/zero", "validate /dev/zero",
                                             "track -o written /dev/zero", "wta /dev/zero",
                                             "track -o written " + detections + " --config /dev/zero"};
  for (const std::string& command : commands) {
    SCOPED_TRACE(command);
    ExpectRefused(Cupola(command), {"error: /dev/zero:1:67108865: got a file of more than 67108864 bytes; expected at "
                                    "most 67108864 bytes (the input limit; set CUPOLA_MAX_INPUT_BYTES to raise it)"});
  }
}

TEST_F(CliLimits, AFifoStopsAtTheLimit) {
  ASSERT_EQ(std::system(("mkfifo '" + (dir_ / "fifo").string() + "'").c_str()), 0);
  // A writer that never ends by itself: the reader's close ends it.
  const std::string writer = "(cat /dev/zero > '" + (dir_ / "fifo").string() + "' 2> /dev/null &) ;";
  ExpectRefused(Cupola("validate fifo", writer + " CUPOLA_MAX_INPUT_BYTES=100000"),
                {"fifo:1:100001: got a file of more than 100000 bytes"});
}

TEST_F(CliLimits, TheInputLimitIsSetByTheEnvironment) {
  const std::string scenario = Source("scenarios/mortar_attack.yaml");
  ExpectRefused(Cupola("run -o written " + scenario, "CUPOLA_MAX_INPUT_BYTES=300"),
                {scenario + ":", "got a file of more than 300 bytes; expected at most 300 bytes (the input limit"});
  ExpectRefused(Cupola("validate " + scenario, "CUPOLA_MAX_INPUT_BYTES=lots"),
                {"error: CUPOLA_MAX_INPUT_BYTES: got 'lots'; expected a whole number of bytes"});
  EXPECT_EQ(Cupola("validate " + scenario, "CUPOLA_MAX_INPUT_BYTES=100000").exit_code, 0);
}

TEST_F(CliLimits, ADirectoryIsNoScenario) { ExpectRefused(Cupola("validate ."), {"error: .: got a directory"}); }

TEST_F(CliLimits, APolygonOf200000VerticesIsRefusedAtOnce) {
  const std::string path = Write("polygon.yaml", PolygonScenario(1, 200000));
  for (const std::string command : {"validate ", "run -o written "}) {
    ExpectRefused(Cupola(command + path), {path + ":5:25: defended_areas[0].polygon_latlon_deg: got a list of 200000 "
                                                  "items; expected a list of at most 10000 items"});
  }
}

TEST_F(CliLimits, PolygonVerticesInAllAreBounded) {
  const std::string path = Write("polygons.yaml", PolygonScenario(1001, 100));
  ExpectRefused(Cupola("validate " + path), {path + ":2005:25: defended_areas[1000].polygon_latlon_deg: got 100100 "
                                                    "polygon vertices so far; expected at most 100000 vertices"});
}

TEST_F(CliLimits, LongNamesAreQuotedShortAndNeverMatchedAtLength) {
  const std::string big(61440, 'x');
  const std::string scenario = "version: 1\norigin: {lat_deg: 31.5, lon_deg: 34.6}\n";
  const std::string salvo = "    launch_site: {lat_deg: 31.54, lon_deg: 34.54}\n";
  const std::string quoted = "'" + std::string(80, 'x') + "...' (61440 bytes)";
  struct Case {
    std::string text, where;
  };
  const std::vector<Case> cases = {
      // A user type and a salvo naming another: once 17 s of edit distance.
      {scenario + "threat_types:\n  - name: " + big + "\n    kind: drone\nthreats:\n  - type: " + big + "y\n" + salvo,
       ":4:11: threat_types[0].name: got 61440 characters: " + quoted + "; expected at most 64 characters"},
      {scenario + "threats:\n  - type: " + big + "\n" + salvo + "    aim_point: {lat_deg: 31.5, lon_deg: 34.6}\n",
       ":4:11: threats[0].type: got 61440 characters: " + quoted + "; expected at most 64 characters"},
      {scenario + "defended_areas:\n  - name: town\n    polygon_latlon_deg: [[31.52, 34.58], [31.53, 34.60], [31.51, "
                  "34.60]]\nbatteries:\n  - name: b\n    launchers: [{site: {lat_deg: 31.5, lon_deg: 34.6}}]\n    "
                  "defends: [" + big + "]\n",
       ":9:15: batteries[0].defends[0]: got " + quoted + "; expected the name of a defended area: town"},
      {scenario + "radars:\n  - name: r\n    site: {lat_deg: 31.47, lon_deg: 34.65}\n    scan: " + big + "\n",
       ":6:11: radars[0].scan: got 61440 characters: " + quoted + "; expected at most 1000 characters"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string path = Write("long" + std::to_string(i) + ".yaml", cases[i].text);
    ExpectRefused(Cupola("validate " + path), {path + cases[i].where});
  }
}

TEST_F(CliLimits, HugeYamlAndJsonAreRefusedBeforeTheyAreParsed) {
  // yaml-cpp reads a whole flow list before it yields any of it, at about
  // 300 bytes a value: these 2.4 MB once took 1 GB.
  std::string values;
  for (int k = 0; k < 1200000; ++k) values += k ? ",0" : "0";
  const std::string json =
      Write("big.json", "{\"values\": [" + values + "], \"weapons\": [1], \"kill_probability\": [[" + values + "]]}");
  ExpectRefused(Cupola("wta " + json), {json + ":1:", "<document>: got more than 1000000 structure marks"});
  const std::string yaml = Write("big.yaml", "version: 1\norigin: {lat_deg: 31.5, lon_deg: 34.6}\nthreats: [" +
                                                 values + "]\n");
  ExpectRefused(Cupola("validate " + yaml), {yaml + ":3:", "<document>: got more than 1000000 structure marks"});
}

TEST_F(CliLimits, GzipStopsAtTheRatioAndAtTheLimit) {
  // 200 MB of zeros in 200 KB: a zip bomb, stopped at 100 times its size.
  ASSERT_EQ(std::system(("head -c 200000000 /dev/zero | gzip -9 > '" + (dir_ / "bomb.txt.gz").string() + "'").c_str()),
            0);
  ExpectRefused(Cupola("wta bomb.txt.gz"),
                {"bomb.txt.gz:1:", "bytes after decompression from", "expected at most 100 times the compressed size"});
  // Ordinary text (ratio about 3) past the input limit.
  ASSERT_EQ(std::system(("(echo 1 1000000 1; seq 1 1000000) | gzip -1 > '" + (dir_ / "long.txt.gz").string() + "'")
                            .c_str()),
            0);
  ExpectRefused(Cupola("wta long.txt.gz", "CUPOLA_MAX_INPUT_BYTES=3000000"),
                {"long.txt.gz:", "got more than 3000000 bytes after decompression; expected at most 3000000 bytes "
                                 "(the input limit"});
}

// 2,000 detections at one spot, scan after scan: once 3.7 GB of association
// clusters. The tracker bounds a scan's work, goes on, and says so.
TEST_F(CliLimits, ThousandsOfDetectionsAtOneSpotDegradeGracefully) {
  std::string csv = kHeader;
  char row[256];
  for (int scan = 0; scan < 6; ++scan) {
    for (int k = 0; k < 2000; ++k) {
      // A 2 km blob: within every track's gate, spread enough for two-point initiation.
      std::snprintf(row, sizeof(row), "%d,%d,0,%d,31.5,34.6,0,70000,%.3f,%.6f,%.6f,0,10,2,2,0,-1\n", scan, scan, scan,
                    20000.0 + 15.0 * scan + 7.0 * ((k * 37) % 101 - 50), 45.0 + 0.002 * ((k * 53) % 97 - 48),
                    10.0 + 0.002 * ((k * 29) % 89 - 44));
      csv += row;
    }
  }
  const std::string detections = Write("spot.csv", csv);
  Write("jpda.yaml", "motion_model: cv\nassociation: jpda\n");
  for (const std::string config : {"", " --config jpda.yaml"}) {
    SCOPED_TRACE(config);
    fs::remove_all(dir_ / "tracks");
    const Result r = Cupola("track -q -o tracks " + detections + config);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("note: tracker limits reached (docs/tracking.md, \"Limits\"): "), std::string::npos) << r.err;
    if (!config.empty()) {
      EXPECT_NE(r.err.find("JPDA clusters associated by GNN"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::exists(dir_ / "tracks" / "tracks.csv"));
  }
}

// Every message of the bad-input catalogues (tests/bad_*), whatever bytes the
// file holds (NUL, ESC, invalid UTF-8, long values): printable and short.
TEST_F(CliLimits, CatalogueMessagesArePrintableAndShort) {
  const std::vector<std::pair<std::string, std::string>> catalogues = {
      {"tests/bad_scenarios", "validate "}, {"tests/bad_detections", "track -o written "}, {"tests/bad_wta", "wta "}};
  int checked = 0;
  for (const auto& [directory, command] : catalogues) {
    for (const auto& entry : fs::directory_iterator(Source(directory))) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".expect" || ext == ".md") continue;
      const Result r = Cupola(command + entry.path().string());
      EXPECT_EQ(r.exit_code, 2) << entry.path();
      EXPECT_TRUE(PrintableAndShort(r.err)) << entry.path() << ": " << r.err.size() << " bytes";
      ++checked;
    }
  }
  EXPECT_GE(checked, 100);
}

}  // namespace
