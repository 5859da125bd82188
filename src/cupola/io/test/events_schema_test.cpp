// events.jsonl as docs/outputs.md documents it: the reason codes listed there
// are the code's, and the events of bundled scenarios carry their numbers as
// JSON numbers under the documented keys, with documented reasons only.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cupola/core/reason.h"
#include "cupola/io/run_outputs.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

using json = nlohmann::json;
using Row = std::vector<std::string>;
using Table = std::vector<Row>;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Trim(const std::string& s) {
  const auto first = s.find_first_not_of(' '), last = s.find_last_not_of(' ');
  return first == std::string::npos ? "" : s.substr(first, last - first + 1);
}

// The Markdown tables of the section under `heading` (to the next heading),
// each without its header and separator rows.
std::vector<Table> TablesUnder(const std::string& doc, const std::string& heading) {
  std::istringstream in(doc);
  std::vector<Table> tables;
  bool inside = false, in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind('#', 0) == 0) {
      if (inside) break;
      inside = line == heading;
      continue;
    }
    if (!inside) continue;
    if (line.rfind('|', 0) != 0) {
      in_table = false;
      continue;
    }
    Row cells;
    std::string cell;
    std::istringstream row(line.substr(1));
    while (std::getline(row, cell, '|')) cells.push_back(Trim(cell));
    if (!in_table) {
      tables.emplace_back();  // this row is the header
      in_table = true;
    } else if (cells.empty() || cells[0].rfind("---", 0) != 0) {
      tables.back().push_back(cells);
    }
  }
  return tables;
}

// The `quoted` words of a cell, in order.
std::vector<std::string> Quoted(const std::string& cell) {
  std::vector<std::string> words;
  for (std::size_t a = cell.find('`'); a != std::string::npos; a = cell.find('`', a + 1)) {
    const std::size_t b = cell.find('`', a + 1);
    if (b == std::string::npos) break;
    words.push_back(cell.substr(a + 1, b - a - 1));
    a = b;
  }
  return words;
}

const std::string& OutputsDoc() {
  static const std::string doc = Slurp(std::string(CUPOLA_SOURCE_DIR) + "/docs/outputs.md");
  return doc;
}

TEST(EventsSchema, DocumentedReasonCodesAreTheCodesOwn) {
  const auto tables = TablesUnder(OutputsDoc(), "### Reason codes");
  ASSERT_EQ(tables.size(), 1u) << "docs/outputs.md: one table under '### Reason codes'";
  std::vector<std::string> documented;
  for (const Row& row : tables[0]) {
    ASSERT_GE(row.size(), 2u);
    ASSERT_EQ(Quoted(row[0]).size(), 1u) << row[0];
    const std::string code = Quoted(row[0])[0];
    documented.push_back(code);
    const auto reason = ReasonFromCode(code);
    ASSERT_TRUE(reason.has_value()) << "documented but not in CUPOLA_REASONS: " << code;
    EXPECT_EQ(row[1], Text(*reason)) << code;
  }
  std::vector<std::string> in_code;
  for (const Reason r : AllReasons()) in_code.emplace_back(Code(r));
  EXPECT_EQ(documented, in_code) << "docs/outputs.md's reason codes differ from core/reason.h's (or their order)";
}

// What docs/outputs.md says of each event type, and of each key.
struct Schema {
  std::set<std::string> common;                             // keys every type may have
  std::map<std::string, std::set<std::string>> reasons;     // type -> its reason codes
  std::map<std::string, std::set<std::string>> values;      // type -> its value keys
  std::map<std::string, std::string> value_type;            // value key -> number, integer, boolean, string
};

Schema DocumentedSchema() {
  const auto tables = TablesUnder(OutputsDoc(), "## events.jsonl");
  EXPECT_GE(tables.size(), 3u) << "docs/outputs.md: keys, types and values tables under '## events.jsonl'";
  Schema s;
  if (tables.size() < 3) return s;
  for (const Row& row : tables[0])
    for (const auto& key : Quoted(row[0])) s.common.insert(key);
  std::map<std::string, std::string> same_values_as;  // "as `engage`"
  for (const Row& row : tables[1]) {
    EXPECT_EQ(row.size(), 6u) << row[0];
    if (row.size() != 6) continue;
    const std::string type = Quoted(row[0]).at(0);
    auto& reasons = s.reasons[type];
    auto& values = s.values[type];
    for (const auto& code : Quoted(row[4])) reasons.insert(code);
    if (row[5].rfind("as ", 0) == 0) {
      same_values_as[type] = Quoted(row[5]).at(0);
      continue;
    }
    for (const auto& key : Quoted(row[5])) values.insert(key);
  }
  for (const auto& [type, other] : same_values_as) s.values[type] = s.values.at(other);
  for (const Row& row : tables[2])
    for (const auto& key : Quoted(row[0])) s.value_type[key] = row[1];
  return s;
}

bool Probability(const json& x) { return x.is_number() && x.get<double>() >= 0.0 && x.get<double>() <= 1.0; }

