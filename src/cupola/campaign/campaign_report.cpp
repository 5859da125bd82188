#include "cupola/campaign/campaign_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>

#include "cupola/campaign/stock_timeline.h"

namespace cupola {

namespace {

constexpr const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
                                    "#7f7f7f"};

std::string Escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Num(double x, int decimals = 3) {
  if (std::isnan(x)) return "&ndash;";
  char text[48];
  std::snprintf(text, sizeof(text), "%.*f", std::abs(x) >= 1000 ? 0 : decimals, x);
  return text;
}

std::string Colour(std::size_t i) { return kColours[i % (sizeof(kColours) / sizeof(kColours[0]))]; }

// The estimates of every arm, one table.
std::string EstimatesTable(const CampaignReport& r) {
  std::string html = "<table><tr><th>metric</th>";
  for (const auto& arm : r.arms) html += "<th>" + Escape(arm.label) + "<br>mean [95 % interval] (n)</th>";
  html += "<th>meaning</th></tr>\n";
  for (std::size_t m = 0; m < CampaignMetrics().size(); ++m) {
    html += "<tr><td>" + std::string(CampaignMetrics()[m].name) + "</td>";
    for (const auto& arm : r.arms) {
      const ConfidenceInterval& e = arm.estimates[m].estimate;
      html += "<td>" + Num(e.mean) + (std::isnan(e.low) ? "" : " [" + Num(e.low) + ", " + Num(e.high) + "]") + " (" +
              std::to_string(e.n) + ")</td>";
    }
    html += "<td>" + Escape(CampaignMetrics()[m].meaning) + "</td></tr>\n";
  }
  return html + "</table>\n";
}

// Share of runs with each whole value of `value`, one bar group per value, one bar per arm.
std::string Histogram(const CampaignReport& r, const char* title, int (*value)(const ReplicationMetrics&)) {
  std::map<int, std::vector<double>> shares;  // value -> share of runs per arm
  for (std::size_t a = 0; a < r.arms.size(); ++a)
    for (const auto& run : r.arms[a].runs) {
      auto& s = shares[value(run)];
      s.resize(r.arms.size(), 0.0);
      s[a] += 1.0 / static_cast<double>(r.arms[a].runs.size());
    }
  if (shares.empty()) return "";
  const int lo = shares.begin()->first, hi = shares.rbegin()->first;
  double top = 0.0;
  for (auto& [v, s] : shares) s.resize(r.arms.size(), 0.0), top = std::max(top, *std::max_element(s.begin(), s.end()));
  const double width = 640, height = 220, left = 50, bottom = 30;
  const double slot = (width - left - 10) / (hi - lo + 1), bar = slot * 0.8 / static_cast<double>(r.arms.size());
  std::string svg = "<figure><figcaption>" + std::string(title) + ": share of runs</figcaption><svg width=\"" +
                    Num(width, 0) + "\" height=\"" + Num(height, 0) + "\">\n";
  const auto y = [&](double share) { return height - bottom - share / top * (height - bottom - 10); };
  for (const double tick : {0.0, top / 2, top})
    svg += "<text x=\"" + Num(left - 5, 0) + "\" y=\"" + Num(y(tick) + 4, 1) + "\" text-anchor=\"end\">" +
           Num(100 * tick, 0) + " %</text><line x1=\"" + Num(left, 0) + "\" x2=\"" + Num(width - 10, 0) + "\" y1=\"" +
           Num(y(tick), 1) + "\" y2=\"" + Num(y(tick), 1) + "\" stroke=\"#ddd\"/>\n";
  const int label_every = std::max(1, (hi - lo + 1) / 20);
  for (const auto& [v, s] : shares) {
    const double x0 = left + (v - lo) * slot + slot * 0.1;
    for (std::size_t a = 0; a < s.size(); ++a)
      if (s[a] > 0)
        svg += "<rect x=\"" + Num(x0 + static_cast<double>(a) * bar, 1) + "\" y=\"" + Num(y(s[a]), 1) + "\" width=\"" + Num(bar, 1) +
               "\" height=\"" + Num(height - bottom - y(s[a]), 1) + "\" fill=\"" + Colour(a) + "\"><title>" +
               Escape(r.arms[a].label) + ": " + std::to_string(v) + ", " + Num(100 * s[a], 1) + " %</title></rect>\n";
  }
  for (int v = lo; v <= hi; v += label_every)
    svg += "<text x=\"" + Num(left + (v - lo + 0.5) * slot, 1) + "\" y=\"" + Num(height - bottom + 15, 0) +
           "\" text-anchor=\"middle\">" + std::to_string(v) + "</text>\n";
  return svg + "</svg></figure>\n";
}

// A sweep: `metric` against the first key's values, one line per
// combination of the other keys, with its 95 % band.
std::string SweepPlot(const CampaignReport& r, std::size_t metric) {
  // Points in grid order: the first key slowest, so x = arm / series.
  std::vector<std::string> xs;
  for (const auto& arm : r.arms)
    if (!arm.point.empty() && std::find(xs.begin(), xs.end(), arm.point[0]) == xs.end()) xs.push_back(arm.point[0]);
  if (xs.size() < 2) return "";
  const std::size_t series = r.arms.size() / xs.size();
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& arm : r.arms) {
    const ConfidenceInterval& e = arm.estimates[metric].estimate;
    for (double v : {e.mean, e.low, e.high})
      if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  if (!(hi >= lo)) return "";
  if (hi == lo) hi = lo + 1;
  const double width = 640, height = 260, left = 60, right = 10, bottom = 40, top = 10;
  const auto px = [&](std::size_t i) { return left + (width - left - right) * (static_cast<double>(i) + 0.5) / static_cast<double>(xs.size()); };
  const auto py = [&](double v) { return height - bottom - (v - lo) / (hi - lo) * (height - bottom - top); };
  const char* name = CampaignMetrics()[metric].name;
  std::string svg = "<figure><figcaption>" + std::string(name) + " against " + Escape(xs[0].substr(0, xs[0].find('='))) +
                    " (mean and 95 % band)</figcaption><svg width=\"" + Num(width, 0) + "\" height=\"" +
                    Num(height, 0) + "\">\n";
  for (const double tick : {lo, (lo + hi) / 2, hi})
    svg += "<text x=\"" + Num(left - 5, 0) + "\" y=\"" + Num(py(tick) + 4, 1) + "\" text-anchor=\"end\">" + Num(tick) +
           "</text><line x1=\"" + Num(left, 0) + "\" x2=\"" + Num(width - right, 0) + "\" y1=\"" + Num(py(tick), 1) +
           "\" y2=\"" + Num(py(tick), 1) + "\" stroke=\"#ddd\"/>\n";
  for (std::size_t i = 0; i < xs.size(); ++i)
    svg += "<text x=\"" + Num(px(i), 1) + "\" y=\"" + Num(height - bottom + 16, 0) + "\" text-anchor=\"middle\">" +
           Escape(xs[i].substr(xs[i].find('=') + 1)) + "</text>\n";
  for (std::size_t s = 0; s < series; ++s) {
    std::string upper, lower, line;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const ConfidenceInterval& e = r.arms[i * series + s].estimates[metric].estimate;
      if (std::isnan(e.mean)) continue;
      const double l = std::isnan(e.low) ? e.mean : e.low, h = std::isnan(e.high) ? e.mean : e.high;
      upper += Num(px(i), 1) + "," + Num(py(h), 1) + " ";
      lower = Num(px(i), 1) + "," + Num(py(l), 1) + " " + lower;
      line += Num(px(i), 1) + "," + Num(py(e.mean), 1) + " ";
      svg += "<circle cx=\"" + Num(px(i), 1) + "\" cy=\"" + Num(py(e.mean), 1) + "\" r=\"3\" fill=\"" + Colour(s) +
             "\"><title>" + Escape(r.arms[i * series + s].label) + ": " + Num(e.mean) + " [" + Num(l) + ", " +
             Num(h) + "]</title></circle>\n";
    }
    svg += "<polygon points=\"" + upper + lower + "\" fill=\"" + Colour(s) + "\" fill-opacity=\"0.15\"/>\n";
    svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + Colour(s) + "\"/>\n";
  }
  svg += "</svg>";
  if (series > 1) {
    svg += "<div>";
    for (std::size_t s = 0; s < series; ++s) {
      const auto& point = r.arms[s].point;
      std::string label;
      for (std::size_t k = 1; k < point.size(); ++k) label += (k > 1 ? ", " : "") + point[k];
      svg += "<span style=\"color:" + Colour(s) + "\">&#9632; " + Escape(label) + "</span> ";
    }
    svg += "</div>";
  }
  return svg + "</figure>\n";
}

