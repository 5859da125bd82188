// cupola/campaign/stock_timeline.h -- each battery's interceptors in its
// launchers over a run, at a few fixed times, as a campaign keeps them.
//
// Replayed from the run's fire orders with the battle manager's own rule
// (engagement/battle_manager.cpp): a launcher loses one interceptor per
// order and, once empty, is loaded again reload_s after its last order.
#pragma once

#include <string>
#include <vector>

#include "cupola/sim/replication.h"
#include "cupola/sim/world.h"

namespace cupola {

/// Samples per run: t_k = k x duration_s / (kStockSamples - 1).
constexpr int kStockSamples = 49;

/// [battery][k]: interceptors loaded at t_k (none without batteries).
std::vector<std::vector<int>> StockTimeline(const World& world, const ReplicationResult& result);

/// As one text column: batteries separated by ';', samples by ',' ("20,20,18;8,8,8").
std::string EncodeStock(const std::vector<std::vector<int>>& stock);
/// The inverse of EncodeStock (empty text: no batteries). Throws
/// std::invalid_argument on text it did not write.
std::vector<std::vector<int>> DecodeStock(const std::string& text);

}  // namespace cupola
