#pragma once
#include "app/replicate_stats.hpp"
#include "engine/blocks.hpp"
#include "engine/hourly_step.hpp"

#include "coron/stock.hpp"
#include "coron/thermal.hpp"
#include "coron/works.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

// The annual heating need of each archetype by the two thermal models side by side: the
// monthly 3CL need B_ch (the kernel's heating_need_kwh) and the hourly 5R1C need with ideal
// loads on a weather year (run_hourly_dwelling), before and after standard packages of works
// (docs/validation.md, "Monthly and hourly heating needs, by archetype").

namespace coron::app {

/// A state of the stock's dwellings: as they are, or after a package of works.
struct PackageState {
  std::string name;
  /// Bit k: measure k of the catalog. Without `reach`, the measures applied as they are
  /// (apply_package); with it, the measures the search may combine.
  std::int32_t measures = 0;
  /// When set: the cheapest combination of `measures` reaching it (PackageSearch::cheapest,
  /// every cost factor 1, no heritage or unfit rule).
  std::optional<PackageTarget> reach;
};

/// before (the stock as it is), envelope (TABULA FR .002 "standard": wall_outside, attic,
/// floor, windows, ventilation_hygro), to_C (the cheapest combination of the catalog's
/// thermal measures reaching label C) and rebuilt (demolition_rebuild). Throws InputError
/// naming `measures_file` when the catalog lacks one of these measures. Pure; thread-safe.
[[nodiscard]] std::vector<PackageState> standard_package_states(const WorksParams& works,
                                                                const std::string& measures_file);

/// One archetype (or the whole stock) in one state.
struct NeedsRow {
  std::string state;
  std::string archetype;  ///< a name of archetype_names, or "all"
  std::size_t dwellings = 0;
  double floor_area_m2 = 0.0;  ///< summed over the dwellings, in that state (inside linings lose some)
  double monthly_kwh = 0.0;    ///< 3CL B_ch, summed
  double hourly_kwh = 0.0;     ///< 5R1C ideal heating, summed
  /// Spread over the dwellings of hourly/monthly; only those whose monthly need is above
  /// zero count. NaN when none does.
  Spread ratio_spread;

  [[nodiscard]] double monthly_kwh_per_m2() const noexcept { return monthly_kwh / floor_area_m2; }
  [[nodiscard]] double hourly_kwh_per_m2() const noexcept { return hourly_kwh / floor_area_m2; }
  /// hourly/monthly of the sums.
  [[nodiscard]] double ratio() const noexcept { return hourly_kwh / monthly_kwh; }
};

/// Both needs of every dwelling of `stock` in every state of `states`: for each state, one
/// row per archetype present (archetype_names order) then one "all" row. `factors` set the
/// labels a `reach` state aims at. Dwellings run over `blocks` (serially or in parallel);
/// sums are taken in dwelling order, so the rows do not depend on the thread count. Needs in
/// kWh a year, areas in m2. Reads its arguments only; thread-safe.
[[nodiscard]] std::vector<NeedsRow> heating_needs_by_archetype(
    const Stock& stock, const ThermalParams& thermal, const WorksParams& works,
    const engine::HourlyClimate& climate, const YearFactors& factors, std::span<const PackageState> states,
    const engine::Blocks& blocks);

}  // namespace coron::app
