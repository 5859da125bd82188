// `cupola mc` (issue #19) as a user runs it: campaigns, their numbers at any
// thread count, resuming after a kill, refusing another campaign's
// database, paired comparisons, sweeps, and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixture.h"

namespace cupola_test {
namespace {

using nlohmann::json;

class CliMc : public CliFixture {
 public:
  json Summary(const std::string& folder) const { return json::parse(Slurp(dir() / folder / "summary.json")); }
  // A number from results.sqlite, read with Python's own SQLite module (not ours).
  long long Query(const std::string& folder, const std::string& sql) const {
    const Result r = Shell("python3 -c \"import sqlite3; print(sqlite3.connect('" + folder +
                           "/results.sqlite').execute('" + sql + "').fetchone()[0])\"");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return std::stoll(r.out);
  }
};

TEST_F(CliMc, SameNumbersOnOneAndTwoThreads) {
  const Result one = Cupola("mc -n 16 -j 1 -q --out one");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const Result two = Cupola("mc -n 16 -j 2 -q --out two");
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(Summary("one")["metrics"].dump(), Summary("two")["metrics"].dump());
  const json m = Summary("one")["metrics"];
  // border_town_salvo launches 13 rockets every time; the rest is spread.
  EXPECT_EQ(m["launched"]["mean"], 13.0);
  EXPECT_EQ(m["launched"]["ci95"], json({13.0, 13.0}));
  EXPECT_EQ(m["launched"]["n"], 16);
  EXPECT_EQ(m["magazine_empty"]["interval"], "wilson");
  EXPECT_EQ(m["hits_defended"]["interval"], "student_t");
  for (const char* key : {"intercepted", "hits_defended", "interceptors_fired"}) {
    SCOPED_TRACE(key);
    const double mean = m[key]["mean"], low = m[key]["ci95"][0], high = m[key]["ci95"][1];
    EXPECT_LE(low, mean);
    EXPECT_LE(mean, high);
    EXPECT_GE(low, 0.0);
    EXPECT_LE(high, 13.0 * (std::string(key) == "interceptors_fired" ? 2 : 1));
  }
  EXPECT_LE(m["intercepted"]["mean"].get<double>() + m["hits_defended"]["mean"].get<double>(), 13.0);
  // One row per replication, one per threat.
  EXPECT_EQ(Query("one", "SELECT count(*) FROM replications"), 16);
  EXPECT_EQ(Query("one", "SELECT count(*) FROM threats"), 16 * 13);
  EXPECT_EQ(Query("one", "SELECT count(*) FROM threats WHERE fate = \\\"intercepted\\\""),
            Query("one", "SELECT sum(intercepted) FROM replications"));
}

TEST_F(CliMc, ResumesAfterAKillWithNothingLostOrCountedTwice) {
  // Killed (SIGKILL) once its database holds a few committed replications...
  const Result killed = Shell(
      // The binary itself in the background (not the fixture's shell function): the kill must reach it.
      "'" CUPOLA_EXE "' mc -n 160 -j 2 -q --out resumed & pid=$!\n"
      "for i in $(seq 1 2000); do\n"
      "  [ $(stat -c %s resumed/results.sqlite-wal 2>/dev/null || echo 0) -gt 40000 ] && break; sleep 0.01\n"
      "done\n"
      "kill -9 $pid; wait $pid; echo status $?");
  EXPECT_NE(killed.out.find("status 137"), std::string::npos) << killed.out << killed.err;
  // ...the same command continues it...
  const Result resumed = Cupola("mc -n 160 -j 2 --out resumed");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming: "), std::string::npos) << resumed.err;
  EXPECT_EQ(resumed.err.find("resuming: 160 of"), std::string::npos) << "the kill came after the end: " << resumed.err;
  // ...to the numbers of an uninterrupted run.
  ASSERT_EQ(Cupola("mc -n 160 -j 2 -q --out whole").exit_code, 0);
  EXPECT_EQ(Summary("resumed")["metrics"].dump(), Summary("whole")["metrics"].dump());
  EXPECT_EQ(Query("resumed", "SELECT count(*) FROM replications"), 160);
  EXPECT_EQ(Query("resumed", "SELECT count(DISTINCT idx) FROM replications"), 160);
  EXPECT_EQ(Query("resumed", "SELECT count(*) FROM threats"), 160 * 13);
  // Run again when complete: nothing to do, the same summary; more runs extend it.
  ASSERT_EQ(Cupola("mc -n 160 -q --out resumed").exit_code, 0);
  EXPECT_EQ(Summary("resumed")["metrics"].dump(), Summary("whole")["metrics"].dump());
}

TEST_F(CliMc, RefusesAnotherCampaignsDatabase) {
  ASSERT_EQ(Cupola("mc -n 2 -q --out c").exit_code, 0);
  Result r = Cupola("mc -n 2 -q --out c --seed 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("seed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("another --out"), std::string::npos) << r.err;
  r = Cupola("mc -n 2 -q --out c --set threats.0.count=2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("arms"), std::string::npos) << r.err;
  // An edited scenario file: its hash differs.
  Shell("cp " + Source("scenarios/border_town_salvo.yaml") + " s.yaml");
  ASSERT_EQ(Cupola("mc s.yaml -n 2 -q --out d").exit_code, 0);
  Shell("echo '# edited' >> s.yaml");
  r = Cupola("mc s.yaml -n 2 -q --out d");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scenario_sha256"), std::string::npos) << r.err;
}

TEST_F(CliMc, RefusesFoldersAndFilesThatAreNotCampaigns) {
  Write("mine/notes.txt", "");
  Shell("mkdir -p mine && echo x > mine/notes.txt");
  Result r = Cupola("mc -n 2 -q --out mine");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(Slurp(dir() / "mine/notes.txt"), "x\n");
  Shell("mkdir -p fake && echo 'not a database' > fake/results.sqlite");
  r = Cupola("mc -n 2 -q --out fake");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("not an SQLite database"), std::string::npos) << r.err;
}

TEST_F(CliMc, OneWriterPerDatabase) {
  // Two campaigns into one folder at once: one of them is refused, whichever lost.
  const Result r = Shell(
      "cupola mc -n 200 -j 1 -q --out same 2> a.err & a=$!\n"
      "cupola mc -n 200 -j 1 -q --out same 2> b.err; b=$?\n"
      "wait $a; a=$?; echo $a $b; cat a.err b.err");
  const bool a_refused = r.out.rfind("2 0", 0) == 0, b_refused = r.out.rfind("0 2", 0) == 0;
  EXPECT_TRUE(a_refused || b_refused) << r.out;
  EXPECT_NE(r.out.find("in use by another process"), std::string::npos) << r.out;
}

TEST_F(CliMc, VersusPairsTheSameRaids) {
  const Result r = Cupola("mc -n 40 -q --out v --versus-set batteries.0.max_interceptors_per_threat=1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json d = Summary("v")["versus"]["difference"];
  // The same raid on both sides: not one threat more or less.
  EXPECT_EQ(d["launched"]["mean_difference"], 0.0);
  EXPECT_EQ(d["launched"]["ci95"], json({0.0, 0.0}));
  // One interceptor per threat instead of two never fires more.
  EXPECT_LE(d["interceptors_fired"]["ci95"][0].get<double>(), 0.0);
  EXPECT_LT(d["interceptors_fired"]["mean_difference"].get<double>(), 0.0);
  // Pairing narrows the interval of what the defence changes.
  EXPECT_GT(d["interceptors_fired"]["narrowing"].get<double>(), 0.0);
  EXPECT_EQ(Query("v", "SELECT count(*) FROM replications"), 80);
  // The table says what B is.
  const Result table = Cupola("mc -n 40 --out v --versus-set batteries.0.max_interceptors_per_threat=1");
  EXPECT_NE(table.out.find("narrowing"), std::string::npos) << table.out;
}

TEST_F(CliMc, SweepMakesAGrid) {
  const Result r = Cupola("mc -n 4 -q --out s --sweep threats.0.count=1,5 --sweep threats.1.count=2,3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json points = Summary("s")["sweep"]["points"];
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0]["overrides"], json({"threats.0.count=1", "threats.1.count=2"}));
  // The other salvo keeps its 3 rounds: 1 + 2 + 3 and 5 + 3 + 3.
  EXPECT_EQ(points[0]["metrics"]["launched"]["mean"], 6.0);
  EXPECT_EQ(points[3]["metrics"]["launched"]["mean"], 11.0);
  // report.html plots each metric against the first key, a band per value of the second.
  const std::string report = Slurp(dir() / "s" / "report.html");
  EXPECT_NE(report.find("hits_defended against threats.0.count"), std::string::npos);
  EXPECT_NE(report.find("<polygon"), std::string::npos);
}

TEST_F(CliMc, PartsMergeToTheWholeCampaign) {
  // Two defences, in two parts of uneven size, on different thread counts.
  const std::string versus = " --versus-set batteries.0.max_interceptors_per_threat=1";
  ASSERT_EQ(Cupola("mc -q -j 1 --replications 0:5 --out p1" + versus).exit_code, 0);
  ASSERT_EQ(Cupola("mc -q -j 2 --replications 5:12 --out p2" + versus).exit_code, 0);
  ASSERT_EQ(Cupola("mc -q -j 2 -n 12 --out whole" + versus).exit_code, 0);
  const Result merged = Cupola("mc merge p2 p1/results.sqlite --out merged");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.out.find("narrowing"), std::string::npos) << merged.out;
  const json m = Summary("merged"), w = Summary("whole");
  EXPECT_EQ(m["metrics"].dump(), w["metrics"].dump());
  EXPECT_EQ(m["versus"].dump(), w["versus"].dump());
  EXPECT_EQ(m["replications"], json({0, 12}));
  EXPECT_EQ(Summary("p2")["replications"], json({5, 12}));
  EXPECT_EQ(Query("merged", "SELECT count(*) FROM threats"), 2 * 12 * 13);

