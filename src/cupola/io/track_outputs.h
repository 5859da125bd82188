// cupola/io/track_outputs.h -- the tracker's output files.
//
//   tracks.csv     one row per track report (update, coast, initiation, deletion)
//   tracks.jsonl   the same rows as JSON objects
// Columns and keys: docs/tracking.md. Positions in W and geodetic.
#pragma once

#include <string>
#include <vector>

#include "cupola/geo/local_frame.h"
#include "cupola/tracking/track.h"

namespace cupola {

std::string TracksCsv(const LocalFrame& frame, const std::vector<TrackReport>& reports);
std::string TracksJsonLines(const LocalFrame& frame, const std::vector<TrackReport>& reports);

}  // namespace cupola
