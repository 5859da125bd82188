// cupola/scenario/field.h -- a scenario key declared once: name, unit, default, bounds, doc.
//
// A section of the scenario (a radar, a battery, physics, ...) is a table of
// Field<Spec>, one per key, in the order the section lists its keys. From
// that one table:
//   - ReadFields() reads and checks the plain keys into the spec struct, with
//     yaml_reader.h's messages, and FieldKeys() gives the keys a map may hold;
//   - format_docs.h writes the key tables of docs/scenario.md and the
//     properties of schemas/scenario.schema.json (a test keeps both current).
// A key's default is the spec struct's own member initializer (spec.h): the
// docs and schema read it from a default-made struct, so defaults live in
// one place. Keys whose checks depend on other values (a bound set by
// another key, a name that refers to another entry) are declared here for the
// docs and read by hand in the loader: they have no setter.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cupola/core/units.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {

enum class FieldType { kNumber, kInteger, kBool, kChoice, kName, kText, kMap, kList };

/// A value in the file's unit: number, integer, bool, or text (a name, or a choice's name).
using FieldValue = std::variant<double, long long, bool, std::string>;

/// From the file's unit (in the key's name) to SI, and back for the docs.
struct Scale {
  double (*to_si)(double);
  double (*from_si)(double);
};
inline constexpr Scale kAsIs{[](double x) { return x; }, [](double x) { return x; }};
inline constexpr Scale kKm{[](double km) { return KmToM(km); }, [](double m) { return m / 1000.0; }};
inline constexpr Scale kDeg{[](double deg) { return DegToRad(deg); }, [](double rad) { return RadToDeg(rad); }};
inline constexpr Scale kMrad{[](double mrad) { return mrad / 1000.0; }, [](double rad) { return rad * 1000.0; }};
inline constexpr Scale kKilo{[](double k) { return k * 1e3; }, [](double x) { return x / 1e3; }};
inline constexpr Scale kGiga{[](double g) { return g * 1e9; }, [](double x) { return x / 1e9; }};
inline constexpr Scale kMicro{[](double u) { return u * 1e-6; }, [](double x) { return x / 1e-6; }};

/// What the docs and the schema need of a key, whatever its section's struct.
struct FieldInfo {
  std::string key;
  std::string unit;  // as the docs show it: "s", "km", "probability", "-", "map"
  FieldType type = FieldType::kNumber;
  std::string doc;                   // one line: what the key means
  Bounds bounds;                     // kNumber: in the file's unit; kInteger: [lo, hi]
  std::vector<std::string> choices;  // kChoice: the names, in the enum's order
  bool required = false;
  std::string default_text;                 // the docs' default when it is not a plain value ("the file name")
  std::optional<FieldValue> default_value;  // the struct's, in the file's unit (set by Describe)
  std::string note;                 // what the bounds cannot say ("more than min_range_km"), appended to "accepted"
  std::vector<FieldInfo> children;  // kMap: its keys, documented under "key.child"
  bool schema_by_hand = false;      // the schema keeps its hand-written property (maps, lists, seed)
};

template <class Spec>
struct Field : FieldInfo {
  std::function<std::optional<FieldValue>(const Spec&)> get;  // in the file's unit; nullopt: none
  std::function<void(Spec&, const FieldValue&)> set;          // empty: read by hand in the loader

  Field Required() && {
    required = true;
    return std::move(*this);
  }
  Field Default(const std::string& text) && {
    default_text = text;
    return std::move(*this);
  }
  Field Note(const std::string& text) && {
    note = text;
    return std::move(*this);
  }
  Field Children(const std::vector<FieldInfo>& keys) && {
    children = keys;
    return std::move(*this);
  }
  /// Declared for the docs, read by hand (its check depends on other values).
  Field ByHand() && {
    set = nullptr;
    return std::move(*this);
  }
  /// The schema's property for it is written by hand (what the table cannot say).
  Field SchemaByHand() && {
    schema_by_hand = true;
    return std::move(*this);
  }
};

