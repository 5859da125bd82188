// Outputs that cannot mislead or be abused (issue #22), as a user meets them:
// where a run writes, how a folder is replaced, what a kill or a full disk
// leaves, seeds and provenance, `run --json`, progress, and what `cupola view`
// will serve.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace fs = std::filesystem;

namespace {

using cupola_test::Result;
using cupola_test::Slurp;

std::set<std::string> Names(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// The scratch folder's entries that start with '.': staging folders left behind.
std::set<std::string> Hidden(const fs::path& dir) {
  std::set<std::string> hidden;
  for (const auto& name : Names(dir))
    if (name[0] == '.') hidden.insert(name);
  return hidden;
}

class CliOutputs : public cupola_test::CliFixture {
 public:
  void TearDown() override {
    if (view_pid_ > 0) ::kill(view_pid_, SIGTERM), ::waitpid(view_pid_, nullptr, 0);
    CliFixture::TearDown();
  }

  // A copy of the default scenario with its name line replaced.
  fs::path ScenarioNamed(const std::string& name) const {
    std::string text = Slurp(Source("scenarios/border_town_salvo.yaml"));
    text = std::regex_replace(text, std::regex("\nname: border_town_salvo\n"), "\nname: '" + name + "'\n");
    const fs::path path = dir_ / ("named" + std::to_string(counter_++) + ".yaml");
    std::ofstream(path) << text;
    return path;
  }

  // Starts `cupola view RUN --port 0` with a stand-in viewer; returns the port.
  int StartView(const fs::path& run) {
    fs::create_directories(dir_ / "web" / "viewer");
    std::ofstream(dir_ / "web" / "viewer" / "index.html") << "<html>viewer</html>\n";
    std::ofstream(dir_ / "web" / "viewer" / ".env") << "SECRET=1\n";
    const std::string cmd = "cd '" + dir_.string() + "' && CUPOLA_WEB_DIR='" + (dir_ / "web").string() + "' exec '" +
                            std::string(CUPOLA_EXE) + "' view '" + run.string() + "' --port 0 > view.txt 2>&1";
    view_pid_ = ::fork();
    if (view_pid_ == 0) {
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
    std::smatch port;
    for (int i = 0; i < 200; ++i) {
      const std::string text = Slurp(dir_ / "view.txt");
      if (std::regex_search(text, port, url)) return std::stoi(port[1].str());
      ::usleep(50000);
    }
    ADD_FAILURE() << "cupola view printed no URL: " << Slurp(dir_ / "view.txt");
    return -1;
  }

  pid_t view_pid_ = -1;
  mutable int counter_ = 0;
};

nlohmann::json Json(const std::string& text) { return nlohmann::json::parse(text); }

// ----- the command line

TEST_F(CliOutputs, AnUnknownCommandIsNamedWithTheCommandsThereAre) {
  const Result r = Cupola("simulate scenarios/x.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'simulate'; expected one of run, validate, presets, track, view, mc or wta"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
  const Result typo = Cupola("rnu");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'run'?"), std::string::npos) << typo.err;
  EXPECT_EQ(Cupola("run --help").exit_code, 0);
}

TEST_F(CliOutputs, SeedsOutsideZeroTo2To64AreRefused) {
  for (const char* seed : {"-3", "=-3", " 18446744073709551616", " 1e3", " 0x10", " +7"}) {
    const Result r = Cupola(std::string("run -q --seed") + (seed[0] == '=' ? "" : " ") + seed);
    EXPECT_EQ(r.exit_code, 2) << seed << "\n" << r.err;
    EXPECT_NE(r.err.find("--seed: got '"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("expected an integer from 0 to 18446744073709551615"), std::string::npos) << r.err;
  }
  EXPECT_EQ(Cupola("wta --generate 3 3 --seed -1").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// JSON readers hold numbers as doubles: a seed above 2^53 printed as a number
// comes back rounded and reproduces another run. As a string it does not.
TEST_F(CliOutputs, TheLargestSeedRoundTripsAsAString) {
  ASSERT_EQ(Cupola("run -q --seed 18446744073709551615 -o big").exit_code, 0);
  const auto summary = Json(Slurp(dir_ / "big" / "summary.json"));
  EXPECT_EQ(summary["seed"], "18446744073709551615");
  EXPECT_EQ(summary["provenance"]["seed"], "18446744073709551615");
  ASSERT_TRUE(summary["replication_seed"].is_string());
  EXPECT_TRUE(std::regex_match(summary["replication_seed"].get<std::string>(), std::regex(R"(\d+)")));
  const auto czml = Json(Slurp(dir_ / "big" / "replay.czml"));
  EXPECT_EQ(czml[0]["provenance"]["seed"], "18446744073709551615");
  // And the printed seed makes the same run again.
  ASSERT_EQ(Cupola("run -q --seed " + summary["seed"].get<std::string>() + " -o again").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "big" / "events.jsonl"), Slurp(dir_ / "again" / "events.jsonl"));
  EXPECT_EQ(Cupola("run -q --seed 0 -o zero").exit_code, 0);
}

TEST_F(CliOutputs, RunJsonPrintsTheSummaryAndNothingElse) {
  const Result r = Cupola("run --json -o j");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Slurp(dir_ / "j" / "summary.json"));
  EXPECT_EQ(Json(r.out)["threats"], 13);
  const Result quiet = Cupola("run --json -q -o j");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_TRUE(nlohmann::json::accept(quiet.out));
  EXPECT_EQ(quiet.err, "");
}

TEST_F(CliOutputs, ProvenanceSaysWhatMadeTheRun) {
  const std::string scenario = Source("scenarios/mortar_attack.yaml");
  ASSERT_EQ(Cupola("run -q -j 2 -o p " + scenario).exit_code, 0);
  const auto p = Json(Slurp(dir_ / "p" / "summary.json"))["provenance"];
  const Result version = Cupola("--version");
  EXPECT_EQ(version.out, "cupola " + p["version"].get<std::string>() + "\n");
  EXPECT_EQ(Json(Slurp(dir_ / "p" / "summary.json"))["cupola_version"], p["version"]);
  EXPECT_TRUE(p["commit"].is_null() || std::regex_match(p["commit"].get<std::string>(), std::regex("[0-9a-f]{40}")))
      << p["commit"];
  const Result sha = Shell("sha256sum '" + scenario + "'");
  EXPECT_EQ(p["scenario_sha256"], sha.out.substr(0, 64));
  EXPECT_EQ(p["command_line"], nlohmann::json::array({CUPOLA_EXE, "run", "-q", "-j", "2", "-o", "p", scenario}));
  EXPECT_EQ(p["seed"], "20140822");
  EXPECT_EQ(p["threads"], 2);
  EXPECT_EQ(Json(Slurp(dir_ / "p" / "replay.czml"))[0]["provenance"], p);
}

// ----- where a run writes

// The loader refuses such names too (issue #22); whichever refuses first, a
// scenario's name never picks a folder outside out/.
TEST_F(CliOutputs, AScenarioNameCannotChooseWhereFilesGo) {
  for (const std::string& name :
       std::vector<std::string>{"/", "../escaped", "../../escaped2", (dir_ / "absolute").string(), ".", ".hidden"}) {
    const Result r = Cupola("run -q " + ScenarioNamed(name).string());
    EXPECT_EQ(r.exit_code, 2) << name << "\n" << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "escaped"));
  EXPECT_FALSE(fs::exists(dir_.parent_path() / "escaped2"));
  EXPECT_FALSE(fs::exists(dir_ / "absolute"));
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// `--out ~`, `--out /etc`: nothing cupola did not write is ever replaced.
TEST_F(CliOutputs, OutRefusesWhatCupolaDidNotWrite) {
  fs::create_directories(dir_ / "home" / "docs");
  std::ofstream(dir_ / "home" / "notes.txt") << "mine\n";
  std::ofstream(dir_ / "file.txt") << "a file\n";
  const std::set<std::string> before = Names(dir_);
  for (const std::string out : {"home", "home/", "file.txt", "/", "."}) {
    const Result r = Cupola("run -q -o " + out);
    EXPECT_EQ(r.exit_code, 2) << out << "\n" << r.err;
    EXPECT_NE(r.err.find("expected a new or empty folder, or the output folder of an earlier cupola run"),
              std::string::npos)
        << r.err;
  }
  EXPECT_NE(Cupola("run -q -o home").err.find("home: got a folder that is not a cupola output"), std::string::npos);
  EXPECT_EQ(Names(dir_), before);
  EXPECT_EQ(Names(dir_ / "home"), (std::set<std::string>{"docs", "notes.txt"}));
  EXPECT_EQ(Slurp(dir_ / "home" / "notes.txt"), "mine\n");
  // A run folder someone added a file to.
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  std::ofstream(dir_ / "r" / "my_plot.png") << "png";
  const Result r = Cupola("run -q -o r");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("also holds what cupola did not write (my_plot.png)"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "r" / "my_plot.png"));
}

// A radar-less run into a radar run's folder: the old tracks are gone, the
// set is the new run's only.
TEST_F(CliOutputs, ARunReplacesAnOlderRunWhole) {
  ASSERT_EQ(Cupola("run -q --export-detections -o r").exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "r" / "tracks.csv"));
  // The mortar attack without its radars (and the tracker settings after them).
  const std::string mortars = Slurp(Source("scenarios/mortar_attack.yaml"));
  std::ofstream(dir_ / "no_radars.yaml") << mortars.substr(0, mortars.find("\nradars:") + 1);
  const Result r = Cupola("run -q --no-report -o r no_radars.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = Json(Slurp(dir_ / "r" / "summary.json"));
  EXPECT_TRUE(summary["tracking"].is_null());
  EXPECT_EQ(Names(dir_ / "r"), (std::set<std::string>{".cupola-output", "summary.json", "events.jsonl",
                                                      "trajectories.csv", "impacts.geojson", "replay.czml"}));
  for (const char* name : {"summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson", "replay.czml"})
    EXPECT_NE(Slurp(dir_ / "r" / ".cupola-output").find(std::string("\n") + name + "\n"), std::string::npos) << name;
  EXPECT_EQ(Hidden(dir_), std::set<std::string>{});
}

// Killed while writing (the file-size limit's SIGXFSZ kills the run at its
// first big file, as kill -9 would): the previous set stays whole, and the
// next run into the folder removes what the killed one left.
TEST_F(CliOutputs, AKilledRunLeavesThePreviousSetAndTheNextRunCleansUp) {
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  const std::string summary = Slurp(dir_ / "r" / "summary.json"), events = Slurp(dir_ / "r" / "events.jsonl");
  const Result killed = Shell("(ulimit -c 0; ulimit -f 8; cupola run -q --seed 5 -o r)");
  EXPECT_NE(killed.exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "r" / "summary.json"), summary);
  EXPECT_EQ(Slurp(dir_ / "r" / "events.jsonl"), events);
  EXPECT_EQ(Hidden(dir_).size(), 1u) << "the killed run's staging folder";
  ASSERT_EQ(Cupola("run -q --seed 5 -o r").exit_code, 0);
  EXPECT_NE(Slurp(dir_ / "r" / "summary.json"), summary);
  EXPECT_EQ(Hidden(dir_), std::set<std::string>{});
}

// A full disk (write fails with EFBIG under the limit, the signal ignored):
// exit 1 naming the file, the previous set whole, no temporary anywhere.
TEST_F(CliOutputs, AFullDiskLeavesThePreviousSetAndNoTemporaries) {
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  const std::set<std::string> files = Names(dir_ / "r");
  const std::string summary = Slurp(dir_ / "r" / "summary.json");
  const Result full = Shell("(trap '' XFSZ; ulimit -f 8; cupola run -q --seed 5 -o r)");
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_NE(full.err.find("cannot write"), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("File too large"), std::string::npos) << full.err;
  EXPECT_EQ(Names(dir_ / "r"), files);
  EXPECT_EQ(Slurp(dir_ / "r" / "summary.json"), summary);
  EXPECT_EQ(Hidden(dir_), std::set<std::string>{});
}

// The staging folder is made before the simulation: a place that cannot be
// written fails at once, naming it.
TEST_F(CliOutputs, AnUnwritablePlaceFailsAtOnce) {
  const auto start = std::chrono::steady_clock::now();
  const Result r = Cupola("run -q -o /proc/cupola_test/run " + Source("scenarios/mixed_raid.yaml"));
  const double took_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot create the folder /proc/cupola_test for /proc/cupola_test/run"), std::string::npos)
      << r.err;
  EXPECT_LT(took_s, 1.5) << "the 1,000-threat raid was not flown first";  // the raid takes seconds
}

// Links planted in an old set, or at a staging folder's name, are never
// followed: the files they point to stay as they were.
TEST_F(CliOutputs, PlantedLinksAreNotFollowed) {
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  std::ofstream(dir_ / "victim.txt") << "precious\n";
  fs::remove(dir_ / "r" / "summary.json");
  fs::create_symlink(dir_ / "victim.txt", dir_ / "r" / "summary.json");
  fs::create_directories(dir_ / "victim_dir");
  std::ofstream(dir_ / "victim_dir" / "keep.txt") << "keep\n";
  fs::create_directory_symlink(dir_ / "victim_dir", dir_ / ".r.cupola-999999999-0123456789ab");
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "victim.txt"), "precious\n");
  EXPECT_FALSE(fs::is_symlink(dir_ / "r" / "summary.json"));
  EXPECT_EQ(Slurp(dir_ / "victim_dir" / "keep.txt"), "keep\n");
  // wta -o FILE: a dangling link at FILE is replaced by the file, not followed.
  fs::create_symlink(dir_ / "created_through_link.json", dir_ / "instance.json");
  ASSERT_EQ(Cupola("wta --generate 3 3 -o instance.json").exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "created_through_link.json"));
  EXPECT_FALSE(fs::is_symlink(dir_ / "instance.json"));
  EXPECT_TRUE(nlohmann::json::accept(Slurp(dir_ / "instance.json")));
  for (const auto& name : Names(dir_)) EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
}

