#include "cupola/engagement/local_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/core/random.h"
#include "cupola/engagement/dense_assignment.h"
#include "cupola/engagement/greedy.h"

namespace cupola {
namespace {

// An assignment with its surviving values S_j, and the two neighbourhoods of
// the header. Improving steps must beat F by more than this fraction.
constexpr double kRelativeImprovement = 1e-12;

class Neighbourhoods {
 public:
  Neighbourhoods(const WtaProblem& problem, Eigen::MatrixXi& x)
      : problem_(problem),
        p_(problem.kill_probability),
        x_(x),
        m_(problem.num_types()),
        n_(problem.num_targets()),
        survive_(n_),
        base_(n_),
        on_target_(n_),
        cap_(n_, std::numeric_limits<int>::max()),
        room_(n_) {
    if (problem.has_caps())
      for (int j = 0; j < n_; ++j) cap_[j] = problem.max_per_target(j);
    Resync();
  }

  // S_j and the weapon counts from x (removes the drift of repeated updates).
  void Resync() {
    for (int j = 0; j < n_; ++j) {
      survive_[j] = SurvivalFromCounts(j, -1, 0);
      on_target_[j] = x_.col(j).sum();
    }
  }

  double Total() const {
    double f = 0.0;
    for (double s : survive_) f += s;
    return f;
  }

  // Best placement of all type-i weapons with the rest fixed (exact, see header).
  bool ReoptimizeType(int i) {
    const int weapons = problem_.weapons(i);
    if (weapons == 0) return false;
    heap_.clear();
    for (int j = 0; j < n_; ++j) {
      base_[j] = x_(i, j) > 0 ? SurvivalWithout(j, i, x_(i, j)) : survive_[j];
      room_[j] = cap_[j] == std::numeric_limits<int>::max() ? weapons : cap_[j] - (on_target_[j] - x_(i, j));
      const double gain = base_[j] * p_(i, j);
      if (gain > 0.0 && room_[j] > 0) heap_.emplace_back(gain, -j);  // ties: lowest target first
    }
    std::make_heap(heap_.begin(), heap_.end());
    placed_.assign(n_, 0);
    for (int k = 0; k < weapons && !heap_.empty(); ++k) {
      std::pop_heap(heap_.begin(), heap_.end());
      auto& top = heap_.back();
      const int j = -top.second;
      ++placed_[j];
      top.first *= 1.0 - p_(i, j);
      if (top.first > 0.0 && placed_[j] < room_[j]) {
        std::push_heap(heap_.begin(), heap_.end());
      } else {
        heap_.pop_back();
      }
    }
    double delta = 0.0;
    for (int j = 0; j < n_; ++j) {
      if (placed_[j] == x_(i, j)) continue;
      delta += base_[j] * std::pow(1.0 - p_(i, j), placed_[j]) - survive_[j];
    }
    if (!(delta < -kRelativeImprovement * Total())) return false;
    for (int j = 0; j < n_; ++j) {
      if (placed_[j] == x_(i, j)) continue;
      on_target_[j] += placed_[j] - x_(i, j);
      x_(i, j) = placed_[j];
      survive_[j] = SurvivalFromCounts(j, -1, 0);
    }
    return true;
  }

