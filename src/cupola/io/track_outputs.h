// cupola/io/track_outputs.h -- the tracker's output files.
//
//   tracks.csv     one row per track report (update, coast, initiation, deletion)
//   tracks.jsonl   the same rows as JSON objects
// Columns and keys: docs/tracking.md. Positions in W and geodetic; the
// full [p, v] covariance (upper triangle) and the drag parameter's variance.
#pragma once

#include <string>
#include <vector>

#include "cupola/geo/local_frame.h"
#include "cupola/tracking/track.h"

namespace cupola {

/// The header row of tracks.csv (with its newline).
std::string TracksCsvHeader();
/// The names of the covariance columns, in TrackReport::cov_pv's order
/// (upper triangle of [x, y, z, vx, vy, vz] = [east, north, up, v_east,
/// v_north, v_up]), each with its unit: cov_xx_m2, cov_xvx_m2_s, ...
std::vector<std::string> CovarianceColumnNames();
std::string TracksCsv(const LocalFrame& frame, const std::vector<TrackReport>& reports);
std::string TracksJsonLines(const LocalFrame& frame, const std::vector<TrackReport>& reports);

}  // namespace cupola
