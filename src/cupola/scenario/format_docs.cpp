#include "cupola/scenario/format_docs.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cupola/core/text.h"

namespace cupola {

namespace {

using json = nlohmann::ordered_json;

const char* const kTextPattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$";

// A default or bound as people write it: 12 significant digits (an SI round
// trip, 85 deg through radians, leaves digits no one wrote), in plain decimals
// from 1e-6 up.
std::string Plain(double x) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.12g", x);
  const double rounded = std::stod(text);
  const double magnitude = std::abs(rounded);
  const bool fixed = magnitude == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15);
  char out[64];
  const auto result =
      std::to_chars(out, out + sizeof(out), rounded, fixed ? std::chars_format::fixed : std::chars_format::scientific);
  return std::string(out, result.ptr);
}

json JsonNumber(double x) {
  const double plain = std::stod(Plain(x));
  if (plain == std::round(plain) && std::abs(plain) < 1e15) return static_cast<long long>(plain);
  return plain;
}

std::string BoundsText(const Bounds& b) {
  const bool has_lo = std::isfinite(b.lo), has_hi = std::isfinite(b.hi);
  if (has_lo && has_hi && !b.lo_open && !b.hi_open) return Plain(b.lo) + " to " + Plain(b.hi);
  std::string out;
  if (has_lo) out += std::string(b.lo_open ? "> " : ">= ") + Plain(b.lo);
  if (has_lo && has_hi) out += ", ";
  if (has_hi) out += std::string(b.hi_open ? "< " : "<= ") + Plain(b.hi);
  return out;
}

std::string Code(const std::string& text) { return "`" + text + "`"; }

// What a key accepts, as docs/scenario.md says it; `for_schema`: names and
// texts spelled out (the docs say that once, under Conventions).
std::string Accepted(const FieldInfo& f, bool for_schema = false) {
  std::string base;
  switch (f.type) {
    case FieldType::kNumber:
      base = BoundsText(f.bounds);
      break;
    case FieldType::kInteger:
      base = "integer " + BoundsText(f.bounds);
      break;
    case FieldType::kBool:
      base = "`true` or `false`";
      break;
    case FieldType::kChoice: {
      std::vector<std::string> names;
      for (const auto& c : f.choices) names.push_back(Code(c));
      base = JoinAlternatives(names);
      break;
    }
    case FieldType::kName:
    case FieldType::kText: {
      const std::size_t chars = f.type == FieldType::kName ? kMaxNameChars : kMaxTextChars;
      if (for_schema)
        base = "at most " + std::to_string(chars) + " characters, no control characters";
      else
        base = f.type == FieldType::kName ? "a name" : "text, at most " + std::to_string(chars) + " characters";
      break;
    }
    case FieldType::kMap:
    case FieldType::kList:
      break;
  }
  if (f.note.empty()) return base;
  return base.empty() ? f.note : base + "; " + f.note;
}

std::string DefaultText(const FieldInfo& f, const std::string& parent) {
  if (f.required) return parent.empty() ? "**required**" : "**required** in " + Code(parent);
  if (!f.default_text.empty()) return f.default_text;
  if (!f.default_value) return "none";
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) return Code(Plain(v));
        if constexpr (std::is_same_v<T, long long>) return Code(std::to_string(v));
        if constexpr (std::is_same_v<T, bool>) return Code(v ? "true" : "false");
        if constexpr (std::is_same_v<T, std::string>) return Code(v);
      },
      *f.default_value);
}

void AppendRows(const std::vector<FieldInfo>& fields, const std::string& parent, std::string& out) {
  for (const auto& f : fields) {
    const std::string key = parent.empty() ? f.key : parent + "." + f.key;
    const std::string accepted = Accepted(f);
    out += "| " + Code(key) + " | " + f.unit + " | " + DefaultText(f, parent) + " | " + f.doc + " |" +
           (accepted.empty() ? "" : " " + accepted) + " |\n";
    AppendRows(f.children, key, out);
  }
}