  // Ejection by assignment over one weapon of every target that has one (the
  // least useful one, or a random one with `rng`), plus one unused weapon of
  // every type that has some.
  bool Eject(Rng* rng) {
    rows_.clear();
    for (int j = 0; j < n_; ++j) {
      int pick = -1;
      if (on_target_[j] == 0) continue;
      if (rng != nullptr) {
        int r = static_cast<int>(rng->Uniform() * on_target_[j]);
        for (int i = 0; i < m_ && pick < 0; ++i) {
          if (r < x_(i, j)) pick = i;
          r -= x_(i, j);
        }
      } else {
        double least = std::numeric_limits<double>::infinity();
        for (int i = 0; i < m_; ++i) {
          if (x_(i, j) == 0) continue;
          const double loss = SurvivalWithout(j, i, 1) - survive_[j];
          if (loss < least) least = loss, pick = i;
        }
      }
      if (pick >= 0) rows_.push_back({pick, j});
    }
    for (int i = 0; i < m_; ++i) {
      if (x_.row(i).sum() < problem_.weapons(i)) rows_.push_back({i, -1});
    }
    if (rows_.empty()) return false;
    for (int j = 0; j < n_; ++j) base_[j] = survive_[j], room_[j] = cap_[j] - on_target_[j];
    for (const auto& [i, j] : rows_) {
      if (j >= 0) base_[j] = SurvivalWithout(j, i, 1), ++room_[j];
    }
    // Square N x N: real rows r < R, then zero rows; columns are the targets,
    // then zero columns. A row on a zero column, or on a target with no room
    // (cost 0 too), keeps its weapon unused.
    const int rows = static_cast<int>(rows_.size());
    const int size = std::max(rows, n_);
    cost_.setZero(size, size);
    double before = 0.0;
    for (int r = 0; r < rows; ++r) {
      const auto [i, from] = rows_[r];
      for (int k = 0; k < n_; ++k)
        if (room_[k] > 0) cost_(r, k) = -base_[k] * p_(i, k);
      if (from >= 0) before += cost_(r, from);
    }
    std::vector<int> to = SolveDenseAssignment(cost_, lap_);
    double after = 0.0;
    for (int r = 0; r < rows; ++r) {
      if (to[r] >= n_ || (to[r] >= 0 && room_[to[r]] <= 0)) to[r] = -1;
      if (to[r] >= 0) after += cost_(r, to[r]);
    }
    // The sums are of what the weapons kill, which can dwarf F when nearly
    // everything is killed: the improvement must also beat their rounding, or
    // equivalent re-insertions cycle forever (found by fuzz/fuzz_wta_text).
    if (!(after < before - kRelativeImprovement * std::max(Total(), std::abs(before)))) return false;
    for (int r = 0; r < rows; ++r) {
      const auto [i, from] = rows_[r];
      if (from >= 0) --x_(i, from), --on_target_[from];
      if (to[r] >= 0) ++x_(i, to[r]), ++on_target_[to[r]];
    }
    for (int r = 0; r < rows; ++r) {
      if (rows_[r].second >= 0) survive_[rows_[r].second] = SurvivalFromCounts(rows_[r].second, -1, 0);
      if (to[r] >= 0) survive_[to[r]] = SurvivalFromCounts(to[r], -1, 0);
    }
    return true;
  }

  // Every type re-optimised once; true if any improved.
  bool SweepTypes() {
    bool improved = false;
    for (int i = 0; i < m_; ++i) improved |= ReoptimizeType(i);
    return improved;
  }

  // Type sweeps and ejections of the least useful weapons until neither
  // improves: deterministic.
  int Descend() {
    int steps = 0;
    for (bool improved = true; improved;) {
      improved = false;
      for (int i = 0; i < m_; ++i) {
        if (ReoptimizeType(i)) improved = true, ++steps;
      }
      if (Eject(nullptr)) improved = true, ++steps;
    }
    Resync();
    return steps;
  }

  // Takes every weapon off `count` random targets, then sends `count` random
  // weapons (an unused one of a random type, else one of its weapons in
  // place) to random targets with room. The freed weapons go back in the
  // next descent.
  void Perturb(Rng& rng, int count) {
    for (int c = 0; c < count; ++c) x_.col(std::min(n_ - 1, static_cast<int>(rng.Uniform() * n_))).setZero();
    Resync();
    for (int c = 0; c < count; ++c) {
      const int i = std::min(m_ - 1, static_cast<int>(rng.Uniform() * m_));
      const int j = std::min(n_ - 1, static_cast<int>(rng.Uniform() * n_));
      const int used = x_.row(i).sum();
      if (on_target_[j] >= cap_[j] || problem_.weapons(i) == 0) continue;
      if (used < problem_.weapons(i)) {
        ++x_(i, j), ++on_target_[j];
        continue;
      }
      int r = std::min(used - 1, static_cast<int>(rng.Uniform() * used));
      int k = 0;
      while (r >= x_(i, k)) r -= x_(i, k++);
      if (k == j) continue;
      --x_(i, k), --on_target_[k];
      ++x_(i, j), ++on_target_[j];
    }
    Resync();
  }

