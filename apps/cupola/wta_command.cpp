// `cupola wta`: read an instance, solve it, print the answer -- or write a
// random instance. Thin over src/cupola/engagement.
#include "wta_command.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>

#include "cupola/core/error.h"
#include "cupola/engagement/exact.h"
#include "cupola/engagement/greedy.h"
#include "cupola/engagement/local_search.h"
#include "cupola/engagement/wta_io.h"
#include "cupola/io/atomic_file.h"

namespace cupola::cli {
namespace {

constexpr long long kExactUpTo = 400;  // weapons x targets solved exactly by default

// Targets of each weapon of type i, one entry per weapon.
std::vector<int> TargetsOf(const Eigen::MatrixXi& x, int i) {
  std::vector<int> out;
  for (int j = 0; j < x.cols(); ++j)
    for (int c = 0; c < x(i, j); ++c) out.push_back(j);
  return out;
}

// "4 x2, 9, 17"; "-" if none.
std::string TargetList(const Eigen::MatrixXi& x, int i) {
  std::string out;
  for (int j = 0; j < x.cols(); ++j) {
    if (x(i, j) == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(j);
    if (x(i, j) > 1) out += " x" + std::to_string(x(i, j));
  }
  return out.empty() ? "-" : out;
}

int Generate(const WtaOptions& options) {
  const int weapons = options.generate[0], targets = options.generate[1];
  const WtaProblem problem = RandomWtaProblem(weapons, targets, options.seed);
  const std::string text = WtaProblemToJson(problem);
  if (options.out.empty()) {
    std::fputs(text.c_str(), stdout);
  } else {
    WriteFileAtomically(options.out, text);
    std::printf("wrote %s: %d weapon types x 1 weapon, %d targets, seed %llu\n", options.out.c_str(), weapons, targets,
                static_cast<unsigned long long>(options.seed));
  }
  return 0;
}

}  // namespace

int Wta(const WtaOptions& options) {
  if (!options.generate.empty()) {
    if (!options.instance.empty())
      throw InputError({"cupola wta"}, "", "both an instance file and --generate",
                       "one of them: solve a file, or generate one");
    return Generate(options);
  }
  if (options.instance.empty())
    throw InputError({"cupola wta"}, "", "neither an instance file nor --generate",
                     "one of them (see cupola wta --help)");

  const WtaProblem problem = ReadWtaFile(options.instance);
  const int m = problem.num_types(), n = problem.num_targets(), weapons = problem.num_weapons();
  const long long size = static_cast<long long>(weapons) * n;
  std::string solver = options.solver, why;
  if (solver == "auto") {
    solver = size <= kExactUpTo ? "exact" : "local";
    why = "default for weapons x targets = " + std::to_string(size) + (size <= kExactUpTo ? " <= " : " > ") +
          std::to_string(kExactUpTo);
  }

  WtaSolution sol;
  if (solver == "greedy") {
    sol = SolveWtaGreedy(problem);
  } else if (solver == "local") {
    WtaLocalSearchOptions o;
    o.seed = options.seed;
    if (options.time_limit_s > 0.0) {
      o.time_limit_s = options.time_limit_s;
      o.rounds = std::numeric_limits<int>::max();  // the time limit is the budget
    }
    sol = SolveWtaLocalSearch(problem, o);
  } else {
    WtaExactOptions o;
    o.start = WtaLocalSearchOptions{};  // the incumbent: --solver local's search, within a third of the time limit
    o.start.seed = options.seed;
    if (options.time_limit_s > 0.0) o.time_limit_s = options.time_limit_s;
    sol = SolveWtaExact(problem, o);
  }
  CUPOLA_CHECK(IsFeasible(problem, sol.assignment), "the solver returned an infeasible assignment");

  const double total_value = problem.value.sum();
  const bool has_bound = !std::isnan(sol.lower_bound);
  const double gap = has_bound && sol.objective > 0.0 ? (sol.objective - sol.lower_bound) / sol.objective : 0.0;
  int unused = weapons - sol.assignment.sum();

  if (options.json) {
    // One key per line in this order; the assignment one weapon type per line.
    nlohmann::ordered_json j;
    j["instance"] = options.instance;
    if (!problem.name.empty()) j["name"] = problem.name;
    j["types"] = m;
    j["targets"] = n;
    j["weapons"] = weapons;
    j["total_value"] = total_value;
    j["solver"] = sol.solver;
    if (sol.solver != "greedy") j["seed"] = std::to_string(options.seed);  // a string: JSON readers round above 2^53
    j["objective"] = sol.objective;
    j["destroyed"] = total_value - sol.objective;
    j["lower_bound"] = has_bound ? nlohmann::json(sol.lower_bound) : nlohmann::json(nullptr);
    j["gap"] = has_bound ? nlohmann::json(gap) : nlohmann::json(nullptr);
    j["proven_optimal"] = sol.proven_optimal;
    j["seconds"] = sol.seconds;
    j["unused_weapons"] = unused;
    std::string text = "{\n";
    // The instance path comes from the command line, not necessarily UTF-8.
    for (const auto& item : j.items())
      text += "  \"" + item.key() + "\": " + item.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
              ",\n";
    text += "  \"assignment\": [";
    for (int i = 0; i < m; ++i)
      text += std::string(i ? "," : "") + "\n    " + nlohmann::json(TargetsOf(sol.assignment, i)).dump();
    text += "\n  ]\n}\n";
    std::fputs(text.c_str(), stdout);
    return 0;
  }

  const std::string label = std::filesystem::path(options.instance).filename().string();
  std::printf("%s%s: %d weapon types, %d weapons, %d targets, total value %.10g\n", label.c_str(),
              problem.name.empty() ? "" : (" (" + problem.name + ")").c_str(), m, weapons, n, total_value);
  std::printf("solver:      %s%s\n", sol.solver.c_str(), why.empty() ? "" : (" (" + why + ")").c_str());
  std::printf("objective:   %.6f expected surviving value (%.6f destroyed, %.2f %%)\n", sol.objective,
              total_value - sol.objective,
              total_value > 0.0 ? 100.0 * (total_value - sol.objective) / total_value : 0.0);
  if (sol.proven_optimal) {
    std::printf("bound:       proven optimal\n");
  } else if (has_bound) {
    std::printf("bound:       lower bound %.6f, gap %.4f %% (stopped by the time limit)\n", sol.lower_bound,
                100.0 * gap);
  } else {
    std::printf("bound:       none (a heuristic; --solver exact gives a lower bound)\n");
  }
  std::printf("time:        %.3f s\n", sol.seconds);
  std::printf("assignment (weapon type: its targets, \"x2\" for two weapons on one target):\n");
  for (int i = 0; i < m; ++i) {
    if (problem.weapons(i) == 0) continue;
    std::printf("  %4d: %s\n", i, TargetList(sol.assignment, i).c_str());
  }
  if (unused > 0)
    std::printf("  (%d weapon%s unused: no target left where they help)\n", unused, unused == 1 ? "" : "s");
  return 0;
}

}  // namespace cupola::cli
