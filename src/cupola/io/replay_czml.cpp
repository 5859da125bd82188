#include "cupola/io/replay_czml.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace cupola {

using json = nlohmann::ordered_json;

namespace {

constexpr std::time_t kEpochUnix_s = 946684800;  // 2000-01-01T00:00:00Z
constexpr const char* kEpoch = "2000-01-01T00:00:00Z";

json Rgba(int r, int g, int b, int a = 255) { return {{"rgba", {r, g, b, a}}}; }

// A threat in flight, before the defence has gone for it and after: these
// say nothing of how it ends (the fate colours below show only from then on).
json FlyingColour() { return Rgba(235, 235, 235); }
json EngagedColour() { return Rgba(255, 60, 220); }

json FateColour(const std::string& fate) {
  if (fate == "intercepted") return Rgba(46, 204, 64);
  if (fate == "leaked" || fate == "impact_defended_area") return Rgba(230, 40, 40);
  if (fate == "engaged_open_ground") return Rgba(255, 140, 0);
  if (fate == "airborne_at_end") return Rgba(255, 220, 0);
  return Rgba(170, 170, 170);  // let fall in open ground
}

json Interval(double from_s, double to_s) { return ReplayIsoTime(from_s) + "/" + ReplayIsoTime(to_s); }

json Label(const std::string& text, int font_px) {
  return {{"text", text},
          {"font", std::to_string(font_px) + "px sans-serif"},
          {"fillColor", Rgba(255, 255, 255)},
          {"outlineColor", Rgba(0, 0, 0)},
          {"outlineWidth", 2},
          {"style", "FILL_AND_OUTLINE"},
          {"horizontalOrigin", "LEFT"},
          {"pixelOffset", {{"cartesian2", {8, -4}}}}};
}

json Site(const std::string& id, const std::string& kind, const std::string& name, const json& lon_lat,
          const json& colour) {
  return {{"id", id},
          {"name", name},
          {"position", {{"cartographicDegrees", {lon_lat[0], lon_lat[1], 0.0}}}},
          {"point", {{"pixelSize", 10}, {"color", colour}, {"outlineColor", Rgba(0, 0, 0)}, {"outlineWidth", 1},
                     {"heightReference", "CLAMP_TO_GROUND"}}},
          {"label", Label(name, 13)},
          {"properties", {{"kind", kind}}}};
}

// [lon, lat, 0, ...] of a GeoJSON ring, without its repeated first point.
json Positions(const json& ring) {
  json positions = json::array();
  for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
    positions.push_back(ring[k][0]);
    positions.push_back(ring[k][1]);
    positions.push_back(0.0);
  }
  return positions;
}

// A polygon on the ground from GeoJSON Polygon coordinates (outer ring, then holes).
json Area(const std::string& id, const std::string& kind, const std::string& name, const json& rings, const json& fill,
          const json& outline, json properties = json::object()) {
  json polygon = {{"positions", {{"cartographicDegrees", Positions(rings[0])}}},
                  {"material", {{"solidColor", {{"color", fill}}}}},
                  {"height", 0.0},
                  {"outline", true},
                  {"outlineColor", outline}};
  if (rings.size() > 1) {
    json holes = json::array();
    for (std::size_t k = 1; k < rings.size(); ++k) holes.push_back(Positions(rings[k]));
    polygon["holes"] = {{"cartographicDegrees", holes}};
  }
  properties["kind"] = kind;
  return {{"id", id}, {"name", name}, {"polygon", std::move(polygon)}, {"properties", std::move(properties)}};
}

// A polygon's label sits at the mean of its vertices (a polygon entity has no position of its own).
json Labelled(json area, const json& ring, const std::string& text) {
  double lon = 0.0, lat = 0.0;
  const double n = static_cast<double>(ring.size() - 1);
  for (std::size_t k = 0; k + 1 < ring.size(); ++k) lon += ring[k][0].get<double>() / n, lat += ring[k][1].get<double>() / n;
  json label = Label(text, 14);
  label["horizontalOrigin"] = "CENTER";
  label["pixelOffset"] = {{"cartesian2", {0, 0}}};
  area["position"] = {{"cartographicDegrees", {lon, lat, 0.0}}};
  area["label"] = std::move(label);
  return area;
}