// Markdown made plain text for a JSON description.
std::string Unmarked(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`') continue;
    if (text.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string Description(const FieldInfo& f) {
  std::string doc = Unmarked(f.doc);
  if (!doc.empty()) doc[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(doc[0])));
  if (f.unit != "-" && f.type != FieldType::kMap && f.type != FieldType::kList) doc += " [" + f.unit + "]";
  const std::string accepted = Unmarked(Accepted(f, true));
  if (!accepted.empty()) doc += "; " + accepted;
  if (!f.required && !f.default_text.empty()) doc += "; default " + Unmarked(f.default_text);
  return doc + ".";
}

json Property(const FieldInfo& f) {
  json p;
  switch (f.type) {
    case FieldType::kNumber:
    case FieldType::kInteger:
      p["type"] = f.type == FieldType::kNumber ? "number" : "integer";
      if (std::isfinite(f.bounds.lo)) p[f.bounds.lo_open ? "exclusiveMinimum" : "minimum"] = JsonNumber(f.bounds.lo);
      if (std::isfinite(f.bounds.hi)) p[f.bounds.hi_open ? "exclusiveMaximum" : "maximum"] = JsonNumber(f.bounds.hi);
      break;
    case FieldType::kBool:
      p["type"] = "boolean";
      break;
    case FieldType::kChoice:
      p["type"] = "string";
      p["enum"] = f.choices;
      break;
    case FieldType::kName:
    case FieldType::kText:
      p["type"] = "string";
      p["minLength"] = 1;
      p["maxLength"] = f.type == FieldType::kName ? kMaxNameChars : kMaxTextChars;
      p["pattern"] = kTextPattern;
      break;
    case FieldType::kMap:
    case FieldType::kList:
      break;
  }
  if (f.default_value) {
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, double>)
            p["default"] = JsonNumber(v);
          else
            p["default"] = v;
        },
        *f.default_value);
  }
  p["description"] = Description(f);
  return p;
}

}  // namespace

std::string UpdateFormatDocs(const std::string& markdown, const std::vector<KeyTable>& tables, const std::string& doc) {
  std::string out = markdown;
  for (const auto& table : tables) {
    if (table.name.empty() || table.doc != doc) continue;
    const std::string start = "<!-- keys: " + table.name + " ";
    const std::string end = "<!-- end of keys: " + table.name + " -->";
    const std::size_t at = out.find(start);
    const std::size_t body = at == std::string::npos ? at : out.find('\n', at);
    const std::size_t stop = body == std::string::npos ? body : out.find(end, body);
    if (stop == std::string::npos)
      throw std::runtime_error(doc + ": no '" + start + "...-->' and '" + end + "' lines around the " + table.name +
                               " key table");
    std::string rows = "| key | unit | default | meaning | accepted |\n|---|---|---|---|---|\n";
    AppendRows(table.fields, "", rows);
    out.replace(body + 1, stop - body - 1, rows);
  }
  return out;
}

std::string UpdateFormatSchema(const std::string& schema, const std::vector<KeyTable>& tables) {
  json root = json::parse(schema);
  for (const auto& table : tables) {
    const json::json_pointer at(table.schema_at);
    if (!root.contains(at) || !root[at].is_object() || !root[at].contains("properties"))
      throw std::runtime_error("schema: no object with properties at " + table.schema_at);
    json& object = root[at];
    json properties = json::object();
    json required = json::array();
    for (const auto& f : table.fields) {
      // Maps and lists keep their hand-written structure.
      if (!f.schema_by_hand || !object["properties"].contains(f.key))
        properties[f.key] = Property(f);
      else
        properties[f.key] = object["properties"][f.key];
      if (f.required) required.push_back(f.key);
    }
    object["properties"] = properties;
    if (required.empty())
      object.erase("required");
    else
      object["required"] = required;
  }
  return root.dump(2) + "\n";
}

}  // namespace cupola
