#include "engine/run_setup.hpp"

#include "io/scenario_loader.hpp"
#include "io/thermal_data.hpp"
#include "stock/generator.hpp"
#include "stock/stock_csv.hpp"

namespace coron::engine {

RunSetup prepare_run(const std::filesystem::path& scenario_file) {
  RunSetup setup;
  setup.scenario = io::load_scenario(scenario_file);  // throws on any scenario problem

  // The data folder and the stock are checked together so that one run of
  // `coron validate` reports the problems of both.
  Diagnostics diag;
  setup.params = io::load_thermal_params(setup.scenario.data_dir, diag);
  const StockSource& source = setup.scenario.stock;
  if (source.kind == StockSource::Kind::generate) {
    const stock::StockParameters stock_params = stock::load_stock_parameters(setup.scenario.data_dir, diag);
    diag.throw_if_any();
    setup.stock = stock::generate_stock(stock_params, source.seed);
  } else {
    try {
      setup.stock = stock::read_stock_csv(source.file);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) diag.add(d);
    }
    diag.throw_if_any();
  }
  return setup;
}

}  // namespace coron::engine
