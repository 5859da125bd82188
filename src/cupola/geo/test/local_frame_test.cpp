#include "cupola/geo/local_frame.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cupola {
namespace {

TEST(LocalFrame, RoundTripIsExact) {
  LocalFrame frame({31.5, 34.6, 50.0});
  const GeodeticPoint g{31.7, 34.9, 1200.0};
  const Eigen::Vector3d p = frame.ToLocal(g);
  const GeodeticPoint back = frame.ToGeodetic(p);
  EXPECT_NEAR(back.lat_deg, g.lat_deg, 1e-11);
  EXPECT_NEAR(back.lon_deg, g.lon_deg, 1e-11);
  EXPECT_NEAR(back.alt_m, g.alt_m, 1e-6);
}

TEST(LocalFrame, OriginIsZero) {
  LocalFrame frame({50.45, 30.52, 170.0});
  EXPECT_LT(frame.ToLocal({50.45, 30.52, 170.0}).norm(), 1e-6);
  EXPECT_NEAR(frame.Height(Eigen::Vector3d::Zero()), 170.0, 1e-6);
}

TEST(LocalFrame, TangentPlaneDropMatchesSphereEstimate) {
  // A point on the ellipsoid 100 km east lies about d^2 / (2 N) = 784 m below
  // the tangent plane at 31.5 deg N.
  LocalFrame frame({31.5, 34.6, 0.0});
  const GeodeticPoint east = frame.ToGeodetic(Eigen::Vector3d(100e3, 0, 0));
  EXPECT_NEAR(east.alt_m, 100e3 * 100e3 / (2 * frame.prime_vertical_radius_m()), 1.0);
  EXPECT_GT(east.alt_m, 780.0);
}

// The fast curvature approximation used inside flight physics must stay within
// 1 m of GeographicLib for |x|,|y| <= 100 km and heights up to 30 km.
TEST(LocalFrame, FastHeightWithinOneMetreOut100Km) {
  for (double lat0 : {0.0, 31.5, 50.45, 70.0}) {
    LocalFrame frame({lat0, 30.0, 100.0});
    double worst = 0.0;
    for (double x = -100e3; x <= 100e3; x += 25e3)
      for (double y = -100e3; y <= 100e3; y += 25e3)
        for (double z : {-800.0, 0.0, 10e3, 30e3}) {
          const Eigen::Vector3d p(x, y, z);
          worst = std::max(worst, std::abs(frame.FastHeight(p) - frame.Height(p)));
        }
    EXPECT_LT(worst, 1.0) << "origin latitude " << lat0;
  }
}

TEST(LocalFrame, FastUpMatchesEllipsoidNormal) {
  LocalFrame frame({31.5, 34.6, 0.0});
  // Exact normal at a point: difference of the local frame and one metre above.
  const Eigen::Vector3d p(60e3, -70e3, 5e3);
  GeodeticPoint g = frame.ToGeodetic(p);
  g.alt_m += 1.0;
  const Eigen::Vector3d up_exact = frame.ToLocal(g) - p;
  EXPECT_LT((frame.FastUp(p) - up_exact.normalized()).norm(), 2e-5);  // 20 microradians
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {
TEST(LocalFrame, FastSinLatitudeMatchesSine) {
  LocalFrame frame({50.45, 30.52, 0.0});
  for (double y = -120e3; y <= 120e3; y += 20e3) {
    const Eigen::Vector3d p(0.0, y, 0.0);
    EXPECT_NEAR(frame.FastSinLatitude(p), std::sin(frame.FastLatitude(p)), 1e-10);
  }
}
}  // namespace
}  // namespace cupola