TEST_F(CliOutputs, TrackReplacesItsFolderWhole) {
  ASSERT_EQ(Cupola("run -q --export-detections -o run").exit_code, 0);
  ASSERT_EQ(Cupola("track run/detections.csv -q --jsonl -o t").exit_code, 0);
  EXPECT_EQ(Names(dir_ / "t"), (std::set<std::string>{".cupola-output", "tracks.csv", "tracks.jsonl"}));
  std::ofstream(dir_ / "t" / "tracks.csv.tmp-12345") << "a killed run's temporary, before this version";
  ASSERT_EQ(Cupola("track run/detections.csv -q -o t").exit_code, 0);  // without --jsonl: the old one goes too
  EXPECT_EQ(Names(dir_ / "t"), (std::set<std::string>{".cupola-output", "tracks.csv"}));
  // Neither a run folder's nor a track folder's owner loses files to the other's output.
  fs::create_directories(dir_ / "mine");
  std::ofstream(dir_ / "mine" / "a.txt") << "a\n";
  EXPECT_EQ(Cupola("track run/detections.csv -q -o mine").exit_code, 2);
  EXPECT_EQ(Names(dir_ / "mine"), std::set<std::string>{"a.txt"});
  EXPECT_EQ(Hidden(dir_), std::set<std::string>{});
}

