#include "cupola/engagement/battle_manager.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/error.h"
#include "cupola/core/random.h"
#include "cupola/engagement/exact.h"
#include "cupola/engagement/local_search.h"

namespace cupola {

const char* ToString(EngagementNote::Kind kind) {
  switch (kind) {
    case EngagementNote::Kind::kHoldFire: return "hold_fire";
    case EngagementNote::Kind::kNoIntercept: return "no_intercept";
    case EngagementNote::Kind::kSurvived: return "survived";
    case EngagementNote::Kind::kPresumedKilled: return "presumed_killed";
  }
  return "?";
}

namespace {

// Maximum marginal return on the priced objective: repeatedly the shot
// (one per weapon type, each a single launcher here) with the largest
// S_j p_ij - price_i, S_j the target's value still surviving, while one
// gains; then S_j *= 1 - p_ij. Ties go to the lower type, then target.
Eigen::MatrixXi PricedGreedy(const WtaProblem& problem, const Eigen::VectorXd& price) {
  const int m = problem.num_types(), n = problem.num_targets();
  Eigen::MatrixXi x = Eigen::MatrixXi::Zero(m, n);
  Eigen::VectorXd surviving = problem.value;
  std::vector<char> used(m, 0);
  for (;;) {
    int best_i = -1, best_j = -1;
    double best = 0.0;
    for (int i = 0; i < m; ++i) {
      if (used[i]) continue;
      for (int j = 0; j < n; ++j) {
        if (x.col(j).sum() >= problem.max_per_target(j)) continue;
        const double net = surviving(j) * problem.kill_probability(i, j) - price(i);
        if (net > best) best = net, best_i = i, best_j = j;
      }
    }
    if (best_i < 0) return x;
    used[best_i] = 1;
    ++x(best_i, best_j);
    surviving(best_j) *= 1.0 - problem.kill_probability(best_i, best_j);
  }
}

}  // namespace

BattleManager::BattleManager(const std::vector<BatteryModel>* batteries, const std::vector<char>& commands)
    : batteries_(batteries) {
  for (std::size_t b = 0; b < batteries->size(); ++b) {
    if (!commands.empty() && commands[b] == 0) continue;
    const auto& launchers = (*batteries)[b].launchers;
    for (std::size_t l = 0; l < launchers.size(); ++l)
      launchers_.push_back({static_cast<int>(b), static_cast<int>(l), launchers[l].capacity, 0.0, 0.0, false});
  }
}

Reason BattleManager::WhyNoLauncherReady(const EngagementThreat& threat) const {
  bool engaged = false;
  for (const auto& l : launchers_) {
    if (!threat.engage_by.empty() && !threat.engage_by[l.battery]) continue;
    if (l.loaded > 0) return Reason::kNoLauncherReady;
    engaged = true;
  }
  return engaged ? Reason::kMagazineEmpty : Reason::kNoBatteryEngages;
}

int BattleManager::Loaded(int battery) const {
  int n = 0;
  for (const auto& l : launchers_) n += l.battery == battery ? l.loaded : 0;
  return n;
}

void BattleManager::Forget(int track_id, double t_s) {
  const auto it = threats_.find(track_id);
  if (it == threats_.end()) return;
  const ThreatState& state = it->second;
  if (state.shots.empty() && !state.held && state.not_fired_because != Reason::kNone)
    notes_.push_back({t_s, track_id, EngagementNote::Kind::kNoIntercept, state.not_fired_because, state.last_p_W});
  threats_.erase(it);
}

void BattleManager::Finish(double t_s) {
  while (!threats_.empty()) Forget(threats_.begin()->first, t_s);
}

std::vector<FireOrder> BattleManager::Plan(double t_s, const std::vector<EngagementThreat>& threats) {
  const auto& batteries = *batteries_;
  stats_ = {};
  stats_.threats = static_cast<int>(threats.size());
  // Reloads complete.
  std::vector<int> ready;  // indices into launchers_
  for (std::size_t i = 0; i < launchers_.size(); ++i) {
    Launcher& l = launchers_[i];
    if (l.reloading && l.reloaded_t_s <= t_s)
      l.loaded = batteries[l.battery].launchers[l.index].capacity, l.reloading = false;
    if (l.loaded > 0 && l.next_launch_t_s <= t_s) ready.push_back(static_cast<int>(i));
  }
  stats_.launchers_ready = static_cast<int>(ready.size());

  // Per threat: surviving value, shots allowed now, and the feasible pairs.
  struct Pair {
    int launcher;  // index into `ready`
    double pk;
    InterceptSolution intercept;
  };
  struct Candidate {
    int threat;  // index into `threats`
    double surviving_value;
    int shots_now;
    std::vector<Pair> pairs;
  };
  std::vector<Candidate> candidates;
  for (std::size_t j = 0; j < threats.size(); ++j) {
    const EngagementThreat& threat = threats[j];
    ThreatState& state = threats_[threat.track_id];
    // Kill assessment of the interceptors in the air.
    int pending = 0;
    double surviving = threat.value;
    for (std::size_t n = 0; n < state.shots.size(); ++n) {
      Shot& shot = state.shots[n];
      if (!shot.assessed && shot.assessed_t_s <= t_s) {
        shot.assessed = true;
        const bool seen = threat.last_update_t_s > shot.t_intercept_s;
        const Doctrine& d = batteries[shot.battery].doctrine;
        const double wrong = seen ? d.false_kill_declaration_probability : d.missed_kill_probability;
        if (wrong > 0.0 &&
            Rng(SubstreamSeed(SubstreamSeed(assessment_seed_, static_cast<std::uint64_t>(threat.track_id)), n))
                    .Uniform() < wrong) {
          // The assessment errs: a survivor declared killed, or a kill not seen.
          if (seen) state.declared_killed = true;
          notes_.push_back({t_s, threat.track_id,
                            seen ? EngagementNote::Kind::kPresumedKilled : EngagementNote::Kind::kSurvived,
                            seen ? Reason::kFalseKillDeclaration : Reason::kMissedKill, shot.p_intercept_W, -1.0,
                            shot.t_intercept_s});
        } else if (seen) {
          notes_.push_back({t_s, threat.track_id, EngagementNote::Kind::kSurvived, Reason::kDetectedAfterIntercept,
                            shot.p_intercept_W, -1.0, shot.t_intercept_s});
        } else if (state.presumed_killed_t_s < 0.0) {
          state.presumed_killed_t_s = shot.t_intercept_s;
          notes_.push_back({t_s, threat.track_id, EngagementNote::Kind::kPresumedKilled,
                            Reason::kNotDetectedSinceIntercept, shot.p_intercept_W, -1.0, shot.t_intercept_s});
        }
      }
      if (!shot.assessed) ++pending, surviving *= 1.0 - shot.pk;
    }
    if (state.declared_killed) continue;
    // Presumed killed: hold fire unless the radar sees it again.
    if (state.presumed_killed_t_s >= 0.0) {
      if (threat.last_update_t_s <= state.presumed_killed_t_s) continue;
      state.presumed_killed_t_s = -1.0;
      notes_.push_back({t_s, threat.track_id, EngagementNote::Kind::kSurvived, Reason::kDetectedAfterPresumedKill,
                        threat.path != nullptr && !threat.path->empty() ? threat.path->points.front().p_W
                                                                        : Eigen::Vector3d::Zero()});
    }
    // Interceptors in the air: look before firing again (a salvo, too,
    // means there was no time for more).
    if (pending > 0 || threat.path == nullptr || threat.path->empty()) continue;
    state.last_p_W = threat.path->points.front().p_W;
    const int fired = static_cast<int>(state.shots.size());

    Candidate c{static_cast<int>(j), surviving, 0, {}};
    int most = 0;  // doctrine's cap over the batteries that could fire
    bool any_engages = false, held = false;
    const Doctrine* doctrine = nullptr;
    for (std::size_t r = 0; r < ready.size(); ++r) {
      const Launcher& l = launchers_[ready[r]];
      const BatteryModel& battery = batteries[l.battery];
      if (!threat.engage_by.empty() && !threat.engage_by[l.battery]) continue;
      any_engages = true;
      if (fired >= battery.doctrine.max_interceptors_per_threat) continue;
      ++stats_.pairs;
      const InterceptSolution s =
          battery.weapon->Solve(*threat.path, battery.launchers[l.index].p_W, t_s + battery.doctrine.reaction_time_s);
      if (!s.feasible) continue;
      ++stats_.feasible_pairs;
      const double pk = battery.weapon->PlanningPkOf(threat.falls, s);
      if (battery.doctrine.value_usd_per_unit > 0.0 &&
          surviving * pk * battery.doctrine.value_usd_per_unit < battery.weapon->CostPerShot_usd()) {
        held = true;
        continue;
      }
      c.pairs.push_back({static_cast<int>(r), pk, s});
      if (battery.doctrine.max_interceptors_per_threat > most)
        most = battery.doctrine.max_interceptors_per_threat, doctrine = &battery.doctrine;
    }
    if (c.pairs.empty()) {
      if (held && !state.held) {
        state.held = true;
        notes_.push_back({t_s, threat.track_id, EngagementNote::Kind::kHoldFire, Reason::kValueBelowCost,
                          state.last_p_W, surviving});
      } else if (fired == 0) {
        state.not_fired_because = any_engages ? Reason::kNoLauncherInEnvelope : WhyNoLauncherReady(threat);
      }
      continue;
    }
    // Doctrine: how many now (that of the battery allowing the most shots).
    CUPOLA_CHECK(doctrine != nullptr, "a feasible pair sets the doctrine");
    const int left = most - fired;
    if (doctrine->shoot_look_shoot && left > 1) {
      // Can a second interceptor, launched after the first's kill
      // assessment, still intercept? Asked of the earliest pair's launcher.
      const Pair& first = *std::min_element(c.pairs.begin(), c.pairs.end(), [](const Pair& a, const Pair& b) {
        return a.intercept.t_intercept_s < b.intercept.t_intercept_s;
      });
      const Launcher& l = launchers_[ready[first.launcher]];
      const BatteryModel& battery = batteries[l.battery];
      const InterceptSolution look = battery.weapon->Solve(
          *threat.path, battery.launchers[l.index].p_W,
          first.intercept.t_intercept_s + doctrine->kill_assessment_s + doctrine->reaction_time_s);
      c.shots_now = look.feasible ? 1 : 2;
    } else {
      c.shots_now = doctrine->shoot_look_shoot ? 1 : left;
    }
    candidates.push_back(std::move(c));
  }
  if (candidates.empty()) return {};

  // Static WTA: one weapon type per ready launcher that can fire at anything.
  std::vector<int> used_ready;  // weapon type -> index into `ready`
  std::vector<int> type_of(ready.size(), -1);
  for (const auto& c : candidates)
    for (const auto& p : c.pairs)
      if (type_of[p.launcher] < 0) type_of[p.launcher] = 0;
  for (std::size_t r = 0; r < ready.size(); ++r)
    if (type_of[r] == 0) type_of[r] = static_cast<int>(used_ready.size()), used_ready.push_back(static_cast<int>(r));
  const int m = static_cast<int>(used_ready.size()), n = static_cast<int>(candidates.size());
  WtaProblem problem;
  problem.value.resize(n);
  problem.max_per_target.resize(n);
  problem.kill_probability = Eigen::MatrixXd::Zero(m, n);
  problem.weapons = Eigen::VectorXi::Ones(m);
  for (int j = 0; j < n; ++j) {
    problem.value(j) = candidates[j].surviving_value;
    problem.max_per_target(j) = candidates[j].shots_now;
    for (const auto& p : candidates[j].pairs) problem.kill_probability(type_of[p.launcher], j) = p.pk;
  }
  constexpr int kExactUpTo = 64;  // types x targets solved exactly (small: well under a millisecond)
  WtaSolution solution;
  // Effectors of more than one kind: their costs differ, so the plan prices
  // them (PricedGreedy) rather than counting kills alone.
  Eigen::VectorXd price = Eigen::VectorXd::Zero(m);
  bool mixed = false;
  for (int i = 0; i < m; ++i) {
    const BatteryModel& battery = batteries[launchers_[ready[used_ready[i]]].battery];
    const double usd_per_unit = battery.doctrine.value_usd_per_unit;
    if (usd_per_unit > 0.0) price(i) = battery.weapon->CostPerShot_usd() / usd_per_unit;
    mixed = mixed || battery.weapon->Kind() != batteries[launchers_[ready[used_ready[0]]].battery].weapon->Kind();
  }
  if (mixed) {
    solution.assignment = PricedGreedy(problem, price);
  } else if (m * n <= kExactUpTo) {
    WtaExactOptions options;
    options.time_limit_s = 0.0;
    options.node_limit = 20000;  // bounded, so the plan's cost is bounded and deterministic
    solution = SolveWtaExact(problem, options);
  } else {
    WtaLocalSearchOptions options;
    options.rounds = 0;  // descent from the greedy start: deterministic and fast
    solution = SolveWtaLocalSearch(problem, options);
  }

  std::vector<FireOrder> orders;
  for (int j = 0; j < n; ++j) {
    const Candidate& c = candidates[j];
    const EngagementThreat& threat = threats[c.threat];
    ThreatState& state = threats_[threat.track_id];
    const int assigned = solution.assignment.col(j).sum();
    for (const auto& p : c.pairs) {
      if (solution.assignment(type_of[p.launcher], j) == 0) continue;
      Launcher& l = launchers_[ready[p.launcher]];
      const BatteryModel& battery = batteries[l.battery];
      FireOrder order;
      order.t_s = t_s;
      order.battery = l.battery;
      order.launcher = l.index;
      order.track_id = threat.track_id;
      order.shot = static_cast<int>(state.shots.size()) + 1;
      order.salvo = assigned >= 2;
      order.pk = p.pk;
      order.cost_usd = battery.weapon->CostPerShot_usd();
      order.intercept = p.intercept;
      orders.push_back(order);
      state.shots.push_back({p.intercept.p_intercept_W, p.intercept.t_intercept_s, p.intercept.t_intercept_s + battery.doctrine.kill_assessment_s, p.pk, false, l.battery});
      --l.loaded;
      l.next_launch_t_s = t_s + battery.doctrine.reaction_time_s + battery.launchers[l.index].min_launch_interval_s;
      if (l.loaded == 0) l.reloading = true, l.reloaded_t_s = t_s + battery.launchers[l.index].reload_s;
    }
  }
  return orders;
}

}  // namespace cupola
