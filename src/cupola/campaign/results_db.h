// cupola/campaign/results_db.h -- a campaign's results in SQLite: one row
// per replication, one per threat outcome (schema: docs/campaigns.md).
//
// The database is the campaign's memory: records are appended in one
// transaction per batch, so a campaign stopped at any point (SIGINT,
// SIGKILL, a full disk) keeps every replication committed and loses only
// those in flight; the same command then runs what is missing. Summaries
// are always computed from the rows, in replication order, so a resumed
// campaign gives the bits of an uninterrupted one.
//
// A database belongs to one campaign: its identity (cupola version, seed,
// and each arm's scenario hash and overrides) is stored when it is made and
// checked when it is opened again; another campaign's database is refused
// with an InputError naming what differs. The connection holds an exclusive
// lock while open, so a second process writing the same database is refused
// at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cupola/campaign/replication_metrics.h"

struct sqlite3;

namespace cupola {

/// One defence (or sweep point) of a campaign.
struct ArmIdentity {
  std::string label;             // "A", "B", or the sweep point ("threats.0.count=40")
  std::string scenario_sha256;   // of the scenario file's bytes
  std::vector<std::string> overrides;  // KEY=VALUE applied to it, in order
};

struct CampaignIdentity {
  std::string cupola_version;
  std::uint64_t seed = 0;
  std::vector<ArmIdentity> arms;
};

class ResultsDb {
 public:
  /// Opens `path`, creating it with the schema if absent. InputError if it is
  /// not a cupola campaign database, belongs to another campaign, or another
  /// process has it open; std::runtime_error on I/O failure. `description`
  /// (JSON text: how to present the arms) is stored when the database is made.
  ResultsDb(const std::string& path, const CampaignIdentity& identity, const std::string& description = "{}");
  /// Opens an existing campaign database to read it, whatever its identity
  /// (InputError if it is none, or is in use).
  static CampaignIdentity ReadIdentity(const std::string& path, std::string* description = nullptr);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  /// Whether replication `index` of `arm` is stored.
  bool Has(int arm, std::uint64_t index) const;
  /// Replications stored, over all arms.
  std::size_t Count() const;
  /// Stores `records` in one transaction (all or none).
  void Append(const std::vector<ReplicationRecord>& records);
  /// The metrics of `arm`'s replications with begin <= index < end, by index.
  std::vector<ReplicationMetrics> Load(int arm, std::uint64_t begin, std::uint64_t end) const;
  /// The indices stored for `arm`, ascending.
  std::vector<std::uint64_t> Indices(int arm) const;
  /// Copies every row of the campaign database `part` into this one, in one
  /// transaction. InputError if a replication is in both (nothing is copied).
  void MergeFrom(const std::string& part);

 private:
  void Exec(const char* sql) const;
  void Exec(const std::string& sql) const { Exec(sql.c_str()); }
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace cupola
