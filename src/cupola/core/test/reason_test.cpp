#include "cupola/core/reason.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace cupola {
namespace {

TEST(Reason, CodesAreUniqueSnakeCaseAndRoundTrip) {
  const std::regex snake("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  std::set<std::string_view> codes, texts;
  ASSERT_FALSE(AllReasons().empty());
  for (const Reason r : AllReasons()) {
    ASSERT_NE(r, Reason::kNone);
    const std::string code(Code(r));
    EXPECT_TRUE(std::regex_match(code, snake)) << code;
    EXPECT_TRUE(codes.insert(Code(r)).second) << "duplicate code " << code;
    EXPECT_TRUE(texts.insert(Text(r)).second) << "duplicate text for " << code;
    EXPECT_FALSE(Text(r).empty()) << code;
    EXPECT_EQ(ReasonFromCode(code), r) << code;
  }
}

TEST(Reason, NoneHasNoCode) {
  EXPECT_EQ(Code(Reason::kNone), "");
  EXPECT_EQ(Text(Reason::kNone), "");
  EXPECT_FALSE(ReasonFromCode("").has_value());
  EXPECT_FALSE(ReasonFromCode("open ground").has_value());  // the text is not a code
  EXPECT_EQ(ReasonFromCode("open_ground"), Reason::kOpenGround);
}

}  // namespace
}  // namespace cupola
