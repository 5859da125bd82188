#include "cupola/io/geo_json.h"

#include <algorithm>

namespace cupola {

using json = nlohmann::ordered_json;

json LatLonAltJson(const World& world, const Eigen::Vector3d& p_W) {
  const GeodeticPoint g = world.frame().ToGeodetic(p_W);
  return {{"lat_deg", RoundTo(g.lat_deg, 1e-7)}, {"lon_deg", RoundTo(g.lon_deg, 1e-7)}, {"alt_m", RoundTo(g.alt_m, 1e-3)}};
}

json LonLatJson(const World& world, const Eigen::Vector3d& p_W) {
  const GeodeticPoint g = world.frame().ToGeodetic(p_W);
  return {RoundTo(g.lon_deg, 1e-7), RoundTo(g.lat_deg, 1e-7)};
}

json GeoJsonRing(const World& world, const Polygon& polygon) {
  json ring = json::array();
  for (const auto& v : polygon.vertices_EN) ring.push_back(LonLatJson(world, Eigen::Vector3d(v.x(), v.y(), 0.0)));
  // RFC 7946 3.1.6: exterior rings run counter-clockwise. A user may list the
  // vertices either way round; east/north keep their sense in lon/lat.
  if (polygon.SignedArea() < 0.0) std::reverse(ring.begin(), ring.end());
  ring.push_back(ring.front());
  return ring;
}

json GeoJsonFeature(json geometry, json properties) {
  return {{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(properties)}};
}

}  // namespace cupola
