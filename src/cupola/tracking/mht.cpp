#include "cupola/tracking/mht.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "cupola/core/disjoint_sets.h"
#include "cupola/core/units.h"
#include "cupola/tracking/mht_hypotheses.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

namespace {

// One gated pair of one hypothesis: its innovation, and the track moved to
// the detection's time when that is not the scan's.
struct Gated {
  Innovation innovation;
  std::optional<Estimate> moved;
};

bool Finite(const Estimate& e) { return e.state.x.allFinite() && e.state.P.allFinite(); }

}  // namespace

std::size_t MhtAssociator::hypothesis_count() const {
  std::size_t n = 0;
  for (const Group& g : groups_) n += g.hypotheses.size();
  return n;
}

// Follows the tracker: ended tracks leave their groups, new ones come in
// alone, and each group's best hypothesis takes the tracker's estimates (the
// tracker coasts, updates and deletes on the best one's word).
void MhtAssociator::Sync(std::span<const Track> tracks) {
  std::unordered_map<int, std::size_t> index;
  for (std::size_t k = 0; k < tracks.size(); ++k) index[tracks[k].id] = k;
  std::vector<bool> grouped(tracks.size(), false);
  std::vector<Group> kept;
  auto alone = [&](std::size_t k) {
    kept.push_back({{tracks[k].id}, {Hypothesis{0.0, {tracks[k].estimate}, std::vector<std::vector<Choice>>(1)}}});
    grouped[k] = true;
  };
  for (Group& g : groups_) {
    std::vector<std::size_t> live;
    for (std::size_t c = 0; c < g.ids.size(); ++c)
      if (index.count(g.ids[c])) live.push_back(c);
    if (live.empty()) continue;
    if (live.size() < g.ids.size()) {
      Group smaller;
      for (const std::size_t c : live) smaller.ids.push_back(g.ids[c]);
      for (const Hypothesis& h : g.hypotheses) {
        Hypothesis s{h.cost, {}, {}};
        for (const std::size_t c : live) s.estimates.push_back(h.estimates[c]), s.choices.push_back(h.choices[c]);
        // Hypotheses that differed only in an ended track are now one: keep the likelier.
        const bool seen = std::any_of(smaller.hypotheses.begin(), smaller.hypotheses.end(),
                                      [&](const Hypothesis& o) { return o.choices == s.choices; });
        if (!seen) smaller.hypotheses.push_back(std::move(s));
      }
      g = std::move(smaller);
    }
    if (g.hypotheses.size() == 1) {  // nothing left open: the tracks go on alone
      for (const int id : g.ids) alone(index[id]);
      continue;
    }
    for (std::size_t c = 0; c < g.ids.size(); ++c) {
      g.hypotheses[0].estimates[c] = tracks[index[g.ids[c]]].estimate;
      grouped[index[g.ids[c]]] = true;
    }
    kept.push_back(std::move(g));
  }
  for (std::size_t k = 0; k < tracks.size(); ++k)
    if (!grouped[k]) alone(k);
  groups_ = std::move(kept);
}

// The product of the parts' hypotheses, cheapest first, capped.
MhtAssociator::Group MhtAssociator::Merge(std::vector<Group>& parts) const {
  Group out = std::move(parts[0]);
  for (std::size_t p = 1; p < parts.size(); ++p) {
    const Group& b = parts[p];
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < out.hypotheses.size(); ++i)
      for (std::size_t j = 0; j < b.hypotheses.size(); ++j)
        pairs.emplace_back(out.hypotheses[i].cost + b.hypotheses[j].cost, i, j);
    std::sort(pairs.begin(), pairs.end());
    pairs.resize(std::min(pairs.size(), static_cast<std::size_t>(config_.max_hypotheses)));
    Group merged;
    merged.ids = out.ids;
    merged.ids.insert(merged.ids.end(), b.ids.begin(), b.ids.end());
    for (const auto& [cost, i, j] : pairs) {
      Hypothesis h = out.hypotheses[i];
      h.cost = cost;
      h.estimates.insert(h.estimates.end(), b.hypotheses[j].estimates.begin(), b.hypotheses[j].estimates.end());
      h.choices.insert(h.choices.end(), b.hypotheses[j].choices.begin(), b.hypotheses[j].choices.end());
      merged.hypotheses.push_back(std::move(h));
    }
    out = std::move(merged);
  }
  return out;
}