// Colour by state over time: flying, engaged from `engaged_s` (if ever), and
// the fate's colour from `end_s`, when it is killed or comes down.
json StateColours(double launch_s, double engaged_s, double end_s, double clock_end_s, const json& fate_colour) {
  json intervals = json::array();
  const auto add = [&](double from, double to, const json& colour) {
    if (to > from) intervals.push_back({{"interval", Interval(from, to)}, {"rgba", colour["rgba"]}});
  };
  engaged_s = std::clamp(engaged_s, launch_s, end_s);
  add(launch_s, engaged_s, FlyingColour());
  add(engaged_s, end_s, EngagedColour());
  intervals.push_back({{"interval", Interval(end_s, std::max(end_s, clock_end_s))}, {"rgba", fate_colour["rgba"]}});
  return intervals;
}

// A moving body: sampled position, a point, a trail and a label.
json Mover(const std::string& id, const std::string& name, const json& path, const json& colour, int pixel_size,
           json properties) {
  json samples = json::array();
  for (const auto& p : path)
    for (int k = 0; k < 4; ++k) samples.push_back(p[k]);
  const double from = path.front()[0].get<double>(), to = path.back()[0].get<double>();
  return {{"id", id},
          {"name", name},
          {"availability", Interval(from, to)},
          {"position", {{"epoch", kEpoch}, {"cartographicDegrees", samples}}},
          {"point", {{"pixelSize", pixel_size}, {"color", colour}, {"outlineColor", Rgba(0, 0, 0)}, {"outlineWidth", 1}}},
          {"path", {{"material", {{"solidColor", {{"color", colour}}}}}, {"width", 1.5}, {"leadTime", 0},
                    {"trailTime", to - from}, {"resolution", 1}}},
          {"label", Label(name, 11)},
          {"properties", std::move(properties)}};
}

json Marker(const std::string& id, const std::string& name, const json& lon_lat_alt, double t_s, double end_s,
            const json& colour, int pixel_size, const std::string& kind) {
  return {{"id", id},
          {"name", name},
          {"availability", Interval(t_s, std::max(t_s, end_s))},
          {"position", {{"cartographicDegrees", lon_lat_alt}}},
          {"point", {{"pixelSize", pixel_size}, {"color", colour}, {"outlineColor", Rgba(0, 0, 0)}, {"outlineWidth", 1}}},
          {"properties", {{"kind", kind}}}};
}

}  // namespace