  // Overlapping parts, a gap, another campaign's part, an existing database.
  ASSERT_EQ(Cupola("mc -q --replications 4:6 --out overlap" + versus).exit_code, 0);
  Result r = Cupola("mc merge p1 overlap --out bad1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("replication 4"), std::string::npos) << r.err;
  r = Cupola("mc merge p2 --out bad2");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // one part alone is a campaign of its own range
  ASSERT_EQ(Cupola("mc -q --replications 13:14 --out far" + versus).exit_code, 0);
  r = Cupola("mc merge p1 far --out bad3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("5 missing"), std::string::npos) << r.err;
  ASSERT_EQ(Cupola("mc -q --replications 5:6 --seed 3 --out seed3" + versus).exit_code, 0);
  r = Cupola("mc merge p1 seed3 --out bad4");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("seed"), std::string::npos) << r.err;
  r = Cupola("mc merge p1 p2 --out whole");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already holds"), std::string::npos) << r.err;
  r = Cupola("mc merge p1 nowhere --out bad5");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliMc, KeepsTheWorstRunsWhole) {
  const Result r = Cupola("mc -n 10 -q --out k --keep-runs 1 --keep-index 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const long long worst = Query("k", "SELECT idx FROM replications ORDER BY hits_defended DESC, value_lost DESC, idx LIMIT 1");
  const std::string run = "k/runs/replication-" + std::to_string(worst);
  ASSERT_TRUE(fs::exists(dir() / run / "events.jsonl")) << run;
  ASSERT_TRUE(fs::exists(dir() / "k/runs/replication-3/replay.czml"));
  // The whole run is the campaign's replication: the same seed, the same hits.
  const json kept = Summary(run);
  EXPECT_EQ(kept["impacts_in_defended_areas"],
            Query("k", "SELECT hits_defended FROM replications WHERE idx = " + std::to_string(worst)));
  const Result seed = Shell("python3 -c \"import sqlite3; print(sqlite3.connect('k/results.sqlite').execute("
                            "'SELECT seed FROM replications WHERE idx = " + std::to_string(worst) +
                            "').fetchone()[0])\"");
  EXPECT_EQ(kept["replication_seed"].get<std::string>() + "\n", seed.out);
  const Result bad = Cupola("mc -n 10 -q --out k --keep-index 10");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--keep-index"), std::string::npos) << bad.err;
}

TEST_F(CliMc, BadInputIsExit2WithAReason) {
  const struct {
    const char* args;
    const char* says;
  } cases[] = {
      {"mc -n 0", "--runs"},
      {"mc -n abc", "--runs"},
      {"mc -j 999", "--threads"},
      {"mc --seed -1", "--seed"},
      {"mc --sweep threats.0.count", "--sweep"},
      {"mc --sweep threats.0.count=1,,2", "--sweep"},
      {"mc --sweep threats.0.count=1,abc", "--sweep threats.0.count=1,abc"},
      {"mc --sweep threats.0.cuont=1,2", "did you mean"},
      {"mc --versus-set batteries.0.max_interceptors_per_threat=-1", "max_interceptors_per_threat"},
      {"mc --versus-set nokey", "--set"},
      {"mc --versus no_such_file.yaml", "no_such_file.yaml"},
      {"mc --versus-set duration_s=10 --sweep threats.0.count=1,2", "--versus"},
      {"mc --set threats.9.count=1", "threats"},
      {"mc --replications 5:5", "--replications"},
      {"mc --replications 5", "--replications"},
      {"mc --replications -1:4", "--replications"},
      {"mc --replications 0:4 --runs 4", "--runs"},
      {"mc merge", "parts"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const Result r = Cupola(std::string(c.args) + " --out bad");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir() / "bad" / "summary.json"));
}

TEST_F(CliMc, HelpTeachesWithExamples) {
  const Result r = Cupola("mc --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--versus-set", "--sweep", "Examples:", "Wilson", "Resumable", "results.sqlite"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

}  // namespace
}  // namespace cupola_test
