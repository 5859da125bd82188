#include "cupola/campaign/results_db.h"

#include <sqlite3.h>

#include <cerrno>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cupola/campaign/stock_timeline.h"
#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola {

namespace {

constexpr int kFormat = 3;  // schema version: bump when the tables change

constexpr const char* kSchema = R"sql(
CREATE TABLE campaign (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE arms (arm INTEGER PRIMARY KEY, label TEXT NOT NULL, scenario_sha256 TEXT NOT NULL,
                   overrides TEXT NOT NULL);
CREATE TABLE replications (
  arm INTEGER NOT NULL, idx INTEGER NOT NULL, seed TEXT NOT NULL,
  launched INTEGER NOT NULL, fell_short INTEGER NOT NULL, launch_failures INTEGER NOT NULL,
  duds INTEGER NOT NULL, engaged INTEGER NOT NULL, intercepted INTEGER NOT NULL, hits_defended INTEGER NOT NULL, value_lost REAL NOT NULL,
  interceptors_fired INTEGER NOT NULL, defence_cost_usd REAL NOT NULL, cost_exchange_ratio REAL,
  warning_min_s REAL, decisions_scored INTEGER NOT NULL, decisions_right INTEGER NOT NULL,
  magazine_empty INTEGER NOT NULL, magazine_empty_t_s REAL, stock TEXT,
  interceptors_met INTEGER NOT NULL, interceptor_kills INTEGER NOT NULL,
  PRIMARY KEY (arm, idx));
CREATE TABLE threats (
  arm INTEGER NOT NULL, idx INTEGER NOT NULL, threat_id INTEGER NOT NULL, salvo TEXT NOT NULL,
  type TEXT NOT NULL, fate TEXT NOT NULL, engaged INTEGER NOT NULL, impact_area TEXT, end_t_s REAL NOT NULL,
  PRIMARY KEY (arm, idx, threat_id));
)sql";

// What went wrong, for a message. A full disk or a file size limit reaches
// SQLite as SQLITE_FULL or, often, as a plain I/O error (its errno is not
// always kept): both say what is kept and how to go on.
std::string SqliteMessage(sqlite3* db) {
  const int code = sqlite3_errcode(db) & 0xff, system = sqlite3_system_errno(db);
  const char* go_on = "; the replications committed so far are kept: free some space and run the same command again "
                      "to continue";
  if (code == SQLITE_FULL || system == ENOSPC || system == EFBIG)
    return std::string("the disk is full (or the file size limit reached)") + go_on;
  if (code == SQLITE_IOERR)
    return std::string("SQLite: ") + sqlite3_errmsg(db) + " (is the disk full, or a file size limit reached?)" + go_on;
  return std::string("SQLite: ") + sqlite3_errmsg(db);
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw std::runtime_error(SqliteMessage(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  // Binds values from column 1; NaN becomes NULL (a value the run does not define).
  void Bind(int column, double v) {
    std::isnan(v) ? sqlite3_bind_null(stmt_, column) : sqlite3_bind_double(stmt_, column, v);
  }
  void Bind(int column, long long v) { sqlite3_bind_int64(stmt_, column, v); }
  void Bind(int column, int v) { sqlite3_bind_int(stmt_, column, v); }
  void Bind(int column, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(stmt_, column);
    else sqlite3_bind_text(stmt_, column, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  /// Steps once: true for a row, false when done; throws on error.
  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(SqliteMessage(db_));
  }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  double Real(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                             : sqlite3_column_double(stmt_, column);
  }
  int Int(int column) const { return sqlite3_column_int(stmt_, column); }
  long long Int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    return text ? reinterpret_cast<const char*>(text) : "";
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string ArmsJson(const std::vector<ArmIdentity>& arms) {
  nlohmann::json j = nlohmann::json::array();
  for (const ArmIdentity& a : arms)
    j.push_back({{"label", a.label}, {"scenario_sha256", a.scenario_sha256}, {"overrides", a.overrides}});
  return j.dump();
}

}  // namespace

void ResultsDb::Exec(const char* sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const int code = sqlite3_errcode(db_);
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      throw InputError({path_}, "results database", "in use by another process",
                       "one cupola mc per database: wait for the other to finish, or give another --out");
    if (code == SQLITE_NOTADB)
      throw InputError({path_}, "results database", "not an SQLite database",
                       "a database written by cupola mc; give another --out");
    if ((code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR)
      throw std::runtime_error(path_ + ": " + SqliteMessage(db_));
    throw std::runtime_error(path_ + ": SQLite: " + text);
  }
}

ResultsDb::ResultsDb(const std::string& path, const CampaignIdentity& identity, const std::string& description)
    : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + path + ": " + message);
  }
  try {
    // The lock is taken now and held until close: a second writer fails at
    // once (busy timeout 0) instead of interleaving with this one. WAL with
    // synchronous=NORMAL: a commit survives a killed process without an
    // fsync per batch.
    Exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    Exec("BEGIN EXCLUSIVE");
    bool has_campaign = false, has_other = false;
    {
      Statement tables(db_, "SELECT name FROM sqlite_master WHERE type = 'table'");
      while (tables.Step()) (tables.Text(0) == "campaign" ? has_campaign : has_other) = true;
    }
    const std::string arms = ArmsJson(identity.arms);
    if (!has_campaign) {
      if (has_other)
        throw InputError({path_}, "results database", "a database of something else (it has no campaign table)",
                         "a database written by cupola mc; give another --out");
      Exec(kSchema);
      Statement put(db_, "INSERT INTO campaign (key, value) VALUES (?, ?)");
      for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
               {"format", std::to_string(kFormat)},
               {"cupola_version", identity.cupola_version},
               {"seed", std::to_string(identity.seed)},
               {"arms", arms},
               {"description", description}}) {
        put.Bind(1, key), put.Bind(2, value);
        put.Step();
        put.Reset();
      }
      Statement arm(db_, "INSERT INTO arms (arm, label, scenario_sha256, overrides) VALUES (?, ?, ?, ?)");
      for (std::size_t i = 0; i < identity.arms.size(); ++i) {
        const ArmIdentity& a = identity.arms[i];
        arm.Bind(1, static_cast<int>(i)), arm.Bind(2, a.label), arm.Bind(3, a.scenario_sha256);
        arm.Bind(4, nlohmann::json(a.overrides).dump());
        arm.Step();
        arm.Reset();
      }
    } else {
      // Another campaign's results must not be mixed with these: say which part differs.
      Statement get(db_, "SELECT key, value FROM campaign");
      std::vector<std::pair<std::string, std::string>> stored;
      while (get.Step()) stored.emplace_back(get.Text(0), get.Text(1));
      const auto value_of = [&](const std::string& key) {
        for (const auto& [k, v] : stored)
          if (k == key) return v;
        return std::string("(none)");
      };
      const auto refuse = [&](const std::string& what, const std::string& theirs, const std::string& ours) {
        throw InputError({path_}, what, Quote(theirs) + " in the database, " + Quote(ours) + " in this command",
                         "the same campaign to continue it (same scenario bytes, --set, --versus, --sweep, seed and "
                         "cupola version); give another --out for a new campaign");
      };
      if (value_of("format") != std::to_string(kFormat)) refuse("format", value_of("format"), std::to_string(kFormat));
      if (value_of("seed") != std::to_string(identity.seed))
        refuse("seed", value_of("seed"), std::to_string(identity.seed));
      if (value_of("cupola_version") != identity.cupola_version)
        refuse("cupola_version", value_of("cupola_version"), identity.cupola_version);
      if (value_of("arms") != arms) {
        // The scenario hash first: the commonest cause (an edited file).
        const auto theirs = nlohmann::json::parse(value_of("arms"), nullptr, false);
        for (std::size_t i = 0; i < identity.arms.size(); ++i) {
          if (!theirs.is_array() || i >= theirs.size()) break;
          const std::string sha = theirs[i].value("scenario_sha256", "");
          if (sha != identity.arms[i].scenario_sha256)
            refuse("scenario_sha256 (" + identity.arms[i].label + ")", sha, identity.arms[i].scenario_sha256);
        }
        refuse("arms (defences, overrides and sweep points)", value_of("arms"), arms);
      }
    }
    Exec("COMMIT");
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

ResultsDb::~ResultsDb() { sqlite3_close(db_); }

bool ResultsDb::Has(int arm, std::uint64_t index) const {
  Statement s(db_, "SELECT 1 FROM replications WHERE arm = ? AND idx = ?");
  s.Bind(1, arm), s.Bind(2, static_cast<long long>(index));
  return s.Step();
}

std::size_t ResultsDb::Count() const {
  Statement s(db_, "SELECT count(*) FROM replications");
  s.Step();
  return static_cast<std::size_t>(s.Int64(0));
}

void ResultsDb::Append(const std::vector<ReplicationRecord>& records) {
  Exec("BEGIN IMMEDIATE");
  try {
    Statement rep(db_,
                  "INSERT INTO replications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement threat(db_, "INSERT INTO threats VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const ReplicationRecord& r : records) {
      const ReplicationMetrics& m = r.metrics;
      int c = 0;
      rep.Bind(++c, m.arm), rep.Bind(++c, static_cast<long long>(m.index)), rep.Bind(++c, std::to_string(m.seed));
      rep.Bind(++c, m.launched), rep.Bind(++c, m.fell_short), rep.Bind(++c, m.launch_failures);
      rep.Bind(++c, m.duds), rep.Bind(++c, m.engaged);
      rep.Bind(++c, m.intercepted), rep.Bind(++c, m.hits_defended), rep.Bind(++c, m.value_lost);
      rep.Bind(++c, m.interceptors_fired), rep.Bind(++c, m.defence_cost_usd), rep.Bind(++c, m.cost_exchange_ratio);
      rep.Bind(++c, m.warning_min_s), rep.Bind(++c, m.decisions_scored), rep.Bind(++c, m.decisions_right);
      rep.Bind(++c, m.magazine_empty ? 1 : 0), rep.Bind(++c, m.magazine_empty_t_s), rep.Bind(++c, EncodeStock(m.stock));
      rep.Bind(++c, m.interceptors_met), rep.Bind(++c, m.interceptor_kills);
      rep.Step();
      rep.Reset();
      for (const ThreatRecord& t : r.threats) {
        int k = 0;
        threat.Bind(++k, m.arm), threat.Bind(++k, static_cast<long long>(m.index)), threat.Bind(++k, t.threat_id);
        threat.Bind(++k, t.salvo), threat.Bind(++k, t.type), threat.Bind(++k, t.fate);
        threat.Bind(++k, t.engaged ? 1 : 0), threat.Bind(++k, t.impact_area), threat.Bind(++k, t.end_t_s);
        threat.Step();
        threat.Reset();
      }
    }
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw std::runtime_error(path_ + ": " + message);
  }
  Exec("COMMIT");
}

CampaignIdentity ResultsDb::ReadIdentity(const std::string& path, std::string* description) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw InputError({path}, "results database", "not readable", "a results.sqlite written by cupola mc");
  }
  CampaignIdentity identity;
  try {
    sqlite3_busy_timeout(db, 0);
    Statement get(db, "SELECT key, value FROM campaign");
    while (get.Step()) {
      const std::string key = get.Text(0), value = get.Text(1);
      if (key == "cupola_version") identity.cupola_version = value;
      if (key == "seed") identity.seed = std::stoull(value);
      if (key == "description" && description) *description = value;
      if (key == "arms")
        for (const auto& a : nlohmann::json::parse(value))
          identity.arms.push_back({a.at("label"), a.at("scenario_sha256"), a.at("overrides")});
    }
  } catch (const InputError&) {
    sqlite3_close(db);
    throw;
  } catch (const std::exception& e) {
    sqlite3_close(db);
    const bool busy = std::string(e.what()).find("locked") != std::string::npos;
    throw InputError({path}, "results database", busy ? "in use by another process" : "not a campaign database",
                     busy ? "a finished campaign part: wait for it to end" : "a results.sqlite written by cupola mc");
  }
  sqlite3_close(db);
  return identity;
}

