#include "cupola/core/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace cupola {
namespace {

// What the progress wrote to a temporary file.
std::string Written(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
  return text;
}

TEST(Progress, PlainLinesWhenNotATerminal) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    Progress progress({.enabled = true, .phases = 3, .out = file, .terminal = false, .line_interval_s = 0.0});
    progress.Report("flying threats", 5, 10);
    progress.Report("tracking and engaging", 30, 120);
    progress.Report("writing outputs", 9, 9);
  }
  const std::string text = Written(file);
  std::fclose(file);
  EXPECT_NE(text.find("cupola: [1/3] flying threats: 5/10 (50 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("cupola: [2/3] tracking and engaging: 30/120 (25 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("s left\n"), std::string::npos) << text;
  EXPECT_NE(text.find("cupola: [3/3] writing outputs: 9/9 (100 %)"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no redraws in a log";
}

TEST(Progress, NotATerminalStaysQuietWithinTheInterval) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    Progress progress({.enabled = true, .phases = 2, .out = file, .terminal = false, .line_interval_s = 3600.0});
    for (std::size_t i = 1; i <= 100; ++i) progress.Report("flying threats", i, 100);
    progress.Report("writing outputs", 1, 1);
  }
  EXPECT_EQ(Written(file), "");
  std::fclose(file);
}

TEST(Progress, TerminalKeepsOneFinishedLinePerPhase) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    Progress progress({.enabled = true, .phases = 2, .out = file, .terminal = true, .line_interval_s = 5.0});
    progress.Report("flying threats", 1, 4);
    progress.Report("writing outputs", 0, 2);
    progress.Finish();
  }
  const std::string text = Written(file);
  std::fclose(file);
  EXPECT_NE(text.find("[1/2] flying threats ["), std::string::npos) << text;
  EXPECT_NE(text.find("100% 4/4"), std::string::npos) << "the finished phase shows whole: " << text;
  EXPECT_NE(text.find("[2/2] writing outputs"), std::string::npos) << text;
  EXPECT_NE(text.find("100% 2/2"), std::string::npos) << "finished at the end: " << text;
  EXPECT_EQ(text.back(), '\n');
}

TEST(Progress, AFailedRunDoesNotShowWhole) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    Progress progress({.enabled = true, .phases = 1, .out = file, .terminal = true, .line_interval_s = 5.0});
    progress.Report("writing outputs", 1, 4);
  }  // an exception unwinds: no Finish()
  const std::string text = Written(file);
  std::fclose(file);
  EXPECT_NE(text.find(" 25% 1/4"), std::string::npos) << text;
  EXPECT_EQ(text.find("100%"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
}

TEST(Progress, DisabledPrintsNothing) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  {
    Progress progress({.enabled = false, .phases = 1, .out = file, .terminal = true, .line_interval_s = 5.0});
    progress.Report("flying threats", 1, 2);
  }
  EXPECT_EQ(Written(file), "");
  std::fclose(file);
}

}  // namespace
}  // namespace cupola
