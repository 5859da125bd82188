#include "cupola/sim/link.h"

#include <algorithm>

#include "cupola/core/random.h"

namespace cupola {

Transmission ScheduledLossyLink::Transmit(double t_in_s, const Message& message, LinkState& state) const {
  for (const LinkOutage& o : spec_.outages)
    if (t_in_s >= o.start_s && t_in_s < o.end_s) return {Transmission::Fate::kLostInOutage, 0.0};
  Rng rng(message.seed);
  const double loss_draw = rng.Uniform();
  const double jitter_draw = rng.Uniform();
  // A message lost on the way was still sent: it took its turn at the sender.
  double sent_s = t_in_s, queued_s = 0.0;
  if (spec_.bandwidth_kbps) {
    const double start_s = std::max(t_in_s, state.busy_until_s);
    queued_s = start_s - t_in_s;
    sent_s = start_s + message.size_bits / (*spec_.bandwidth_kbps * 1000.0);
    state.busy_until_s = sent_s;
  }
  if (loss_draw < spec_.loss_probability) return {Transmission::Fate::kLost, 0.0, queued_s};
  return {Transmission::Fate::kDelivered, sent_s + spec_.latency_s + spec_.jitter_s * jitter_draw, queued_s};
}

std::unique_ptr<Link> MakeLink(const LinkSpec& spec) { return std::make_unique<ScheduledLossyLink>(spec); }

}  // namespace cupola
