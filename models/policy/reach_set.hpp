#pragma once
#include <cstdint>
#include <vector>

// Which combinations of measures bring one dwelling to a target does not depend on what
// the measures cost: only on the dwelling's thermal row, the rules, the allowed measures,
// the target and the year's conversion factors. A ReachSet keeps what of that answer the
// cheapest choice needs, so that one set serves every draw of the cost factors
// (PackageSearch::reach_set computes it, PackageSearch::cheapest_in prices it).
//
// With costs of at least a cent per measure, the cheapest reaching combination (ties: lower
// Cep, then lower bit set) is a minimal one: any other contains a reaching combination that
// costs strictly less. So the minimal ones are enough. When nothing reaches, the choice is
// the lowest Cep, the cheapest among equals: every combination of that Cep is kept.

namespace coron {

/// A combination kept by a ReachSet and what the kernel gave for it. 56 bytes.
struct ReachCombination {
  std::int32_t measures = 0;  ///< bit set, structure measure included
  std::uint8_t label = 0;
  double cep = 0.0;  ///< primary energy, kWh/m2
  double ghg = 0.0;  ///< kg CO2e/m2
  /// Conventional final energy by use, kWh/yr: what a bill after the works prices.
  double heating_final_kwh = 0.0, dhw_final_kwh = 0.0, electricity_other_kwh = 0.0;
  double heating_backup_final_kwh = 0.0;  ///< the second heating generator's part, in its carrier

  /// The five uses, summed as the kernel sums them (the same bits).
  [[nodiscard]] double final_kwh() const noexcept {
    return heating_final_kwh + dhw_final_kwh + electricity_other_kwh;
  }
};

/// The cost-independent part of one dwelling's package search.
struct ReachSet {
  /// True: `combinations` are the minimal reaching ones (none of them reaches once any
  /// of its chosen measures is removed). False: nothing reaches, and `combinations` are
  /// every combination with the lowest Cep.
  bool reached = false;
  /// The measures the search combined (allowed, permitted by the rules and improving the
  /// dwelling), structure measures excluded.
  std::int32_t options = 0;
  /// Imposed on every package by the rules (the unfit dwelling's structure measure).
  std::int32_t structure = 0;
  /// Rebuilding replaces every other measure: the one combination is the rebuilding.
  bool rebuild = false;
  std::vector<ReachCombination> combinations;  ///< in increasing bit set
};

}  // namespace coron
