// fuzz/fuzz_detections_csv.cpp -- the detections CSV reader (io/detections_csv.h),
// then: the writer must give back a file the reader takes, with the same
// scans; and on small logs the tracker runs over them as `cupola track` does.
//
// Comment lines "#fuzz key=value" (ignored by the reader) pick the tracker's
// motion_model, filter and association, so the fuzzer can reach each of them.
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cupola/geo/local_frame.h"
#include "cupola/io/detections_csv.h"
#include "cupola/physics/environment.h"
#include "cupola/sensors/radar.h"
#include "cupola/tracking/tracker.h"
#include "fuzz_util.h"

namespace {

constexpr std::size_t kMaxScansTracked = 64;
constexpr std::size_t kMaxDetectionsTracked = 64;

cupola::TrackerConfig ConfigFromComments(const std::string& text) {
  cupola::TrackerConfig config;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#fuzz ", 0) != 0) continue;
    const std::string setting = line.substr(6);
    const auto is = [&](const char* s) { return setting.rfind(s, 0) == 0; };
    for (std::size_t m = 0; m < cupola::MotionModelNames().size(); ++m)
      if (setting == "motion_model=" + cupola::MotionModelNames()[m])
        config.motion_model = static_cast<cupola::MotionModelKind>(m);
    if (is("filter=ukf")) config.filter = cupola::FilterKind::kUkf;
    if (is("association=jpda")) config.association = cupola::AssociationKind::kJpda;
    if (is("spatial_index=false")) config.spatial_index = false;
  }
  return config;
}

std::size_t CountDetections(const cupola::DetectionLog& log) {
  std::size_t n = 0;
  for (const auto& s : log.scans) n += s.detections.size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = cupola::fuzz::AsText(data, size);
  const std::string label = "fuzz.csv";
  cupola::DetectionLog log;
  try {
    log = cupola::ParseDetectionsCsv(text, label);
  } catch (const cupola::InputError& e) {
    cupola::fuzz::CheckInputError(e, text, label);
    return 0;
  }
  FUZZ_REQUIRE(!log.radars.empty() && !log.scans.empty(), "accepted a log without radars or scans");
  for (const auto& s : log.scans) {
    FUZZ_REQUIRE(s.radar >= 0 && s.radar < static_cast<int>(log.radars.size()), "scan of an unknown radar");
    FUZZ_REQUIRE(s.truth_ids.size() == s.detections.size(), "truth ids not parallel to detections");
  }

  // What the writer makes of it, the reader must take back.
  const std::string written = cupola::DetectionsCsv(log);
  cupola::DetectionLog again;
  try {
    again = cupola::ParseDetectionsCsv(written, "rewritten.csv");
  } catch (const cupola::InputError& e) {
    cupola::fuzz::Fail("ParseDetectionsCsv(DetectionsCsv(log))", std::string(e.what()) + "\n--- rewritten:\n" + written);
  }
  FUZZ_REQUIRE(again.radars.size() == log.radars.size() && again.scans.size() == log.scans.size() &&
                   CountDetections(again) == CountDetections(log),
               "the rewritten log differs\n--- rewritten:\n" + written);

  if (log.scans.size() > kMaxScansTracked || CountDetections(log) > kMaxDetectionsTracked) return 0;
  const cupola::TrackerConfig config = ConfigFromComments(text);
  // Combinations the config loader rejects (tracker_config.cpp).
  if (!config.Validate().empty() || (config.association == cupola::AssociationKind::kJpda &&
                                        config.motion_model == cupola::MotionModelKind::kImm)) return 0;
  const cupola::LocalFrame frame(log.radars.front().site);
  const cupola::FlightEnvironment env = cupola::FlightEnvironment::Standard(frame, 0.0);
  std::vector<cupola::RadarModel> radars;
  for (const auto& spec : log.radars) radars.push_back(cupola::RadarModel::FromSpec(spec, frame));
  cupola::Tracker tracker(config, &radars, &env);
  for (const auto& scan : log.scans) tracker.ProcessScan(scan.radar, scan.t_s, scan.detections);
  // Reports are what `cupola track` writes to tracks.csv: never NaN or Inf.
  for (const auto& r : tracker.reports())
    FUZZ_REQUIRE(r.p_W.allFinite() && r.v_W.allFinite() && r.SigmaP().allFinite() && std::isfinite(r.nis),
                 "track " + std::to_string(r.track_id) + " reported a non-finite value at t = " + std::to_string(r.t_s));
  return 0;
}
