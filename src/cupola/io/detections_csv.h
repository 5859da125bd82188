// cupola/io/detections_csv.h -- recorded detections, written by
// `cupola run --export-detections` and read by `cupola track`.
//
// Format (docs/detections.md): CSV with a header row; one row per detection,
// plus one row with empty measurement fields for a scan that detected
// nothing (so a tracker still counts the look). Every row names its radar's
// site, coverage and noise, so the file stands alone. Rows of one scan are
// contiguous; scans appear in the order of their start time, and within a
// scan t_s never decreases.
#pragma once

#include <string>
#include <vector>

#include "cupola/sensors/scan.h"

namespace cupola {

struct DetectionLog {
  std::vector<RadarSpec> radars;  // by index
  std::vector<ScanRecord> scans;  // in processing order
};

std::string DetectionsCsv(const DetectionLog& log);
/// Reads a detection file; bad rows throw InputError naming the line and field.
DetectionLog ReadDetectionsCsv(const std::string& path);
DetectionLog ParseDetectionsCsv(const std::string& text, const std::string& file_label);

}  // namespace cupola
