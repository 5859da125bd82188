#include "cupola/io/run_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

#include "cupola/core/error.h"
#include "cupola/io/atomic_file.h"

namespace cupola {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarkerHeader =
    "# A cupola output folder: written whole by one cupola run and replaced whole by the\n"
    "# next run into it (docs/outputs.md). Its files:\n";

// What cupola wrote into run and track folders before the marker existed.
const std::set<std::string> kNamesBeforeMarker = {
    "summary.json", "events.jsonl", "trajectories.csv", "impacts.geojson", "replay.czml",
    "report.html",  "tracks.csv",   "tracks.jsonl",     "detections.csv",  "predictions.geojson"};

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<file>.tmp-<pid>": a temporary an earlier cupola left behind when killed.
bool IsOldTemporary(const std::string& name) {
  const std::size_t at = name.rfind(".tmp-");
  return at != std::string::npos && at > 0 && AllDigits(std::string_view(name).substr(at + 5));
}

bool IsRegularFile(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() == fs::file_type::regular;
}

// The first `limit` bytes of a regular file, or "".
std::string Head(const fs::path& path, std::size_t limit) {
  if (!IsRegularFile(path)) return "";
  std::ifstream in(path, std::ios::binary);
  std::string text(limit, '\0');
  in.read(text.data(), static_cast<std::streamsize>(limit));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// The files a cupola output folder may hold: those its marker lists, or for a
// folder from before the marker, the names cupola wrote then. Empty when the
// folder is not a cupola output.
std::set<std::string> CupolaFiles(const fs::path& folder) {
  if (IsRegularFile(folder / kOutputMarker)) {
    std::set<std::string> names = {kOutputMarker};
    std::ifstream in(folder / kOutputMarker);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') names.insert(line);
    return names;
  }
  const bool ours = Head(folder / "summary.json", 4096).find("\"cupola_version\"") != std::string::npos ||
                    Head(folder / "tracks.csv", 64).starts_with("t_s,track_id,status,");
  return ours ? kNamesBeforeMarker : std::set<std::string>{};
}

// Why `target` may not be replaced by a run's folder; "" when it may.
std::string WhyNotReplaceable(const fs::path& target) {
  struct stat st{};
  if (::lstat(target.c_str(), &st) != 0)
    return errno == ENOENT ? "" : std::string("a path that cannot be examined (") + std::strerror(errno) + ")";
  if (S_ISLNK(st.st_mode)) return "a symbolic link (give the folder it points to)";
  if (!S_ISDIR(st.st_mode)) return "a file, not a folder";
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target, ec)) names.push_back(entry.path().filename().string());
  if (ec) return "a folder that cannot be read (" + ec.message() + ")";
  if (names.empty()) return "";
  const std::set<std::string> allowed = CupolaFiles(target);
  if (allowed.empty()) return "a folder that is not a cupola output (it has no " + std::string(kOutputMarker) + ")";
  std::vector<std::string> foreign;
  for (const auto& name : names)
    if (!allowed.count(name) && !IsOldTemporary(name)) foreign.push_back(name);
  if (foreign.empty()) return "";
  std::sort(foreign.begin(), foreign.end());
  std::string list;
  for (std::size_t i = 0; i < foreign.size() && i < 3; ++i) list += (i ? ", " : "") + foreign[i];
  if (foreign.size() > 3) list += " and " + std::to_string(foreign.size() - 3) + " more";
  return "a cupola output folder that also holds what cupola did not write (" + list + ")";
}

// Flushes a folder's entries to disk (best effort: some filesystems refuse).
void SyncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes staging folders "<prefix><pid>-<random>[-old]" of processes that no
// longer run: what a killed run into the same target left. Only our own
// real folders (never what a link points to), never a running process's.
void RemoveStaleStaging(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == std::string::npos || !AllDigits(rest.substr(0, dash))) continue;
    const std::string suffix = rest.substr(dash + 1);
    if (suffix.size() != 12 && !(suffix.size() == 16 && suffix.ends_with("-old"))) continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    struct stat st{};
    if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) continue;
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

[[noreturn]] void Fail(const std::string& what, int error) {
  throw std::runtime_error(what + ": " + std::strerror(error));
}

}  // namespace

bool IsSafeFolderName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name[0] == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

RunFolder::RunFolder(const std::string& target) : display_(target) {
  target_ = fs::absolute(target).lexically_normal();
  if (!target_.has_filename()) target_ = target_.parent_path();  // "out/x/" is out/x
  const std::string why = target_.has_filename() ? WhyNotReplaceable(target_) : "the root folder";
  if (!why.empty())
    throw InputError({display_}, "", why,
                     "a new or empty folder, or the output folder of an earlier cupola run (nothing was changed)");
  const fs::path parent = target_.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw std::runtime_error("cannot create the folder " + parent.string() + " for " + display_ + ": " + ec.message());
  const std::string prefix = "." + target_.filename().string().substr(0, 200) + ".cupola-";
  RemoveStaleStaging(parent, prefix);
  // mkdir is exclusive like mkdtemp (it never follows or reuses an existing
  // name) and gives the folder the umask's mode, the one it keeps once swapped in.
  for (int attempt = 0;; ++attempt) {
    staging_ = parent / (prefix + std::to_string(::getpid()) + "-" + RandomSuffix());
    if (::mkdir(staging_.c_str(), 0777) == 0) break;
    if (errno != EEXIST || attempt == 10)
      Fail("cannot create a folder in " + parent.string() + " for " + display_, errno);
  }
}

RunFolder::~RunFolder() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void RunFolder::Write(const std::string& name, std::string_view content) {
  CUPOLA_CHECK(!committed_, "the run folder is already committed");
  CUPOLA_CHECK(!name.empty() && name[0] != '.' && name.find('/') == std::string::npos, "not a plain file name: " + name);
  CUPOLA_CHECK(std::find(files_.begin(), files_.end(), name) == files_.end(), name + " written twice");
  WriteNewFile((staging_ / name).string(), content);
  files_.push_back(name);
}

void RunFolder::Commit() {
  CUPOLA_CHECK(!committed_, "the run folder is already committed");
  std::string marker = kMarkerHeader;
  for (const auto& name : files_) marker += name + "\n";
  WriteNewFile((staging_ / kOutputMarker).string(), marker);
  SyncFolder(staging_);
  // The target was checked before the run; it may have changed since.
  if (const std::string why = WhyNotReplaceable(target_); !why.empty())
    throw std::runtime_error(display_ + " became " + why + " during the run; the run's files were not written");
  struct stat st{};
  if (::lstat(target_.c_str(), &st) != 0) {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) Fail("cannot rename " + staging_.string() + " to " + display_, errno);
    committed_ = true;
  } else {
    fs::path old = staging_;
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) Fail("cannot swap " + staging_.string() + " with " + display_, errno);
      // A filesystem without the exchange (some network and FUSE ones): move
      // the old set aside first; the folder is absent for that moment.
      old = staging_.string() + "-old";
      if (std::rename(target_.c_str(), old.c_str()) != 0) Fail("cannot move " + display_ + " aside", errno);
      if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
        const int error = errno;
        std::rename(old.c_str(), target_.c_str());
        Fail("cannot rename " + staging_.string() + " to " + display_, error);
      }
    }
    committed_ = true;
    // What remains here is the previous set; if it cannot be removed now, the
    // next run into the folder removes it.
    std::error_code ignored;
    fs::remove_all(old, ignored);
  }
  SyncFolder(target_.parent_path());
}

}  // namespace cupola
