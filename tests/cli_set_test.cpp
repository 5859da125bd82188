// `--set KEY=VALUE` on `cupola run` and `cupola validate` (issue #18), as a
// user types it: good paths change the run and show in its provenance; bad
// paths and values get the file's messages, told at the argument, exit 2,
// and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace {

namespace fs = std::filesystem;
using cupola_test::Result;
using cupola_test::Slurp;

class CliSet : public cupola_test::CliFixture {
 protected:
  nlohmann::json Summary(const std::string& out) const {
    return nlohmann::json::parse(Slurp(dir_ / out / "summary.json"));
  }

  // Exit 2, the whole message on stderr, nothing on stdout, no output folder.
  void ExpectRefused(const std::string& args, const std::string& message) const {
    for (const std::string& command : {"validate " + Source("scenarios/border_town_salvo.yaml") + " ",
                                       "run -q -o written " + Source("scenarios/border_town_salvo.yaml") + " "}) {
      const Result r = Cupola(command + args);
      EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
      EXPECT_EQ(r.err, "error: " + message + "\n") << args;
      EXPECT_EQ(r.out, "") << args;
      EXPECT_FALSE(fs::exists(dir_ / "written")) << args;
    }
  }
};

TEST_F(CliSet, ChangesTheRunByIndexAndByName) {
  ASSERT_EQ(Cupola("run -q -o plain").exit_code, 0);
  // The bundled default: 13 threats in three salvos, one battery firing up to two per threat.
  const Result r = Cupola(
      "run -q -o set --set threats.0.count=1 --set threats.beit-hanoun-2.count=2 "
      "--set batteries.battery-sderot.max_interceptors_per_threat=1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plain = Summary("plain"), set = Summary("set");
  EXPECT_EQ(plain["threats"], 13);
  const int third = plain["threats"].get<int>() - 5 - 5;  // beit-hanoun-1 and -2: 5 each in the file
  EXPECT_EQ(set["threats"], 1 + 2 + third);
  // At most one interceptor per track now.
  std::map<int, int> fired;
  std::ifstream events(dir_ / "set" / "events.jsonl");
  for (std::string line; std::getline(events, line);) {
    const auto e = nlohmann::json::parse(line);
    if (e["type"] == "fire") ++fired[e["track_id"].get<int>()];
  }
  ASSERT_FALSE(fired.empty());
  for (const auto& [track, n] : fired) EXPECT_EQ(n, 1) << "track " << track;
}

TEST_F(CliSet, ValuesAreYaml) {
  // A list of maps replaces the drones' route; a map makes a section the file lacks.
  const Result r =
      Cupola("validate " + Source("scenarios/drone_raid_city.yaml") +
             " --set 'threats.wave-1.waypoints=[{lat_deg: 50.9, lon_deg: 30.4}, {lat_deg: 50.6, lon_deg: 30.5}]'"
             " --set 'physics.wind={speed_mps: 5, from_deg: 270}'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ok: " + Source("scenarios/drone_raid_city.yaml") + " with 2 --set: ", 0), 0u) << r.out;
}

TEST_F(CliSet, ProvenanceRecordsTheOverrides) {
  ASSERT_EQ(Cupola("run -q -o plain").exit_code, 0);
  ASSERT_EQ(Cupola("run -q -o set --set seed=5 --set duration_s=3000").exit_code, 0);
  const auto plain = Summary("plain")["provenance"], set = Summary("set")["provenance"];
  // The same file, so the same hash; what changed it is recorded beside it.
  EXPECT_EQ(set["scenario_sha256"], plain["scenario_sha256"]);
  EXPECT_EQ(plain["scenario_overrides"], nlohmann::json::array());
  EXPECT_EQ(set["scenario_overrides"], nlohmann::json::array({"seed=5", "duration_s=3000"}));
  EXPECT_EQ(set["seed"], "5");
  EXPECT_EQ(Summary("set")["seed"], "5");
}

TEST_F(CliSet, TheLastOverrideOfAKeyWinsAndSeedStillOverridesAll) {
  ASSERT_EQ(Cupola("run -q -o a --set seed=5 --set seed=6").exit_code, 0);
  EXPECT_EQ(Summary("a")["provenance"]["seed"], "6");
  ASSERT_EQ(Cupola("run -q -o b --set seed=5 --seed 7").exit_code, 0);
  EXPECT_EQ(Summary("b")["provenance"]["seed"], "7");
}

