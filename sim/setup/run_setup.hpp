#pragma once
#include "coron/engine.hpp"
#include "coron/error.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <filesystem>

namespace coron::setup {

/// Everything a run needs, read and checked.
struct RunSetup {
  Scenario scenario;
  ModelParams params;
  Stock stock;
};

/// The stock a source describes: generated from `data_dir`/stock, read from CSV, or imported
/// from DPE certificates.
/// Problems are added to `diag`, notices (an older CSV format, refused certificates) to `notices`; the
/// returned stock is complete only when `diag` stayed empty.
[[nodiscard]] Stock load_stock(const StockSource& source, const std::filesystem::path& data_dir,
                               Diagnostics& diag, std::vector<Diagnostic>* notices = nullptr);

/// Reads the scenario, then its data folder and its stock (generated or CSV).
/// Throws InputError with every problem found; nothing is written.
[[nodiscard]] RunSetup prepare_run(const std::filesystem::path& scenario_file,
                                   std::vector<Diagnostic>* notices = nullptr);

}  // namespace coron::setup
