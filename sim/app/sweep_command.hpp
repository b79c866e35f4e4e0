#pragma once
#include <filesystem>
#include <optional>
#include <string>

// `coron sweep`: one scenario run at a range of yearly works budgets (docs/sweep.md).

namespace coron::app {

struct SweepCommand {
  std::filesystem::path scenario;
  std::string budget;             ///< FIRST:LAST:STEP in EUR per year
  std::optional<int> replicates;  ///< overrides the scenario's
  std::filesystem::path output;   ///< default: results/NAME-sweep.h5
  bool quiet = false;
};

/// Runs the scenario once per budget and writes the frontier (HDF5 and CSV). Bad input
/// (the range, the scenario, a scenario without a budget) throws InputError before any run.
int sweep_command(const SweepCommand& cmd);

}  // namespace coron::app
