// Decision stages cannot reach the truth: nothing a picture's code includes,
// however deep, declares the threats' real trajectories (sim/truth.h) or
// anything that holds them (the scoring observers, the interceptors in flight).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace cupola {
namespace {

// Every cupola header reachable from `file` (paths relative to src/).
std::set<std::string> Reachable(const std::string& file) {
  std::set<std::string> seen;
  std::vector<std::string> todo{file};
  const std::regex include(R"re(^\s*#\s*include\s+"(cupola/[^"]+)")re");
  while (!todo.empty()) {
    const std::string next = todo.back();
    todo.pop_back();
    std::ifstream in(std::string(CUPOLA_SOURCE_DIR) + "/src/" + next);
    EXPECT_TRUE(in) << next;
    std::string line;
    std::smatch m;
    while (std::getline(in, line))
      if (std::regex_search(line, m, include) && seen.insert(m[1]).second) todo.push_back(m[1]);
  }
  return seen;
}

TEST(StageStructure, APictureCannotReachTheTruth) {
  for (const char* file : {"cupola/sim/picture.h", "cupola/sim/picture.cpp", "cupola/sim/network.h",
                           "cupola/sim/network.cpp"}) {
    const std::set<std::string> reachable = Reachable(file);
    EXPECT_GT(reachable.size(), 3u) << file;  // the walk did follow includes
    for (const char* forbidden : {"cupola/sim/truth.h", "cupola/sim/truth_labels.h", "cupola/sim/interceptor_fleet.h",
                                  "cupola/sim/tracking_run.h", "cupola/sim/replication.h"})
      EXPECT_EQ(reachable.count(forbidden), 0u) << file << " reaches " << forbidden;
  }
}

// The check itself can fail: the loop reaches the truth, as it must.
TEST(StageStructure, TheLoopReachesTheTruth) {
  EXPECT_EQ(Reachable("cupola/sim/tracking_run.cpp").count("cupola/sim/truth.h"), 1u);
}

}  // namespace
}  // namespace cupola
