// cupola/sim/alert_record.h -- a civil-defence alert, as a picture raises it.
// (Its truth fields are filled by the scoring observer, truth_labels.h.)
#pragma once

#include <Eigen/Core>

namespace cupola {

/// A civil-defence alert for a zone, raised by a track's impact prediction.
struct AlertRecord {
  double t_s = 0.0;
  int track_id = -1;
  int zone = 0;                 // index into World::alert_zones()
  double probability = 0.0;     // P(impact in the zone) that raised it
  double predicted_impact_t_s = 0.0;
  int truth_id = -1;            // threat under the track then (-1: none within 500 m)
  bool threat_hits_zone = false;
  double actual_impact_t_s = 0.0;  // of that threat (its end, if it never came down)
  Eigen::Vector3d p_track_W = Eigen::Vector3d::Zero();  // where the track was (for labelling)
};

}  // namespace cupola