std::vector<std::uint64_t> ResultsDb::Indices(int arm) const {
  Statement s(db_, "SELECT idx FROM replications WHERE arm = ? ORDER BY idx");
  s.Bind(1, arm);
  std::vector<std::uint64_t> out;
  while (s.Step()) out.push_back(static_cast<std::uint64_t>(s.Int64(0)));
  return out;
}

void ResultsDb::MergeFrom(const std::string& part, bool skip_stored) {
  {
    Statement attach(db_, "ATTACH DATABASE ? AS part");
    attach.Bind(1, part);
    attach.Step();
  }
  try {
    {
      Statement clash(db_, "SELECT r.arm, r.idx FROM replications r JOIN part.replications p USING (arm, idx) LIMIT 1");
      if (!skip_stored && clash.Step())
        throw InputError({part}, "replication " + std::to_string(clash.Int64(1)) + " (arm " +
                                     std::to_string(clash.Int(0)) + ")",
                         "in this part and in an earlier one", "parts of disjoint --replications ranges");
    }
    Exec("BEGIN IMMEDIATE");
    try {
      Exec(skip_stored ? "INSERT OR IGNORE INTO replications SELECT * FROM part.replications; "
                         "INSERT OR IGNORE INTO threats SELECT * FROM part.threats;"
                       : "INSERT INTO replications SELECT * FROM part.replications; "
                         "INSERT INTO threats SELECT * FROM part.threats;");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    Exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "DETACH DATABASE part", nullptr, nullptr, nullptr);
    throw;
  }
  Exec("DETACH DATABASE part");
}

