#include "app/sweep_frontier.hpp"

#include "coron/aggregates.hpp"

#include <fmt/core.h>

#include <array>

namespace coron::app {

namespace {

// label_count bins of E, F and G (A = 0 ... G = 6).
constexpr std::size_t first_efg_bin = 4;
constexpr std::size_t label_bins = 7;

double budget_in(const Scenario& scenario, int year) {
  double value = 0.0;
  for (const YearStep& step : scenario.renovation.allocation.budget_eur_per_yr)
    if (step.from_year <= year) value = step.value;
  return value;
}

/// Aggregate `name` of replicate r at year index y (bin b).
double at(const Aggregates& a, std::string_view name, std::size_t r, std::size_t y, std::size_t b = 0) {
  const std::size_t width = aggregate_columns[aggregate_index(name)].width();
  return a.of(name)[(r * a.years + y) * width + b];
}

double efg_at(const Aggregates& a, std::size_t r, std::size_t y) {
  double n = 0.0;
  for (std::size_t b = first_efg_bin; b < label_bins; ++b) n += at(a, "label_count", r, y, b);
  return n;
}

}  // namespace

BudgetYears budget_years(const Scenario& scenario) {
  BudgetYears out;
  out.last = static_cast<std::size_t>(scenario.years - 1);
  bool any = false;
  for (int y = 0; y < scenario.years; ++y) {
    if (budget_in(scenario, scenario.start_year + y) <= 0.0) continue;
    ++out.count;
    out.last = static_cast<std::size_t>(y);
    any = true;
  }
  if (!any) out.last = static_cast<std::size_t>(scenario.years - 1);
  return out;
}

Scenario with_budget(Scenario scenario, double eur_per_yr) {
  for (YearStep& step : scenario.renovation.allocation.budget_eur_per_yr)
    if (step.value != 0.0) step.value = eur_per_yr;
  return scenario;
}

std::vector<FrontierSample> frontier_samples(const Aggregates& a, const BudgetYears& years) {
  const std::size_t last = a.years - 1;
  const std::string objective_units = a.allocation.objective_units;
  std::vector<FrontierSample> out = {
      {"budget_spent_meur", "MEUR", "Package cost charged to the yearly budgets, summed over the years.", {}},
      {"works_cost_meur",
       "MEUR",
       "Cost of every works started, outdoor spaces and rehousing included, summed over the years.",
       {}},
      {"renovated", "1", "Dwellings renovated by the last simulated year (each counted once).", {}},
      {"efg_end_of_budget",
       "1",
       "Dwellings labelled E, F or G at the end of the last year with a budget.",
       {}},
      {"efg_last_year", "1", "Dwellings labelled E, F or G at the end of the last simulated year.", {}},
      {"final_energy_gwh",
       "GWh/yr",
       "Conventional final energy of the stock in the last simulated year.",
       {}},
      {"ghg_kt", "ktCO2e/yr", "Greenhouse-gas emissions of the stock in the last simulated year.", {}},
      {"fuel_poor", "1", "Households in fuel poverty (effort rate) in the last simulated year.", {}},
      {"objective_total",
       objective_units,
       fmt::format("The allocation's objective ({}) of the works funded, summed over the years.",
                   a.allocation.objective),
       {}},
  };
  for (std::size_t r = 0; r < a.replicates; ++r) {
    double spent = 0.0;
    double cost = 0.0;
    double objective = 0.0;
    for (std::size_t y = 0; y < a.years; ++y) {
      cost += at(a, "works_cost_meur", r, y);
      if (!a.allocation.enabled()) continue;
      spent += a.allocation.spent_eur[r * a.years + y] * 1e-6;
      objective += a.allocation.objective_value[r * a.years + y];
    }
    const std::array<double, 9> values = {spent,
                                          cost,
                                          at(a, "renovated", r, last),
                                          efg_at(a, r, years.last),
                                          efg_at(a, r, last),
                                          at(a, "final_energy_gwh", r, last),
                                          at(a, "ghg_kt", r, last),
                                          at(a, "fuel_poor", r, last),
                                          objective};
    for (std::size_t k = 0; k < out.size(); ++k) out[k].per_replicate.push_back(values[k]);
  }
  return out;
}

}  // namespace coron::app
