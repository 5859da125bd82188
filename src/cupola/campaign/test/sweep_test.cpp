#include "cupola/campaign/sweep.h"

#include <gtest/gtest.h>

#include "cupola/core/error.h"

namespace cupola {
namespace {

TEST(Sweep, SplitsAtTopLevelCommas) {
  const SweepAxis a = ParseSweep("threats.0.count=10, 20,40");
  EXPECT_EQ(a.key, "threats.0.count");
  EXPECT_EQ(a.values, (std::vector<std::string>{"10", "20", "40"}));
  const SweepAxis b = ParseSweep("x.y=[1, 2],{a: 1, b: 2},'p,q'");
  EXPECT_EQ(b.values, (std::vector<std::string>{"[1, 2]", "{a: 1, b: 2}", "'p,q'"}));
}

TEST(Sweep, GridIsNestedLoopsLastFastest) {
  const auto grid = SweepGrid({ParseSweep("a=1,2"), ParseSweep("b=x,y,z")});
  ASSERT_EQ(grid.size(), 6u);
  EXPECT_EQ(grid[0], (std::vector<std::string>{"a=1", "b=x"}));
  EXPECT_EQ(grid[1], (std::vector<std::string>{"a=1", "b=y"}));
  EXPECT_EQ(grid[5], (std::vector<std::string>{"a=2", "b=z"}));
  EXPECT_EQ(SweepGrid({}).size(), 1u);  // no sweep: one point, no overrides
}

TEST(Sweep, BadArgumentsNameThemselves) {
  for (const char* bad : {"threats.0.count", "=1,2", "a=1,,2", "a=1,2,1", "a="}) {
    SCOPED_TRACE(bad);
    try {
      ParseSweep(bad);
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("--sweep"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cupola