std::vector<ReplicationMetrics> ResultsDb::Load(int arm, std::uint64_t begin, std::uint64_t end) const {
  Statement s(db_,
              "SELECT arm, idx, seed, launched, fell_short, launch_failures, duds, engaged, intercepted, hits_defended, value_lost, "
              "interceptors_fired, defence_cost_usd, cost_exchange_ratio, warning_min_s, decisions_scored, "
              "decisions_right, magazine_empty, magazine_empty_t_s, stock, interceptors_met, interceptor_kills FROM replications WHERE arm = ? AND idx >= ? "
              "AND idx < ? ORDER BY idx");
  s.Bind(1, arm), s.Bind(2, static_cast<long long>(begin)), s.Bind(3, static_cast<long long>(end));
  std::vector<ReplicationMetrics> out;
  while (s.Step()) {
    ReplicationMetrics m;
    int c = 0;
    m.arm = s.Int(c++);
    m.index = static_cast<std::uint64_t>(s.Int64(c++));
    m.seed = std::stoull(s.Text(c++));
    m.launched = s.Int(c++), m.fell_short = s.Int(c++), m.launch_failures = s.Int(c++);
    m.duds = s.Int(c++), m.engaged = s.Int(c++);
    m.intercepted = s.Int(c++), m.hits_defended = s.Int(c++), m.value_lost = s.Real(c++);
    m.interceptors_fired = s.Int(c++), m.defence_cost_usd = s.Real(c++), m.cost_exchange_ratio = s.Real(c++);
    m.warning_min_s = s.Real(c++), m.decisions_scored = s.Int(c++), m.decisions_right = s.Int(c++);
    m.magazine_empty = s.Int(c++) != 0, m.magazine_empty_t_s = s.Real(c++);
    m.stock = DecodeStock(s.Text(c++));
    m.interceptors_met = s.Int(c++), m.interceptor_kills = s.Int(c++);
    out.push_back(m);
  }
  return out;
}

}  // namespace cupola