bool MhtAssociator::Expand(const MhtScan& scan, const std::vector<int>& index_of_track,
                           const std::vector<int>& detections, Group& group, const MhtOutcome& out) {
  const int R = static_cast<int>(group.ids.size()), C = static_cast<int>(detections.size());
  // Too large to branch: the best hypothesis alone, decided at once.
  const bool branch = static_cast<std::size_t>(R) * C <= kMaxJpdaClusterPairs;
  if (!branch) group.hypotheses.resize(1);
  const std::size_t fit = std::max<std::size_t>(1, kMaxMhtGatedPairs / std::max(1, R * C));
  if (group.hypotheses.size() > fit) group.hypotheses.resize(fit);  // best first: the likeliest stay
  const int H = static_cast<int>(group.hypotheses.size());
  const SphericalMeasurementModel& sensor = *scan.sensor;
  const double log_norm = std::log(config_.detection_probability) - 0.5 * sensor.dim() * std::log(2.0 * kPi);

  // Each hypothesis's tracks, predicted and gated against the cluster's detections.
  std::vector<std::vector<Estimate>> predicted(H, std::vector<Estimate>(R));
  std::vector<std::vector<std::optional<Gated>>> gated(H, std::vector<std::optional<Gated>>(R * C));
  std::vector<HypothesisProblem> problems(H);
  for (int h = 0; h < H; ++h) {
    const Hypothesis& hyp = group.hypotheses[h];
    HypothesisProblem& problem = problems[h];
    problem.cost = Eigen::MatrixXd::Constant(R, C, std::numeric_limits<double>::infinity());
    problem.miss_cost = -std::log(1.0 - config_.detection_probability * config_.gate_probability);
    problem.parent_cost = hyp.cost;
    for (int r = 0; r < R; ++r) {
      predicted[h][r] = scan.estimator->Predict(hyp.estimates[r], scan.t_scan_s);
      if (!Finite(predicted[h][r])) {  // the tracker drops it (diverged); nothing to gate
        predicted[h][r] = hyp.estimates[r];
        continue;
      }
      for (int c = 0; c < C; ++c) {
        const Detection& det = scan.detections[detections[c]];
        Gated g;
        if (det.t_s != scan.t_scan_s) g.moved = scan.estimator->Predict(hyp.estimates[r], det.t_s);
        g.innovation = scan.estimator->Innovate(sensor, g.moved ? *g.moved : predicted[h][r], sensor.FromDetection(det.z));
        if (!(g.innovation.nis <= scan.gate)) continue;
        problem.cost(r, c) = -(log_norm - 0.5 * (g.innovation.nis + g.innovation.log_det_S) -
                               std::log(scan.clutter_density(det.z)));
        gated[h][r * C + c] = std::move(g);
      }
    }
  }

  // The best children over all parents, each parent's tracks updated or coasted.
  const std::vector<RankedHypothesis> ranked = KBestHypotheses(problems, branch ? config_.max_hypotheses : 1);
  std::vector<Hypothesis> children;
  std::vector<bool> best_diverged(R, false);
  for (const RankedHypothesis& rh : ranked) {
    const Hypothesis& parent = group.hypotheses[rh.parent];
    Hypothesis child{rh.cost - ranked.front().cost, std::vector<Estimate>(R), parent.choices};
    for (int r = 0; r < R; ++r) {
      const int col = rh.row_to_col[r];
      child.choices[r].push_back({scan_serial_, col >= 0 ? detections[col] : -1});
      child.estimates[r] = predicted[rh.parent][r];
      if (col < 0) continue;
      const Gated& g = *gated[rh.parent][r * C + col];
      Estimate e;
      const MeasVector z = sensor.FromDetection(scan.detections[detections[col]].z);
      if (scan.estimator->Update(sensor, g.moved ? *g.moved : predicted[rh.parent][r], z, g.innovation, e))
        child.estimates[r] = std::move(e);
      else if (children.empty())
        best_diverged[r] = true;
    }
    children.push_back(std::move(child));
  }

  // The tracker takes the best child's word.
  const RankedHypothesis& best = ranked.front();
  for (int r = 0; r < R; ++r) {
    const int i = index_of_track[r];
    (*out.predicted)[i] = predicted[best.parent][r];
    const int col = best.row_to_col[r];
    if (col < 0) continue;
    (*out.detection_used)[detections[col]] = true;
    if (best_diverged[r]) {
      (*out.diverged)[i] = true;
    } else {
      (*out.updated)[i] = children.front().estimates[r];
      (*out.update_nis)[i] = gated[best.parent][r * C + col]->innovation.nis;
    }
  }
  group.hypotheses = std::move(children);
  return branch;
}

