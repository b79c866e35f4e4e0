#pragma once
#include "io/yaml_reader.hpp"

#include "coron/scenario.hpp"

#include <optional>

// The scenario's optional `renovation:` section (docs/scenarios.md): the package, the
// heritage and unfit-dwelling rules, the yearly capacity, the cité operations, renovation
// at vacancy and who pays. Read by the scenario loader; kept apart because it is the
// largest section and the only one checked against the data folder (measure and target
// names), so that a misspelt measure is reported at its line:column.

namespace coron::io {

/// The simulated years, when start_year and years were read without error.
struct SimulatedYears {
  std::optional<int> first;
  std::optional<int> last;
};

/// Reads `renovation:` (if present) into s.renovation; s.data_dir, when set, is where the
/// measure and target names are looked up (data/measures.yaml). Problems go to `root`'s
/// diagnostics.
void read_renovation(MapReader& root, Scenario& s, const SimulatedYears& years);

}  // namespace coron::io