// The q-quantile of values (sorted in place), by the nearest rank.
double Quantile(std::vector<double>& values, double q) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// Each battery's interceptors loaded over time: per arm the mean over runs
// and a band holding the middle 90 % of runs (5th to 95th percentile).
std::string StockPlots(const CampaignReport& r) {
  std::vector<std::string> names;  // every battery of any arm, first seen first
  for (const auto& arm : r.arms)
    for (const auto& name : arm.batteries)
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  std::string html;
  for (const std::string& name : names) {
    struct Series { std::size_t arm; std::vector<double> mean, low, high; double duration_s; };
    std::vector<Series> series;
    double top = 1.0, span_s = 0.0;
    for (std::size_t a = 0; a < r.arms.size(); ++a) {
      const auto& arm = r.arms[a];
      const auto at = std::find(arm.batteries.begin(), arm.batteries.end(), name);
      if (at == arm.batteries.end() || arm.runs.empty()) continue;
      const auto b = static_cast<std::size_t>(at - arm.batteries.begin());
      Series s{a, {}, {}, {}, arm.duration_s};
      for (int k = 0; k < kStockSamples; ++k) {
        std::vector<double> values;
        for (const auto& run : arm.runs)
          if (b < run.stock.size()) values.push_back(run.stock[b][k]);
        if (values.empty()) break;
        double sum = 0.0;
        for (const double v : values) sum += v;
        s.mean.push_back(sum / static_cast<double>(values.size()));
        s.low.push_back(Quantile(values, 0.05));
        s.high.push_back(Quantile(values, 0.95));
        top = std::max(top, s.high.back());
      }
      if (s.mean.size() != static_cast<std::size_t>(kStockSamples)) continue;
      span_s = std::max(span_s, arm.duration_s);
      series.push_back(std::move(s));
    }
    if (series.empty() || span_s <= 0.0) continue;
    const double width = 640, height = 200, left = 50, right = 10, bottom = 30, up = 10;
    const auto px = [&](double t) { return left + t / span_s * (width - left - right); };
    const auto py = [&](double v) { return height - bottom - v / top * (height - bottom - up); };
    std::string svg = "<figure><figcaption>" + Escape(name) +
                      ": interceptors in its launchers (mean; band: middle 90 % of runs)</figcaption><svg width=\"" +
                      Num(width, 0) + "\" height=\"" + Num(height, 0) + "\">\n";
    for (const double tick : {0.0, top / 2, top})
      svg += "<text x=\"" + Num(left - 5, 0) + "\" y=\"" + Num(py(tick) + 4, 1) + "\" text-anchor=\"end\">" +
             Num(tick, 0) + "</text><line x1=\"" + Num(left, 0) + "\" x2=\"" + Num(width - right, 0) + "\" y1=\"" +
             Num(py(tick), 1) + "\" y2=\"" + Num(py(tick), 1) + "\" stroke=\"#ddd\"/>\n";
    for (const double t : {0.0, span_s / 2, span_s})
      svg += "<text x=\"" + Num(px(t), 1) + "\" y=\"" + Num(height - bottom + 15, 0) + "\" text-anchor=\"" +
             (t == span_s ? "end" : "middle") + "\">" + Num(t, 0) + " s</text>\n";
    for (const Series& s : series) {
      std::string upper, lower, line;
      for (int k = 0; k < kStockSamples; ++k) {
        const double t = s.duration_s * k / (kStockSamples - 1);
        upper += Num(px(t), 1) + "," + Num(py(s.high[k]), 1) + " ";
        lower = Num(px(t), 1) + "," + Num(py(s.low[k]), 1) + " " + lower;
        line += Num(px(t), 1) + "," + Num(py(s.mean[k]), 1) + " ";
      }
      svg += "<polygon points=\"" + upper + lower + "\" fill=\"" + Colour(s.arm) + "\" fill-opacity=\"0.15\"/>\n";
      svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + Colour(s.arm) + "\"><title>" +
             Escape(r.arms[s.arm].label) + ": " + Num(s.mean.front(), 1) + " at the start, " + Num(s.mean.back(), 1) +
             " at the end (mean)</title></polyline>\n";
    }
    html += svg + "</svg></figure>\n";
  }
  return html;
}

}  // namespace

