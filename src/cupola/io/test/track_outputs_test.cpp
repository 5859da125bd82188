#include "cupola/io/track_outputs.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace cupola {
namespace {

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// A report whose covariance entries are all distinct, so a column in the
// wrong place shows.
TrackReport DistinctReport(double var_kappa) {
  TrackReport r;
  r.t_s = 3.0;
  r.track_id = 7;
  r.status = TrackStatus::kConfirmed;
  r.p_W = {100, 200, 300};
  StateMatrix P = StateMatrix::Zero(6, 6);
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) P(i, j) = (i == j ? 1000.0 : 1.0) * (1 + std::min(i, j)) + 0.1 * std::max(i, j);
  r.SetCovPv(P);
  r.var_kappa = var_kappa;
  return r;
}

TEST(TrackOutputs, CsvCarriesTheFullCovarianceUnderNamedColumns) {
  const LocalFrame frame(GeodeticPoint{31.5, 34.6, 0.0});
  const TrackReport r = DistinctReport(2.5e-9);
  const std::string csv = TracksCsv(frame, {r});
  std::istringstream in(csv);
  std::string header_line, row_line;
  std::getline(in, header_line);
  std::getline(in, row_line);
  const auto header = Split(header_line), row = Split(row_line);
  ASSERT_EQ(header.size(), row.size());
  ASSERT_EQ(header.size(), 17u + 21u + 1u);
  auto column = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    EXPECT_NE(at, header.end()) << name;
    return std::stod(row[at - header.begin()]);
  };
  // Names, units and places: position-position, position-velocity, velocity-velocity.
  EXPECT_DOUBLE_EQ(column("cov_xx_m2"), r.Cov(0, 0));
  EXPECT_DOUBLE_EQ(column("cov_yz_m2"), r.Cov(1, 2));
  EXPECT_DOUBLE_EQ(column("cov_xvx_m2_s"), r.Cov(0, 3));
  EXPECT_DOUBLE_EQ(column("cov_zvy_m2_s"), r.Cov(2, 4));
  EXPECT_DOUBLE_EQ(column("cov_vxvz_m2_s2"), r.Cov(3, 5));
  EXPECT_DOUBLE_EQ(column("cov_vzvz_m2_s2"), r.Cov(5, 5));
  EXPECT_DOUBLE_EQ(column("var_kappa_m4_kg2"), 2.5e-9);
  EXPECT_NEAR(column("sigma_north_m"), std::sqrt(r.Cov(1, 1)), 0.005);
  // Symmetric access, and no drag parameter: an empty last field.
  EXPECT_EQ(r.Cov(4, 1), r.Cov(1, 4));
  const std::string without = TracksCsv(frame, {DistinctReport(std::numeric_limits<double>::quiet_NaN())});
  EXPECT_EQ(without.substr(without.size() - 2), ",\n");
}

TEST(TrackOutputs, JsonLinesCarryTheSameCovariance) {
  const LocalFrame frame(GeodeticPoint{31.5, 34.6, 0.0});
  const TrackReport r = DistinctReport(std::numeric_limits<double>::quiet_NaN());
  const auto j = nlohmann::json::parse(TracksJsonLines(frame, {r}));
  ASSERT_EQ(j["cov_pv_W_upper"].size(), 21u);
  EXPECT_DOUBLE_EQ(j["cov_pv_W_upper"][3].get<double>(), r.Cov(0, 3));
  EXPECT_DOUBLE_EQ(j["cov_pv_W_upper"][20].get<double>(), r.Cov(5, 5));
  EXPECT_FALSE(j.contains("var_kappa_m4_kg2"));
}

}  // namespace
}  // namespace cupola
