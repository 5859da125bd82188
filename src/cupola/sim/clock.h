// cupola/sim/clock.h -- the engine's one clock: a deterministic queue of
// what is due when.
//
// Every scheduled happening is (time, stage, key): earlier first; at one
// instant, stages in their fixed order (a threat launched at t is seen by a
// scan at t; a sensor's scan before the reports it sends on; a threat
// impacting at t is still seen by a scan at t); within a stage, by key
// (threat id, sensor index, or picture and scan).
// Never by insertion order, pointer or thread, so a run is the same on
// every machine and thread count.
#pragma once

#include <cstdint>
#include <queue>
#include <tuple>
#include <vector>

namespace cupola {

/// Stages in their order at one instant.
enum class Stage : int {
  kThreatLaunch = 0,  // key: threat id
  kSensorScan = 1,    // key: sensor index; payload: scan number
  kDelivery = 2,      // a report reaching a battery's picture; key: picture, then scan record
  kThreatEnd = 3,     // a threat's flight reaches the ground; key: threat id
};

struct Due {
  double t_s = 0.0;
  Stage stage = Stage::kSensorScan;
  std::uint64_t key = 0;    // orders happenings of one stage at one instant
  std::int64_t payload = 0;  // what the stage needs to act (not part of the order)
};

class Clock {
 public:
  void Schedule(const Due& due) { queue_.push(due); }
  bool empty() const { return queue_.empty(); }
  const Due& next() const { return queue_.top(); }
  Due Pop() {
    Due d = queue_.top();
    queue_.pop();
    return d;
  }

 private:
  struct Later {
    bool operator()(const Due& a, const Due& b) const {
      return std::tuple(a.t_s, static_cast<int>(a.stage), a.key) > std::tuple(b.t_s, static_cast<int>(b.stage), b.key);
    }
  };
  std::priority_queue<Due, std::vector<Due>, Later> queue_;
};

}  // namespace cupola
