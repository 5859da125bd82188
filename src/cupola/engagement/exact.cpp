#include "cupola/engagement/exact.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "cupola/core/assignment.h"
#include "cupola/core/error.h"

namespace cupola {
namespace {

constexpr double kPrune = 1e-12;  // prune when LB >= F_incumbent (1 - kPrune)
// U_slots only while its matrix has at most this many entries (at the root, more).
constexpr std::int64_t kMaxSlotEntries = 250'000;
constexpr std::int64_t kMaxRootSlotEntries = 4'000'000;
constexpr int kNoCap = std::numeric_limits<int>::max();

class BranchAndBound {
 public:
  BranchAndBound(const WtaProblem& problem, const WtaExactOptions& options, const WtaSolution& start,
                 std::chrono::steady_clock::time_point start_time)
      : problem_(problem),
        p_(problem.kill_probability),
        options_(options),
        m_(problem.num_types()),
        n_(problem.num_targets()),
        best_x_(start.assignment),
        best_f_(start.objective),
        x_(Eigen::MatrixXi::Zero(m_, n_)),
        survive_(problem.value.data(), problem.value.data() + n_),
        marginal_(n_),
        room_(n_, kNoCap),
        start_time_(start_time) {
    if (problem.has_caps())
      for (int j = 0; j < n_; ++j) room_[j] = problem.max_per_target(j);
    // Types by decreasing max_j V_j p_ij; one group of levels per type with weapons.
    std::vector<int> order(m_);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> key(m_, 0.0);
    for (int i = 0; i < m_; ++i)
      for (int j = 0; j < n_; ++j) key[i] = std::max(key[i], problem.value(j) * p_(i, j));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] > key[b]; });
    for (int i : order) {
      if (problem.weapons(i) <= 0) continue;
      group_type_.push_back(i);
      group_first_.push_back(static_cast<int>(level_group_.size()));
      for (int c = 0; c < problem.weapons(i); ++c) level_group_.push_back(static_cast<int>(group_type_.size()) - 1);
    }
    const int groups = static_cast<int>(group_type_.size());
    group_first_.push_back(static_cast<int>(level_group_.size()));
    levels_ = static_cast<int>(level_group_.size());
    // Over the groups g.. (suffixes): pbar_j = max p, pmin_j = least nonzero p (1 if none).
    pbar_.assign(static_cast<std::size_t>(groups + 1) * n_, 0.0);
    pmin_.assign(static_cast<std::size_t>(groups + 1) * n_, 1.0);
    for (int g = groups - 1; g >= 0; --g) {
      for (int j = 0; j < n_; ++j) {
        const double p = p_(group_type_[g], j);
        pbar_[g * n_ + j] = std::max(pbar_[(g + 1) * n_ + j], p);
        pmin_[g * n_ + j] = p > 0.0 ? std::min(pmin_[(g + 1) * n_ + j], p) : pmin_[(g + 1) * n_ + j];
      }
    }
    children_.resize(levels_ + 1);
  }

  void Run() {
    const double root = Bound(0, 0, std::numeric_limits<double>::infinity());
    stats.root_bound = root;
    if (root < Threshold()) Search(0, 0, root);
  }

  WtaExactStats stats;
  double open_bound = std::numeric_limits<double>::infinity();
  const Eigen::MatrixXi& best_x() const { return best_x_; }

 private:
  double Threshold() const { return best_f_ * (1.0 - kPrune); }

  double Total() const {
    double total = 0.0;
    for (double s : survive_) total += s;
    return total;
  }

  // Most that `count` identical weapons with kill probabilities q can buy on
  // targets first.. : the sum of the largest marginals S_j q_j (1 - q_j)^{k-1}.
  double IdenticalWeaponsGain(int count, const double* q, int first) {
    for (int j = first; j < n_; ++j) marginal_[j] = survive_[j] * q[j];
    double gain = 0.0;
    for (int c = 0; c < count; ++c) {
      int arg = -1;
      double top = 0.0;
      for (int j = first; j < n_; ++j) {
        if (marginal_[j] > top) top = marginal_[j], arg = j;
      }
      if (arg < 0) break;
      gain += top;
      marginal_[arg] *= 1.0 - q[arg];
    }
    return gain;
  }

  // U_slots of the header, for the weapons at levels depth.. ; the current
  // group's weapons take targets first.. only (none if first == n).
  double SlotGain(int depth, int first) {
    const int g0 = level_group_[depth];
    const int current_left = group_first_[g0 + 1] - depth;
    const int rows = levels_ - depth - (first >= n_ ? current_left : 0);
    if (rows <= 0) return 0.0;
    slot_target_.clear();
    slot_rank_.clear();
    for (int j = 0; j < n_; ++j) {
      // Past the first slot only weapons with p < 1 gain anything: at most `rows` slots.
      const int slots = pmin_[g0 * n_ + j] >= 1.0 ? 1 : std::min(rows, room_[j]);
      for (int k = 0; k < slots; ++k) {
        slot_target_.push_back(j);
        slot_rank_.push_back(k);
      }
    }
    const int cols = static_cast<int>(slot_target_.size());
    if (static_cast<std::int64_t>(rows) * cols > (depth == 0 ? kMaxRootSlotEntries : kMaxSlotEntries))
      return std::numeric_limits<double>::infinity();
    ++stats.slot_bounds;
    slot_cost_.resize(rows, cols);
    int r = 0;
    for (int level = depth; level < levels_; ++level) {
      const int g = level_group_[level];
      const bool current = g == g0;
      if (current && first >= n_) continue;
      const int type = group_type_[g];
      for (int c = 0; c < cols; ++c) {
        const int j = slot_target_[c];
        const double p = p_(type, j);
        slot_cost_(r, c) = current && j < first ? std::numeric_limits<double>::infinity()
                                                : -survive_[j] * p * std::pow(1.0 - p, slot_rank_[c]);
      }
      ++r;
    }
    return -SolveAssignment(slot_cost_, 0.0).total_cost;
  }

  // LB of the node whose next level is `depth` (see the header); stops
  // refining once it reaches `threshold`.
  double Bound(int depth, int first, double threshold) {
    const double total = Total();
    if (depth == levels_) return total;
    const int g0 = level_group_[depth];
    const int groups = static_cast<int>(group_type_.size());
    double u_types = 0.0;
    for (int g = g0; g < groups; ++g) {
      const int count = group_first_[g + 1] - (g == g0 ? depth : group_first_[g]);
      const int from = g == g0 ? first : 0;
      if (from >= n_) continue;
      row_.resize(n_);
      for (int j = 0; j < n_; ++j) row_[j] = p_(group_type_[g], j);
      u_types += IdenticalWeaponsGain(count, row_.data(), from);
    }
    const double u_pooled = IdenticalWeaponsGain(levels_ - depth, &pbar_[g0 * n_], 0);
    const double cheap = std::max(0.0, total - std::min(u_types, u_pooled));
    if (cheap >= threshold) return cheap;
    return std::max(cheap, total - SlotGain(depth, first));
  }

  bool OutOfBudget() {
    if (options_.node_limit > 0 && stats.nodes >= options_.node_limit) return true;
    if (options_.time_limit_s > 0.0) {
      const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time_).count();
      if (t >= options_.time_limit_s) return true;
    }
    return false;
  }

  void Search(int depth, int first, double lb) {
    ++stats.nodes;
    if (depth == levels_) {
      const double f = Total();
      if (f < best_f_) best_f_ = f, best_x_ = x_;
      return;
    }
    if (stats.stopped_by_limit || OutOfBudget()) {
      stats.stopped_by_limit = true;
      open_bound = std::min(open_bound, lb);
      return;
    }
    const int g = level_group_[depth];
    const int type = group_type_[g];
    const bool last_of_group = depth + 1 == group_first_[g + 1];
    // Children: targets first.. with room, best marginal first; with caps, n = unused.
    auto& kids = children_[depth];
    kids.clear();
    for (int j = first; j < n_; ++j)
      if (room_[j] > 0) kids.push_back(j);
    std::stable_sort(kids.begin(), kids.end(),
                     [&](int a, int b) { return survive_[a] * p_(type, a) > survive_[b] * p_(type, b); });
    if (problem_.has_caps()) kids.push_back(n_);
    for (int j : kids) {
      if (stats.stopped_by_limit || OutOfBudget()) {  // children left unexplored: this node's bound covers them
        stats.stopped_by_limit = true;
        open_bound = std::min(open_bound, lb);
        return;
      }
      const int next_first = last_of_group ? 0 : j;
      if (j == n_) {
        const double child = std::max(lb, Bound(depth + 1, next_first, Threshold()));
        if (child < Threshold()) Search(depth + 1, next_first, child);
        continue;
      }
      const double saved = survive_[j];
      survive_[j] *= 1.0 - p_(type, j);
      ++x_(type, j);
      --room_[j];
      const double child = std::max(lb, Bound(depth + 1, next_first, Threshold()));
      if (child < Threshold()) Search(depth + 1, next_first, child);
      ++room_[j];
      --x_(type, j);
      survive_[j] = saved;
    }
  }

  const WtaProblem& problem_;
  const Eigen::MatrixXd& p_;
  const WtaExactOptions& options_;
  int m_, n_, levels_ = 0;
  Eigen::MatrixXi best_x_;
  double best_f_;
  Eigen::MatrixXi x_;
  std::vector<double> survive_, marginal_, row_, pbar_, pmin_;
  std::vector<int> room_, level_group_, group_type_, group_first_, slot_target_, slot_rank_;
  std::vector<std::vector<int>> children_;
  Eigen::MatrixXd slot_cost_;
  std::chrono::steady_clock::time_point start_time_;
};

}  // namespace

WtaSolution SolveWtaExact(const WtaProblem& problem, const WtaExactOptions& options, WtaExactStats* stats) {
  const auto start = std::chrono::steady_clock::now();
  CUPOLA_CHECK(problem.Validate().empty(), problem.Validate());
  WtaLocalSearchOptions start_options = options.start;
  if (options.time_limit_s > 0.0) {
    const double share = options.time_limit_s / 3.0;
    start_options.time_limit_s = start_options.time_limit_s > 0.0 ? std::min(start_options.time_limit_s, share) : share;
  }
  const WtaSolution incumbent = SolveWtaLocalSearch(problem, start_options);

  BranchAndBound bnb(problem, options, incumbent, start);
  bnb.Run();

  WtaSolution sol;
  sol.solver = "exact";
  sol.assignment = bnb.best_x();
  sol.objective = Objective(problem, sol.assignment);
  sol.proven_optimal = !bnb.stats.stopped_by_limit;
  sol.lower_bound =
      sol.proven_optimal ? sol.objective : std::min(sol.objective, std::max(bnb.stats.root_bound, bnb.open_bound));
  sol.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats != nullptr) {
    *stats = bnb.stats;
    stats->start_objective = incumbent.objective;
  }
  return sol;
}

}  // namespace cupola
