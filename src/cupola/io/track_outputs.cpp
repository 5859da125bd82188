#include "cupola/io/track_outputs.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace cupola {

std::string TracksCsv(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out =
      "t_s,track_id,status,east_m,north_m,up_m,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,"
      "sigma_east_m,sigma_north_m,sigma_up_m,nis,radar\n";
  char row[400];
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    std::snprintf(row, sizeof(row), "%.6f,%d,%s,%.2f,%.2f,%.2f,%.7f,%.7f,%.2f,%.3f,%.3f,%.3f,%.2f,%.2f,%.2f,%.4f,%d\n",
                  r.t_s, r.track_id, ToString(r.status), r.p_W.x(), r.p_W.y(), r.p_W.z(), g.lat_deg, g.lon_deg, g.alt_m,
                  r.v_W.x(), r.v_W.y(), r.v_W.z(), r.sigma_p_W.x(), r.sigma_p_W.y(), r.sigma_p_W.z(), r.nis, r.radar);
    out += row;
  }
  return out;
}

std::string TracksJsonLines(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out;
  auto round = [](double x, double unit) { return std::round(x / unit) * unit; };
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    nlohmann::ordered_json j = {
        {"t_s", round(r.t_s, 1e-6)},
        {"track_id", r.track_id},
        {"status", ToString(r.status)},
        {"position", {{"lat_deg", round(g.lat_deg, 1e-7)}, {"lon_deg", round(g.lon_deg, 1e-7)}, {"alt_m", round(g.alt_m, 1e-2)}}},
        {"p_W_m", {round(r.p_W.x(), 1e-2), round(r.p_W.y(), 1e-2), round(r.p_W.z(), 1e-2)}},
        {"v_W_mps", {round(r.v_W.x(), 1e-3), round(r.v_W.y(), 1e-3), round(r.v_W.z(), 1e-3)}},
        {"sigma_p_W_m", {round(r.sigma_p_W.x(), 1e-2), round(r.sigma_p_W.y(), 1e-2), round(r.sigma_p_W.z(), 1e-2)}},
        {"nis", round(r.nis, 1e-4)},
        {"radar", r.radar}};
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace cupola