// ----- progress

TEST_F(CliOutputs, ProgressCoversEveryPhaseOnATerminalAndStaysOutOfLogs) {
  // stderr is a file here: no bar, no carriage returns (a short run prints no line).
  const Result logged = Cupola("run -o a");
  ASSERT_EQ(logged.exit_code, 0) << logged.err;
  EXPECT_EQ(logged.err.find('\r'), std::string::npos) << logged.err;
  EXPECT_EQ(Cupola("run -q -o a").err, "");
  // On a terminal (script(1) gives it one): every phase, each finished.
  const Result tty = Shell("script -qec \"'" + std::string(CUPOLA_EXE) + "' run -o b\" /dev/null");
  ASSERT_EQ(tty.exit_code, 0) << tty.out << tty.err;
  for (const char* phase : {"[1/3] flying threats", "[2/3] tracking and engaging", "[3/3] writing outputs"})
    EXPECT_NE(tty.out.find(phase), std::string::npos) << phase << "\n" << tty.out;
  EXPECT_NE(tty.out.find("100% 13/13"), std::string::npos) << tty.out;
  const Result quiet = Shell("script -qec \"'" + std::string(CUPOLA_EXE) + "' run -q -o c\" /dev/null");
  EXPECT_EQ(quiet.out.find("flying threats"), std::string::npos) << quiet.out;
}

