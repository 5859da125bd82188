#include "cupola/campaign/results_db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "cupola/core/error.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;

class ResultsDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cupola_results_db_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path() const { return (dir_ / "results.sqlite").string(); }
  fs::path dir_;
};

CampaignIdentity Identity(std::uint64_t seed = 7) { return {"test", seed, {{"A", "abc", {"x=1"}}}}; }

ReplicationRecord Record(std::uint64_t index) {
  ReplicationRecord r;
  r.metrics.index = index;
  r.metrics.seed = 0xFFFFFFFFFFFFFFF0ull + index;  // above 2^63: stored as text
  r.metrics.launched = 3;
  r.metrics.hits_defended = static_cast<int>(index);
  r.metrics.value_lost = 0.1 * static_cast<double>(index);
  r.metrics.cost_exchange_ratio = NAN;
  r.metrics.warning_min_s = 1.0 / 3.0;
  r.metrics.magazine_empty_t_s = NAN;
  r.threats = {{0, "s", "qassam", "intercepted", true, "", 12.5}, {1, "s", "qassam", "leaked_ignored", false, "Town", 30}};
  return r;
}

TEST_F(ResultsDbTest, StoresAndLoadsByIndexToTheBit) {
  {
    ResultsDb db(Path(), Identity());
    db.Append({Record(2), Record(0)});
    db.Append({Record(1)});
    EXPECT_EQ(db.Count(), 3u);
    EXPECT_TRUE(db.Has(0, 2));
    EXPECT_FALSE(db.Has(0, 3));
    EXPECT_FALSE(db.Has(1, 0));
  }
  ResultsDb db(Path(), Identity());  // reopened: the same campaign
  const auto runs = db.Load(0, 0, 10);
  ASSERT_EQ(runs.size(), 3u);
  for (std::uint64_t i = 0; i < 3; ++i) {
    EXPECT_EQ(runs[i].index, i);
    EXPECT_EQ(runs[i].seed, 0xFFFFFFFFFFFFFFF0ull + i);
    EXPECT_EQ(runs[i].value_lost, 0.1 * static_cast<double>(i));
    EXPECT_EQ(runs[i].warning_min_s, 1.0 / 3.0);
    EXPECT_TRUE(std::isnan(runs[i].cost_exchange_ratio));
  }
  EXPECT_EQ(db.Load(0, 0, 2).size(), 2u);
  EXPECT_EQ(db.Load(0, 1, 3).front().index, 1u);
  EXPECT_EQ(db.Indices(0), (std::vector<std::uint64_t>{0, 1, 2}));
  // A replication is stored once: the second copy is refused and the batch rolled back.
  EXPECT_THROW(db.Append({Record(3), Record(1)}), std::runtime_error);
  EXPECT_FALSE(db.Has(0, 3));
}

TEST_F(ResultsDbTest, RefusesAnotherCampaign) {
  { ResultsDb db(Path(), Identity(7)); }
  try {
    ResultsDb db(Path(), Identity(8));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.key(), "seed");
  }
  CampaignIdentity other = Identity();
  other.arms[0].scenario_sha256 = "def";
  EXPECT_THROW(ResultsDb(Path(), other), InputError);
}

TEST_F(ResultsDbTest, OneWriterAtATime) {
  ResultsDb first(Path(), Identity());
  try {
    ResultsDb second(Path(), Identity());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("in use by another process"), std::string::npos) << e.what();
  }
}

TEST_F(ResultsDbTest, MergesDisjointPartsAndRefusesOverlaps) {
  const std::string p1 = (dir_ / "p1.sqlite").string(), p2 = (dir_ / "p2.sqlite").string();
  ResultsDb(p1, Identity()).Append({Record(0), Record(1)});
  ResultsDb(p2, Identity()).Append({Record(2)});
  std::string description;
  EXPECT_EQ(ResultsDb::ReadIdentity(p1, &description).seed, 7u);
  EXPECT_EQ(description, "{}");
  ResultsDb merged(Path(), Identity());
  merged.MergeFrom(p1);
  merged.MergeFrom(p2);
  EXPECT_EQ(merged.Indices(0), (std::vector<std::uint64_t>{0, 1, 2}));
  try {
    merged.MergeFrom(p2);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("replication 2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(merged.Count(), 3u);
}

}  // namespace
}  // namespace cupola
