#pragma once
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <filesystem>

namespace coron::engine {

/// Everything a run needs, read and checked.
struct RunSetup {
  Scenario scenario;
  ThermalParams params;
  Stock stock;
};

/// The stock a source describes: generated from `data_dir`/stock, or read from CSV.
/// Problems are added to `diag`; the returned stock is complete only when none were.
[[nodiscard]] Stock load_stock(const StockSource& source, const std::filesystem::path& data_dir,
                               Diagnostics& diag);

/// Reads the scenario, then its data folder and its stock (generated or CSV).
/// Throws InputError with every problem found; nothing is written.
[[nodiscard]] RunSetup prepare_run(const std::filesystem::path& scenario_file);

}  // namespace coron::engine
