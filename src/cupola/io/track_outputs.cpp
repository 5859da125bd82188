#include "cupola/io/track_outputs.h"

#include <charconv>
#include <cmath>

namespace cupola {

namespace {

// Rows are formatted with std::to_chars, which gives printf's digits
// ("%.2f" = fixed 2, "%.6g" = general 6) several times faster: a run of
// 10,000 tracks writes millions of numbers.
void Fixed(std::string& out, double value, int decimals) {
  char text[64];
  const auto end = std::to_chars(text, text + sizeof(text), value, std::chars_format::fixed, decimals).ptr;
  out.append(text, end);
}
void General6(std::string& out, double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof(text), value, std::chars_format::general, 6).ptr;
  out.append(text, end);
}
void Integer(std::string& out, int value) {
  char text[16];
  const auto end = std::to_chars(text, text + sizeof(text), value).ptr;
  out.append(text, end);
}

std::string CovarianceHeader() {
  std::string out;
  for (const std::string& name : CovarianceColumnNames()) out += "," + name;
  return out + ",var_kappa_m4_kg2";
}

}  // namespace

std::vector<std::string> CovarianceColumnNames() {
  static const char* const names[] = {"x", "y", "z", "vx", "vy", "vz"};
  std::vector<std::string> out;
  for (int i = 0; i < 6; ++i)
    for (int j = i; j < 6; ++j) {
      const int velocities = (i >= 3) + (j >= 3);
      out.push_back(std::string("cov_") + names[i] + names[j] +
                    (velocities == 0 ? "_m2" : velocities == 1 ? "_m2_s" : "_m2_s2"));
    }
  return out;
}

std::string TracksCsvHeader() {
  return "t_s,track_id,status,east_m,north_m,up_m,lat_deg,lon_deg,alt_m,v_east_mps,v_north_mps,v_up_mps,"
         "sigma_east_m,sigma_north_m,sigma_up_m,nis,radar" +
         CovarianceHeader() + "\n";
}

std::string TracksCsv(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out = TracksCsvHeader();
  out.reserve(out.size() + reports.size() * 360);
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    const Eigen::Vector3d sigma = r.SigmaP();
    Fixed(out, r.t_s, 6), out += ',';
    Integer(out, r.track_id), out += ',';
    out += ToString(r.status), out += ',';
    for (int i = 0; i < 3; ++i) Fixed(out, r.p_W[i], 2), out += ',';
    Fixed(out, g.lat_deg, 7), out += ',';
    Fixed(out, g.lon_deg, 7), out += ',';
    Fixed(out, g.alt_m, 2), out += ',';
    for (int i = 0; i < 3; ++i) Fixed(out, r.v_W[i], 3), out += ',';
    for (int i = 0; i < 3; ++i) Fixed(out, sigma[i], 2), out += ',';
    Fixed(out, r.nis, 4), out += ',';
    Integer(out, r.radar);
    // Six significant digits: NEES from them is good to about 1e-5 relative.
    for (const double c : r.cov_pv) out += ',', General6(out, c);
    out += ',';
    if (!std::isnan(r.var_kappa)) General6(out, r.var_kappa);  // else empty: no drag parameter
    out += '\n';
  }
  return out;
}

// The same rows as JSON objects, written directly (keys in a fixed order).
std::string TracksJsonLines(const LocalFrame& frame, const std::vector<TrackReport>& reports) {
  std::string out;
  out.reserve(reports.size() * 560);
  auto vector3 = [&](const char* key, const Eigen::Vector3d& v, int decimals) {
    out += ",\"", out += key, out += "\":[";
    for (int i = 0; i < 3; ++i) {
      if (i) out += ',';
      Fixed(out, v[i], decimals);
    }
    out += ']';
  };
  for (const auto& r : reports) {
    const GeodeticPoint g = frame.ToGeodetic(r.p_W);
    out += "{\"t_s\":", Fixed(out, r.t_s, 6);
    out += ",\"track_id\":", Integer(out, r.track_id);
    out += ",\"status\":\"", out += ToString(r.status), out += '"';
    out += ",\"position\":{\"lat_deg\":", Fixed(out, g.lat_deg, 7);
    out += ",\"lon_deg\":", Fixed(out, g.lon_deg, 7);
    out += ",\"alt_m\":", Fixed(out, g.alt_m, 2), out += '}';
    vector3("p_W_m", r.p_W, 2);
    vector3("v_W_mps", r.v_W, 3);
    vector3("sigma_p_W_m", r.SigmaP(), 2);
    out += ",\"nis\":", Fixed(out, r.nis, 4);
    out += ",\"radar\":", Integer(out, r.radar);
    out += ",\"cov_pv_W_upper\":[";
    for (std::size_t k = 0; k < r.cov_pv.size(); ++k) {
      if (k) out += ',';
      General6(out, r.cov_pv[k]);
    }
    out += ']';
    if (!std::isnan(r.var_kappa)) out += ",\"var_kappa_m4_kg2\":", General6(out, r.var_kappa);
    out += "}\n";
  }
  return out;
}

}  // namespace cupola
