#pragma once
#include "io/h5_file.hpp"

#include "coron/scenario.hpp"

#include <cstdint>
#include <string>

// What every HDF5 file coron writes says in its /meta of the run behind it
// (docs/hdf5-schema.md): a results file and a sweep file both carry these attributes,
// under the same names, and add their own.

namespace coron::io {

/// The run behind a file: which program, which scenario, which randomness, which years, when.
struct RunProvenance {
  std::string coron_version;
  std::string scenario_name;
  std::string scenario_text;  ///< the scenario YAML as read
  std::uint64_t seed = 0;
  int replicates = 1;
  int start_year = 0;
  int end_year = 0;
  std::string created_utc;  ///< ISO 8601, e.g. "2024-05-01T12:00:00Z"
};

/// `scenario` run by coron `coron_version`, created now (UTC, to the second). Thread-safe.
[[nodiscard]] RunProvenance provenance_of(const Scenario& scenario, std::string coron_version);

/// Writes `run` as attributes of `meta`: coron_version, scenario (the text),
/// scenario_name, seed, replicates, start_year, end_year, created_utc. Calling thread only.
void write_provenance(Object& meta, const RunProvenance& run);

}  // namespace coron::io
