#include "cupola/sim/link.h"

#include "cupola/core/random.h"

namespace cupola {

Transmission ScheduledLossyLink::Transmit(double t_in_s, std::uint64_t message_seed) const {
  for (const LinkOutage& o : spec_.outages)
    if (t_in_s >= o.start_s && t_in_s < o.end_s) return {Transmission::Fate::kLostInOutage, 0.0};
  Rng rng(message_seed);
  const double loss_draw = rng.Uniform();
  const double jitter_draw = rng.Uniform();
  if (loss_draw < spec_.loss_probability) return {Transmission::Fate::kLost, 0.0};
  return {Transmission::Fate::kDelivered, t_in_s + spec_.latency_s + spec_.jitter_s * jitter_draw};
}

std::unique_ptr<Link> MakeLink(const LinkSpec& spec) { return std::make_unique<ScheduledLossyLink>(spec); }

}  // namespace cupola
