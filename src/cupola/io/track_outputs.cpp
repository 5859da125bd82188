#include "cupola/io/track_outputs.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace cupola {

namespace {

// The covariance columns, in TrackReport::cov_pv's order (upper triangle of
// [x, y, z, vx, vy, vz] = [east, north, up, v_east, v_north, v_up]), each
// with its unit.
std::string CovarianceHeader() {
  static const char* const names[] = {"x", "y", "z", "vx", "vy", "vz"};
  std::string out;
  for (int i = 0; i < 6; ++i)
    for (int j = i; j < 6; ++j) {
      const int velocities = (i >= 3) + (j >= 3);
      out += std::string(",cov_") + names[i] + names[j] + (velocities == 0 ? "_m2" : velocities == 1 ? "_m2_s" : "_m2_s2");
    }
  return out + ",var_kappa_m4_kg2";
}

}  // namespace

std::string TracksCsvHeader() {
  return "t_s,track_id,status,east_m,north_m,up_m,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,"
         "sigma_east_m,sigma_north_m,sigma_up_m,nis,radar" +
         CovarianceHeader() + "\n";
}

std::string TracksCsv(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out = TracksCsvHeader();
  out.reserve(out.size() + reports.size() * 420);
  char row[1024];
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    const Eigen::Vector3d sigma = r.SigmaP();
    int n = std::snprintf(row, sizeof(row), "%.6f,%d,%s,%.2f,%.2f,%.2f,%.7f,%.7f,%.2f,%.3f,%.3f,%.3f,%.2f,%.2f,%.2f,%.4f,%d",
                          r.t_s, r.track_id, ToString(r.status), r.p_W.x(), r.p_W.y(), r.p_W.z(), g.lat_deg, g.lon_deg,
                          g.alt_m, r.v_W.x(), r.v_W.y(), r.v_W.z(), sigma.x(), sigma.y(), sigma.z(), r.nis, r.radar);
    // Six significant digits: NEES from them is good to about 1e-5 relative.
    for (const double c : r.cov_pv) n += std::snprintf(row + n, sizeof(row) - n, ",%.6g", c);
    // No drag parameter: an empty field.
    n += std::isnan(r.var_kappa) ? std::snprintf(row + n, sizeof(row) - n, ",\n")
                                 : std::snprintf(row + n, sizeof(row) - n, ",%.6g\n", r.var_kappa);
    out.append(row, n);
  }
  return out;
}

std::string TracksJsonLines(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out;
  auto round = [](double x, double unit) { return std::round(x / unit) * unit; };
  // Six significant digits, as in tracks.csv.
  auto digits6 = [](double x) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.6g", x);
    return std::strtod(text, nullptr);
  };
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    const Eigen::Vector3d sigma = r.SigmaP();
    nlohmann::json cov = nlohmann::json::array();
    for (const double c : r.cov_pv) cov.push_back(digits6(c));
    nlohmann::ordered_json j = {
        {"t_s", round(r.t_s, 1e-6)},
        {"track_id", r.track_id},
        {"status", ToString(r.status)},
        {"position", {{"lat_deg", round(g.lat_deg, 1e-7)}, {"lon_deg", round(g.lon_deg, 1e-7)}, {"alt_m", round(g.alt_m, 1e-2)}}},
        {"p_W_m", {round(r.p_W.x(), 1e-2), round(r.p_W.y(), 1e-2), round(r.p_W.z(), 1e-2)}},
        {"v_W_mps", {round(r.v_W.x(), 1e-3), round(r.v_W.y(), 1e-3), round(r.v_W.z(), 1e-3)}},
        {"sigma_p_W_m", {round(sigma.x(), 1e-2), round(sigma.y(), 1e-2), round(sigma.z(), 1e-2)}},
        {"nis", round(r.nis, 1e-4)},
        {"radar", r.radar},
        {"cov_pv_W_upper", std::move(cov)}};
    if (!std::isnan(r.var_kappa)) j["var_kappa_m4_kg2"] = digits6(r.var_kappa);
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace cupola
