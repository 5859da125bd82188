// cupola/sim/link.h -- what one data link does to one message.
//
// The Link interface is what the network (network.h) asks of a link: given
// a message entering it at t_in_s, when does it come out, if at all. A new
// link model (bandwidth queues, a satellite hop with its own outages, a
// jammer's schedule) is a new implementation of this interface plus a line
// in MakeLink (link.cpp). Draws come from the stream the network hands in,
// keyed by the message's identity, never by call order.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "cupola/scenario/spec.h"

namespace cupola {

/// What became of a message on a link.
struct Transmission {
  enum class Fate { kDelivered, kLost, kLostInOutage } fate = Fate::kDelivered;
  double t_out_s = 0.0;  // arrival, when delivered
};

class Link {
 public:
  virtual ~Link() = default;
  /// A message entering at t_in_s, with its own random stream `message_seed`.
  virtual Transmission Transmit(double t_in_s, std::uint64_t message_seed) const = 0;
  /// The delay without randomness, for choosing paths [s].
  virtual double NominalLatency_s() const = 0;
};

/// The scenario's link: latency plus uniform jitter, random loss, scheduled outages.
class ScheduledLossyLink : public Link {
 public:
  explicit ScheduledLossyLink(LinkSpec spec) : spec_(std::move(spec)) {}
  Transmission Transmit(double t_in_s, std::uint64_t message_seed) const override;
  double NominalLatency_s() const override { return spec_.latency_s; }

 private:
  LinkSpec spec_;
};

/// The link model for a scenario link (today every link is a ScheduledLossyLink).
std::unique_ptr<Link> MakeLink(const LinkSpec& spec);

}  // namespace cupola
