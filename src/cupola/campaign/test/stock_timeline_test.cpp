// Interceptors in the launchers over a run, replayed from the fire orders.
#include "cupola/campaign/stock_timeline.h"

#include <gtest/gtest.h>

#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

// Border town: one battery, three launchers of 20, reload 600 s (the
// default), 2,600 s long: samples every 2600 / 48 = 54.17 s.
struct BorderTown : ::testing::Test {
  ScenarioSpec spec = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml");
  World world{spec};
  ReplicationResult run;
  void Fire(int launcher, double t_s) {
    if (!run.tracking) run.tracking.emplace();
    FireRecord f;
    f.order.battery = 0, f.order.launcher = launcher, f.order.t_s = t_s;
    run.tracking->fire_orders.push_back(f);
  }
};

TEST_F(BorderTown, NothingFiredKeepsEveryLauncherFull) {
  ASSERT_EQ(world.batteries().size(), 1u);
  ASSERT_EQ(world.batteries()[0].launchers.size(), 3u);
  const auto stock = StockTimeline(world, run);
  ASSERT_EQ(stock.size(), 1u);
  for (const int v : stock[0]) EXPECT_EQ(v, 60);
}

TEST_F(BorderTown, OrdersEmptyALauncherAndItIsLoadedAgainReloadLater) {
  const double reload_s = world.batteries()[0].launchers[0].reload_s;
  ASSERT_EQ(reload_s, 600.0);
  for (int k = 0; k < 20; ++k) Fire(0, 100.0 + k);  // launcher 0 empties at t = 119 s
  Fire(1, 150.0);
  const auto stock = StockTimeline(world, run);
  const double dt = 2600.0 / (kStockSamples - 1);
  for (int k = 0; k < kStockSamples; ++k) {
    const double t = k * dt;
    const int launcher0 = t < 100.0 ? 20 : t < 119.0 ? 20 - static_cast<int>(t - 100.0) - 1 : t < 719.0 ? 0 : 20;
    const int launcher1 = t < 150.0 ? 20 : 19;
    EXPECT_EQ(stock[0][k], launcher0 + launcher1 + 20) << "t = " << t;
  }
}

TEST(StockText, RoundTripsAndRefusesWhatItDidNotWrite) {
  std::vector<std::vector<int>> stock(2, std::vector<int>(kStockSamples, 7));
  stock[1][3] = 12;
  EXPECT_EQ(DecodeStock(EncodeStock(stock)), stock);
  EXPECT_TRUE(DecodeStock("").empty());
  EXPECT_THROW(DecodeStock("1,2,3"), std::invalid_argument);  // too few samples
  EXPECT_THROW(DecodeStock("1,,3"), std::invalid_argument);
  EXPECT_THROW(DecodeStock("x"), std::invalid_argument);
}

}  // namespace
}  // namespace cupola
