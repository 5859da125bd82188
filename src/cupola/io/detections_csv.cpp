#include "cupola/io/detections_csv.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <limits>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "cupola/core/error.h"
#include "cupola/core/input_file.h"
#include "cupola/core/text.h"
#include "cupola/core/units.h"

namespace cupola {

namespace {

const std::vector<std::string> kColumns = {
    "t_s", "scan_t_s", "radar", "scan", "radar_lat_deg", "radar_lon_deg", "radar_alt_m", "max_range_m", "range_m",
    "azimuth_deg", "elevation_deg", "range_rate_mps", "sigma_range_m", "sigma_azimuth_mrad", "sigma_elevation_mrad",
    "sigma_range_rate_mps", "truth_id"};
enum Column {
  kT, kScanT, kRadar, kScan, kLat, kLon, kAlt, kMaxRange, kRange, kAzimuth, kElevation, kRangeRate,
  kSigmaRange, kSigmaAzimuth, kSigmaElevation, kSigmaRangeRate, kTruthId
};
// The radar-describing columns, which must agree on every row of one radar.
constexpr Column kRadarColumns[] = {kLat, kLon, kAlt, kMaxRange, kSigmaRange, kSigmaAzimuth, kSigmaElevation,
                                    kSigmaRangeRate};

std::string Header() {
  std::string header;
  for (const auto& column : kColumns) header += (header.empty() ? "" : ",") + column;
  return header;
}

// Fields between commas (a trailing comma ends with an empty field); by
// find rather than a stream per line: files run to 600,000 rows.
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields;
  if (line.empty()) return fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string::npos) {
      fields.emplace_back(line, start);
      return fields;
    }
    fields.emplace_back(line, start, comma - start);
    start = comma + 1;
  }
}

// One `#! clutter` line: the radar it describes and its false alarms per scan.
struct ClutterLine {
  int radar = -1;
  double false_alarms_per_scan = 0.0;
  double false_alarm_probability = 0.0;  // 0 unless given (with resolution cells)
  int line = 0;
};

// `#! clutter radar=R false_alarms_per_scan=N` or
// `#! clutter radar=R pfa=P resolution_cells=C` (docs/detections.md).
ClutterLine ParseClutterLine(const std::string& line, const std::string& file, int line_number) {
  ClutterLine out;
  out.line = line_number;
  std::map<std::string, std::pair<double, int>> values;  // key -> value, column
  std::size_t at = std::string("#! clutter").size();
  while (at < line.size()) {
    while (at < line.size() && line[at] == ' ') ++at;
    if (at >= line.size()) break;
    const std::size_t end = std::min(line.find(' ', at), line.size());
    const std::string item = line.substr(at, end - at);
    const int column = static_cast<int>(at) + 1;
    const std::size_t eq = item.find('=');
    const std::string key = item.substr(0, eq);
    static const std::vector<std::string> known = {"radar", "false_alarms_per_scan", "pfa", "resolution_cells"};
    if (eq == std::string::npos || std::find(known.begin(), known.end(), key) == known.end())
      throw InputError({file, line_number, column}, "clutter", Quote(item),
                       "KEY=VALUE with KEY one of radar, false_alarms_per_scan, pfa, resolution_cells");
    if (values.count(key)) throw InputError({file, line_number, column}, key, Quote(item), "each key once");
    const std::string text = item.substr(eq + 1);
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value))
      throw InputError({file, line_number, column}, key, Quote(text), "a number");
    values[key] = {value, column};
    at = end;
  }
  auto need = [&](const std::string& key, double lo, double hi) {
    const auto it = values.find(key);
    if (it == values.end())
      throw InputError({file, line_number, 1}, key, "nothing", "radar=R and either false_alarms_per_scan=N or pfa=P resolution_cells=C");
    const double v = it->second.first;
    if (v < lo || v > hi)
      throw InputError({file, line_number, it->second.second}, key, FormatNumber(v),
                       "a number in [" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]");
    return v;
  };
  const double radar = need("radar", 0, 1000);
  if (radar != std::floor(radar))
    throw InputError({file, line_number, values["radar"].second}, "radar", FormatNumber(radar), "a whole number");
  out.radar = static_cast<int>(radar);
  const bool by_count = values.count("false_alarms_per_scan") > 0;
  if (by_count && (values.count("pfa") || values.count("resolution_cells")))
    throw InputError({file, line_number, values["false_alarms_per_scan"].second}, "false_alarms_per_scan",
                     "with pfa or resolution_cells", "either false_alarms_per_scan=N or pfa=P resolution_cells=C");
  if (by_count) {
    out.false_alarms_per_scan = need("false_alarms_per_scan", 0, 1e7);
  } else {
    out.false_alarm_probability = need("pfa", 0, 0.1);
    out.false_alarms_per_scan = out.false_alarm_probability * need("resolution_cells", 0, 1e15);
    if (out.false_alarms_per_scan > 1e7)
      throw InputError({file, line_number, values["resolution_cells"].second}, "resolution_cells",
                       FormatNumber(values["resolution_cells"].first),
                       "at most 1e7 false alarms per scan (pfa x resolution_cells; here " +
                           FormatNumber(out.false_alarms_per_scan) + ")");
  }
  return out;
}

}  // namespace

