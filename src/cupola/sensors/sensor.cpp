#include "cupola/sensors/sensor.h"

#include "cupola/sensors/radar_sensor.h"

namespace cupola {

std::unique_ptr<Sensor> MakeSensor(const RadarModel& radar, int index, const LocalFrame& frame) {
  return std::make_unique<RadarSensor>(&radar, index, &frame);
}

}  // namespace cupola
