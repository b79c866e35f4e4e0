#pragma once
#include "app/replicate_stats.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"

#include <string>
#include <vector>

// The figures `coron sweep` keeps of each budget point (docs/sweep.md): one value per
// replicate, then their P10, P50 and P90.

namespace coron::app {

/// One indicator of the frontier and its value in every replicate of one run.
struct FrontierSample {
  std::string name;
  std::string units;
  std::string description;
  std::vector<double> per_replicate;  ///< [R]
};

/// The simulated years the scenario's own budget covers (budget_eur_per_yr above 0),
/// as year indices: the sweep keeps the scenario's zero years at zero.
struct BudgetYears {
  std::size_t count = 0;  ///< simulated years with a budget
  std::size_t last = 0;   ///< index of the last of them; the last simulated year when there is none
};

/// Which simulated years of `scenario` have a non-zero budget_eur_per_yr.
[[nodiscard]] BudgetYears budget_years(const Scenario& scenario);

/// The scenario with every non-zero step of budget_eur_per_yr set to `eur_per_yr`.
[[nodiscard]] Scenario with_budget(Scenario scenario, double eur_per_yr);

/// The frontier's indicators of one run, in the order the sweep writes them.
[[nodiscard]] std::vector<FrontierSample> frontier_samples(const Aggregates& aggregates,
                                                           const BudgetYears& years);

}  // namespace coron::app
