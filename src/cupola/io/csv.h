// cupola/io/csv.h -- text fields of CSV files, quoted per RFC 4180.
//
// Numbers never need quoting; names do: a threat type called
// `rocket, improvised` must stay one column in pandas, Python's csv or a
// spreadsheet. A field holding a comma, a double quote, CR or LF is wrapped
// in double quotes, with each double quote inside doubled.
#pragma once

#include <string>
#include <string_view>

namespace cupola {

/// `text` as one CSV field (quoted only when it must be).
inline std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace cupola
