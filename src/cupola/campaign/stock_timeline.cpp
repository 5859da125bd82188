#include "cupola/campaign/stock_timeline.h"

#include <algorithm>
#include <stdexcept>

namespace cupola {

std::vector<std::vector<int>> StockTimeline(const World& world, const ReplicationResult& result) {
  const auto& batteries = world.batteries();
  std::vector<std::vector<int>> stock(batteries.size(), std::vector<int>(kStockSamples, 0));
  const double duration = world.spec().duration_s;
  for (std::size_t b = 0; b < batteries.size(); ++b) {
    for (std::size_t l = 0; l < batteries[b].launchers.size(); ++l) {
      const LauncherModel& launcher = batteries[b].launchers[l];
      std::vector<double> orders;  // this launcher's, in time order
      if (result.tracking)
        for (const FireRecord& f : result.tracking->fire_orders)
          if (f.order.battery == static_cast<int>(b) && f.order.launcher == static_cast<int>(l))
            orders.push_back(f.order.t_s);
      std::sort(orders.begin(), orders.end());
      int loaded = launcher.capacity;
      double reloaded_t_s = -1.0;  // >= 0: empty, loaded again then
      std::size_t next = 0;
      for (int k = 0; k < kStockSamples; ++k) {
        const double t = duration * k / (kStockSamples - 1);
        for (;;) {  // orders and a reload up to t, in time order
          const bool reload_first = reloaded_t_s >= 0.0 && reloaded_t_s <= t &&
                                    (next == orders.size() || reloaded_t_s <= orders[next]);
          if (reload_first) {
            loaded = launcher.capacity, reloaded_t_s = -1.0;
          } else if (next < orders.size() && orders[next] <= t) {
            loaded = std::max(loaded - 1, 0);
            if (loaded == 0) reloaded_t_s = orders[next] + launcher.reload_s;
            ++next;
          } else {
            break;
          }
        }
        stock[b][k] += loaded;
      }
    }
  }
  return stock;
}

std::string EncodeStock(const std::vector<std::vector<int>>& stock) {
  std::string text;
  for (std::size_t b = 0; b < stock.size(); ++b) {
    if (b > 0) text += ';';
    for (std::size_t k = 0; k < stock[b].size(); ++k) text += (k > 0 ? "," : "") + std::to_string(stock[b][k]);
  }
  return text;
}

std::vector<std::vector<int>> DecodeStock(const std::string& text) {
  std::vector<std::vector<int>> stock;
  if (text.empty()) return stock;
  std::vector<int> battery;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',' && text[i] != ';') {
      if (text[i] < '0' || text[i] > '9') throw std::invalid_argument("stock: not a count: '" + text + "'");
      continue;
    }
    if (i == start) throw std::invalid_argument("stock: empty count in '" + text + "'");
    battery.push_back(std::stoi(text.substr(start, i - start)));
    start = i + 1;
    if (i == text.size() || text[i] == ';') {
      if (battery.size() != static_cast<std::size_t>(kStockSamples))
        throw std::invalid_argument("stock: " + std::to_string(battery.size()) + " samples, not " +
                                    std::to_string(kStockSamples));
      stock.push_back(std::move(battery));
      battery.clear();
    }
  }
  return stock;
}

}  // namespace cupola
