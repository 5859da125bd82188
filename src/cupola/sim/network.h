// cupola/sim/network.h -- the data links between radars and batteries.
//
// The nodes are the radars and the batteries. A radar's scan report reaches
// a battery over the scenario's links: along the quickest path (least
// nominal latency; ties to fewer hops, then the earlier link in the file),
// with batteries relaying and radars not. Each link delays a message by its
// latency plus a uniform jitter, loses it with its loss probability, and
// carries nothing during its outages. A scenario without links has the
// ideal network: every radar reaches every battery at once, losslessly.
// A battery with no path from any radar receives nothing and never fires.
//
// The paths are model (built once from the scenario); what happens to one
// message is drawn from the link's own random stream keyed by (radar, scan
// number), so one report relayed towards several batteries crosses each
// link once, and no other draw in the run moves.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "cupola/scenario/spec.h"
#include "cupola/sim/link.h"

namespace cupola {

struct LinkCounts {
  std::string name;
  long long sent = 0;            // scan reports put on the link
  long long delivered = 0;
  long long lost = 0;            // lost at random (loss_probability)
  long long lost_in_outage = 0;  // sent while the link was down
  double bits_sent = 0.0;        // of the messages put on it while up
  double queued_s_total = 0.0;   // time messages waited for the one before (bandwidth)
  double queued_s_max = 0.0;
  LinkState state;               // the link's own state in this replication
};

class Network {
 public:
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  explicit Network(const ScenarioSpec& spec);
  Network(Network&&) noexcept = default;

  /// No links in the scenario: every radar reaches every battery at once.
  bool ideal() const { return ideal_; }
  /// Links on the path from a radar to a battery, in order (empty: none, or ideal).
  const std::vector<int>& Path(int radar, int battery) const { return paths_[radar][battery]; }
  /// A battery gets this radar's reports.
  bool Reaches(int radar, int battery) const { return ideal_ || !paths_[radar][battery].empty(); }
  const std::vector<LinkSpec>& links() const { return links_; }

  /// Sends scan `scan` of `radar` (`size_bits` long), measured at t_s,
  /// across the links of every path from that radar. Returns its arrival
  /// time at each battery (kNever: lost, or no path) and adds to `counts`
  /// (one per link, with the link's state). `link_seeds` are the links'
  /// random streams of this replication.
  std::vector<double> Deliver(int radar, int scan, double t_s, double size_bits,
                              const std::vector<std::uint64_t>& link_seeds, std::vector<LinkCounts>& counts) const;

 private:
  bool ideal_ = true;
  int radars_ = 0, batteries_ = 0;
  std::vector<LinkSpec> links_;
  std::vector<std::unique_ptr<Link>> models_;  // what each link does to a message (link.h)
  std::vector<std::vector<std::vector<int>>> paths_;  // [radar][battery] -> links
  // Per radar: the links of its paths, each once, in an order where a link
  // comes after the link that brings the message to its sending node.
  std::vector<std::vector<int>> tree_links_;
  std::vector<int> from_, to_;  // node of each link: radars 0..R-1, then batteries R..R+B-1
};

}  // namespace cupola
