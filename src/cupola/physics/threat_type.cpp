#include "cupola/physics/threat_type.h"

namespace cupola {

const char* ToString(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::kRocket: return "rocket";
    case ThreatKind::kMortar: return "mortar";
    case ThreatKind::kDrone: return "drone";
  }
  return "unknown";
}

}  // namespace cupola