void MhtAssociator::Prune(Group& group) const {
  std::vector<Hypothesis>& hyps = group.hypotheses;  // best first, its cost 0
  const double max_cost = -std::log(kMhtMinRelativeLikelihood);
  const int decided = scan_serial_ - config_.n_scan + 1;  // scans up to this one are decided
  // The choices of track c up to the decided scan (they come in scan order).
  auto decided_part = [&](const Hypothesis& h, std::size_t c) {
    const auto& v = h.choices[c];
    return std::vector<Choice>(v.begin(), std::find_if(v.begin(), v.end(), [&](const Choice& x) { return x.scan > decided; }));
  };
  std::vector<std::vector<Choice>> best_decided;
  for (std::size_t c = 0; c < group.ids.size(); ++c) best_decided.push_back(decided_part(hyps.front(), c));
  std::vector<Hypothesis> kept;
  for (std::size_t k = 0; k < hyps.size(); ++k) {
    bool keep = k == 0 || hyps[k].cost <= max_cost;
    for (std::size_t c = 0; keep && k > 0 && c < group.ids.size(); ++c) keep = decided_part(hyps[k], c) == best_decided[c];
    if (keep) kept.push_back(std::move(hyps[k]));
  }
  for (Hypothesis& h : kept)
    for (auto& v : h.choices) std::erase_if(v, [&](const Choice& x) { return x.scan <= decided; });
  hyps = std::move(kept);
}

int MhtAssociator::Associate(const MhtScan& scan, std::span<const Track> tracks,
                             std::span<const std::pair<int, int>> pairs, const MhtOutcome& out) {
  ++scan_serial_;
  Sync(tracks);
  const int n_tracks = static_cast<int>(tracks.size());
  std::unordered_map<int, int> index;
  for (int k = 0; k < n_tracks; ++k) index[tracks[k].id] = k;
  // Clusters: tracks linked by a gated detection, and the tracks of a group.
  DisjointSets sets(n_tracks + static_cast<int>(scan.detections.size()));
  for (const auto& [track, detection] : pairs) sets.Join(track, n_tracks + detection);
  for (const Group& g : groups_)
    for (const int id : g.ids) sets.Join(index[id], index[g.ids.front()]);
  std::unordered_map<int, std::vector<int>> detections_of;  // by cluster root
  for (const auto& [track, detection] : pairs) detections_of[sets.Find(track)].push_back(detection);

  // Each cluster with a detection: its groups merged (in their order), expanded, pruned.
  std::vector<int> root(groups_.size());
  std::unordered_map<int, std::vector<std::size_t>> groups_of;  // by cluster root, in group order
  for (std::size_t a = 0; a < groups_.size(); ++a) {
    root[a] = sets.Find(index[groups_[a].ids.front()]);
    groups_of[root[a]].push_back(a);
  }
  int capped = 0;
  std::vector<Group> next;
  for (std::size_t a = 0; a < groups_.size(); ++a) {
    const std::vector<std::size_t>& members = groups_of[root[a]];
    if (members.front() != a) continue;  // merged into the cluster's first group
    const auto dets = detections_of.find(root[a]);
    if (dets == detections_of.end()) {
      for (const std::size_t b : members) next.push_back(std::move(groups_[b]));
      continue;
    }
    std::vector<Group> parts;
    for (const std::size_t b : members) parts.push_back(std::move(groups_[b]));
    Group group = Merge(parts);
    std::vector<int> detections = dets->second;
    std::sort(detections.begin(), detections.end());
    detections.erase(std::unique(detections.begin(), detections.end()), detections.end());
    std::vector<int> index_of_track;
    for (const int id : group.ids) index_of_track.push_back(index[id]);
    capped += !Expand(scan, index_of_track, detections, group, out);
    Prune(group);
    next.push_back(std::move(group));
  }
  groups_ = std::move(next);
  return capped;
}

}  // namespace cupola
