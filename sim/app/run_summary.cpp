#include "app/run_summary.hpp"

#include <fmt/core.h>

namespace coron::app {

std::string format_run_summary(const Scenario& scenario, std::size_t dwellings, const Aggregates& r) {
  std::string out =
      fmt::format("{}: {} dwellings, {}-{}, {} replicate{} (table: replicate 1)\n", scenario.name, dwellings,
                  scenario.start_year, scenario.end_year(), r.replicates, r.replicates == 1 ? "" : "s");
  out += fmt::format("{:>6}", "year");
  for (char letter : label_letters) out += fmt::format(" {:>7}", letter);
  out += fmt::format(" {:>11} {:>9}\n", "final GWh", "CO2 kt");
  for (std::size_t y = 0; y < r.years; ++y) {
    if (y % 5 != 0 && y + 1 != r.years) continue;
    out += fmt::format("{:>6}", r.year[y]);
    for (std::size_t c = 0; c < label_count; ++c)
      out += fmt::format(" {:>7}", r.label_count[y * label_count + c]);
    out += fmt::format(" {:>11.1f} {:>9.1f}\n", r.final_energy_gwh[y], r.ghg_kt[y]);
  }
  double energy = 0.0;
  double ghg = 0.0;
  for (std::size_t y = 0; y < r.years; ++y) {
    energy += r.final_energy_gwh[y];
    ghg += r.ghg_kt[y];
  }
  out += fmt::format("total over {} years: final energy {:.0f} GWh, CO2 {:.0f} kt\n", r.years, energy, ghg);
  return out;
}

}  // namespace coron::app
