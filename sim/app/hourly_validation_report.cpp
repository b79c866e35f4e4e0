#include "app/hourly_validation_report.hpp"

#include <fmt/core.h>

#include <cmath>

namespace coron::app {

namespace {

/// A ratio to 3 decimals, "-" when undefined (no dwelling with a monthly need).
std::string ratio_text(double r) { return std::isfinite(r) ? fmt::format("{:.3f}", r) : "-"; }

}  // namespace

std::string format_needs_text(std::span<const NeedsRow> rows) {
  std::string out = fmt::format(
      "{:<9} {:<17} {:>9} {:>11} {:>11} {:>8} {:>11} {:>8} {:>7} {:>7} {:>7} {:>7}\n", "state", "archetype",
      "dwellings", "floor m2", "3CL MWh", "kWh/m2", "5R1C MWh", "kWh/m2", "ratio", "P10", "P50", "P90");
  for (const NeedsRow& r : rows)
    out += fmt::format(
        "{:<9} {:<17} {:>9} {:>11.0f} {:>11.1f} {:>8.1f} {:>11.1f} {:>8.1f} {:>7} {:>7} {:>7} {:>7}\n",
        r.state, r.archetype, r.dwellings, r.floor_area_m2, r.monthly_kwh / 1000.0, r.monthly_kwh_per_m2(),
        r.hourly_kwh / 1000.0, r.hourly_kwh_per_m2(), ratio_text(r.ratio()), ratio_text(r.ratio_spread.p10),
        ratio_text(r.ratio_spread.p50), ratio_text(r.ratio_spread.p90));
  return out;
}

std::string format_needs_csv(std::span<const NeedsRow> rows) {
  std::string out =
      "state,archetype,dwellings,floor_area_m2,monthly_need_kwh,monthly_need_kwh_per_m2,hourly_need_kwh,"
      "hourly_need_kwh_per_m2,ratio,ratio_p10,ratio_p50,ratio_p90\n";
  for (const NeedsRow& r : rows)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", r.state, r.archetype, r.dwellings,
                       r.floor_area_m2, r.monthly_kwh, r.monthly_kwh_per_m2(), r.hourly_kwh,
                       r.hourly_kwh_per_m2(), r.ratio(), r.ratio_spread.p10, r.ratio_spread.p50,
                       r.ratio_spread.p90);
  return out;
}

}  // namespace coron::app
