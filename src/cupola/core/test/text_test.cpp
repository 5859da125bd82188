#include "cupola/core/text.h"

#include <gtest/gtest.h>

#include "cupola/core/error.h"
#include "cupola/core/units.h"

namespace cupola {
namespace {

TEST(Text, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("same", "same"), 0u);
}

TEST(Text, ClosestMatchFindsTyposOnly) {
  const std::vector<std::string> keys = {"duration_s", "defended_areas", "threats", "seed"};
  EXPECT_EQ(ClosestMatch("duraton_s", keys), "duration_s");
  EXPECT_EQ(ClosestMatch("threat", keys), "threats");
  EXPECT_EQ(ClosestMatch("completely_different", keys), "");
}

TEST(Text, InputErrorMessageNamesEverything) {
  InputError e({"s.yaml", 12, 5}, "threats[0].count", "-3", "an integer >= 1");
  EXPECT_STREQ(e.what(), "s.yaml:12:5: threats[0].count: got -3; expected an integer >= 1");
}

TEST(Units, WrapToPi) {
  EXPECT_NEAR(WrapToPi(3 * kPi / 2), -kPi / 2, 1e-12);
  EXPECT_NEAR(WrapToPi(-3 * kPi / 2), kPi / 2, 1e-12);
  EXPECT_NEAR(WrapToPi(0.25), 0.25, 1e-15);
}

TEST(Text, FormatNumberRoundTrips) {
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(91), "91");
}

}  // namespace
}  // namespace cupola
