#include "app/hourly_validation.hpp"

#include "policy/package_search.hpp"
#include "thermal/hourly_dwelling.hpp"

#include "coron/error.hpp"
#include "coron/state.hpp"
#include "coron/vocabulary.hpp"

#include <fmt/core.h>

#include <array>
#include <limits>

namespace coron::app {

namespace {

// A package search evaluates tens of combinations per dwelling: smaller blocks balance the
// threads, as the works step does (the size is fixed, so the result is not the threads').
constexpr std::size_t search_block_dwellings = 32;

/// Bit set of the measures named; a missing name goes to `diag`.
std::int32_t measure_bits(const WorksParams& works, std::span<const std::string_view> names,
                          const std::string& measures_file, Diagnostics& diag) {
  std::int32_t bits = 0;
  for (const std::string_view name : names) {
    if (const auto k = works.find(name))
      bits |= std::int32_t{1} << *k;
    else
      diag.add(measures_file, 0, 0, "measures",
               fmt::format("expected a measure named '{}' (coron validate-hourly applies it)", name));
  }
  return bits;
}

/// The dwellings of `state` after the works of `package` (nothing for a state without works).
void apply_state(const PackageState& package, const WorksParams& works, const ThermalParams& thermal,
                 const YearFactors& factors, std::span<const double> unit_costs, DwellingState& state,
                 const engine::Blocks& blocks) {
  if (package.measures == 0) return;
  const ThermalInputs in = thermal_inputs(state);
  const PackageSearch search(works, thermal);
  const PackageRules no_rules{};
  blocks.for_each(
      state.size(),
      [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          const ThermalRow row = thermal_row(in, i);
          const ThermalRow after =
              package.reach
                  ? search.cheapest(row, no_rules, package.measures, *package.reach, factors, unit_costs)
                        .after
                  : apply_package(works, row, package.measures);
#define CORON_STORE(T, name, unit, spec, text) state.name[i] = after.name;
          CORON_THERMAL_COLUMNS(CORON_STORE)
#undef CORON_STORE
        }
      },
      package.reach ? search_block_dwellings : engine::block_dwellings);
}

/// The rows of one state: one per archetype present, then the whole stock.
void add_rows(const std::string& state_name, std::span<const std::uint8_t> archetype,
              std::span<const double> floor_m2, std::span<const double> monthly_kwh,
              std::span<const double> hourly_kwh, std::vector<NeedsRow>& rows) {
  const std::size_t n = archetype.size();
  constexpr std::size_t all = archetype_names.size();
  std::vector<double> ratios;
  ratios.reserve(n);
  for (std::size_t group = 0; group <= all; ++group) {
    NeedsRow row;
    row.state = state_name;
    row.archetype = group == all ? "all" : std::string(archetype_names[group]);
    ratios.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (group != all && archetype[i] != group) continue;
      ++row.dwellings;
      row.floor_area_m2 += floor_m2[i];
      row.monthly_kwh += monthly_kwh[i];
      row.hourly_kwh += hourly_kwh[i];
      if (monthly_kwh[i] > 0.0) ratios.push_back(hourly_kwh[i] / monthly_kwh[i]);
    }
    if (row.dwellings == 0) continue;
    if (ratios.empty()) {
      const double nan = std::numeric_limits<double>::quiet_NaN();
      row.ratio_spread = {nan, nan, nan};
    } else {
      row.ratio_spread = spread_of(ratios);
    }
    rows.push_back(std::move(row));
  }
}

}  // namespace

std::vector<PackageState> standard_package_states(const WorksParams& works,
                                                  const std::string& measures_file) {
  // TABULA FR refurbishment variant .002 "standard" of pre-1948 houses (thermal-reference
  // §5.1), as data/measures.yaml gives each element, with the humidity-controlled extract.
  constexpr std::array<std::string_view, 5> envelope = {"wall_outside", "attic", "floor", "windows",
                                                        "ventilation_hygro"};
  constexpr std::array<std::string_view, 1> rebuild = {"demolition_rebuild"};
  Diagnostics diag;
  std::vector<PackageState> states;
  states.push_back({"before", 0, std::nullopt});
  states.push_back({"envelope", measure_bits(works, envelope, measures_file, diag), std::nullopt});
  // What a `reach:` package may combine: every measure but the structure ones, which come
  // with the unfit rule only (sim/engine/works_plan.cpp).
  std::int32_t thermal_measures = 0;
  for (std::size_t k = 0; k < works.measures.size(); ++k)
    if (works.measures[k].component != Component::structure) thermal_measures |= std::int32_t{1} << k;
  const std::optional<PackageTarget> label_c = works.target("C");
  CORON_ASSERT(label_c.has_value());  // a label, always known
  states.push_back({"to_C", thermal_measures, label_c});
  states.push_back({"rebuilt", measure_bits(works, rebuild, measures_file, diag), std::nullopt});
  diag.throw_if_any();
  return states;
}

std::vector<NeedsRow> heating_needs_by_archetype(const Stock& stock, const ThermalParams& thermal,
                                                 const WorksParams& works,
                                                 const engine::HourlyClimate& climate,
                                                 const YearFactors& factors,
                                                 std::span<const PackageState> states,
                                                 const engine::Blocks& blocks) {
  const std::size_t n = stock.size();
  const std::vector<double> unit_costs(works.measures.size(), 1.0);
  std::vector<double> hourly_kwh(n);
  std::vector<NeedsRow> rows;
  for (const PackageState& package : states) {
    DwellingState state = initial_state(stock);
    apply_state(package, works, thermal, factors, unit_costs, state, blocks);
    const ThermalInputs in = thermal_inputs(state);
    const ThermalOutputs out = thermal_outputs(state);
    blocks.for_each(n, [&](std::size_t, std::size_t begin, std::size_t end) {
      evaluate_thermal(in, thermal, factors, out, begin, end);
      for (std::size_t i = begin; i < end; ++i)
        hourly_kwh[i] =
            engine::run_hourly_dwelling(hourly::hourly_dwelling(in, i, thermal), climate).heating_kwh;
    });
    add_rows(package.name, stock.archetype, state.floor_area_m2, state.heating_need_kwh, hourly_kwh, rows);
  }
  return rows;
}

}  // namespace coron::app
