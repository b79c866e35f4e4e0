#pragma once
#include "coron/aggregates.hpp"
#include "coron/columns.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

// One replicate's mutable picture of the stock, carried from year to year: the
// dwellings' current envelope and systems (works change them), their households
// (the demography changes them), and what the year's steps computed (outputs).
// Built from the immutable Stock by initial_state(); the steps of the year
// (sim/engine/steps.hpp) read and write its columns. Structure of arrays: one
// std::vector per registry column (coron/columns.hpp), all of the stock's length.

namespace coron {

/// The year's works budget and what it bought (renovation.allocation, docs/model-allocation.md);
/// all 0 in a scenario without a budget.
struct AllocationTotals {
  double budget_eur = 0.0;  ///< the year's budget, EUR of package cost
  double spent_eur = 0.0;   ///< package cost of the candidates funded, EUR, <= budget_eur
  std::int64_t funded = 0;  ///< candidates funded with works (not those already at the target)
  double objective = 0.0;   ///< the objective summed over them (AllocationSpec::Objective's unit)
  double bound = 0.0;       ///< rule `optimal`: no choice within the budget does better; else 0
  // The stage gate (AllocationSpec::StageGate), set in its year only.
  bool stage_gate_decided = false;
  double stage_gate_indicator = 0.0;   ///< the indicator over the years before the gate
  bool stage_gate_held = false;        ///< the condition held
  std::uint8_t stage_gate_action = 0;  ///< AllocationSpec::StageGate::Action taken
  friend bool operator==(const AllocationTotals&, const AllocationTotals&) = default;
};

/// Totals of the current year, written by the aggregation step: for each entry of
/// aggregate_columns (coron/aggregates.hpp), the stock total ([width]) and the total
/// of each cité ([cites][width]).
struct YearTotals {
  /// What the aggregates of kind `peak` take: the highest hourly heating power of the year,
  /// stock and per cité (W), written by the hourly step; empty when it did not run.
  struct HourlyPeaks {
    double stock_w = 0.0;
    std::vector<double> by_cite_w;
    friend bool operator==(const HourlyPeaks&, const HourlyPeaks&) = default;
  };

  std::vector<std::vector<double>> stock;
  std::vector<std::vector<double>> by_cite;
  /// Grants and loans of the works started this year, euros per funder ([funders]) and
  /// per cité and funder ([cites][funders]); empty without funders.
  std::vector<double> spend_by_funder;
  std::vector<double> spend_by_funder_by_cite;
  AllocationTotals allocation;
  HourlyPeaks hourly_peaks;
  friend bool operator==(const YearTotals&, const YearTotals&) = default;
};

struct DwellingState {
#define CORON_MEMBER(T, name, unit, spec, text) std::vector<T> name;
  CORON_THERMAL_COLUMNS(CORON_MEMBER)
  CORON_HOUSEHOLD_COLUMNS(CORON_MEMBER)
  CORON_WORKS_COLUMNS(CORON_MEMBER)
  CORON_OUTPUT_COLUMNS(CORON_MEMBER)
#undef CORON_MEMBER

  YearTotals totals;  ///< of the year last stepped

  [[nodiscard]] std::size_t size() const noexcept { return floor_area_m2.size(); }
  friend bool operator==(const DwellingState&, const DwellingState&) = default;
};

/// Calls f(const ColumnInfo&, column) for every column of `state`, in the order of
/// state_columns(); `column` is the std::vector of the column's type.
template <class S, class F>
requires std::is_same_v<std::remove_const_t<S>, DwellingState>
void for_each_column(S& state, F&& f) {
  const ColumnInfo* info = state_columns().data();
#define CORON_VISIT(T, name, unit, spec, text) f(*info++, state.name);
  CORON_THERMAL_COLUMNS(CORON_VISIT)
  CORON_HOUSEHOLD_COLUMNS(CORON_VISIT)
  CORON_WORKS_COLUMNS(CORON_VISIT)
  CORON_OUTPUT_COLUMNS(CORON_VISIT)
#undef CORON_VISIT
}

/// The state on 1 January of the first year: thermal and household columns
/// copied from the stock, outputs and totals zero. Allocates; call once per replicate.
[[nodiscard]] DwellingState initial_state(const Stock& stock);

/// Views on the columns the thermal kernel reads.
[[nodiscard]] ThermalInputs thermal_inputs(const DwellingState& state) noexcept;
/// Views on the columns the thermal kernel writes.
[[nodiscard]] ThermalOutputs thermal_outputs(DwellingState& state) noexcept;

/// Hash of the bit patterns of every column and total: equal hashes, equal states.
[[nodiscard]] std::uint64_t state_hash(const DwellingState& state) noexcept;

}  // namespace coron
