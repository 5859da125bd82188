#include "cupola/scenario/overrides.h"

#include <algorithm>
#include <charconv>

#include "cupola/core/text.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {

namespace {

// Names listed in a message at most (a list may hold 10,000 items).
constexpr std::size_t kMaxNamesListed = 20;

const char* const kExpectedArgument =
    "KEY=VALUE: a scenario key's dotted path as docs/scenario.md names it and a YAML value, "
    "e.g. threats.0.count=40";

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

std::string Child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

YAML::Node ParseValue(const ScenarioOverride& o) {
  CheckYamlSize(o.value, o.Where().file);
  try {
    return YAML::Load(o.value);
  } catch (const YAML::ParserException& e) {
    throw InputError(o.Where(), Escaped(o.path),
                     "a YAML syntax error in " + Quote(o.value) + " (" + Escaped(e.msg) + ")",
                     "a YAML value: a number, a text, [a, list] or {a: map} (quote the whole argument for the shell)");
  }
}

// The index of the item of `list` (at the loader's `path`) that `part` names:
// a decimal index, or the value of the item's `name` key.
std::size_t ItemIndex(const YAML::Node& list, const std::string& part, const std::string& path,
                      const ScenarioOverride& o) {
  const std::size_t n = list.size();
  const std::string indices =
      n == 0   ? std::string("an item, but the list is empty: set the whole list instead (") + path + "=[...])"
      : n == 1 ? std::string("the index 0")
               : "an index from 0 to " + std::to_string(n - 1);
  if (std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), index);
    if (error == std::errc() && end == part.data() + part.size() && index < n) return index;
    throw InputError(o.Where(), path, "item " + Escaped(part) + " of a list of " + std::to_string(n), indices);
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n; ++i) {
    // An absent key is an invalid node, which throws when asked its type.
    const YAML::Node name = list[i].IsMap() ? list[i]["name"] : YAML::Node();
    if (!name.IsDefined() || !name.IsScalar()) continue;
    if (name.Scalar() == part) return i;
    names.push_back(name.Scalar());
  }
  throw InputError(o.Where(), path, Quote(part) + " (no item has this name)",
                   DidYouMeanPrefix(part, names) + indices +
                       (names.empty() ? std::string(" (no item has a name)")
                                      : ", or an item's name: " + JoinAlternatives(names, ", ", kMaxNamesListed)));
}

// Applies one override; returns the loader's path of the part of the tree it made its own.
std::string ApplyOne(YAML::Node& root, const ScenarioOverride& o) {
  const YAML::Node value = ParseValue(o);
  const std::vector<std::string> parts = SplitPath(o.path);
  // `node` walks down the tree: reset() moves it, where `=` would assign
  // through it into the tree.
  YAML::Node node;
  node.reset(root);
  std::string path;  // the loader's path of `node`: threats[0].aim_point
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (node.IsSequence()) {
      const std::size_t index = ItemIndex(node, part, path, o);
      path += "[" + std::to_string(index) + "]";
      if (last) {
        node[index] = value;
        return path;
      }
      const YAML::Node item = node[index];
      node.reset(item);
      continue;
    }
    if (!node.IsMap()) throw InputError(o.Where(), path, Describe(node), "a map or a list to hold " + Quote(part));
    // A const lookup leaves no empty entry behind.
    const YAML::Node existing = static_cast<const YAML::Node&>(node)[part];
    path = Child(path, part);
    if (!existing.IsDefined() || existing.IsNull()) {
      // The rest of the path is new: nested maps around the value. The
      // loader then checks it like any key (an unknown one gets its did-you-mean).
      YAML::Node made = value;
      for (std::size_t j = parts.size() - 1; j > i; --j) {
        YAML::Node map(YAML::NodeType::Map);
        map[parts[j]] = made;
        made.reset(map);
      }
      node[part] = made;
      return path;
    }
    if (last) {
      node[part] = value;
      return path;
    }
    node.reset(existing);
  }
  return path;  // not reached: a path has at least one part
}

// Whether the loader's `key` is `owned` or inside it.
bool Holds(const std::string& owned, const std::string& key) {
  if (key.compare(0, owned.size(), owned) != 0) return false;
  return key.size() == owned.size() || key[owned.size()] == '.' || key[owned.size()] == '[';
}

}  // namespace

SourceLocation ScenarioOverride::Where() const { return {"--set " + Escaped(argument)}; }

ScenarioOverride ParseOverride(const std::string& argument) {
  ScenarioOverride o;
  o.argument = argument;
  const std::size_t eq = argument.find('=');
  if (eq == std::string::npos) throw InputError(o.Where(), "", "no '='", kExpectedArgument);
  o.path = argument.substr(0, eq);
  o.value = argument.substr(eq + 1);
  for (const std::string& part : SplitPath(o.path))
    if (part.empty())
      throw InputError(o.Where(), "", "the key " + Quote(o.path) + " with an empty part", kExpectedArgument);
  return o;
}

std::vector<std::string> ApplyOverrides(YAML::Node& root, const std::vector<ScenarioOverride>& overrides) {
  std::vector<std::string> owned;
  for (const ScenarioOverride& o : overrides) owned.push_back(ApplyOne(root, o));
  return owned;
}

InputError AttributeToOverride(const InputError& error, const std::vector<ScenarioOverride>& overrides,
                               const std::vector<std::string>& owned_paths) {
  // The last override wins: it may have replaced what an earlier one set.
  for (std::size_t i = std::min(overrides.size(), owned_paths.size()); i-- > 0;)
    if (Holds(owned_paths[i], error.key()))
      return InputError(overrides[i].Where(), error.key(), error.value(), error.expected());
  return error;
}

}  // namespace cupola