 private:
  // S_j with `removed` fewer weapons of type `skip` (-1: none).
  double SurvivalFromCounts(int j, int skip, int removed) const {
    double s = problem_.value(j);
    for (int i = 0; i < m_; ++i) {
      const int count = x_(i, j) - (i == skip ? removed : 0);
      if (count > 0) s *= std::pow(1.0 - p_(i, j), count);
    }
    return s;
  }

  // S_j with c fewer type-i weapons: a division, unless (1 - p)^c is too small
  // to divide by accurately.
  double SurvivalWithout(int j, int i, int c) const {
    const double factor = std::pow(1.0 - p_(i, j), c);
    return factor > 1e-6 ? survive_[j] / factor : SurvivalFromCounts(j, i, c);
  }

  const WtaProblem& problem_;
  const Eigen::MatrixXd& p_;
  Eigen::MatrixXi& x_;
  int m_, n_;
  std::vector<double> survive_, base_;
  std::vector<int> on_target_, cap_, room_;  // sum_i x_ij; c_j (INT_MAX: no cap); weapons j may still take
  std::vector<std::pair<double, int>> heap_;
  std::vector<int> placed_;
  std::vector<std::pair<int, int>> rows_;  // (type, target it leaves; -1 = unused)
  RowMajorMatrix cost_;
  DenseAssignmentWorkspace lap_;
};

}  // namespace

int ImproveWtaLocally(const WtaProblem& problem, Eigen::MatrixXi& x) {
  CUPOLA_CHECK(IsFeasible(problem, x), "local search needs a feasible start");
  if (problem.num_types() == 0 || problem.num_targets() == 0) return 0;
  Neighbourhoods search(problem, x);
  return search.Descend();
}

WtaSolution SolveWtaLocalSearch(const WtaProblem& problem, const WtaLocalSearchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  WtaSolution sol = SolveWtaGreedy(problem);
  sol.solver = "local";
  const int m = problem.num_types(), n = problem.num_targets();
  if (m > 0 && n > 0) {
    Eigen::MatrixXi x = sol.assignment;
    Neighbourhoods search(problem, x);
    search.Descend();
    sol.assignment = x;
    sol.objective = Objective(problem, x);
    const auto keep_if_better = [&] {
      const double f = Objective(problem, x);
      if (f < sol.objective * (1.0 - kRelativeImprovement)) sol.assignment = x, sol.objective = f;
    };
    // Random ejections (each followed by a type sweep when it improves) until
    // kPatience fail in a row; then the round ends and the next one starts
    // from a perturbed copy of the best assignment.
    constexpr int kPatience = 5;
    Rng rng(options.seed);
    const int ruin = options.ruin_targets > 0 ? options.ruin_targets : std::max(2, std::min(20, n / 10));
    int failures = 0;
    for (int round = 0; round < options.rounds;) {
      if (options.time_limit_s > 0.0 && elapsed() >= options.time_limit_s) break;
      if (search.Eject(&rng)) {
        failures = 0;
        search.SweepTypes();
        continue;
      }
      if (++failures < kPatience) continue;
      failures = 0;
      ++round;
      search.Resync();
      keep_if_better();
      x = sol.assignment;
      search.Perturb(rng, ruin);
      search.SweepTypes();
    }
    search.Resync();
    keep_if_better();
  }
  sol.lower_bound = std::numeric_limits<double>::quiet_NaN();
  sol.proven_optimal = false;
  sol.seconds = elapsed();
  return sol;
}

}  // namespace cupola