std::string CampaignReportHtml(const CampaignReport& r) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>cupola campaign " + Escape(r.title) +
      "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;"
      "font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child,td:last-child{"
      "text-align:left}svg text{font-size:11px}figure{margin:1em 0}figcaption{font-weight:bold}</style></head><body>\n"
      "<h1>Campaign: " + Escape(r.title) + "</h1>\n<p>" + Escape(r.subtitle) +
      ". Means with Student t intervals; shares of runs with Wilson intervals (docs/campaigns.md).</p>\n";
  if (r.arms.size() > 1 && !r.sweep) {  // a sweep's plots have legends of their own
    html += "<p>";
    for (std::size_t a = 0; a < r.arms.size(); ++a)
      html += "<span style=\"color:" + Colour(a) + "\">&#9632;</span> " + Escape(r.arms[a].label) + "&nbsp; ";
    html += "</p>\n";
  }
  if (r.sweep)
    for (const char* name : {"hits_defended", "intercepted", "interceptors_fired", "value_lost", "magazine_empty"})
      for (std::size_t m = 0; m < CampaignMetrics().size(); ++m)
        if (std::string_view(CampaignMetrics()[m].name) == name) html += SweepPlot(r, m);
  if (r.arms.size() <= 4) {
    html += Histogram(r, "Threats that came down in a defended area", [](const ReplicationMetrics& m) { return m.hits_defended; });
    html += Histogram(r, "Interceptors fired", [](const ReplicationMetrics& m) { return m.interceptors_fired; });
    html += StockPlots(r);
  }
  html += "<h2>Estimates</h2>\n" + EstimatesTable(r);
  return html + "</body></html>\n";
}

}  // namespace cupola
