#include "coron/works.hpp"

namespace coron {

std::optional<std::size_t> WorksParams::find(std::string_view name) const noexcept {
  for (std::size_t k = 0; k < measures.size(); ++k)
    if (measures[k].name == name) return k;
  return std::nullopt;
}

std::optional<PackageTarget> WorksParams::target(std::string_view name) const {
  if (const auto label = index_of(label_names, name)) {
    PackageTarget t;
    t.name = std::string(name);
    t.label_max = *label;
    return t;
  }
  for (const PackageTarget& t : named_targets)
    if (t.name == name) return t;
  return std::nullopt;
}

bool WorksParams::may_let(std::uint8_t label, int year) const noexcept {
  // A ban covers its label and every worse one.
  for (const RentalBan& ban : rental_bans)
    if (year >= ban.from_year && label >= ban.label) return false;
  return true;
}

ThermalRow thermal_row(const ThermalInputs& in, std::size_t i) noexcept {
  ThermalRow row;
#define CORON_ROW_COPY(T, name, unit, spec, text) row.name = in.name[i];
  CORON_THERMAL_COLUMNS(CORON_ROW_COPY)
#undef CORON_ROW_COPY
  return row;
}

}  // namespace coron