namespace field_detail {
template <class Spec>
Field<Spec> Make(const std::string& key, const std::string& unit, FieldType type, const std::string& doc) {
  Field<Spec> f;
  f.key = key;
  f.unit = unit;
  f.type = type;
  f.doc = doc;
  return f;
}
}  // namespace field_detail

/// A number in `bounds` (file unit), stored as SI by `scale`.
template <class Spec>
Field<Spec> NumberField(const std::string& key, const std::string& unit, double Spec::*member, Bounds bounds,
                        const std::string& doc, Scale scale = kAsIs) {
  auto f = field_detail::Make<Spec>(key, unit, FieldType::kNumber, doc);
  f.bounds = bounds;
  f.get = [member, scale](const Spec& s) -> std::optional<FieldValue> { return scale.from_si(s.*member); };
  f.set = [member, scale](Spec& s, const FieldValue& v) { s.*member = scale.to_si(std::get<double>(v)); };
  return f;
}

/// A number that is absent unless given (its default is someone else's: `default_text`).
template <class Spec>
Field<Spec> OptionalNumberField(const std::string& key, const std::string& unit, std::optional<double> Spec::*member,
                                Bounds bounds, const std::string& doc, const std::string& default_text,
                                Scale scale = kAsIs) {
  auto f = field_detail::Make<Spec>(key, unit, FieldType::kNumber, doc);
  f.bounds = bounds;
  f.default_text = default_text;
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  f.set = [member, scale](Spec& s, const FieldValue& v) { s.*member = scale.to_si(std::get<double>(v)); };
  return f;
}

template <class Spec>
Field<Spec> IntegerField(const std::string& key, const std::string& unit, int Spec::*member, long long lo, long long hi,
                         const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, unit, FieldType::kInteger, doc);
  f.bounds = Bounds::Closed(static_cast<double>(lo), static_cast<double>(hi));
  f.get = [member](const Spec& s) -> std::optional<FieldValue> { return static_cast<long long>(s.*member); };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = static_cast<int>(std::get<long long>(v)); };
  return f;
}

/// An integer that is absent unless given (its default is someone else's: `default_text`).
template <class Spec>
Field<Spec> OptionalIntegerField(const std::string& key, const std::string& unit, std::optional<int> Spec::*member,
                                 long long lo, long long hi, const std::string& doc, const std::string& default_text) {
  auto f = field_detail::Make<Spec>(key, unit, FieldType::kInteger, doc);
  f.bounds = Bounds::Closed(static_cast<double>(lo), static_cast<double>(hi));
  f.default_text = default_text;
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = static_cast<int>(std::get<long long>(v)); };
  return f;
}

template <class Spec>
Field<Spec> BoolField(const std::string& key, bool Spec::*member, const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kBool, doc);
  f.get = [member](const Spec& s) -> std::optional<FieldValue> { return s.*member; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = std::get<bool>(v); };
  return f;
}

template <class Spec>
Field<Spec> OptionalBoolField(const std::string& key, std::optional<bool> Spec::*member, const std::string& doc,
                              const std::string& default_text) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kBool, doc);
  f.default_text = default_text;
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = std::get<bool>(v); };
  return f;
}

/// One of `names`, stored as the enum value of the same position.
template <class Spec, class Enum>
Field<Spec> ChoiceField(const std::string& key, Enum Spec::*member, const std::vector<std::string>& names,
                        const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kChoice, doc);
  f.choices = names;
  f.get = [member, names](const Spec& s) -> std::optional<FieldValue> {
    return names.at(static_cast<std::size_t>(s.*member));
  };
  f.set = [member, names](Spec& s, const FieldValue& v) {
    const auto at = std::find(names.begin(), names.end(), std::get<std::string>(v));
    s.*member = static_cast<Enum>(at - names.begin());
  };
  return f;
}