std::string DetectionsCsv(const DetectionLog& log) {
  // Each radar's clutter level, for JPDA (docs/detections.md).
  std::string out;
  for (std::size_t i = 0; i < log.radars.size(); ++i)
    if (log.radars[i].false_alarms_per_scan > 0)
      out += "#! clutter radar=" + std::to_string(i) + " false_alarms_per_scan=" +
             FormatNumber(log.radars[i].false_alarms_per_scan) + "\n";
  out += Header() + "\n";
  char row[600];
  for (const ScanRecord& scan : log.scans) {
    const RadarSpec& r = log.radars[scan.radar];
    char radar_fields[256];
    std::snprintf(radar_fields, sizeof(radar_fields), "%.6f,%d,%d,%.9f,%.9f,%.3f,%.3f", scan.t_s, scan.radar, scan.scan,
                  r.site.lat_deg, r.site.lon_deg, r.site.alt_m, r.max_range_m);
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
  struct RadarSeen {
    RadarSpec spec;
    std::vector<std::string> fields;  // its radar columns as first written
    int first_line = 0;
    int last_scan = -1;
  };
  std::map<int, RadarSeen> radars;
  std::vector<ClutterLine> clutter;
  bool header_seen = false;
  double last_scan_start = -std::numeric_limits<double>::infinity();
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("#! clutter", 0) == 0) {
      clutter.push_back(ParseClutterLine(line, file, line_number));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = SplitCsv(line);
    if (!header_seen) {  // the first line that is not a comment
      if (fields != kColumns)
        throw InputError({file, line_number, 1}, "header", Quote(line), "the header " + Header());
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
    // Every field quoted in a message is escaped and shortened (core/text.h).
    auto fail = [&](std::size_t i, const std::string& value, const std::string& expected) {
      throw InputError({file, line_number, column_of(i)}, kColumns[i], value, expected);
    };
    auto number = [&](std::size_t i, double lo, double hi) -> double {
      const std::string& f = fields[i];
      if (f.empty()) fail(i, "an empty field", "a number");
      double value = 0.0;
      const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), value);
      if (ec != std::errc() || ptr != f.data() + f.size() || !std::isfinite(value)) fail(i, Quote(f), "a number");
      if (value < lo || value > hi) fail(i, Escaped(f), "a number in [" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]");
      return value;
    };
    auto whole = [&](std::size_t i, double hi) {
      const double value = number(i, 0, hi);
      if (value != std::floor(value)) fail(i, Escaped(fields[i]), "a whole number");
      return static_cast<int>(value);
    };
    const double t = number(kT, 0.0, 1e9);
    const double scan_t = number(kScanT, 0.0, 1e9);
    const int radar_index = whole(kRadar, 1000);
    const int scan_index = whole(kScan, 1e9);
    RadarSpec spec;
    spec.name = "radar-" + std::to_string(radar_index);
    spec.site = {number(kLat, -90, 90), number(kLon, -180, 180), number(kAlt, -500, 9000)};
    spec.max_range_m = number(kMaxRange, 1.0, 1e7);
    spec.min_elevation_rad = DegToRad(-10.0);
    spec.max_elevation_rad = DegToRad(90.0);
    spec.sigma_range_m = number(kSigmaRange, 1e-6, 1e5);
    spec.sigma_azimuth_rad = number(kSigmaAzimuth, 1e-6, 1e3) / 1e3;
    spec.sigma_elevation_rad = number(kSigmaElevation, 1e-6, 1e3) / 1e3;
    spec.sigma_radial_velocity_mps = number(kSigmaRangeRate, 0.0, 1e4);
    auto [seen, inserted] = radars.try_emplace(radar_index);
    if (inserted) {
      seen->second.spec = spec;
      seen->second.first_line = line_number;
      for (const Column c : kRadarColumns) seen->second.fields.push_back(fields[c]);
    } else {
      for (std::size_t k = 0; k < std::size(kRadarColumns); ++k)
        if (fields[kRadarColumns[k]] != seen->second.fields[k])
          fail(kRadarColumns[k], Escaped(fields[kRadarColumns[k]]),
               "the value on line " + std::to_string(seen->second.first_line) + " (" + Escaped(seen->second.fields[k]) +
                   "): a radar's site, coverage and noise are the same on all its rows");
    }
    // A new scan starts when (radar, scan) changes.
    const bool new_scan = log.scans.empty() || log.scans.back().radar != radar_index || log.scans.back().scan != scan_index;
    if (new_scan) {
      if (scan_index <= seen->second.last_scan)
        fail(kScan, Escaped(fields[kScan]),
             "a scan number above radar " + std::to_string(radar_index) + "'s previous " +
                 std::to_string(seen->second.last_scan) + " (rows of one scan are contiguous; see docs/detections.md)");
      if (scan_t < last_scan_start)
        fail(kScanT, Escaped(fields[kScanT]),
             "scans in order of their start time: this scan starts before the previous one (" +
                 FormatNumber(last_scan_start) + " s); see docs/detections.md");
      seen->second.last_scan = scan_index;
      last_scan_start = scan_t;
      log.scans.push_back({radar_index, scan_index, scan_t, {}, {}});
    } else if (scan_t != log.scans.back().t_s) {
      fail(kScanT, Escaped(fields[kScanT]), "the same scan start on every row of a scan (" + FormatNumber(log.scans.back().t_s) + ")");
    }
    if (t < scan_t) fail(kT, Escaped(fields[kT]), "a time no earlier than its scan's start (" + FormatNumber(scan_t) + " s)");
    if (!log.scans.back().detections.empty() && t < log.scans.back().detections.back().t_s)
      fail(kT, Escaped(fields[kT]),
           "a time no earlier than the previous row of the same scan (" +
               FormatNumber(log.scans.back().detections.back().t_s) + " s)");
    if (fields[kRange].empty()) continue;  // a scan that saw nothing
    Detection d;
    d.t_s = t;
    d.radar = radar_index;
    d.z = Spherical(number(kRange, 0.0, 1e7), DegToRad(number(kAzimuth, -360, 360)), DegToRad(number(kElevation, -90, 90)),
                    fields[kRangeRate].empty() ? 0.0 : number(kRangeRate, -1e5, 1e5));
    d.sigma = Spherical(spec.sigma_range_m, spec.sigma_azimuth_rad, spec.sigma_elevation_rad, spec.sigma_radial_velocity_mps);
    log.scans.back().detections.push_back(d);
    log.scans.back().truth_ids.push_back(fields[kTruthId].empty() ? -1 : static_cast<int>(number(kTruthId, -1, 1e9)));
  }
  if (!header_seen) throw InputError({file, 1, 1}, "header", "an empty file", "the header " + Header());
  if (radars.empty()) throw InputError({file, line_number, 0}, "", "no rows after the header", "at least one scan row");
  for (const auto& [index, seen] : radars) {
    if (index != static_cast<int>(log.radars.size()))
      throw InputError({file, seen.first_line, 1}, "radar",
                       std::to_string(index) + " with no radar " + std::to_string(log.radars.size()) + " in the file",
                       "radars numbered 0, 1, 2, ... without gaps");
    log.radars.push_back(seen.spec);
  }
  for (const ClutterLine& c : clutter) {
    if (c.radar >= static_cast<int>(log.radars.size()))
      throw InputError({file, c.line, 1}, "radar", std::to_string(c.radar),
                       "a radar of the file (0 to " + std::to_string(log.radars.size() - 1) + ")");
    RadarSpec& radar = log.radars[c.radar];
    radar.false_alarms_per_scan = c.false_alarms_per_scan;
    if (c.false_alarm_probability > 0) radar.false_alarm_probability = c.false_alarm_probability;
  }
  return log;
}

DetectionLog ReadDetectionsCsv(const std::string& path) {
  return ParseDetectionsCsv(ReadInputFile(path, "a readable detections CSV file"), path);
}

}  // namespace cupola
