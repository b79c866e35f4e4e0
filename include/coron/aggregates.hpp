#pragma once
#include <array>
#include <cstddef>
#include <string_view>

// The aggregate registry: every stock total the run records per replicate and
// year (/aggregate/NAME, [R, Y(, bins)]), per cité (/aggregate/by_cite/NAME,
// [R, Y, C(, bins)]) and as quantiles across replicates
// (/aggregate/quantiles/NAME, [3, Y(, bins)]). Each is a sum, a count or a
// histogram of one state column (coron/columns.hpp): the aggregation step, the
// HDF5 writer and the tests iterate over this list, so an aggregate is added here
// and nowhere else.

namespace coron {

enum class AggregateKind : unsigned char {
  sum,        ///< scale x sum over dwellings of column (x weight column)
  count,      ///< dwellings whose column is not 0 (or is 0, with count_zero)
  histogram,  ///< dwellings per value 0 .. bins-1 of the column
  /// scale x the highest, over the hours of the year, of the dwellings' hourly power summed
  /// hour by hour; `column` is the per-dwelling yearly maximum of that power. Taken by the
  /// step that runs the hours (YearTotals::hourly_peaks), not from the column: the stock's
  /// peak is not the sum of its dwellings' or its cités' peaks, which fall at other hours.
  peak,
};

struct AggregateInfo {
  std::string_view name;  ///< dataset name under /aggregate
  std::string_view unit;
  std::string_view description;
  AggregateKind kind = AggregateKind::sum;
  std::string_view column;         ///< the state column summed, counted or binned
  std::string_view weight = {};    ///< sum: multiplied by this state column; count: and this one non-zero
  double scale = 1.0;              ///< sum: unit conversion of the total
  bool count_zero = false;         ///< count: dwellings where the column is 0
  std::size_t bins = 1;            ///< histogram: values 0 .. bins-1
  std::string_view bin_axis = {};  ///< histogram: the name of the last dimension
  bool weight_zero = false;        ///< count: the weight column must be 0 instead of non-zero

  /// Values per (replicate, year): 1, or the number of bins.
  [[nodiscard]] constexpr std::size_t width() const noexcept {
    return kind == AggregateKind::histogram ? bins : 1;
  }
  /// Counts are integers (stored int64), sums and peaks reals (float64).
  [[nodiscard]] constexpr bool is_count() const noexcept {
    return kind == AggregateKind::count || kind == AggregateKind::histogram;
  }
};

inline constexpr std::array<AggregateInfo, 27> aggregate_columns = {{
    {"label_count",
     "1",
     "Number of dwellings holding each DPE label (A ... G).",
     AggregateKind::histogram,
     "label",
     {},
     1.0,
     false,
     7,
     "label"},
    {"final_energy_gwh",
     "GWh/yr",
     "Final energy consumed by the whole stock over the year.",
     AggregateKind::sum,
     "final_energy_kwh",
     {},
     1e-6},
    {"ghg_kt", "ktCO2e/yr", "Greenhouse-gas emissions of the whole stock over the year.", AggregateKind::sum,
     "ghg_kg_m2", "floor_area_m2", 1e-6},
    {"actual_final_energy_gwh",
     "GWh/yr",
     "Final energy the households actually use over the year.",
     AggregateKind::sum,
     "actual_final_energy_kwh",
     {},
     1e-6},
    {"energy_bill_meur",
     "MEUR/yr",
     "Energy bills of the households, subscriptions included.",
     AggregateKind::sum,
     "energy_bill_eur",
     {},
     1e-6},
    {"rent_meur",
     "MEUR/yr",
     "Rents paid by the households over the year.",
     AggregateKind::sum,
     "rent_eur",
     {},
     1e-6},
    {"fuel_poor", "1", "Households in fuel poverty by effort rate (ONPE TEE_3D).", AggregateKind::count,
     "fuel_poor"},
    {"fuel_poor_lihc", "1", "Households in fuel poverty by low income, high cost (ONPE BRDE per m2).",
     AggregateKind::count, "fuel_poor_lihc"},
    {"households", "1", "Occupied dwellings at the end of the year.", AggregateKind::count, "occupied"},
    {"rights_holders", "1", "Households holding the miners' housing right at the end of the year.",
     AggregateKind::count, "rights_holder"},
    {"vacant",
     "1",
     "Vacant dwellings at the end of the year.",
     AggregateKind::count,
     "occupied",
     {},
     1.0,
     true},
    {"moves_in", "1", "New households that moved in during the year.", AggregateKind::count, "moved_in"},
    {"deaths", "1", "Heads of household who died during the year.", AggregateKind::count, "died"},
    {"started", "1", "Dwellings whose renovation started during the year.", AggregateKind::count,
     "works_started"},
    {"renovated", "1", "Dwellings renovated since the start of the run (each counted once).",
     AggregateKind::count, "renovated_year"},
    {"in_works", "1", "Dwellings under works during the year (vacant, or their occupants rehoused).",
     AggregateKind::count, "in_works"},
    {"target_missed", "1", "Renovations started this year that could not reach the package's target.",
     AggregateKind::count, "target_missed"},
    {"works_cost_meur",
     "MEUR",
     "Cost of the works started during the year, outdoor spaces and rehousing included.",
     AggregateKind::sum,
     "works_cost_eur",
     {},
     1e-6},
    {"grants_meur",
     "MEUR",
     "Grants to the works started during the year, all funders.",
     AggregateKind::sum,
     "grants_eur",
     {},
     1e-6},
    {"loans_meur",
     "MEUR",
     "Loans for the works started during the year, all lenders.",
     AggregateKind::sum,
     "loans_eur",
     {},
     1e-6},
    {"landlord_spend",
     "MEUR",
     "The landlords' own money in the works started during the year.",
     AggregateKind::sum,
     "landlord_eur",
     {},
     1e-6},
    {"tenant_contribution_meur",
     "MEUR/yr",
     "Tenants' contributions after works due over the year.",
     AggregateKind::sum,
     "tenant_contribution_eur",
     {},
     1e-6},
    {"banned_from_letting", "1", "Dwellings whose label forbids a new lease this year (rental bans).",
     AggregateKind::count, "banned_from_letting"},
    {"households_in_banned", "1",
     "Households living in a dwelling whose label forbids a new lease this year.", AggregateKind::count,
     "banned_from_letting", "occupied"},
    {"vacant_banned",
     "1",
     "Vacant dwellings that could not be re-let this year: their label forbids a new lease.",
     AggregateKind::count,
     "banned_from_letting",
     "occupied",
     1.0,
     false,
     1,
     {},
     true},
    {"relettable",
     "1",
     "Dwellings that may take a new lease this year (no rental ban, not under works).",
     AggregateKind::count,
     "letting_blocked",
     {},
     1.0,
     true},
    {"peak_heating_mw",
     "MW",
     "Highest hourly heating power of the year by the hourly 5R1C model, the dwellings' powers summed hour "
     "by "
     "hour (per cité: its own dwellings'); 0 with the monthly model.",
     AggregateKind::peak,
     "peak_heating_w",
     {},
     1e-6},
}};

/// Index of the aggregate named `name` in aggregate_columns, or aggregate_columns.size().
[[nodiscard]] constexpr std::size_t aggregate_index(std::string_view name) noexcept {
  std::size_t k = 0;
  while (k < aggregate_columns.size() && aggregate_columns[k].name != name) ++k;
  return k;
}

/// The quantiles /aggregate/quantiles holds, in order (P10, P50, P90).
inline constexpr std::array<double, 3> aggregate_quantiles = {0.1, 0.5, 0.9};

}  // namespace coron
