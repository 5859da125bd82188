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

TEST(Text, ClosestMatchSkipsLongWords) {
  // Two 60 KB words would cost 3.6e9 steps of edit distance.
  const std::string long_word(60000, 'a');
  EXPECT_EQ(ClosestMatch(long_word, {long_word + "b", "seed"}), "");
  EXPECT_EQ(ClosestMatch("seed", {long_word, "sed"}), "sed");
}

TEST(Text, JoinAlternativesShortensLongLists) {
  EXPECT_EQ(JoinAlternatives({"a", "b", "c"}), "a, b or c");
  EXPECT_EQ(JoinAlternatives({"a", "b", "c"}, " or ", 2), "a, b, ... (3 in all)");
  EXPECT_EQ(JoinAlternatives({"a", "b"}, " or ", 2), "a or b");
}

TEST(Text, QuoteEscapesControlBytesAndInvalidUtf8) {
  EXPECT_EQ(Quote("Sderot"), "'Sderot'");
  EXPECT_EQ(Quote("Be'er Sheva \xd7\x91"), "'Be'er Sheva \xd7\x91'");  // valid UTF-8 (Hebrew bet) is kept
  EXPECT_EQ(Quote(std::string("a\0b", 3)), "'a\\x00b'");
  EXPECT_EQ(Quote("\x1b[2Jred"), "'\\x1b[2Jred'");
  EXPECT_EQ(Quote("tab\tnew\nline\x7f"), "'tab\\x09new\\x0aline\\x7f'");
  EXPECT_EQ(Quote("\xc2\x9b" "31m"), "'\\xc2\\x9b31m'");  // C1 control CSI
  EXPECT_EQ(Quote("bad \xff\xfe end"), "'bad \\xff\\xfe end'");
  EXPECT_EQ(Quote("\xe2\x82"), "'\\xe2\\x82'");          // truncated sequence
  EXPECT_EQ(Quote("\xc0\xaf"), "'\\xc0\\xaf'");          // overlong '/'
  EXPECT_EQ(Quote("\xed\xa0\x80"), "'\\xed\\xa0\\x80'");  // surrogate
}

TEST(Text, QuoteShortensLongValuesAndGivesTheirLength) {
  const std::string long_value(61440, 'x');
  const std::string q = Quote(long_value);
  EXPECT_EQ(q, "'" + std::string(80, 'x') + "...' (61440 bytes)");
  // Escapes count four characters each, so the message stays short.
  const std::string zeros(61440, '\0');
  EXPECT_LE(Quote(zeros).size(), 110u);
  EXPECT_EQ(Quote(zeros).find('\0'), std::string::npos);
  // Never cut inside a character.
  const std::string alef = "\xd7\x90";
  std::string hebrew;
  for (int i = 0; i < 100; ++i) hebrew += alef;
  const std::string h = Quote(hebrew);
  EXPECT_EQ(FindInvalidUtf8(h), std::string::npos) << h;
  EXPECT_EQ(Utf8Length(h.substr(1, h.find("...") - 1)), 80u);
}

TEST(Text, Utf8Checks) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("\xd7\x91\xe2\x82\xac\xf0\x9f\x9a\x80"), std::string::npos);  // bet, euro, rocket
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindControlCharacter("no controls \xd7\x91"), std::string::npos);
  EXPECT_EQ(FindControlCharacter("ab\x1b"), 2u);
  EXPECT_EQ(FindControlCharacter(std::string("a\0", 2)), 1u);
  EXPECT_EQ(FindControlCharacter("x\xc2\x85"), 1u);  // NEL, a C1 control
  EXPECT_EQ(Utf8Length("\xd7\x91\xd7\x90x"), 3u);
}

TEST(Text, FormatNumberRoundTrips) {
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(91), "91");
}

}  // namespace
}  // namespace cupola