// The events of a bundled scenario's run, as events.jsonl holds them.
std::vector<json> EventsOf(const std::string& scenario) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/" + scenario));
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  std::istringstream lines(EventsJsonLines(world, r));
  std::vector<json> events;
  for (std::string line; std::getline(lines, line);) events.push_back(json::parse(line));
  EXPECT_EQ(events.size(), r.events.size());
  return events;
}

class BundledScenarioEvents : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledScenarioEvents, HaveTheDocumentedKeysReasonsAndNumbers) {
  const Schema schema = DocumentedSchema();
  ASSERT_FALSE(schema.values.empty());
  std::map<std::string, int> count;
  for (const json& e : EventsOf(GetParam())) {
    const std::string type = e.at("type");
    ++count[type];
    ASSERT_TRUE(schema.values.count(type)) << "undocumented type " << type;
    // Every key is a common one or one of the type's documented values, of its documented JSON type.
    for (const auto& [key, x] : e.items()) {
      ASSERT_FALSE(x.is_null()) << type << "." << key << " (a NaN?)";
      if (schema.common.count(key)) continue;
      ASSERT_TRUE(schema.values.at(type).count(key)) << type << " has the undocumented key " << key << ": " << e;
      const std::string& kind = schema.value_type.at(key);
      if (kind == "number") {
        EXPECT_TRUE(x.is_number()) << type << "." << key;
      }
      if (kind == "integer") {
        EXPECT_TRUE(x.is_number_integer()) << type << "." << key;
      }
      if (kind == "boolean") {
        EXPECT_TRUE(x.is_boolean()) << type << "." << key;
      }
      if (kind == "string") {
        EXPECT_TRUE(x.is_string()) << type << "." << key;
      }
      if (key.rfind("p_", 0) == 0 || key == "pk") {
        EXPECT_TRUE(Probability(x)) << type << "." << key << " = " << x;
      }
    }
    // A reason is a documented code of this type, with its text.
    if (e.contains("reason")) {
      const std::string code = e["reason"];
      EXPECT_TRUE(schema.reasons.at(type).count(code)) << type << " has the undocumented reason " << code;
      const auto reason = ReasonFromCode(code);
      ASSERT_TRUE(reason.has_value()) << code;
      EXPECT_EQ(e.at("reason_text"), std::string(Text(*reason)));
    } else {
      EXPECT_TRUE(schema.reasons.at(type).empty()) << type << " without a reason: " << e;
      EXPECT_FALSE(e.contains("reason_text"));
    }
    // The numbers analysts look for first, on every event of their type.
    if (type == "detonation") {
      EXPECT_TRUE(e.at("miss_m").is_number() && e["miss_m"] >= 0.0) << e;
      EXPECT_TRUE(Probability(e.at("pk"))) << e;
      EXPECT_TRUE(e.at("killed").is_boolean()) << e;
    }
    if (type == "interceptor_miss") {
      EXPECT_TRUE(e.at("miss_m").is_number()) << e;
    }
    if (type == "fire") {
      EXPECT_TRUE(Probability(e.at("pk"))) << e;
      EXPECT_GT(e.at("range_m").get<double>(), 0.0) << e;
      EXPECT_GT(e.at("t_intercept_s").get<double>(), e.at("t_launch_s").get<double>()) << e;
      EXPECT_GE(e.at("shot").get<int>(), 1) << e;
    }
    if (type == "engage") {
      EXPECT_GE(e.at("value_at_risk").get<double>(), e.at("threshold").get<double>()) << e;
    }
    if (type == "ignore") {
      EXPECT_TRUE(Probability(e.at("p_defended_area"))) << e;
      if (e.at("reason") == "open_ground") {
        EXPECT_LT(e["p_defended_area"].get<double>(), 0.5) << e;
      }
      if (e.at("reason") == "below_threshold") {
        EXPECT_LT(e["value_at_risk"].get<double>(), e.at("threshold").get<double>()) << e;
      }
    }
    if (type == "impact" && e.at("reason") != "dud") {  // a dud names where it fell, area or not
      EXPECT_EQ(e.at("reason") == "defended_area", e.contains("area")) << e;
    }
    if (type == "alert") {
      EXPECT_TRUE(Probability(e.at("p_zone"))) << e;
    }
  }
  // The scenario exercises the engagement chain, so the checks above ran.
  EXPECT_GT(count["engage"], 0);
  EXPECT_GT(count["impact"], 0);
}

// The default scenario (a battery at Sderot: fire, detonations, misses) and the
// 1,000-threat raid (open-ground ignores, empty magazines, aims out of range).
INSTANTIATE_TEST_SUITE_P(Scenarios, BundledScenarioEvents,
                         ::testing::Values("border_town_salvo.yaml", "mixed_raid.yaml", "drone_raid_city.yaml"));

TEST(EventsSchema, TheDefaultScenarioHasDetonationsAndIgnoresToCheck) {
  std::map<std::string, int> count;
  for (const json& e : EventsOf("border_town_salvo.yaml")) ++count[e.at("type").get<std::string>()];
  EXPECT_GT(count["detonation"], 0);
  EXPECT_GT(count["fire"], 0);
  EXPECT_GT(count["ignore"], 0);
}

}  // namespace
}  // namespace cupola
