#include "cupola/io/run_folder.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "cupola/core/error.h"

namespace cupola {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> Names(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

TEST(SafeFolderName, OnePlainComponentOnly) {
  for (const char* ok : {"border_town_salvo", "a.b-c_1", "X", "run.2024-01-01"}) EXPECT_TRUE(IsSafeFolderName(ok)) << ok;
  EXPECT_TRUE(IsSafeFolderName(std::string(64, 'a')));
  for (const char* bad : {"", ".", "..", ".hidden", "/", "../x", "../../x", "/etc/x", "a/b", "a b", "caf\xc3\xa9", "x\n",
                          "~", "$HOME", "a\\b"})
    EXPECT_FALSE(IsSafeFolderName(bad)) << bad;
  EXPECT_FALSE(IsSafeFolderName(std::string(65, 'a')));
  EXPECT_FALSE(IsSafeFolderName(std::string_view("a\0b", 3)));
}

class RunFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cupola_run_folder_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    run_ = dir_ / "run";
  }
  void TearDown() override { fs::remove_all(dir_); }
  // A committed set of files name -> content.
  void WriteSet(const std::vector<std::pair<std::string, std::string>>& files) {
    RunFolder folder(run_.string());
    for (const auto& [name, content] : files) folder.Write(name, content);
    folder.Commit();
  }
  fs::path dir_, run_;
};

TEST_F(RunFolderTest, ANewFolderHoldsTheSetAndItsMarker) {
  WriteSet({{"summary.json", "{}\n"}, {"events.jsonl", "{\"a\":1}\n"}});
  EXPECT_EQ(Names(dir_), std::set<std::string>{"run"});  // no staging folder left
  EXPECT_EQ(Names(run_), (std::set<std::string>{".cupola-output", "summary.json", "events.jsonl"}));
  EXPECT_EQ(Slurp(run_ / "summary.json"), "{}\n");
  const std::string marker = Slurp(run_ / ".cupola-output");
  EXPECT_NE(marker.find("\nsummary.json\n"), std::string::npos) << marker;
  EXPECT_NE(marker.find("\nevents.jsonl\n"), std::string::npos) << marker;
  // The folder gets the umask's mode, as mkdir would give it.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  EXPECT_EQ(fs::status(run_).permissions(), fs::perms(0777 & ~mask));
}

// A radar-less run after a radar run: no stale tracks.csv beside the new summary.
TEST_F(RunFolderTest, ANewSetReplacesTheOldOneWhole) {
  WriteSet({{"summary.json", "old\n"}, {"tracks.csv", "old\n"}, {"events.jsonl", "old\n"}});
  WriteSet({{"summary.json", "new\n"}});
  EXPECT_EQ(Names(run_), (std::set<std::string>{".cupola-output", "summary.json"}));
  EXPECT_EQ(Slurp(run_ / "summary.json"), "new\n");
  EXPECT_EQ(Names(dir_), std::set<std::string>{"run"});
}

