// Links as a user meets them on the command line (docs/links.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.h"

namespace {

using cupola_test::Result;
using cupola_test::Slurp;

class CliLinks : public cupola_test::CliFixture {};

TEST_F(CliLinks, ValidateWarnsOfABatteryNoLinkReaches) {
  const std::string scenario = Source("scenarios/border_town_salvo.yaml");
  const Result linked = Cupola("validate " + scenario);
  EXPECT_EQ(linked.exit_code, 0);
  EXPECT_EQ(linked.err.find("warning:"), std::string::npos) << linked.err;
  // The link turned round: battery to radar carries nothing to the battery.
  const std::string cut_args = " --set links.0.from=battery-sderot --set links.0.to=mmr-sderot";
  const Result cut = Cupola("validate " + scenario + cut_args);
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_NE(cut.err.find("warning: " + scenario + ":"), std::string::npos) << cut.err;
  EXPECT_NE(cut.err.find("batteries[0]: 'battery-sderot': no link reaches it from any radar, so it never fires "
                         "(docs/links.md) [no_sensor_path]"),
            std::string::npos)
      << cut.err;
  // --strict refuses it, on validate and on run (which then writes nothing).
  const Result strict = Cupola("validate --strict " + scenario + cut_args);
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("error: " + scenario + ":"), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("refused under --strict"), std::string::npos) << strict.err;
  EXPECT_EQ(strict.out.find("ok:"), std::string::npos) << strict.out;
  const Result run = Cupola("run -q --strict -o refused " + scenario + cut_args);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "refused"));
  const Result mc = Cupola("mc -q --strict -n 2 -o refused-mc " + scenario + cut_args);
  EXPECT_EQ(mc.exit_code, 2) << mc.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "refused-mc"));
}

TEST_F(CliLinks, ADeadLinkShowsInTheSummaryAndTheBatteryNeverFires) {
  const Result r = Cupola("run -q -o dead " + Source("scenarios/border_town_salvo.yaml") +
                          " --set links.0.loss_probability=1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json summary = nlohmann::json::parse(Slurp(dir_ / "dead" / "summary.json"));
  const nlohmann::json& link = summary["network"]["links"][0];
  EXPECT_EQ(link["name"], "mmr-sderot->battery-sderot");
  EXPECT_GT(link["messages_sent"].get<long long>(), 0);
  EXPECT_EQ(link["lost"], link["messages_sent"]);
  EXPECT_EQ(link["delivered"], 0);
  EXPECT_EQ(summary["defence"]["interceptors_fired"], 0);
}

TEST_F(CliLinks, AnOutageIsInTheEventLog) {
  const Result r = Cupola("run -q -o cut " + Source("scenarios/border_town_salvo.yaml") +
                          " --set 'links.0.outages=[{start_s: 30, end_s: 90}]'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string events = Slurp(dir_ / "cut" / "events.jsonl");
  EXPECT_NE(events.find(R"("t_s":30.0,"type":"link_down")"), std::string::npos);
  EXPECT_NE(events.find(R"("t_s":90.0,"type":"link_up")"), std::string::npos);
  const nlohmann::json summary = nlohmann::json::parse(Slurp(dir_ / "cut" / "summary.json"));
  EXPECT_EQ(summary["network"]["links"][0]["lost_in_outage"], 60);
}

}  // namespace