std::string ReplayIsoTime(double t_s) {
  const double whole = std::floor(t_s);
  const std::time_t seconds = kEpochUnix_s + static_cast<std::time_t>(whole);
  int millis = static_cast<int>(std::lround((t_s - whole) * 1000.0));
  std::time_t s = seconds;
  if (millis == 1000) ++s, millis = 0;
  std::tm utc{};
  gmtime_r(&s, &utc);
  char text[64];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

json ReplayCzml(const json& data) {
  const double duration = data["scenario"]["duration_s"].get<double>();
  // The clock runs to the last thing that happens (a long scenario often ends quietly).
  double end = 0.0;
  for (const auto& t : data["threats"]) end = std::max(end, t["end_t_s"].get<double>());
  for (const auto& i : data["interceptors"]) end = std::max(end, i["end_t_s"].get<double>());
  end = std::min(duration, end + 10.0);
  if (!(end > 0.0)) end = duration;
  json czml = json::array();
  czml.push_back({{"id", "document"},
                  {"name", data["scenario"]["name"]},
                  {"version", "1.0"},
                  {"clock", {{"interval", Interval(0.0, end)},
                             {"currentTime", ReplayIsoTime(0.0)},
                             {"multiplier", 10},
                             {"range", "CLAMPED"},
                             {"step", "SYSTEM_CLOCK_MULTIPLIER"}}}});
  // What made the replay (summary.json's provenance); CZML readers ignore
  // keys they do not know.
  if (data.contains("summary") && data["summary"].contains("provenance"))
    czml.back()["provenance"] = data["summary"]["provenance"];
  for (const auto& f : data["geometry"]["features"]) {
    const json& p = f["properties"];
    const std::string kind = p["kind"];
    const json& coordinates = f["geometry"]["coordinates"];
    if (kind == "defended_area") {
      czml.push_back(Labelled(Area("area/" + p["name"].get<std::string>(), kind, p["name"], coordinates,
                                   Rgba(30, 100, 220, 90), Rgba(30, 100, 220), {{"value", p["value"]}}),
                              coordinates[0], p["name"]));
    } else if (kind == "alert_zone") {
      czml.push_back(Area("zone/" + p["name"].get<std::string>(), kind, p["name"], coordinates,
                          Rgba(255, 200, 0, 40), Rgba(255, 200, 0)));
    } else if (kind == "launch_site") {  // a neutral sand colour: red is for threats that hit
      czml.push_back(Site("launch/" + std::to_string(p["salvo"].get<int>()), kind,
                          p["name"].get<std::string>() + " (" + p["threat_type"].get<std::string>() + ")", coordinates,
                          Rgba(205, 175, 125)));
    } else if (kind == "battery") {
      czml.push_back(Site("battery/" + p["name"].get<std::string>(), kind, p["name"], coordinates, Rgba(0, 200, 255)));
    } else if (kind == "radar") {
      czml.push_back(Site("radar/" + p["name"].get<std::string>(), kind, p["name"], coordinates, Rgba(190, 140, 255)));
    }
  }
  // Coverage on the ground, translucent: radars violet, batteries' engagement range cyan.
  if (data.contains("coverage")) {
    for (const auto& f : data["coverage"]["features"]) {
      json properties = f["properties"];
      const std::string kind = properties["kind"], name = properties["name"];
      properties.erase("kind");
      properties.erase("name");
      if (kind == "radar_coverage")
        czml.push_back(Area("coverage/radar/" + name, kind, "coverage of " + name, f["geometry"]["coordinates"],
                            Rgba(190, 140, 255, 20), Rgba(190, 140, 255, 200), properties));
      else if (kind == "battery_range")  // the maximum range only: a hole would stand out as a disc of its own
        czml.push_back(Area("coverage/battery/" + name, kind, "engagement range of " + name,
                            json::array({f["geometry"]["coordinates"][0]}), Rgba(0, 200, 255, 20), Rgba(0, 200, 255, 200),
                            properties));
    }
  }
  for (const auto& t : data["threats"]) {
    const std::string id = std::to_string(t["id"].get<int>());
    const std::string fate = t["fate"];
    const json& last = t["path"].back();
    const json engaged_t_s = t.value("engaged_t_s", json(nullptr));
    const double engaged_s = engaged_t_s.is_number() ? engaged_t_s.get<double>() : last[0].get<double>();
    json properties = {{"kind", "threat"}, {"fate", fate}, {"type", t["type"]}};
    if (engaged_t_s.is_number()) properties["engaged_t_s"] = engaged_t_s;  // Cesium cannot read a null property
    czml.push_back(Mover("threat/" + id, t["type"].get<std::string>() + " " + id, t["path"],
                         StateColours(t["path"].front()[0], engaged_s, last[0], end, FateColour(fate)), 7,
                         std::move(properties)));
    const json where = {last[1], last[2], last[3]};
    if (fate == "intercepted") {
      czml.push_back(Marker("kill/" + id, "kill of threat " + id, where, last[0], end, Rgba(46, 204, 64), 12, "kill"));
    } else if (fate != "airborne_at_end" && fate != "launch_failure") {
      czml.push_back(Marker("impact/" + id, "impact of threat " + id, where, last[0], end, FateColour(fate), 9, "impact"));
    }
  }
  for (const auto& i : data["interceptors"]) {
    const std::string id = std::to_string(i["id"].get<int>());
    czml.push_back(Mover("interceptor/" + id, "interceptor " + id + " (" + i["battery"].get<std::string>() + ")",
                         i["path"], Rgba(0, 230, 255), 5, {{"kind", "interceptor"}, {"result", i["result"]},
                                                            {"battery", i["battery"]}}));
  }
  return czml;
}

}  // namespace cupola
