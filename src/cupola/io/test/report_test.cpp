// report.html's data and replay.czml, checked against the run they describe.
#include <gtest/gtest.h>

#include <map>
#include <set>

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
      ASSERT_GE(path.size(), 2u);
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
