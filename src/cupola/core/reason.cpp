#include "cupola/core/reason.h"

#include <array>
#include <cstddef>

namespace cupola {

namespace {

struct Entry {
  Reason reason;
  std::string_view code, text;
};

// Index i + 1 of the enum is entry i (kNone is 0).
#define CUPOLA_REASON_ENTRY(name, code, text) Entry{Reason::name, code, text},
constexpr std::array kEntries{CUPOLA_REASONS(CUPOLA_REASON_ENTRY)};
#undef CUPOLA_REASON_ENTRY

#define CUPOLA_REASON_VALUE(name, code, text) Reason::name,
constexpr std::array kAll{CUPOLA_REASONS(CUPOLA_REASON_VALUE)};
#undef CUPOLA_REASON_VALUE

const Entry* Find(Reason reason) {
  const auto i = static_cast<std::size_t>(reason);
  return i >= 1 && i <= kEntries.size() ? &kEntries[i - 1] : nullptr;
}

}  // namespace

std::string_view Code(Reason reason) {
  const Entry* e = Find(reason);
  return e != nullptr ? e->code : std::string_view();
}

std::string_view Text(Reason reason) {
  const Entry* e = Find(reason);
  return e != nullptr ? e->text : std::string_view();
}

std::span<const Reason> AllReasons() { return kAll; }

std::optional<Reason> ReasonFromCode(std::string_view code) {
  for (const Entry& e : kEntries)
    if (e.code == code) return e.reason;
  return std::nullopt;
}

}  // namespace cupola
