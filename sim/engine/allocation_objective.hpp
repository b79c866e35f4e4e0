#pragma once
#include "policy/package_search.hpp"

#include "coron/economics.hpp"
#include "coron/scenario.hpp"
#include "coron/state.hpp"

#include <array>
#include <cstddef>

// What one candidate's package buys, in the units of the scenario's allocation objective
// (docs/model-allocation.md, "In the engine"): the value the rules and the knapsack
// weigh against its cost, and what /allocation/objective sums.

namespace coron::engine {

/// What does not vary by dwelling in one year: the objective, its weights, and this year's
/// prices and fuel-poverty thresholds (folded once per year, read for every candidate).
struct ObjectiveContext {
  AllocationSpec::Objective objective = AllocationSpec::Objective::primary_energy_saved;
  std::array<double, AllocationSpec::objective_term_count> weights{};  ///< Objective::weighted
  EconomicsYear prices;
};

/// The context of `year` for `spec`'s objective. Prices from `economics`, the carriers of
/// each system from `thermal`.
[[nodiscard]] ObjectiveContext objective_context(const AllocationSpec& spec, const EconomicsParams& economics,
                                                 const ThermalParams& thermal, int year) noexcept;

/// Whether dwelling i's household is fuel poor with this year's bill (TEE_3D, as the
/// economics step decides it, with this year's prices): what the rankings' fuel-poverty
/// criterion reads. The state's fuel_poor column is last year's at the works step (all 0
/// in a run's first year). 0 for a vacant dwelling. Pure, no allocation.
[[nodiscard]] bool fuel_poor_now(const ObjectiveContext& context, const DwellingState& state,
                                 std::size_t i) noexcept;

/// What dwelling i (its state before the works) gains from `choice`, in the objective's
/// unit (allocation_objective_units). Pure, no allocation: safe on any thread.
[[nodiscard]] double outcome(const ObjectiveContext& context, const DwellingState& state, std::size_t i,
                             const PackageChoice& choice) noexcept;

}  // namespace coron::engine
