#pragma once
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

/// Reads the scenario, then its data folder and its stock (generated or CSV).
/// Throws InputError with every problem found; nothing is written.
[[nodiscard]] RunSetup prepare_run(const std::filesystem::path& scenario_file);

}  // namespace coron::engine