// A writer that fails -- here with a full "disk": a file-size limit makes
// write(2) fail with EFBIG midway -- leaves the previous set as it was, and
// no temporary anywhere.
TEST_F(RunFolderTest, AFailingWriterLeavesTheOldSetIntact) {
  WriteSet({{"summary.json", "old\n"}, {"events.jsonl", "old events\n"}});
  {
    RunFolder folder(run_.string());
    folder.Write("events.jsonl", "new events\n");
    rlimit saved{};
    ::getrlimit(RLIMIT_FSIZE, &saved);
    const rlimit small{4096, saved.rlim_max};
    struct sigaction ignore{}, previous{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGXFSZ, &ignore, &previous);
    ::setrlimit(RLIMIT_FSIZE, &small);
    EXPECT_THROW(folder.Write("trajectories.csv", std::string(100000, 'x')), std::runtime_error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    ::sigaction(SIGXFSZ, &previous, nullptr);
  }  // not committed: the run failed
  EXPECT_EQ(Names(run_), (std::set<std::string>{".cupola-output", "summary.json", "events.jsonl"}));
  EXPECT_EQ(Slurp(run_ / "summary.json"), "old\n");
  EXPECT_EQ(Slurp(run_ / "events.jsonl"), "old events\n");
  EXPECT_EQ(Names(dir_), std::set<std::string>{"run"});
}

TEST_F(RunFolderTest, RefusesWhatCupolaDidNotWrite) {
  auto Refused = [&](const fs::path& target) {
    const std::set<std::string> before = Names(dir_);
    EXPECT_THROW(RunFolder folder(target.string()), InputError) << target;
    EXPECT_EQ(Names(dir_), before) << "nothing created beside " << target;
  };
  fs::create_directories(dir_ / "home");
  std::ofstream(dir_ / "home" / "notes.txt") << "mine\n";
  Refused(dir_ / "home");
  Refused(dir_ / "home/");
  EXPECT_EQ(Slurp(dir_ / "home" / "notes.txt"), "mine\n");
  std::ofstream(dir_ / "file") << "a file\n";
  Refused(dir_ / "file");
  // A run folder someone added to: their file would be lost.
  WriteSet({{"summary.json", "{}\n"}});
  std::ofstream(run_ / "analysis.ipynb") << "{}\n";
  Refused(run_);
  EXPECT_TRUE(fs::exists(run_ / "analysis.ipynb"));
  fs::remove(run_ / "analysis.ipynb");
  // A link to a run folder: swapping it would replace the link.
  fs::create_directory_symlink(run_, dir_ / "link");
  Refused(dir_ / "link");
  EXPECT_THROW(RunFolder folder("/"), InputError);
}

TEST_F(RunFolderTest, AcceptsEmptyFoldersAndOutputsFromBeforeTheMarker) {
  fs::create_directories(run_);
  WriteSet({{"summary.json", "{}\n"}});
  fs::remove_all(run_);
  fs::create_directories(run_);
  std::ofstream(run_ / "summary.json") << "{\n  \"cupola_version\": \"0.1.0\"\n}\n";
  std::ofstream(run_ / "tracks.csv") << "t_s,track_id,status\n";
  std::ofstream(run_ / "events.jsonl.tmp-4242") << "half";  // a killed run's temporary
  WriteSet({{"summary.json", "new\n"}});
  EXPECT_EQ(Names(run_), (std::set<std::string>{".cupola-output", "summary.json"}));
  // A track folder from before the marker.
  fs::remove_all(run_);
  fs::create_directories(run_);
  std::ofstream(run_ / "tracks.csv") << "t_s,track_id,status,east_m\n";
  std::ofstream(run_ / "tracks.jsonl") << "";
  WriteSet({{"tracks.csv", "new\n"}});
  EXPECT_EQ(Slurp(run_ / "tracks.csv"), "new\n");
}

// What a killed run leaves -- its staging folder, or the old set after the
// swap -- is removed by the next run into the folder; a running process's
// staging folder and anything that is not a real folder of ours stay.
TEST_F(RunFolderTest, RemovesWhatDeadRunsLeft) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // now a pid that no longer runs
  const std::string dead = std::to_string(child);
  const fs::path stale = dir_ / (".run.cupola-" + dead + "-0123456789ab");
  const fs::path stale_old = dir_ / (".run.cupola-" + dead + "-0123456789ab-old");
  const fs::path running = dir_ / ".run.cupola-1-0123456789ab";  // pid 1 runs
  const fs::path other = dir_ / (".runs.cupola-" + dead + "-0123456789ab");  // another target's
  const fs::path link = dir_ / (".run.cupola-" + dead + "-abcdefabcdef");
  for (const auto& d : {stale, stale_old, running, other, dir_ / "precious"}) {
    fs::create_directories(d);
    std::ofstream(d / "summary.json") << "x";
  }
  fs::create_directory_symlink(dir_ / "precious", link);
  WriteSet({{"summary.json", "new\n"}});
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_FALSE(fs::exists(stale_old));
  EXPECT_TRUE(fs::exists(running / "summary.json"));
  EXPECT_TRUE(fs::exists(other / "summary.json"));
  EXPECT_TRUE(fs::exists(dir_ / "precious" / "summary.json"));
}

// Checked again at the swap: files someone put there during the run stay.
TEST_F(RunFolderTest, ATargetThatChangedDuringTheRunIsLeftAlone) {
  RunFolder folder(run_.string());
  folder.Write("summary.json", "new\n");
  fs::create_directories(run_);
  std::ofstream(run_ / "notes.txt") << "mine\n";
  EXPECT_THROW(folder.Commit(), std::runtime_error);
  EXPECT_EQ(Names(run_), std::set<std::string>{"notes.txt"});
}

}  // namespace
}  // namespace cupola
