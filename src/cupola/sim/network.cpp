#include "cupola/sim/network.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "cupola/core/random.h"

namespace cupola {

Network::Network(const ScenarioSpec& spec)
    : ideal_(spec.links.empty()),
      radars_(static_cast<int>(spec.radars.size())),
      batteries_(static_cast<int>(spec.batteries.size())),
      links_(spec.links) {
  std::map<std::string, int> node;
  for (int r = 0; r < radars_; ++r) node[spec.radars[r].name] = r;
  for (int b = 0; b < batteries_; ++b) node[spec.batteries[b].name] = radars_ + b;
  for (const LinkSpec& link : links_) {
    from_.push_back(node.at(link.from)), to_.push_back(node.at(link.to));
    models_.push_back(MakeLink(link));
  }
  const int nodes = radars_ + batteries_;
  paths_.assign(radars_, std::vector<std::vector<int>>(batteries_));
  tree_links_.assign(radars_, {});
  if (ideal_) return;
  // Dijkstra from each radar over (latency, hops, link index): a few hundred
  // nodes at most, so the plain O(V^2) form.
  for (int r = 0; r < radars_; ++r) {
    using Cost = std::tuple<double, int, int>;  // latency, hops, last link
    std::vector<Cost> best(nodes, {kNever, 0, -1});
    std::vector<int> via(nodes, -1);  // link into the node
    std::vector<bool> done(nodes, false);
    best[r] = {0.0, 0, -1};
    for (;;) {
      int u = -1;
      for (int n = 0; n < nodes; ++n)
        if (!done[n] && std::get<0>(best[n]) < kNever && (u < 0 || best[n] < best[u])) u = n;
      if (u < 0) break;
      done[u] = true;
      if (u != r && u < radars_) continue;  // radars do not relay
      for (int l = 0; l < static_cast<int>(links_.size()); ++l) {
        if (from_[l] != u) continue;
        const Cost through{std::get<0>(best[u]) + models_[l]->NominalLatency_s(), std::get<1>(best[u]) + 1, l};
        if (!done[to_[l]] && through < best[to_[l]]) best[to_[l]] = through, via[to_[l]] = l;
      }
      // Settled in order of cost: its link follows the one into its sender.
      if (via[u] >= 0) tree_links_[r].push_back(via[u]);
    }
    for (int b = 0; b < batteries_; ++b) {
      std::vector<int> path;
      for (int n = radars_ + b; via[n] >= 0; n = from_[via[n]]) path.insert(path.begin(), via[n]);
      paths_[r][b] = std::move(path);
    }
  }
}

std::vector<double> Network::Deliver(int radar, int scan, double t_s, double size_bits,
                                     const std::vector<std::uint64_t>& link_seeds, std::vector<LinkCounts>& counts) const {
  std::vector<double> battery_arrival(batteries_, ideal_ ? t_s : kNever);
  if (ideal_) return battery_arrival;
  std::vector<double> arrival(radars_ + batteries_, kNever);
  arrival[radar] = t_s;
  for (const int l : tree_links_[radar]) {
    if (arrival[from_[l]] == kNever) continue;  // lost on the way here
    LinkCounts& c = counts[l];
    ++c.sent;
    const std::uint64_t message_seed =
        SubstreamSeed(SubstreamSeed(link_seeds[l], static_cast<std::uint64_t>(radar)), static_cast<std::uint64_t>(scan));
    const Transmission sent = models_[l]->Transmit(arrival[from_[l]], {size_bits, message_seed}, c.state);
    if (sent.fate != Transmission::Fate::kLostInOutage) {
      c.bits_sent += size_bits;
      c.queued_s_total += sent.queued_s;
      c.queued_s_max = std::max(c.queued_s_max, sent.queued_s);
    }
    switch (sent.fate) {
      case Transmission::Fate::kLostInOutage: ++c.lost_in_outage; break;
      case Transmission::Fate::kLost: ++c.lost; break;
      case Transmission::Fate::kDelivered: ++c.delivered, arrival[to_[l]] = sent.t_out_s; break;
    }
  }
  for (int b = 0; b < batteries_; ++b) battery_arrival[b] = arrival[radars_ + b];
  return battery_arrival;
}

}  // namespace cupola
