#include "cupola/sensors/scan.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {

// Fraction of a revolution after the scan start at which a rotating beam
// reaches `azimuth` (the sector, or north for all-round radars, starts it).
double BeamDelayFraction(const RadarSpec& spec, double azimuth_rad) {
  const bool all_round = spec.azimuth_width_rad >= 2.0 * kPi - 1e-12;
  const double start = all_round ? 0.0 : spec.azimuth_center_rad - 0.5 * spec.azimuth_width_rad;
  const double turn = std::fmod(azimuth_rad - start + 4.0 * kPi, 2.0 * kPi);
  return turn / (2.0 * kPi);
}

Detection FalseAlarm(const RadarModel& radar, int radar_index, double t_s, Rng& rng) {
  const RadarSpec& s = radar.spec;
  // Uniform in volume: r^3 uniform, azimuth uniform, sin(elevation) uniform.
  const double r_lo3 = std::pow(s.min_range_m, 3), r_hi3 = std::pow(s.max_range_m, 3);
  const double range = std::cbrt(r_lo3 + rng.Uniform() * (r_hi3 - r_lo3));
  const double azimuth = WrapToPi(s.azimuth_center_rad + (rng.Uniform() - 0.5) * s.azimuth_width_rad);
  const double elevation =
      std::asin(rng.Uniform(std::sin(s.min_elevation_rad), std::sin(std::min(s.max_elevation_rad, kPi / 2))));
  Detection d;
  d.t_s = t_s;
  d.radar = radar_index;
  d.z = Spherical(range, azimuth, elevation, radar.has_range_rate ? rng.Uniform(-500.0, 500.0) : 0.0);
  d.sigma = radar.Covariance().diagonal().cwiseSqrt();  // a false alarm looks like any detection
  return d;
}

}  // namespace

void ScanOnce(const RadarModel& radar, int radar_index, const LocalFrame& frame, double t_scan_s,
              const TargetSource& targets, std::uint64_t scan_seed, ScanOutput& out) {
  const RadarSpec& spec = radar.spec;
  const std::size_t begin = out.detections.size();
  std::vector<int> ids;
  targets.AliveAt(t_scan_s, ids);
  for (const int id : ids) {
    TargetState target = targets.StateAt(id, t_scan_s);
    double t_look = t_scan_s;
    if (spec.scan == RadarScan::kRotating) {
      t_look = t_scan_s + spec.revisit_s * BeamDelayFraction(spec, radar.Measure(target.p_W, target.v_W)[1]);
      target = targets.StateAt(id, t_look);
    }
    const Spherical truth = radar.Measure(target.p_W, target.v_W);
    Rng rng(SubstreamSeed(scan_seed, static_cast<std::uint64_t>(id) + 1));  // this target's draws in this scan
    const double u = rng.Uniform();
    const Eigen::Vector4d noise(rng.Normal(), rng.Normal(), rng.Normal(), rng.Normal());
    if (!radar.Covers(truth)) continue;
    const double ground_distance = (target.p_W - radar.p_WR).head<2>().norm();
    if (!ClearsEffectiveEarth(radar.site_height_m, frame.FastHeight(target.p_W), ground_distance)) continue;
    if (u >= radar.DetectionProbability(truth[0], target.rcs_m2)) continue;
    Detection d;
    d.t_s = t_look;
    d.radar = radar_index;
    d.z = truth + Eigen::Vector4d(spec.sigma_range_m, spec.sigma_azimuth_rad, spec.sigma_elevation_rad,
                                  spec.sigma_radial_velocity_mps)
                      .cwiseProduct(noise);
    d.z[1] = WrapToPi(d.z[1]);
    if (!radar.has_range_rate) d.z[3] = 0.0;
    d.sigma = radar.Covariance().diagonal().cwiseSqrt();
    out.detections.push_back(d);
    out.truth_ids.push_back(id);
  }
  Rng rng(SubstreamSeed(scan_seed, 0));  // the clutter's draws
  const int false_alarms = rng.Poisson(spec.false_alarms_per_scan);
  for (int i = 0; i < false_alarms; ++i) {
    const double delay = spec.scan == RadarScan::kRotating ? rng.Uniform() * spec.revisit_s : 0.0;
    out.detections.push_back(FalseAlarm(radar, radar_index, t_scan_s + delay, rng));
    out.truth_ids.push_back(-1);
  }
  // A rotating beam reports in time order: sort this scan's detections (and
  // their truth ids) by time, stably, so order stays deterministic.
  if (spec.scan == RadarScan::kRotating) {
    std::vector<std::size_t> order(out.detections.size() - begin);
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = begin + k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return out.detections[a].t_s < out.detections[b].t_s; });
    std::vector<Detection> sorted;
    std::vector<int> sorted_ids;
    for (const std::size_t k : order) sorted.push_back(out.detections[k]), sorted_ids.push_back(out.truth_ids[k]);
    std::copy(sorted.begin(), sorted.end(), out.detections.begin() + static_cast<std::ptrdiff_t>(begin));
    std::copy(sorted_ids.begin(), sorted_ids.end(), out.truth_ids.begin() + static_cast<std::ptrdiff_t>(begin));
  }
}

}  // namespace cupola
