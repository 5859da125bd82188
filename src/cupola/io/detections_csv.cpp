#include "cupola/io/detections_csv.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "cupola/core/error.h"
#include "cupola/core/text.h"
#include "cupola/core/units.h"

namespace cupola {

namespace {

const std::vector<std::string> kColumns = {
    "t_s", "radar", "scan", "radar_lat_deg", "radar_lon_deg", "radar_alt_m", "max_range_m", "range_m", "azimuth_deg",
    "elevation_deg", "range_rate_mps", "sigma_range_m", "sigma_azimuth_mrad", "sigma_elevation_mrad",
    "sigma_range_rate_mps", "truth_id"};

std::string Header() {
  std::string header;
  for (const auto& column : kColumns) header += (header.empty() ? "" : ",") + column;
  return header;
}

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

}  // namespace

std::string DetectionsCsv(const DetectionLog& log) {
  std::string out = Header() + "\n";
  char row[512];
  for (const ScanRecord& scan : log.scans) {
    const RadarSpec& r = log.radars[scan.radar];
    char radar_fields[256];
    std::snprintf(radar_fields, sizeof(radar_fields), "%d,%d,%.9f,%.9f,%.3f,%.3f", scan.radar, scan.scan, r.site.lat_deg,
                  r.site.lon_deg, r.site.alt_m, r.max_range_m);
    char sigma_fields[128];
    std::snprintf(sigma_fields, sizeof(sigma_fields), "%.6g,%.6g,%.6g,%.6g", r.sigma_range_m, r.sigma_azimuth_rad * 1e3,
                  r.sigma_elevation_rad * 1e3, r.sigma_radial_velocity_mps);
    if (scan.detections.empty()) {
      std::snprintf(row, sizeof(row), "%.6f,%s,,,,,%s,\n", scan.t_s, radar_fields, sigma_fields);
      out += row;
    }
    for (std::size_t i = 0; i < scan.detections.size(); ++i) {
      const Detection& d = scan.detections[i];
      std::snprintf(row, sizeof(row), "%.6f,%s,%.3f,%.9f,%.9f,%.4f,%s,%d\n", d.t_s, radar_fields, d.z[0],
                    RadToDeg(d.z[1]), RadToDeg(d.z[2]), d.z[3], sigma_fields, scan.truth_ids[i]);
      out += row;
    }
  }
  return out;
}

DetectionLog ParseDetectionsCsv(const std::string& text, const std::string& file) {
  DetectionLog log;
  std::istringstream in(text);
  std::string line;
  int line_number = 0;
  std::map<int, RadarSpec> radars;
  std::map<int, int> radar_first_line;
  bool header_seen = false;
  double last_scan_start = -std::numeric_limits<double>::infinity();
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = SplitCsv(line);
    if (!header_seen) {  // the first line that is not a comment
      if (fields != kColumns)
        throw InputError({file, line_number, 1}, "header", "'" + line + "'", "the header " + Header());
      header_seen = true;
      continue;
    }
    if (fields.size() != kColumns.size())
      throw InputError({file, line_number, 1}, "row", std::to_string(fields.size()) + " fields",
                       std::to_string(kColumns.size()) + " comma-separated fields (" + Header() + ")");
    // Column of field i, for messages: 1 + the characters before it.
    auto column_of = [&](std::size_t i) {
      int column = 1;
      for (std::size_t k = 0; k < i; ++k) column += static_cast<int>(fields[k].size()) + 1;
      return column;
    };
    auto number = [&](std::size_t i, double lo, double hi, bool optional) -> double {
      const std::string& f = fields[i];
      if (f.empty()) {
        if (optional) return std::nan("");
        throw InputError({file, line_number, column_of(i)}, kColumns[i], "an empty field", "a number");
      }
      double value = 0.0;
      const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), value);
      if (ec != std::errc() || ptr != f.data() + f.size() || !std::isfinite(value))
        throw InputError({file, line_number, column_of(i)}, kColumns[i], "'" + f + "'", "a number");
      if (value < lo || value > hi)
        throw InputError({file, line_number, column_of(i)}, kColumns[i], f,
                         "a number in [" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]");
      return value;
    };
    const double t = number(0, 0.0, 1e9, false);
    const double radar_value = number(1, 0, 1000, false), scan_value = number(2, 0, 1e9, false);
    if (radar_value != std::floor(radar_value))
      throw InputError({file, line_number, column_of(1)}, "radar", fields[1], "a whole number");
    if (scan_value != std::floor(scan_value))
      throw InputError({file, line_number, column_of(2)}, "scan", fields[2], "a whole number");
    const int radar_index = static_cast<int>(radar_value), scan_index = static_cast<int>(scan_value);
    RadarSpec spec;
    spec.name = "radar-" + std::to_string(radar_index);
    spec.site = {number(3, -90, 90, false), number(4, -180, 180, false), number(5, -500, 9000, false)};
    spec.max_range_m = number(6, 1.0, 1e7, false);
    spec.min_elevation_rad = DegToRad(-10.0);
    spec.max_elevation_rad = DegToRad(90.0);
    spec.sigma_range_m = number(11, 1e-6, 1e5, false);
    spec.sigma_azimuth_rad = number(12, 1e-6, 1e3, false) / 1e3;
    spec.sigma_elevation_rad = number(13, 1e-6, 1e3, false) / 1e3;
    spec.sigma_radial_velocity_mps = number(14, 0.0, 1e4, false);
    const auto known = radars.find(radar_index);
    if (known == radars.end()) {
      radars[radar_index] = spec;
      radar_first_line[radar_index] = line_number;
    } else if (known->second.site.lat_deg != spec.site.lat_deg || known->second.site.lon_deg != spec.site.lon_deg ||
               known->second.sigma_range_m != spec.sigma_range_m) {
      throw InputError({file, line_number, column_of(3)}, "radar_lat_deg",
                       "a different site or noise for radar " + std::to_string(radar_index),
                       "the same site, coverage and noise on every row of one radar");
    }
    // A new scan starts when (radar, scan) changes.
    const bool new_scan = log.scans.empty() || log.scans.back().radar != radar_index || log.scans.back().scan != scan_index;
    if (new_scan) {
      if (t < last_scan_start)
        throw InputError({file, line_number, 1}, "t_s", FormatNumber(t),
                         "scans in order of their start time: this scan starts before the previous one (" +
                             FormatNumber(last_scan_start) + " s); see docs/detections.md");
      last_scan_start = t;
      log.scans.push_back({radar_index, scan_index, t, {}, {}});
    } else if (!log.scans.back().detections.empty() && t < log.scans.back().detections.back().t_s) {
      throw InputError({file, line_number, 1}, "t_s", FormatNumber(t),
                       "a time no earlier than the previous row of the same scan (" +
                           FormatNumber(log.scans.back().detections.back().t_s) + " s)");
    }
    if (fields[7].empty()) continue;  // a scan that saw nothing
    Detection d;
    d.t_s = t;
    d.radar = radar_index;
    d.z = Spherical(number(7, 0.0, 1e7, false), DegToRad(number(8, -360, 360, false)),
                    DegToRad(number(9, -90, 90, false)), fields[10].empty() ? 0.0 : number(10, -1e5, 1e5, false));
    d.sigma = Spherical(spec.sigma_range_m, spec.sigma_azimuth_rad, spec.sigma_elevation_rad, spec.sigma_radial_velocity_mps);
    log.scans.back().detections.push_back(d);
    log.scans.back().truth_ids.push_back(fields[15].empty() ? -1 : static_cast<int>(number(15, -1, 1e9, false)));
  }
  if (!header_seen) throw InputError({file, 1, 1}, "header", "an empty file", "the header " + Header());
  if (radars.empty()) throw InputError({file, line_number, 0}, "", "no rows after the header", "at least one scan row");
  for (const auto& [index, spec] : radars) {
    if (index != static_cast<int>(log.radars.size()))
      throw InputError({file, radar_first_line[index], 1}, "radar", std::to_string(index) + " with no radar " +
                           std::to_string(log.radars.size()) + " in the file",
                       "radars numbered 0, 1, 2, ... without gaps");
    log.radars.push_back(spec);
  }
  return log;
}

DetectionLog ReadDetectionsCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "", "a file that cannot be opened", "a readable detections CSV file");
  std::stringstream text;
  text << in.rdbuf();
  return ParseDetectionsCsv(text.str(), path);
}

}  // namespace cupola
