#include "cupola/io/geo_json.h"

#include <gtest/gtest.h>

#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

// Twice the signed area of a closed [lon, lat] ring: > 0 counter-clockwise.
double TwiceSignedArea(const nlohmann::ordered_json& ring) {
  double twice = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    twice += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return twice;
}

TEST(GeoJsonRing, CounterClockwiseWhicheverWayTheAreaWasListed) {
  // The same square listed clockwise (area a) and counter-clockwise (area b).
  const World world(LoadScenarioText(R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
defended_areas:
  - name: a
    polygon_latlon_deg: [[31.51, 34.61], [31.51, 34.62], [31.50, 34.62], [31.50, 34.61]]
  - name: b
    polygon_latlon_deg: [[31.51, 34.61], [31.50, 34.61], [31.50, 34.62], [31.51, 34.62]]
)", "ring.yaml"));
  ASSERT_LT(world.areas()[0].polygon.SignedArea(), 0.0);  // listed clockwise
  ASSERT_GT(world.areas()[1].polygon.SignedArea(), 0.0);
  for (const auto& area : world.areas()) {
    const auto ring = GeoJsonRing(world, area.polygon);
    ASSERT_EQ(ring.size(), 5u);
    EXPECT_EQ(ring.front(), ring.back());  // closed
    EXPECT_NEAR(TwiceSignedArea(ring), 2.0 * 0.01 * 0.01, 1e-9) << area.name;  // CCW, the square's area in deg^2
  }
}

}  // namespace
}  // namespace cupola
