#pragma once
#include "policy/reach_set.hpp"

#include "coron/scenario.hpp"
#include "coron/thermal.hpp"
#include "coron/works.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

// Choosing a dwelling's works (docs/model-works.md): an explicit list of measures,
// or the cheapest combination of allowed measures that reaches a target label or
// primary energy from the dwelling's current state. Combinations take at most one
// measure per component; each is evaluated by the 3CL kernel (evaluate_thermal),
// never by a shortcut. Pure: no files, no threads, no allocation per dwelling.

namespace coron {

/// What the rules allow one dwelling.
struct PackageRules {
  bool listed_facade = false;  ///< no outside wall insulation (UNESCO listing, strict heritage)
  bool unfit = false;          ///< structurally unfit: the structure measure comes with any package
  RenovationOptions::Unfit unfit_works = RenovationOptions::Unfit::heavy;
};

/// The works chosen for one dwelling and what they give.
struct PackageChoice {
  std::int32_t measures = 0;  ///< bit k set: measure k of the catalog
  double cost_eur = 0.0;      ///< with the uncertainty factors; each measure's cost rounded to the cent
  bool reached = true;        ///< false: no allowed combination reaches the target (then the lowest Cep)
  ThermalRow after;           ///< the dwelling after the works
  double primary_after_kwh_m2 = 0.0;
  double ghg_after_kg_m2 = 0.0;
  double final_after_kwh = 0.0;  ///< conventional final energy, five uses
  /// The same by use, as the economics prices a bill (heating, hot water, lighting and auxiliaries).
  double heating_final_after_kwh = 0.0, dhw_final_after_kwh = 0.0, electricity_other_after_kwh = 0.0;
  double heating_backup_final_after_kwh = 0.0;  ///< the second heating generator's part
  std::uint8_t label_after = 0;
};

/// Applies the measures of `measures` (catalog order) to `row`, skipping those that do
/// not improve it.
[[nodiscard]] ThermalRow apply_package(const WorksParams& works, ThermalRow row,
                                       std::int32_t measures) noexcept;

class PackageSearch {
 public:
  /// Both must outlive the search.
  PackageSearch(const WorksParams& works, const ThermalParams& thermal);

  /// The cheapest combination of the measures in `allowed` (bit set; the rules remove
  /// more) that brings `row` to `target` under `factors`; cost_factor[k] multiplies
  /// measure k's cost. Ties go to the combination with the lower Cep, then the lower
  /// bit set. When none reaches the target, the combination with the lowest Cep, the
  /// cheapest among equals, with reached = false.
  [[nodiscard]] PackageChoice cheapest(const ThermalRow& row, const PackageRules& rules, std::int32_t allowed,
                                       const PackageTarget& target, const YearFactors& factors,
                                       std::span<const double> cost_factor) const noexcept;

  /// The cost-independent part of cheapest(): the combinations that can be the cheapest
  /// for some costs (reach_set.hpp). Evaluates every combination that reaches no target
  /// and contains no reaching one, so it costs more kernel calls than one cheapest(): it
  /// pays when the same question comes back with other costs.
  [[nodiscard]] ReachSet reach_set(const ThermalRow& row, const PackageRules& rules, std::int32_t allowed,
                                   const PackageTarget& target, const YearFactors& factors) const;

  /// cheapest() for the set's question (`row` is the dwelling it was computed for) at the
  /// costs `cost_factor`, without the kernel: the same choice, to the bit. Nothing when a
  /// measure the set combines costs less than a cent: a dearer combination could then
  /// tie on cost and win on Cep, which only cheapest() can tell.
  [[nodiscard]] std::optional<PackageChoice> cheapest_in(const ReachSet& set,
                                                         std::span<const double> cost_factor,
                                                         const ThermalRow& row) const noexcept;

  /// The measures of `measures` that improve `row`, with the rules applied: on a listed
  /// facade an outside wall insulation becomes the catalog's first inside lining; an
  /// unfit dwelling gets the structure measure. reached is true.
  [[nodiscard]] PackageChoice listed(const ThermalRow& row, const PackageRules& rules, std::int32_t measures,
                                     const YearFactors& factors,
                                     std::span<const double> cost_factor) const noexcept;

 private:
  /// The dwelling after the measures of a combination of `set`, in the order reach_set built it.
  [[nodiscard]] ThermalRow package_after(const ReachSet& set, const ThermalRow& row,
                                         std::int32_t measures) const noexcept;

  const WorksParams* works_;
  const ThermalParams* thermal_;
};

}  // namespace coron
