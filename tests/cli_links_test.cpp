// Links as a user meets them on the command line (docs/links.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.h"

namespace {

using cupola_test::Result;
using cupola_test::Slurp;

class CliLinks : public cupola_test::CliFixture {};

TEST_F(CliLinks, ValidateNamesABatteryNoLinkReaches) {
  const std::string scenario = Source("scenarios/border_town_salvo.yaml");
  const Result linked = Cupola("validate " + scenario);
  EXPECT_EQ(linked.exit_code, 0);
  EXPECT_EQ(linked.out.find("note:"), std::string::npos) << linked.out;
  // The link turned round: battery to radar carries nothing to the battery.
  const Result cut = Cupola("validate " + scenario + " --set links.0.from=battery-sderot --set links.0.to=mmr-sderot");
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_NE(cut.out.find("note: battery battery-sderot: no link reaches it from any radar, so it will never fire"),
            std::string::npos)
      << cut.out;
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
