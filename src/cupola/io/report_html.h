// cupola/io/report_html.h -- report.html: the web report template with a run's data in it.
//
// The template (built from web/report by `npm run build`; docs/report.md) is
// one self-contained HTML file holding every script and style, and the text
// "__CUPOLA_REPORT_DATA__" (with its quotes) in a JSON script element. The
// report is that file with the marker replaced by the report data, so it
// opens offline and can be mailed as one file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cupola {

inline constexpr const char* kReportDataMarker = "\"__CUPOLA_REPORT_DATA__\"";

/// True if `text` holds the data marker exactly once (a usable template).
bool IsReportTemplate(const std::string& text);

/// The report; throws std::runtime_error if the template does not hold the
/// marker exactly once (a broken build of the web assets).
std::string ReportHtml(const std::string& report_template, const nlohmann::ordered_json& report_data);

}  // namespace cupola
