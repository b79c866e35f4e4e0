#include "setup/run_setup.hpp"

#include "io/demography_data.hpp"
#include "io/economics_data.hpp"
#include "io/epw_reader.hpp"
#include "io/scenario_loader.hpp"
#include "io/thermal_data.hpp"
#include "io/works_data.hpp"
#include "setup/dpe_stock_source.hpp"
#include "setup/renovation_setup.hpp"
#include "stock/generator.hpp"
#include "stock/stock_csv.hpp"

namespace coron::setup {

Stock load_stock(const StockSource& source, const std::filesystem::path& data_dir, Diagnostics& diag,
                 std::vector<Diagnostic>* notices) {
  if (source.kind == StockSource::Kind::dpe) {
    const ThermalParams params = io::load_thermal_params(data_dir, diag);
    return load_dpe_stock(source, params, diag, notices);
  }
  if (source.kind == StockSource::Kind::file) {
    try {
      return stock::read_stock_csv(source.file, notices);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) diag.add(d);
      return Stock{};
    }
  }
  const stock::StockParameters params = stock::load_stock_parameters(data_dir, diag);
  if (!diag.empty()) return Stock{};  // generating from incomplete parameters could fail anywhere
  return stock::generate_stock(params, source.seed);
}

RunSetup prepare_run(const std::filesystem::path& scenario_file, std::vector<Diagnostic>* notices) {
  RunSetup setup;
  setup.scenario = io::load_scenario(scenario_file);  // throws on any scenario problem

  // The data folder and the stock are checked together so that one run of
  // `coron validate` reports the problems of both.
  Diagnostics diag;
  setup.params.thermal = io::load_thermal_params(setup.scenario.data_dir, diag);
  setup.params.demography = io::load_demography_params(setup.scenario.data_dir, diag);
  setup.params.economics = io::load_economics_params(setup.scenario.data_dir, diag);
  setup.params.works = io::load_works_params(setup.scenario.data_dir, diag);
  const RenovationOptions& renovation = setup.scenario.renovation;
  setup.params.funding = io::load_funding_params(renovation.funders_file.empty()
                                                     ? io::default_funders_file(setup.scenario.data_dir)
                                                     : renovation.funders_file,
                                                 diag);
  // Certificates take their carriers' GHG contents from the thermal data just read.
  setup.stock = setup.scenario.stock.kind == StockSource::Kind::dpe
                    ? load_dpe_stock(setup.scenario.stock, setup.params.thermal, diag, notices)
                    : load_stock(setup.scenario.stock, setup.scenario.data_dir, diag, notices);
  if (setup.scenario.thermal.model == ThermalOptions::Model::hourly) {
    try {
      setup.params.weather = io::read_epw(setup.scenario.thermal.weather_file);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) diag.add(d);
    }
  }
  if (diag.empty()) resolve_renovation(setup.scenario, setup.params, setup.stock, diag);
  diag.throw_if_any();
  return setup;
}

}  // namespace coron::setup
