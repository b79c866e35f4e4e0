#include "app/run_summary.hpp"

#include <fmt/core.h>

namespace coron::app {

std::string format_run_summary(const Scenario& scenario, std::size_t dwellings, const Aggregates& r) {
  // One replicate: its values. Several: the median across replicates of each figure,
  // which is what a planner quotes (the spread is in /aggregate/quantiles).
  const bool several = r.replicates > 1;
  std::string out = fmt::format("{}: {} dwellings, {}-{}, {} replicate{} ({})\n", scenario.name, dwellings,
                                scenario.start_year, scenario.end_year(), r.replicates, several ? "s" : "",
                                several ? "table: median across replicates" : "table: the replicate");
  const auto value = [&](std::string_view name, std::size_t y, std::size_t b = 0) {
    if (several) return r.quantile(name, 0.5, y, b);
    return r.of(name)[y * aggregate_columns[aggregate_index(name)].width() + b];
  };
  out += fmt::format("{:>6}", "year");
  for (char letter : label_letters) out += fmt::format(" {:>6}", letter);
  out += fmt::format(" {:>11} {:>9} {:>10} {:>7} {:>10}\n", "final GWh", "CO2 kt", "households", "rights",
                     "fuel-poor");
  // With works the labels move every year, and a planner follows them year by year.
  const bool works = scenario.renovation.enabled;
  for (std::size_t y = 0; y < r.years; ++y) {
    if (!works && y % 5 != 0 && y + 1 != r.years) continue;
    out += fmt::format("{:>6}", r.year[y]);
    for (std::size_t c = 0; c < label_count; ++c) out += fmt::format(" {:>6.0f}", value("label_count", y, c));
    out += fmt::format(" {:>11.1f} {:>9.1f} {:>10.0f} {:>7.0f} {:>10.0f}\n", value("final_energy_gwh", y),
                       value("ghg_kt", y), value("households", y), value("rights_holders", y),
                       value("fuel_poor", y));
  }
  double energy = 0.0;
  double ghg = 0.0;
  for (std::size_t y = 0; y < r.years; ++y) {
    energy += value("final_energy_gwh", y);
    ghg += value("ghg_kt", y);
  }
  out += fmt::format("total over {} years: final energy {:.0f} GWh, CO2 {:.0f} kt\n", r.years, energy, ghg);
  // What sizes heat pumps and networks: the stock's highest hour, before and after the works.
  if (scenario.thermal.model == ThermalOptions::Model::hourly && r.years > 0)
    out += fmt::format("peak heating of the stock (hourly model): {:.1f} MW in {}, {:.1f} MW in {}\n",
                       value("peak_heating_mw", 0), r.year[0], value("peak_heating_mw", r.years - 1),
                       r.year[r.years - 1]);
  if (!works) return out;

  out += fmt::format("\n{:>6} {:>8} {:>10} {:>11} {:>10} {:>10} {:>12} {:>8}\n", "year", "started",
                     "renovated", "works MEUR", "grants", "loans", "landlord", "banned");
  double cost = 0.0, grants = 0.0, loans = 0.0, landlord = 0.0;
  for (std::size_t y = 0; y < r.years; ++y) {
    cost += value("works_cost_meur", y);
    grants += value("grants_meur", y);
    loans += value("loans_meur", y);
    landlord += value("landlord_spend", y);
    out += fmt::format("{:>6} {:>8.0f} {:>10.0f} {:>11.1f} {:>10.1f} {:>10.1f} {:>12.1f} {:>8.0f}\n",
                       r.year[y], value("started", y), value("renovated", y), value("works_cost_meur", y),
                       value("grants_meur", y), value("loans_meur", y), value("landlord_spend", y),
                       value("banned_from_letting", y));
  }
  out += fmt::format("works over {} years: {:.1f} MEUR = grants {:.1f} + loans {:.1f} + landlord {:.1f}\n",
                     r.years, cost, grants, loans, landlord);
  for (std::size_t f = 0; f < r.funders.size(); ++f) {
    double spent = 0.0;
    for (std::size_t y = 0; y < r.years; ++y)
      spent += several ? r.spend_quantile(0.5, y, f) : r.spend_by_funder[y * r.funders.size() + f];
    out += fmt::format("  {:<28} {:>10.1f} MEUR\n", r.funders[f], spent * 1e-6);
  }
  return out;
}

}  // namespace coron::app
