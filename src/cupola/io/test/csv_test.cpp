#include "cupola/io/csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cupola/io/run_outputs.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;

TEST(CsvField, QuotesOnlyWhatMustBeQuoted) {
  EXPECT_EQ(CsvField("qassam"), "qassam");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("rocket, improvised"), "\"rocket, improvised\"");
  EXPECT_EQ(CsvField("the \"big\" one"), "\"the \"\"big\"\" one\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
}

// Reads `csv` with Python's csv module (a parser we did not write) and returns
// one line per row: the number of fields, a tab, the second field.
std::string ParsedByPython(const std::string& csv) {
  const fs::path file = fs::temp_directory_path() / ("cupola_csv_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(file, std::ios::binary) << csv;
  const std::string command =
      "python3 -c 'import csv, sys\n"
      "for row in csv.reader(open(sys.argv[1], newline=\"\")): print(len(row), row[1], sep=\"\\t\")' '" +
      file.string() + "'";
  std::string out;
  if (std::FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0;) out.append(buffer, n);
    EXPECT_EQ(::pclose(pipe), 0) << "python3 is needed for this test (scripts/setup.sh installs it)";
  }
  fs::remove(file);
  return out;
}

TEST(CsvField, TrajectoriesOfATypeNamedWithCommaAndQuotesRoundTripThroughPythonsCsv) {
  const std::string name = "rocket, \"improvised\"";
  const World world(LoadScenarioText(R"(version: 1
origin: {lat_deg: 31.5250, lon_deg: 34.5960}
duration_s: 120
threat_types:
  - name: 'rocket, "improvised"'
    kind: mortar
    mass_kg: 13
    diameter_mm: 120
    muzzle_velocity_mps: 300
    drag: {shape: mortar}
threats:
  - type: 'rocket, "improvised"'
    count: 2
    interval_s: 1
    launch_site: {lat_deg: 31.5250, lon_deg: 34.5960}
    aim_point: {lat_deg: 31.5400, lon_deg: 34.5960}
)", "csv_test.yaml"));
  const ReplicationResult result = RunReplication(world, 1, 0);
  const std::string csv = TrajectoriesCsv(world, result);
  std::istringstream rows(ParsedByPython(csv));
  std::string line;
  ASSERT_TRUE(std::getline(rows, line));
  EXPECT_EQ(line, "10\ttype");  // the header
  int data_rows = 0;
  while (std::getline(rows, line)) {
    EXPECT_EQ(line, "10\t" + name);  // every row: 10 columns, the whole name in one
    ++data_rows;
  }
  EXPECT_EQ(data_rows, static_cast<int>(result.trajectories.size()));
  EXPECT_GT(data_rows, 10);
}

}  // namespace
}  // namespace cupola
