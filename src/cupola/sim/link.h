// cupola/sim/link.h -- what one data link does to one message.
//
// The Link interface is what the network (network.h) asks of a link: given
// a message entering it at t_in_s, when does it come out, if at all. A new
// link model (bandwidth queues, a satellite hop with its own outages, a
// jammer's schedule) is a new implementation of this interface plus a line
// in MakeLink (link.cpp). Draws come from the stream the network hands in,
// keyed by the message's identity, never by call order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "cupola/scenario/spec.h"

namespace cupola {

/// What became of a message on a link.
struct Transmission {
  enum class Fate { kDelivered, kLost, kLostInOutage } fate = Fate::kDelivered;
  double t_out_s = 0.0;  // arrival, when delivered
  double queued_s = 0.0;  // of the delay, waiting for the message before it to be sent
};

/// A message: its size and its own random stream (keyed by its identity).
struct Message {
  double size_bits = 0.0;
  std::uint64_t seed = 0;
};

/// What a link holds during one replication: when it is free to send again.
struct LinkState {
  double busy_until_s = 0.0;
};

/// The size of a radar's scan report on a link: an ASTERIX CAT048-like
/// record per detection (time, range, azimuth, elevation, range rate,
/// quality: about 32 bytes) and a 16-byte header (docs/links.md).
constexpr double ScanReportBits(std::size_t detections) { return 8.0 * (16.0 + 32.0 * static_cast<double>(detections)); }

class Link {
 public:
  virtual ~Link() = default;
  /// A message entering at t_in_s; `state` is this link's in the
  /// replication (messages enter in the order the clock sends them).
  virtual Transmission Transmit(double t_in_s, const Message& message, LinkState& state) const = 0;
  /// The delay without randomness, for choosing paths [s].
  virtual double NominalLatency_s() const = 0;
};

/// The scenario's link: scheduled outages, random loss, a first-in
/// first-out sender at the link's bandwidth, then latency plus uniform jitter.
class ScheduledLossyLink : public Link {
 public:
  explicit ScheduledLossyLink(LinkSpec spec) : spec_(std::move(spec)) {}
  Transmission Transmit(double t_in_s, const Message& message, LinkState& state) const override;
  double NominalLatency_s() const override { return spec_.latency_s; }

 private:
  LinkSpec spec_;
};

/// The link model for a scenario link (today every link is a ScheduledLossyLink).
std::unique_ptr<Link> MakeLink(const LinkSpec& spec);

}  // namespace cupola