template <class Spec, class Enum>
Field<Spec> OptionalChoiceField(const std::string& key, std::optional<Enum> Spec::*member,
                                const std::vector<std::string>& names, const std::string& doc,
                                const std::string& default_text) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kChoice, doc);
  f.choices = names;
  f.default_text = default_text;
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  f.set = [member, names](Spec& s, const FieldValue& v) {
    const auto at = std::find(names.begin(), names.end(), std::get<std::string>(v));
    s.*member = static_cast<Enum>(at - names.begin());
  };
  return f;
}

/// One of `names` (a catalog's, say), stored as text.
template <class Spec>
Field<Spec> TextChoiceField(const std::string& key, std::string Spec::*member, const std::vector<std::string>& names,
                            const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kChoice, doc);
  f.choices = names;
  f.get = [member](const Spec& s) -> std::optional<FieldValue> { return s.*member; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = std::get<std::string>(v); };
  return f;
}

/// A name (1 to kMaxNameChars characters).
template <class Spec>
Field<Spec> NameField(const std::string& key, std::string Spec::*member, const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kName, doc);
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = std::get<std::string>(v); };
  return f;
}

/// Text of at most kMaxTextChars characters.
template <class Spec>
Field<Spec> TextField(const std::string& key, std::string Spec::*member, const std::string& doc) {
  auto f = field_detail::Make<Spec>(key, "-", FieldType::kText, doc);
  f.get = [member](const Spec& s) -> std::optional<FieldValue> { return s.*member; };
  f.set = [member](Spec& s, const FieldValue& v) { s.*member = std::get<std::string>(v); };
  return f;
}

/// A map or list key, read by hand; declared for the key list, docs and schema.
template <class Spec>
Field<Spec> SectionField(const std::string& key, const std::string& unit, const std::string& doc,
                         const std::string& default_text = "") {
  auto f = field_detail::Make<Spec>(key, unit, unit == "list" ? FieldType::kList : FieldType::kMap, doc);
  f.default_text = default_text;
  f.schema_by_hand = true;
  f.get = [](const Spec&) -> std::optional<FieldValue> { return std::nullopt; };
  return f;
}

/// The keys a section's map may hold, in the table's order (the order messages list them in).
template <class Spec>
std::vector<std::string> FieldKeys(const std::vector<Field<Spec>>& fields) {
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

/// Reads every key of `fields` that has a setter and is present (or
/// required: then its absence is the error), in the table's order.
template <class Spec>
void ReadFields(const MapReader& r, const std::vector<Field<Spec>>& fields, Spec& spec) {
  for (const auto& f : fields) {
    if (!f.set || (!f.required && !r.Has(f.key))) continue;
    switch (f.type) {
      case FieldType::kNumber:
        f.set(spec, r.Number(f.key, f.bounds));
        break;
      case FieldType::kInteger:
        f.set(spec, r.Integer(f.key, static_cast<long long>(f.bounds.lo), static_cast<long long>(f.bounds.hi)));
        break;
      case FieldType::kBool:
        f.set(spec, r.Bool(f.key));
        break;
      case FieldType::kChoice:
        f.set(spec, r.Choice(f.key, f.choices));
        break;
      case FieldType::kName:
        f.set(spec, r.Name(f.key));
        break;
      case FieldType::kText:
        f.set(spec, r.String(f.key));
        break;
      case FieldType::kMap:
      case FieldType::kList:
        break;
    }
  }
}

/// The docs' and schema's view of `fields`, with each default read from a default-made Spec.
template <class Spec>
std::vector<FieldInfo> Describe(const std::vector<Field<Spec>>& fields) {
  const Spec defaults{};
  std::vector<FieldInfo> out;
  for (const auto& f : fields) {
    FieldInfo info = f;
    if (!f.required && f.default_text.empty()) info.default_value = f.get(defaults);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace cupola