// ----- cupola view

TEST_F(CliOutputs, ViewServesTheRunAndTheViewerOnly) {
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  std::ofstream(dir_ / "secret.txt") << "outside the run\n";
  fs::create_symlink(dir_ / "secret.txt", dir_ / "r" / "evil.txt");
  fs::create_symlink("/etc/passwd", dir_ / "r" / "passwd");
  fs::create_directory_symlink(dir_, dir_ / "r" / "up");
  fs::create_symlink(dir_ / "r" / "replay.czml", dir_ / "r" / "alias.czml");  // inside the run: fine
  std::ofstream(dir_ / "r" / ".hidden") << "dotfile\n";
  const int port = StartView(dir_ / "r");
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  client.set_url_encode(false);  // the paths below go out byte for byte
  auto Status = [&](const std::string& path) {
    const auto response = client.Get(path.c_str());
    if (!response) return -1;
    EXPECT_EQ(response->body.find("outside the run"), std::string::npos) << path;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << path;
    return response->status;
  };
  EXPECT_EQ(Status("/"), 200);
  EXPECT_EQ(Status("/index.html"), 200);
  EXPECT_EQ(Status("/run/replay.czml"), 200);
  EXPECT_EQ(Status("/run/summary.json"), 200);
  EXPECT_EQ(Status("/run/alias.czml"), 200);
  // Symbolic links out of the run folder.
  EXPECT_EQ(Status("/run/evil.txt"), 404);
  EXPECT_EQ(Status("/run/passwd"), 404);
  EXPECT_EQ(Status("/run/up/secret.txt"), 404);
  // Dotfiles and dot components, plain or encoded.
  EXPECT_EQ(Status("/run/.hidden"), 404);
  EXPECT_EQ(Status("/run/.cupola-output"), 404);
  EXPECT_EQ(Status("/.env"), 404);
  EXPECT_EQ(Status("/run/../secret.txt"), 404);
  EXPECT_EQ(Status("/run/%2e%2e/secret.txt"), 404);
  EXPECT_EQ(Status("/run/..%2fsecret.txt"), 404);
  EXPECT_EQ(Status("/run/%2e%2e%2f%2e%2e%2fetc/passwd"), 404);
  // Decoded control characters: %00 would cut the name short.
  EXPECT_EQ(Status("/run/replay.czml%00.txt"), 400);
  EXPECT_EQ(Status("/run/summary.json%0a"), 400);
  EXPECT_EQ(Status("/run/summary.json%7f"), 400);
  EXPECT_EQ(Status("/run/"), 404);
  EXPECT_EQ(Status("/run/nothing.json"), 404);
  // Loopback names only (DNS rebinding).
  const auto rebound = client.Get("/run/summary.json", {{"Host", "evil.example:80"}});
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
}

// An idle connection is closed after the keep-alive timeout (2 s), so idle
// or slow clients cannot hold the server's few threads.
TEST_F(CliOutputs, ViewClosesIdleConnections) {
  ASSERT_EQ(Cupola("run -q -o r").exit_code, 0);
  const int port = StartView(dir_ / "r");
  ASSERT_GT(port, 0);
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  const auto start = std::chrono::steady_clock::now();
  pollfd wait{fd, POLLIN, 0};
  ASSERT_EQ(::poll(&wait, 1, 15000), 1) << "still open after 15 s";
  char byte;
  EXPECT_EQ(::recv(fd, &byte, 1, 0), 0) << "closed, not answered";
  const double took_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(took_s, 10.0);
  ::close(fd);
}

}  // namespace
