#include "app/hourly_validation_command.hpp"

#include "app/hourly_validation.hpp"
#include "app/hourly_validation_report.hpp"
#include "io/epw_reader.hpp"
#include "io/thermal_data.hpp"
#include "io/works_data.hpp"
#include "setup/run_setup.hpp"

#include "coron/error.hpp"
#include "coron/scenario.hpp"

#include <fmt/core.h>

namespace coron::app {

namespace {

// The seed of the shipped stock, as every shipped scenario generates it (stock: {generate: {seed: 2017}}).
constexpr std::uint64_t shipped_stock_seed = 2017;
// The DPE's primary energy factor of electricity on the stock's date, 1 January 2018, and
// until 2025 (scenarios/mission-2017.yaml): it sets which combinations reach label C.
constexpr double electricity_primary_factor = 2.3;

}  // namespace

int hourly_validation_command(const HourlyValidationCommand& cmd) {
  const std::filesystem::path weather_file =
      cmd.weather.empty() ? cmd.data_dir / "climate" / "lille-lesquin-typical.epw" : cmd.weather;
  // Data, stock and weather are checked together, as `coron run` does, so that one run
  // reports every problem.
  Diagnostics diag;
  std::vector<Diagnostic> notices;
  const ThermalParams thermal = io::load_thermal_params(cmd.data_dir, diag);
  const WorksParams works = io::load_works_params(cmd.data_dir, diag);
  StockSource source;
  source.kind = cmd.stock_file.empty() ? StockSource::Kind::generate : StockSource::Kind::file;
  source.seed = shipped_stock_seed;
  source.file = cmd.stock_file;
  const Stock stock = setup::load_stock(source, cmd.data_dir, diag, &notices);
  HourlyWeather weather;
  try {
    weather = io::read_epw(weather_file);
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) diag.add(d);
  }
  diag.throw_if_any();
  for (const Diagnostic& d : notices) fmt::print(stderr, "notice: {}\n", d.format());
  const std::vector<PackageState> states =
      standard_package_states(works, (cmd.data_dir / "measures.yaml").string());

  ThermalOptions options;  // the hourly scenario's default set-points
  const engine::HourlyClimate climate = engine::hourly_climate(weather, options);
  YearFactors factors;
  factors.primary_energy_factor.fill(1.0);
  factors.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] = electricity_primary_factor;
  const std::vector<NeedsRow> rows =
      heating_needs_by_archetype(stock, thermal, works, climate, factors, states, engine::Blocks(true));
  if (cmd.csv) {
    fmt::print("{}", format_needs_csv(rows));
    return 0;
  }
  fmt::print(
      "Annual heating need, monthly 3CL (B_ch, zone H1a) and hourly 5R1C (ideal loads at {} degC, weather "
      "{}, "
      "{} hours)\n{} dwellings; ratio = 5R1C/3CL of the sums, P10/P50/P90 of the dwellings' ratios\n",
      options.heating_set_point_c, weather_file.string(), weather.size(), stock.size());
  fmt::print("{}", format_needs_text(rows));
  return 0;
}

}  // namespace coron::app
