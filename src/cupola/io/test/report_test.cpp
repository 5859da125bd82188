// report.html's data and replay.czml, checked against the run they describe.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "cupola/core/units.h"
#include "cupola/io/replay_czml.h"
#include "cupola/io/report_data.h"
#include "cupola/io/report_html.h"
#include "cupola/io/run_outputs.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

using json = nlohmann::ordered_json;

// The bundled default: a rocket salvo, one radar, one battery, interceptors fired.
struct DefaultRun {
  World world{LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml")};
  ReplicationResult result = RunReplication(world, world.spec().seed, 0);
  json summary = SummaryJson(world, result, Summarize(world, result));
  json data = ReportDataJson(world, result, summary);
};

const DefaultRun& Default() {
  static const DefaultRun run;
  return run;
}

TEST(ReportData, FatesAndCountsAgreeWithTheSummary) {
  const json& d = Default().data;
  const json& s = Default().summary;
  EXPECT_EQ(d["format"], "cupola-report-data");
  ASSERT_EQ(d["threats"].size(), s["threats"].get<std::size_t>());
  std::map<std::string, int> fates;
  for (const auto& t : d["threats"]) ++fates[t["fate"].get<std::string>()];
  const json& f = s["defence"]["fates"];
  ASSERT_GT(f["intercepted"].get<int>(), 0);  // the default scenario is a closed loop with kills
  EXPECT_EQ(fates["intercepted"], f["intercepted"].get<int>());
  EXPECT_EQ(fates["leaked"], f["leaked_engaged"].get<int>() + f["leaked_ignored"].get<int>());
  EXPECT_EQ(fates["ignored_open_ground"], f["ignored_open_ground"].get<int>());
  EXPECT_EQ(fates["engaged_open_ground"], f["engaged_open_ground"].get<int>());
  // One entry per interceptor fired; each kill is an intercepted threat.
  ASSERT_EQ(d["interceptors"].size(), s["defence"]["interceptors_fired"].get<std::size_t>());
  std::set<int> killed;
  for (const auto& i : d["interceptors"])
    if (i["result"] == "kill") killed.insert(i["threat_id"].get<int>());
  EXPECT_EQ(static_cast<int>(killed.size()), f["intercepted"].get<int>());
  for (const int id : killed) EXPECT_EQ(d["threats"][id]["fate"], "intercepted");
}

TEST(ReportData, PathsRunForwardInTimeFromLaunchToTheEnd) {
  const json& d = Default().data;
  for (const auto* list : {&d["threats"], &d["interceptors"]}) {
    for (const auto& body : *list) {
      const json& path = body["path"];
      // A launch failure never flew: one point, at the launcher, at its launch.
      ASSERT_GE(path.size(), body.value("fate", "") == "launch_failure" ? 1u : 2u);
      EXPECT_DOUBLE_EQ(path.front()[0].get<double>(), body["launch_t_s"].get<double>());
      EXPECT_DOUBLE_EQ(path.back()[0].get<double>(), body["end_t_s"].get<double>());
      for (std::size_t k = 1; k < path.size(); ++k) EXPECT_GT(path[k][0].get<double>(), path[k - 1][0].get<double>());
    }
  }
  // An interceptor ends where its detonation was reported, within the lethal radius of the kill.
  for (const auto& i : d["interceptors"]) {
    if (i["result"] != "kill") continue;
    const json& threat_end = d["threats"][i["threat_id"].get<int>()]["path"].back();
    EXPECT_NEAR(threat_end[0].get<double>(), i["end_t_s"].get<double>(), 1e-3);
    EXPECT_NEAR(threat_end[1].get<double>(), i["end"][0].get<double>(), 1e-4);  // ~10 m
    EXPECT_NEAR(threat_end[2].get<double>(), i["end"][1].get<double>(), 1e-4);
  }
}

TEST(ReportData, KeepsAtMostEightPredictionsPerTrackWithTheNewest) {
  const json& d = Default().data;
  std::map<int, std::vector<double>> kept;  // track -> prediction times
  for (const auto& f : d["predictions"]["features"])
    kept[f["properties"]["track_id"].get<int>()].push_back(f["properties"]["t_s"].get<double>());
  std::map<int, std::pair<int, double>> all;  // track -> count, newest
  for (const auto& a : Default().result.tracking->assessments) {
    auto& [n, newest] = all[a.track_id];
    ++n, newest = std::max(newest, a.t_s);
  }
  ASSERT_EQ(kept.size(), all.size());
  for (const auto& [track, times] : kept) {
    EXPECT_EQ(static_cast<int>(times.size()), std::min(8, all[track].first)) << track;
    EXPECT_NEAR(times.back(), all[track].second, 1e-3) << track;
  }
}

// Without trajectories.csv rows the paths come from the truth all the same.
TEST(ReportData, PathsFlyWithoutRecordedTrajectoriesToo) {
  const DefaultRun& run = Default();
  ReplicationOptions options;
  options.record_trajectories = false;
  const ReplicationResult bare = RunReplication(run.world, run.world.spec().seed, 0, options);
  const json data = ReportDataJson(run.world, bare, run.summary);
  ASSERT_EQ(data["threats"], run.data["threats"]);
}

TEST(ReportData, GeometryHoldsEveryPlaceOfTheScenario) {
  std::map<std::string, int> kinds;
  for (const auto& f : Default().data["geometry"]["features"]) ++kinds[f["properties"]["kind"].get<std::string>()];
  const ScenarioSpec& spec = Default().world.spec();
  EXPECT_EQ(kinds["defended_area"], static_cast<int>(spec.defended_areas.size()));
  EXPECT_EQ(kinds["alert_zone"], static_cast<int>(spec.alert_zones.size()));
  EXPECT_EQ(kinds["launch_site"], static_cast<int>(spec.threats.size()));
  EXPECT_EQ(kinds["battery"], static_cast<int>(spec.batteries.size()));
  EXPECT_EQ(kinds["radar"], static_cast<int>(spec.radars.size()));
}

// Interceptors loaded per battery: every fire order takes one, from the
// magazines the scenario gives its launchers, and the count never goes below 0.
TEST(ReportData, InterceptorStockFallsByOneAtEachLaunch) {
  const DefaultRun& run = Default();
  const json& batteries = run.data["batteries"];
  ASSERT_EQ(batteries.size(), run.world.batteries().size());
  for (std::size_t b = 0; b < batteries.size(); ++b) {
    int initial = 0;
    for (const auto& l : run.world.batteries()[b].launchers) initial += l.capacity;
    EXPECT_EQ(batteries[b]["initial"], initial);
    const json& stock = batteries[b]["stock"];
    EXPECT_EQ(stock[0], json::array({0.0, initial}));
    std::vector<double> launches;
    for (const auto& f : run.result.tracking->fire_orders)
      if (f.order.battery == static_cast<int>(b)) launches.push_back(f.order.t_s);
    ASSERT_GT(launches.size(), 0u);
    ASSERT_EQ(stock.size(), launches.size() + 1);  // 9 of 60: no launcher runs empty, so no reload
    for (std::size_t k = 0; k < launches.size(); ++k) {
      EXPECT_NEAR(stock[k + 1][0].get<double>(), launches[k], 1e-3);
      EXPECT_EQ(stock[k + 1][1].get<int>(), initial - static_cast<int>(k + 1));
    }
  }
}

// A launcher fired empty is loaded again reload_s later, as the battle manager has it.
TEST(ReportData, InterceptorStockRefillsAnEmptyLauncherAfterItsReload) {
  const DefaultRun& run = Default();
  ReplicationResult result = run.result;
  const LauncherModel& launcher = run.world.batteries()[0].launchers[0];
  const int initial = static_cast<int>(run.world.batteries()[0].launchers.size()) * launcher.capacity;
  std::vector<FireRecord>& orders = result.tracking->fire_orders;
  orders.clear();
  const auto order_at = [](double t_s) {
    FireRecord f;  // battery 0, launcher 0
    f.order.t_s = t_s;
    return f;
  };
  for (int k = 0; k < launcher.capacity; ++k) orders.push_back(order_at(10.0 + k));
  const double empty_t_s = 10.0 + launcher.capacity - 1, reloaded_t_s = empty_t_s + launcher.reload_s;
  orders.push_back(order_at(reloaded_t_s + 5.0));
  ASSERT_LT(reloaded_t_s + 5.0, run.world.spec().duration_s);
  const json stock = ReportDataJson(run.world, result, run.summary)["batteries"][0]["stock"];
  ASSERT_EQ(stock.size(), orders.size() + 2);  // the start, each launch, the reload
  for (const auto& point : stock) EXPECT_GE(point[1].get<int>(), 0);
  EXPECT_EQ(stock[launcher.capacity][1].get<int>(), initial - launcher.capacity);
  EXPECT_EQ(stock[launcher.capacity + 1], json::array({reloaded_t_s, initial}));
  EXPECT_EQ(stock.back(), json::array({reloaded_t_s + 5.0, initial - 1}));
}

TEST(ReportData, CoverageIsEachRadarsRangeAndEachBatterysEngagementRing) {
  const World& world = Default().world;
  const json& features = Default().data["coverage"]["features"];
  ASSERT_EQ(features.size(), world.radars().size() + world.batteries().size());
  const auto range_of = [&](const json& lon_lat, const Eigen::Vector3d& from_W) {
    const Eigen::Vector3d p = world.frame().ToLocal({lon_lat[1].get<double>(), lon_lat[0].get<double>(), 0.0});
    return (p - from_W).head<2>().norm();
  };
  const json& radar = features[0];
  EXPECT_EQ(radar["properties"]["kind"], "radar_coverage");
  for (const auto& p : radar["geometry"]["coordinates"][0])
    EXPECT_NEAR(range_of(p, world.radars()[0].p_WR), world.radars()[0].spec.max_range_m, 5.0);
  const json& battery = features[world.radars().size()];
  EXPECT_EQ(battery["properties"]["kind"], "battery_range");
  ASSERT_EQ(battery["geometry"]["coordinates"].size(), 2u);  // max range, min range cut out
  Eigen::Vector3d centre = Eigen::Vector3d::Zero();
  for (const auto& l : world.batteries()[0].launchers) centre += l.p_W / static_cast<double>(world.batteries()[0].launchers.size());
  for (const auto& p : battery["geometry"]["coordinates"][1])
    EXPECT_NEAR(range_of(p, centre), world.batteries()[0].envelope.min_range_m, 5.0);

  // A radar that looks one way covers a sector: its site, then an arc within the azimuths it sees.
  ScenarioSpec spec = world.spec();
  spec.radars[0].azimuth_center_rad = 0.0;
  spec.radars[0].azimuth_width_rad = kPi / 2.0;
  const World sector_world(spec);
  const json sector = CoverageGeoJson(sector_world)["features"][0]["geometry"]["coordinates"][0];
  const RadarModel& r = sector_world.radars()[0];
  EXPECT_LT(range_of(sector[0], r.p_WR), 1.0);
  for (std::size_t k = 1; k + 1 < sector.size(); ++k) {
    const Eigen::Vector3d p = sector_world.frame().ToLocal({sector[k][1].get<double>(), sector[k][0].get<double>(), 0.0});
    const Eigen::Vector3d d = r.R_WR.transpose() * (p - r.p_WR);
    EXPECT_NEAR(d.head<2>().norm(), r.spec.max_range_m, 5.0);
    EXPECT_LE(std::abs(std::atan2(d.x(), d.y())), kPi / 4.0 + 1e-3);
  }
}

TEST(ReplayCzml, OnePacketPerThingWithUniqueIdsAndTimeOrderedSamples) {
  const json& d = Default().data;
  const json czml = ReplayCzml(d);
  ASSERT_EQ(czml[0]["id"], "document");
  std::set<std::string> ids;
  int threats = 0, interceptors = 0, kills = 0;
  for (const auto& p : czml) {
    EXPECT_TRUE(ids.insert(p["id"].get<std::string>()).second) << p["id"];
    const std::string kind = p.contains("properties") ? p["properties"]["kind"].get<std::string>() : "";
    threats += kind == "threat", interceptors += kind == "interceptor", kills += kind == "kill";
    if (kind != "threat" && kind != "interceptor") continue;
    const json& samples = p["position"]["cartographicDegrees"];
    ASSERT_EQ(samples.size() % 4, 0u);
    for (std::size_t k = 4; k < samples.size(); k += 4) EXPECT_GT(samples[k].get<double>(), samples[k - 4].get<double>());
    EXPECT_EQ(p["availability"], ReplayIsoTime(samples[0].get<double>()) + "/" +
                                     ReplayIsoTime(samples[samples.size() - 4].get<double>()));
  }
  EXPECT_EQ(threats, static_cast<int>(d["threats"].size()));
  EXPECT_EQ(interceptors, static_cast<int>(d["interceptors"].size()));
  EXPECT_EQ(kills, Default().summary["defence"]["fates"]["intercepted"].get<int>());
}

// A threat's colour says what is known then: flying, engaged from the first
// engage decision or fire order at it, its fate from its kill or impact on.
TEST(ReplayCzml, AThreatChangesColourWhenEngagedAndWhenKilled) {
  const DefaultRun& run = Default();
  const json& d = run.data;
  const json* threat = nullptr;
  for (const auto& t : d["threats"])
    if (t["fate"] == "intercepted") threat = &t;
  ASSERT_NE(threat, nullptr);
  const int id = (*threat)["id"];
  double engaged_s = 1e300;  // from the run itself, not from the report data
  for (const auto& decision : run.result.tracking->decisions)
    if (decision.engage && decision.truth_id == id) engaged_s = std::min(engaged_s, decision.t_s);
  for (const auto& f : run.result.tracking->fire_orders)
    if (f.truth_id == id) engaged_s = std::min(engaged_s, f.order.t_s);
  const double launch_s = run.result.threats[id].launch_t_s, kill_s = run.result.threats[id].end_t_s;
  ASSERT_LT(launch_s, engaged_s);
  ASSERT_LT(engaged_s, kill_s);

  const json czml = ReplayCzml(d);
  const auto packet = std::find_if(czml.begin(), czml.end(), [&](const json& p) { return p["id"] == "threat/" + std::to_string(id); });
  ASSERT_NE(packet, czml.end());
  const json& colours = (*packet)["point"]["color"];
  ASSERT_EQ(colours.size(), 3u);
  const auto at = [](double t_s) { return ReplayIsoTime(t_s); };
  const auto from = [](const json& c) { return c["interval"].get<std::string>().substr(0, 24); };
  const auto to = [](const json& c) { return c["interval"].get<std::string>().substr(25); };
  EXPECT_EQ(from(colours[0]), at(launch_s));
  EXPECT_EQ(to(colours[0]), at(engaged_s));
  EXPECT_EQ(from(colours[1]), at(engaged_s));
  EXPECT_EQ(to(colours[1]), at(kill_s));
  EXPECT_EQ(from(colours[2]), at(kill_s));
  EXPECT_NE(colours[0]["rgba"], colours[1]["rgba"]);
  EXPECT_NE(colours[1]["rgba"], colours[2]["rgba"]);
  EXPECT_EQ(colours[2]["rgba"], json::array({46, 204, 64, 255}));  // intercepted green, as the kill marker
  EXPECT_EQ((*packet)["path"]["material"]["solidColor"]["color"], colours);  // the trail too
  // Launch sites are not drawn in the red of a leak.
  for (const auto& p : czml) {
    if (p["id"].get<std::string>().rfind("launch/", 0) != 0) continue;
    EXPECT_NE(p["point"]["color"]["rgba"][1], 0);
  }
}

TEST(ReplayCzml, DefendedAreasAreLabelledAndCoverageIsDrawn) {
  const json czml = ReplayCzml(Default().data);
  std::set<std::string> ids;
  for (const auto& p : czml) {
    ids.insert(p["id"].get<std::string>());
    if (p["id"].get<std::string>().rfind("area/", 0) != 0) continue;
    EXPECT_EQ(p["label"]["text"], p["name"]);
    EXPECT_TRUE(p.contains("position"));
  }
  for (const auto& r : Default().world.radars()) EXPECT_TRUE(ids.count("coverage/radar/" + r.name)) << r.name;
  for (const auto& b : Default().world.batteries()) EXPECT_TRUE(ids.count("coverage/battery/" + b.name)) << b.name;
}

// Ratios of nothing are null, not 0: no cost-exchange ratio when nothing was fired.
TEST(SummaryJson, RatiosOfNothingAreNull) {
  const DefaultRun& run = Default();
  RunSummary summary = Summarize(run.world, run.result);
  ASSERT_TRUE(summary.defence);
  EXPECT_TRUE(run.summary["defence"]["cost_exchange_ratio"].is_number());
  summary.defence->interceptors_fired = 0;
  summary.defence->fates.intercepted = 0;
  const json quiet = SummaryJson(run.world, run.result, summary);
  EXPECT_TRUE(quiet["defence"]["cost_exchange_ratio"].is_null());
  EXPECT_TRUE(quiet["defence"]["interceptors_per_kill"].is_null());
  EXPECT_TRUE(quiet["defence"]["cost_per_intercept_usd"].is_null());
}

TEST(ReplayCzml, RunTimeIsCountedFromTheYear2000) {
  EXPECT_EQ(ReplayIsoTime(0.0), "2000-01-01T00:00:00.000Z");
  EXPECT_EQ(ReplayIsoTime(86400.0 + 3661.5), "2000-01-02T01:01:01.500Z");
  EXPECT_EQ(ReplayIsoTime(59.9996), "2000-01-01T00:01:00.000Z");  // milliseconds round up into the minute
}

TEST(ReportHtml, PutsTheDataInPlaceOfTheMarkerAndNoTagCanEscapeIt) {
  const std::string page = std::string("<html><script id=\"cupola-data\" type=\"application/json\">") +
                           kReportDataMarker + "</script></html>";
  const json data = {{"name", "</script><script>alert(1)</script>"}, {"n", 3}};
  const std::string html = ReportHtml(page, data);
  EXPECT_EQ(html.find("</script><script>"), std::string::npos);
  const std::size_t from = html.find('>', html.find("cupola-data")) + 1, to = html.find("</script>", from);
  EXPECT_EQ(json::parse(html.substr(from, to - from)), data);
  EXPECT_THROW(ReportHtml("<html></html>", data), std::runtime_error);
  EXPECT_THROW(ReportHtml(page + page, data), std::runtime_error);
}

}  // namespace
}  // namespace cupola