TEST_F(CliSet, BadValuesGetTheFilesMessagesAtTheArgument) {
  ExpectRefused("--set threats.0.count=abc",
                "--set threats.0.count=abc: threats[0].count: got 'abc'; expected an integer in [1, 100000]");
  ExpectRefused("--set radars.mmr-sderot.scan=rotatin",
                "--set radars.mmr-sderot.scan=rotatin: radars[0].scan: got 'rotatin'; expected 'rotating' (did you "
                "mean it?), or one of electronic, rotating");
  ExpectRefused("--set 'threats.0.waypoints=[{lat_deg: 31.5, lon_deg: 34.6}]'",
                "--set threats.0.waypoints=[{lat_deg: 31.5, lon_deg: 34.6}]: threats[0].waypoints: got waypoints for "
                "a rocket; expected no waypoints (only drones fly them)");
  ExpectRefused("--set description=", "--set description=: description: got nothing; expected a non-empty text value");
  ExpectRefused("--set 'threats.0.aim_point=[1,'",
                "--set threats.0.aim_point=[1,: threats.0.aim_point: got a YAML syntax error in '[1,' (end of "
                "sequence flow not found); expected a YAML value: a number, a text, [a, list] or {a: map} (quote "
                "the whole argument for the shell)");
}

TEST_F(CliSet, UnknownKeysGetTheLoadersDidYouMean) {
  ExpectRefused("--set threats.0.cont=4",
                "--set threats.0.cont=4: threats[0].cont: got unknown key 'cont'; expected 'count' (did you mean "
                "it?), or one of name, type, count, start_s, interval_s, launch_site, aim_point, aim_area, "
                "aim_sigma_m, elevation_deg, charge, launch_failure_probability, motor_failure_probability, "
                "dud_probability, cep_fraction_of_range, cep_m, gnss_jammed, waypoints");
  // A section the file does not have is made, so its keys are checked too.
  ExpectRefused("--set phyics.step_s=0.1",
                "--set phyics.step_s=0.1: phyics: got unknown key 'phyics'; expected 'physics' (did you mean it?), "
                "or one of version, name, description, origin, duration_s, seed, physics, defended_areas, "
                "alert_zones, threat_types, threats, radars, batteries, links, tracker");
  ExpectRefused(
      "--set physics.wind.speed_mp=3",
      "--set physics.wind.speed_mp=3: physics.wind.speed_mp: got unknown key 'speed_mp'; expected 'speed_mps' "
      "(did you mean it?), or one of speed_mps, from_deg");
}

TEST_F(CliSet, PathsThatLeadNowhereAreNamed) {
  ExpectRefused("--set threats.7.count=1",
                "--set threats.7.count=1: threats: got item 7 of a list of 3; expected an index from 0 to 2");
  ExpectRefused("--set batteries.battery-sderott.max_interceptors_per_threat=1",
                "--set batteries.battery-sderott.max_interceptors_per_threat=1: batteries: got 'battery-sderott' "
                "(no item has this name); expected 'battery-sderot' (did you mean it?), or the index 0, or an "
                "item's name: battery-sderot");
  ExpectRefused("--set duration_s.max=1",
                "--set duration_s.max=1: duration_s: got '2600'; expected a map or a list to hold 'max'");
  ExpectRefused("--set threats",
                "--set threats: got no '='; expected KEY=VALUE: a scenario key's dotted path as docs/scenario.md "
                "names it and a YAML value, e.g. threats.0.count=40");
  ExpectRefused("--set threats..count=1",
                "--set threats..count=1: got the key 'threats..count' with an empty part; expected KEY=VALUE: a "
                "scenario key's dotted path as docs/scenario.md names it and a YAML value, e.g. threats.0.count=40");
}

TEST_F(CliSet, AProblemOfTheFileIsStillTheFiles) {
  Write("bad.yaml", Slurp(Source("scenarios/mortar_attack.yaml")) + "duraton_s: 5\n");
  const Result r = Cupola("validate bad.yaml --set seed=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("error: bad.yaml:", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(": duraton_s: got unknown key 'duraton_s'"), std::string::npos) << r.err;
}

TEST_F(CliSet, HelpTeachesWithAnExample) {
  for (const char* command : {"run", "validate"}) {
    const Result r = Cupola(std::string(command) + " --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--set KEY=VALUE"), std::string::npos) << command << r.out;
    EXPECT_NE(r.out.find("  cupola " + std::string(command) + " "), std::string::npos) << command;
    EXPECT_NE(r.out.find(" --set "), std::string::npos) << command;
  }
}

}  // namespace
