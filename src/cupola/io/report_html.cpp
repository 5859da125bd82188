#include "cupola/io/report_html.h"

#include <stdexcept>
#include <string_view>

namespace cupola {

bool IsReportTemplate(const std::string& text) {
  const std::size_t at = text.find(kReportDataMarker);
  return at != std::string::npos && text.find(kReportDataMarker, at + 1) == std::string::npos;
}

std::string ReportHtml(const std::string& report_template, const nlohmann::ordered_json& report_data) {
  const std::string_view marker = kReportDataMarker;
  const std::size_t at = report_template.find(marker);
  if (!IsReportTemplate(report_template))
    throw std::runtime_error("the report template must hold " + std::string(marker) +
                             " exactly once (rebuild it: cd web && npm ci && npm run build)");
  // Inside a <script> element the text "</script" would end it: JSON may
  // write '<' as \u003c, and then no tag can appear in the data at all.
  std::string data;
  for (const char c : report_data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) {
    if (c == '<') data += "\\u003c";
    else data += c;
  }
  std::string html;
  html.reserve(report_template.size() + data.size());
  html.append(report_template, 0, at).append(data).append(report_template, at + marker.size());
  return html;
}

}  // namespace cupola
