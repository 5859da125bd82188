// cupola/scenario/limits.h -- the largest scenario the loader accepts.
//
// Every number that multiplies the work of a run has a bound far above any
// real scenario (docs/scenario.md, "Limits", gives each with its reason), so
// a few bytes of YAML cannot ask for gigabytes or days: 1e9 false alarms per
// scan, a radar that scans every nanosecond, a 200,000-vertex polygon. The
// loader reports a value beyond a bound like any other bad value, at its
// file, line and column.
#pragma once

#include <cstddef>

namespace cupola {

// Lists.
inline constexpr std::size_t kMaxPolygonVertices = 10'000;        // per polygon
inline constexpr std::size_t kMaxTotalPolygonVertices = 100'000;  // all areas and zones: each impact prediction tests them
inline constexpr std::size_t kMaxAreas = 10'000;                  // defended areas; alert zones as many
inline constexpr std::size_t kMaxThreatTypes = 1'000;
inline constexpr std::size_t kMaxSalvos = 10'000;
inline constexpr std::size_t kMaxRadars = 100;
inline constexpr std::size_t kMaxBatteries = 100;
inline constexpr std::size_t kMaxLaunchers = 100;                 // per battery
inline constexpr std::size_t kMaxLinks = 10'000;
inline constexpr std::size_t kMaxLinkOutages = 1'000;            // per link
inline constexpr std::size_t kMaxWaypoints = 1'000;               // per salvo
inline constexpr std::size_t kMaxDragRows = 1'000;

// Counts and rates.
inline constexpr long long kMaxThreats = 100'000;        // in all salvos together (10,000+ is a real raid)
inline constexpr double kMinRevisit_s = 0.01;            // 100 scans a second
inline constexpr double kMaxFalseAlarmsPerScan = 1'000;  // heavy clutter is tens
inline constexpr double kMaxScans = 1'000'000;           // duration_s / revisit_s, summed over radars
inline constexpr double kMaxFalseAlarms = 10'000'000;    // scans x false_alarms_per_scan, summed over radars
// Upper bounds of the work of flying the threats, as if every flight lasted
// from its launch to duration_s (real flights are shorter).
inline constexpr double kMaxFlightSteps = 5e8;      // count x (duration_s - start_s) / step, over salvos
inline constexpr double kMaxTrajectoryRows = 1e8;   // count x (duration_s - start_s) / trajectory_sample_s

}  // namespace cupola
