#include "cupola/sim/effector_stage.h"

#include "cupola/sim/gun_stage.h"
#include "cupola/sim/interceptor_fleet.h"

namespace cupola {

std::unique_ptr<EffectorStage> MakeEffectorStage(EffectorKind kind, const World& world, ThreatStage* threats,
                                                 std::uint64_t replication_seed) {
  switch (kind) {
    case EffectorKind::kMissile: return std::make_unique<InterceptorFleet>(world, threats, replication_seed);
    case EffectorKind::kGun: return std::make_unique<GunStage>(world, threats, replication_seed);
  }
  return nullptr;  // unreachable: every kind has its case
}

}  // namespace cupola
