#include "cupola/io/run_outputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cupola/io/atomic_file.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AtomicFile, WritesWholeFileAndLeavesNoTemporary) {
  const fs::path dir = fs::temp_directory_path() / ("cupola_atomic_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  WriteFileAtomically((dir / "a.txt").string(), "hello\n");
  WriteFileAtomically((dir / "a.txt").string(), "replaced\n");
  EXPECT_EQ(Slurp(dir / "a.txt"), "replaced\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  EXPECT_THROW(WriteFileAtomically((dir / "missing" / "b.txt").string(), "x"), std::runtime_error);
  fs::remove_all(dir);
}

TEST(RunOutputs, FilesAreConsistentWithTheRun) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/mortar_attack.yaml"));
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  const RunSummary s = Summarize(world, r);
  const fs::path dir = fs::temp_directory_path() / ("cupola_outputs_" + std::to_string(::getpid()));
  WriteRunOutputs(dir.string(), world, r, s);

  const auto summary = nlohmann::json::parse(Slurp(dir / "summary.json"));
  EXPECT_EQ(summary["threats"], 6);
  EXPECT_EQ(summary["impacts_in_defended_areas"].get<int>() + summary["impacts_in_open_ground"].get<int>() +
                summary["duds"].get<int>() + summary["launch_failures"].get<int>(),
            6);
  EXPECT_EQ(summary["defended_areas"][0]["threats_aimed"], 6);

  // events.jsonl: every line is one JSON object with a time and a type.
  std::istringstream events(Slurp(dir / "events.jsonl"));
  std::string line;
  int impacts = 0, lines = 0;
  while (std::getline(events, line)) {
    const auto e = nlohmann::json::parse(line);
    ++lines;
    ASSERT_TRUE(e.contains("t_s"));
    impacts += e["type"] == "impact";
  }
  EXPECT_EQ(impacts, 6);
  EXPECT_EQ(lines, static_cast<int>(r.events.size()));

  // GeoJSON: one polygon per defended area (closed ring), one point per impact.
  const auto geo = nlohmann::json::parse(Slurp(dir / "impacts.geojson"));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  int points = 0;
  for (const auto& f : geo["features"]) {
    if (f["geometry"]["type"] == "Point") ++points;
    if (f["geometry"]["type"] == "Polygon") {
      const auto& ring = f["geometry"]["coordinates"][0];
      EXPECT_EQ(ring.front(), ring.back());
    }
  }
  EXPECT_EQ(points, 6);

  const std::string csv = Slurp(dir / "trajectories.csv");
  EXPECT_EQ(csv.rfind("threat_id,type,t_s,east_m,north_m,up_m,lat_deg,lon_deg,alt_m,speed_mps\n", 0), 0u);
  EXPECT_EQ(csv.find("nan"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cupola
