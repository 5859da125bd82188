#include "cupola/engagement/battle_manager.h"

#include <gtest/gtest.h>

#include "simple_interceptor.h"

#include <cmath>

namespace cupola {
namespace {

class BattleManagerTest : public ::testing::Test {
 protected:
  BattleManagerTest() : type_(test::SimpleInterceptor()) {}

  BatteryModel Battery(int launchers, int capacity, Doctrine doctrine, double reload_s = 60.0) const {
    BatteryModel b{"b", type_, {}, {}, FlyOutTable(type_, nullptr), 50000.0, doctrine, nullptr, {}, {}};
    for (int i = 0; i < launchers; ++i)
      b.launchers.push_back({Eigen::Vector3d(0.0, 100.0 * i, 0.0), capacity, reload_s, 1.0});
    b.UseMissileWeapon();
    return b;
  }
  // Level at 300 m/s straight at the launchers from `from_m`, until t_end.
  ThreatPath Incoming(double from_m, double t_end_s, double t0_s = 0.0) const {
    return ThreatPath::Straight({t0_s, Eigen::Vector3d(from_m, 0, 0), Eigen::Vector3d(-300, 0, 0)}, t_end_s, 0.5,
                                vacuum_);
  }

  InterceptorType type_;
  LocalFrame frame_{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment vacuum_ = FlightEnvironment::Vacuum(frame_);
};

TEST_F(BattleManagerTest, ShootLookShootFiresOneThenOneMoreAfterTheLookAndNeverAThird) {
  const std::vector<BatteryModel> batteries = {Battery(3, 10, Doctrine{2, true, 2.0, 1.0, 0.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  const ThreatPath path = Incoming(20000.0, 66.0);
  std::vector<EngagementThreat> threats = {{7, 100.0, {}, &path, 0.0}};
  const auto first = bm.Plan(0.0, threats);
  ASSERT_EQ(first.size(), 1u);  // three launchers ready, but doctrine says look first
  EXPECT_FALSE(first[0].salvo);
  EXPECT_EQ(first[0].shot, 1);
  const double assessed = first[0].intercept.t_intercept_s + 2.0;
  int second = 0;
  for (double t = 1.0; t < 60.0; t += 1.0) {
    threats[0].last_update_t_s = t;  // the radar keeps seeing it: it survives every interceptor
    const auto orders = bm.Plan(t, threats);
    for (const auto& o : orders) {
      EXPECT_GE(t, assessed);  // not before the kill assessment
      EXPECT_EQ(o.shot, 2);
      ++second;
    }
  }
  EXPECT_EQ(second, 1);
  // The look is an event.
  int survived = 0;
  for (const auto& n : bm.notes()) survived += n.kind == EngagementNote::Kind::kSurvived;
  EXPECT_EQ(survived, 2);  // both interceptors' kills assessed: the track is still there
}

TEST_F(BattleManagerTest, ATrackNotSeenSinceTheInterceptIsPresumedKilled) {
  const std::vector<BatteryModel> batteries = {Battery(3, 10, Doctrine{2, true, 2.0, 1.0, 0.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  const ThreatPath path = Incoming(20000.0, 66.0);
  std::vector<EngagementThreat> threats = {{7, 100.0, {}, &path, 0.0}};
  const auto first = bm.Plan(0.0, threats);
  ASSERT_EQ(first.size(), 1u);
  const double t_intercept = first[0].intercept.t_intercept_s;
  // Detections stop one second before the predicted intercept: no second shot.
  for (double t = 1.0; t < 40.0; t += 1.0) {
    threats[0].last_update_t_s = std::min(t, std::floor(t_intercept) - 1.0);
    EXPECT_TRUE(bm.Plan(t, threats).empty()) << t;
  }
  ASSERT_FALSE(bm.notes().empty());
  EXPECT_EQ(bm.notes().back().kind, EngagementNote::Kind::kPresumedKilled);
  EXPECT_EQ(bm.notes().back().reason, Reason::kNotDetectedSinceIntercept);
  EXPECT_EQ(bm.notes().back().t_intercept_s, t_intercept);
  // Seen again: it survived after all, and is engaged again.
  threats[0].last_update_t_s = 40.0;
  EXPECT_EQ(bm.Plan(40.0, threats).size(), 1u);
}

TEST_F(BattleManagerTest, NoTimeToLookMeansASalvoOfTwo) {
  const std::vector<BatteryModel> batteries = {Battery(3, 10, Doctrine{2, true, 2.0, 1.0, 0.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  // The first intercept is at about 16.8 s; the path ends at 20 s (14 km out),
  // before a second interceptor launched after the look (19.8 s) could arrive.
  const ThreatPath short_path = Incoming(20000.0, 20.0);
  const std::vector<EngagementThreat> threats = {{7, 100.0, {}, &short_path}};
  const auto orders = bm.Plan(0.0, threats);
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_TRUE(orders[0].salvo && orders[1].salvo);
  EXPECT_NE(orders[0].launcher, orders[1].launcher);
  EXPECT_TRUE(bm.Plan(1.0, threats).empty());  // doctrine's two are in the air
}

TEST_F(BattleManagerTest, ValueCostRuleHoldsFire) {
  // 10 units x Pk 0.7 x 1,000 USD per unit = 7,000 USD < 50,000 USD per interceptor.
  const std::vector<BatteryModel> batteries = {Battery(1, 10, Doctrine{2, true, 2.0, 1.0, 1000.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  const ThreatPath path = Incoming(20000.0, 66.0);
  EXPECT_TRUE(bm.Plan(0.0, {{1, 10.0, {}, &path}}).empty());
  ASSERT_EQ(bm.notes().size(), 1u);
  EXPECT_EQ(bm.notes()[0].kind, EngagementNote::Kind::kHoldFire);
  EXPECT_EQ(bm.notes()[0].reason, Reason::kValueBelowCost);
  EXPECT_EQ(bm.notes()[0].value_at_risk, 10.0);
  // Worth it at 100 units: 70,000 USD.
  EXPECT_EQ(bm.Plan(1.0, {{2, 100.0, {}, &path}}).size(), 1u);
}

TEST_F(BattleManagerTest, OneLauncherGoesToTheMoreValuableThreat) {
  const std::vector<BatteryModel> batteries = {Battery(1, 10, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  const ThreatPath a = Incoming(20000.0, 66.0), b = Incoming(21000.0, 70.0);
  const auto orders = bm.Plan(0.0, {{1, 10.0, {}, &a}, {2, 100.0, {}, &b}});
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].track_id, 2);
}

TEST_F(BattleManagerTest, InventoryLaunchIntervalAndReload) {
  const std::vector<BatteryModel> batteries = {Battery(1, 1, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0}, 30.0)};
  BattleManager bm(&batteries);
  const ThreatPath a = Incoming(20000.0, 66.0), b = Incoming(30000.0, 100.0);
  ASSERT_EQ(bm.Plan(0.0, {{1, 100.0, {}, &a}}).size(), 1u);
  EXPECT_EQ(bm.Loaded(0), 0);
  // Empty: the next threat waits for the reload, 30 s after the launch order.
  for (double t = 1.0; t < 30.0; t += 1.0) EXPECT_TRUE(bm.Plan(t, {{2, 100.0, {}, &b}}).empty()) << t;
  const auto later = bm.Plan(30.0, {{2, 100.0, {}, &b}});
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].track_id, 2);
}

// A threat never fired at says why when it leaves the picture: its last plan's reason.
TEST_F(BattleManagerTest, NoInterceptSaysWhy) {
  const auto why_not = [&](const std::vector<BatteryModel>& batteries, const std::vector<char>& engage_by,
                           double plan_t_s, const ThreatPath& path, bool fire_first) {
    BattleManager bm(&batteries);
    const ThreatPath first = Incoming(20000.0, 66.0);
    if (fire_first) {
      EXPECT_EQ(bm.Plan(0.0, {{1, 100.0, {}, &first}}).size(), 1u);
    }
    EXPECT_TRUE(bm.Plan(plan_t_s, {{2, 100.0, engage_by, &path}}).empty());
    bm.Forget(2, plan_t_s + 1.0);
    return bm.notes().empty() ? Reason::kNone : bm.notes().back().reason;
  };
  const ThreatPath near = Incoming(20000.0, 66.0), gone = Incoming(20000.0, 0.5);
  const std::vector<BatteryModel> one_round = {Battery(1, 1, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0})};
  const std::vector<BatteryModel> ten_rounds = {Battery(1, 10, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0})};
  EXPECT_EQ(why_not(one_round, {}, 0.5, near, true), Reason::kMagazineEmpty);        // its only round is in the air
  EXPECT_EQ(why_not(ten_rounds, {}, 0.5, near, true), Reason::kNoLauncherReady);     // launch interval (1 s)
  EXPECT_EQ(why_not(ten_rounds, {0}, 0.0, near, false), Reason::kNoBatteryEngages);  // the rule no longer engages it
  EXPECT_EQ(why_not(ten_rounds, {}, 0.0, gone, false), Reason::kNoLauncherInEnvelope);
  EXPECT_EQ(Code(Reason::kMagazineEmpty), "magazine_empty");
}

TEST_F(BattleManagerTest, OnlyBatteriesWhoseRuleEngagesFire) {
  const std::vector<BatteryModel> batteries = {Battery(1, 10, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0}),
                                               Battery(1, 10, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0})};
  BattleManager bm(&batteries);
  const ThreatPath a = Incoming(20000.0, 66.0);
  const auto orders = bm.Plan(0.0, {{1, 100.0, {0, 1}, &a}});
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].battery, 1);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// A weapon kind the battle manager has never seen: it meets any path 3 s
// after the shot leaves, at the path's point then, with Pk 0.3 at USD 1,000.
class ThreeSecondWeapon : public Weapon {
 public:
  EffectorKind Kind() const override { return EffectorKind::kMissile; }
  InterceptSolution Solve(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s) const override {
    InterceptSolution s;
    const double t = t_launch_s + 3.0;
    if (path.empty() || t > path.points.back().t_s) return s;
    s.feasible = true;
    s.t_launch_s = t_launch_s;
    s.t_intercept_s = t;
    s.p_intercept_W = path.points.front().p_W;
    s.range_m = (s.p_intercept_W - launcher_W).norm();
    return s;
  }
  double PlanningPk(bool) const override { return 0.3; }
  double CostPerShot_usd() const override { return 1000.0; }
};

TEST_F(BattleManagerTest, PlansWithWhateverWeaponTheBatteryCarries) {
  std::vector<BatteryModel> batteries = {Battery(1, 10, Doctrine{1, false, 2.0, 1.0, 0.0, 0.0, 0.0})};
  batteries[0].weapon = std::make_shared<ThreeSecondWeapon>();
  BattleManager bm(&batteries);
  const ThreatPath path = Incoming(20000.0, 66.0);
  const auto orders = bm.Plan(0.0, {{7, 100.0, {}, &path, 0.0}});
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].pk, 0.3);
  EXPECT_EQ(orders[0].cost_usd, 1000.0);
  EXPECT_EQ(orders[0].intercept.t_intercept_s, 1.0 + 3.0);  // reaction time, then the weapon's 3 s
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// Kill assessment that can be wrong: over 400 threats, each engaged once and
// then seen (a survivor) or not seen (a kill) after the intercept, the share
// of wrong assessments matches its probability within a 99.9 % binomial
// interval (+- 3.3 sigma, sigma = sqrt(p (1 - p) / 400) = 0.023 at p = 0.3).
class KillAssessmentErrors : public BattleManagerTest {
 protected:
  // Share of threats fired at a second time, and of wrong-assessment notes.
  std::pair<double, double> Shares(bool survives, double false_kill, double missed_kill) const {
    const std::vector<BatteryModel> batteries = {Battery(1, 10, Doctrine{2, true, 2.0, 1.0, 0.0, false_kill, missed_kill})};
    const ThreatPath path = Incoming(20000.0, 66.0);
    int second = 0, wrong = 0;
    constexpr int kThreats = 400;
    for (int k = 0; k < kThreats; ++k) {
      BattleManager bm(&batteries);
      bm.SetKillAssessmentSeed(2026);
      std::vector<EngagementThreat> threats = {{k, 100.0, {}, &path, 0.0}};
      const auto first = bm.Plan(0.0, threats);
      if (first.size() != 1u) ADD_FAILURE() << "no first shot";
      const double t_intercept = first.empty() ? 0.0 : first[0].intercept.t_intercept_s;
      bool fired_again = false;
      for (double t = 1.0; t < 60.0 && !fired_again; t += 1.0) {
        threats[0].last_update_t_s = survives ? t : std::min(t, std::floor(t_intercept) - 1.0);
        fired_again = !bm.Plan(t, threats).empty();
      }
      second += fired_again;
      for (const auto& n : bm.notes())
        wrong += n.reason == Reason::kFalseKillDeclaration || n.reason == Reason::kMissedKill;
    }
    return {double(second) / kThreats, double(wrong) / kThreats};
  }
};

TEST_F(KillAssessmentErrors, FalseKillDeclarationsStopTheFollowUpAtTheirRate) {
  const auto [second, wrong] = Shares(true, 0.3, 0.0);
  EXPECT_NEAR(wrong, 0.3, 0.076);
  EXPECT_NEAR(second, 0.7, 0.076);  // every survivor not declared killed is fired at again
  EXPECT_EQ(Shares(true, 0.0, 0.0).first, 1.0);
}

TEST_F(KillAssessmentErrors, MissedKillsDrawAnExtraShotAtTheirRate) {
  const auto [second, wrong] = Shares(false, 0.0, 0.3);
  EXPECT_NEAR(wrong, 0.3, 0.076);
  EXPECT_NEAR(second, 0.3, 0.076);  // a kill seen is never fired at again
  EXPECT_EQ(Shares(false, 0.0, 0.0).first, 0.0);
}

}  // namespace
}  // namespace cupola
