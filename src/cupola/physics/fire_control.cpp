#include "cupola/physics/fire_control.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kMaxFlightTime_s = 2000.0;
constexpr double kTableStep_rad = 0.5 * kDegToRad;

double Bearing(const Eigen::Vector2d& from, const Eigen::Vector2d& to) {
  const Eigen::Vector2d d = to - from;
  return std::atan2(d.x(), d.y());
}
}  // namespace

RangeAndDrift FlyForRange(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double elevation_rad,
                          double azimuth_rad) {
  const BallisticState start = Launch(model, p_launch_W, elevation_rad, azimuth_rad, 0.0);
  const FlightResult flight = FlyToImpact(model, start, kMaxFlightTime_s);
  const Eigen::Vector2d launch = p_launch_W.head<2>();
  const Eigen::Vector2d impact = flight.end.p_W.head<2>();
  RangeAndDrift out;
  out.range_m = (impact - launch).norm();
  out.drift_rad = WrapToPi(Bearing(launch, impact) - azimuth_rad);
  out.time_of_flight_s = flight.end.t_s;
  return out;
}

double MaxRangeElevation(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double azimuth_rad) {
  const BallisticParams& params = *model.params;
  double lo = params.min_elevation_rad, hi = params.max_elevation_rad;
  const double inv_phi = (std::sqrt(5.0) - 1.0) / 2.0;
  double x1 = hi - inv_phi * (hi - lo), x2 = lo + inv_phi * (hi - lo);
  double f1 = FlyForRange(model, p_launch_W, x1, azimuth_rad).range_m;
  double f2 = FlyForRange(model, p_launch_W, x2, azimuth_rad).range_m;
  while (hi - lo > 1e-4) {
    if (f1 < f2) {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + inv_phi * (hi - lo);
      f2 = FlyForRange(model, p_launch_W, x2, azimuth_rad).range_m;
    } else {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - inv_phi * (hi - lo);
      f1 = FlyForRange(model, p_launch_W, x1, azimuth_rad).range_m;
    }
  }
  return 0.5 * (lo + hi);
}

FireControlTable::FireControlTable(const BallisticModel& model, const Eigen::Vector3d& p_launch_W,
                                   double azimuth_rad)
    : launch_EN_(p_launch_W.head<2>()) {
  const BallisticParams& params = *model.params;
  max_range_elevation_rad_ = std::isnan(params.best_elevation_rad) ? MaxRangeElevation(model, p_launch_W, azimuth_rad)
                                                                   : params.best_elevation_rad;
  // Walk the branch from its far end (shortest range) to the max-range elevation.
  const double far_end = params.high_angle ? params.max_elevation_rad : params.min_elevation_rad;
  const int n = std::max(2, static_cast<int>(std::ceil(std::abs(max_range_elevation_rad_ - far_end) / kTableStep_rad)) + 1);
  for (int i = 0; i < n; ++i) {
    const double elevation = far_end + (max_range_elevation_rad_ - far_end) * i / (n - 1);
    // Find the laying azimuth whose impact lies on the firing bearing: a
    // crosswind turns a rocket into the wind while its motor burns, by an
    // amount that itself depends on the azimuth, so iterate.
    double lay = azimuth_rad;
    RangeAndDrift r;
    for (int iteration = 0; iteration < 4; ++iteration) {
      r = FlyForRange(model, p_launch_W, elevation, lay);
      const double off_bearing = WrapToPi(lay + r.drift_rad - azimuth_rad);
      lay -= off_bearing;
      if (std::abs(off_bearing) < 1e-6) break;
    }
    // Keep the table monotone in range (drag can flatten the top of the curve).
    if (!range_m_.empty() && r.range_m <= range_m_.back()) continue;
    elevation_rad_.push_back(elevation);
    range_m_.push_back(r.range_m);
    drift_rad_.push_back(WrapToPi(azimuth_rad - lay));
  }
}

FireControlTable::Solution FireControlTable::Solve(const Eigen::Vector2d& target_EN) const {
  const double wanted = (target_EN - launch_EN_).norm();
  const double bearing = Bearing(launch_EN_, target_EN);
  Solution s;
  s.in_range = wanted >= range_m_.front() && wanted <= range_m_.back();
  const auto upper = std::upper_bound(range_m_.begin(), range_m_.end(), wanted);
  std::size_t i = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(upper - range_m_.begin(), 1,
                                                                      static_cast<std::ptrdiff_t>(range_m_.size()) - 1));
  const double w = std::clamp((wanted - range_m_[i - 1]) / (range_m_[i] - range_m_[i - 1]), 0.0, 1.0);
  s.elevation_rad = elevation_rad_[i - 1] + w * (elevation_rad_[i] - elevation_rad_[i - 1]);
  const double drift = drift_rad_[i - 1] + w * (drift_rad_[i] - drift_rad_[i - 1]);
  s.azimuth_rad = WrapToPi(bearing - drift);
  return s;
}

BallisticParams AtCharge(const BallisticParams& params, int charge) {
  BallisticParams at = params;
  at.muzzle_velocity_mps = params.Charges_mps().at(static_cast<std::size_t>(charge));
  return at;
}

ChargedFireControl::ChargedFireControl(const BallisticModel& model, const Eigen::Vector3d& p_launch_W,
                                       double azimuth_rad)
    : launch_EN_(p_launch_W.head<2>()) {
  const int n = static_cast<int>(model.params->Charges_mps().size());
  for (int k = 0; k < n; ++k) {
    const BallisticParams at = AtCharge(*model.params, k);
    BallisticModel charged = model;
    charged.params = &at;  // read only while the table is built
    tables_.emplace_back(charged, p_launch_W, azimuth_rad);
  }
}

int ChargedFireControl::ChargeFor(double range_m) const {
  const int n = charges();
  for (int k = 0; k < n; ++k)
    if (range_m >= tables_[k].min_range_m() && range_m <= tables_[k].max_range_m()) return k;
  for (int k = 0; k < n; ++k)
    if (range_m < tables_[k].max_range_m()) return k;
  return n - 1;
}

double ChargedFireControl::min_range_m() const {
  double m = tables_.front().min_range_m();
  for (const auto& t : tables_) m = std::min(m, t.min_range_m());
  return m;
}

double ChargedFireControl::max_range_m() const {
  double m = tables_.front().max_range_m();
  for (const auto& t : tables_) m = std::max(m, t.max_range_m());
  return m;
}

ChargedFireControl::Solution ChargedFireControl::Solve(const Eigen::Vector2d& target_EN,
                                                       std::optional<int> charge) const {
  Solution s;
  s.charge = charge ? *charge : ChargeFor((target_EN - launch_EN_).norm());
  static_cast<FireControlTable::Solution&>(s) = tables_[s.charge].Solve(target_EN);
  return s;
}

}  // namespace cupola
