#pragma once
#include "app/replicate_stats.hpp"
#include "io/run_provenance.hpp"

#include <filesystem>
#include <string>
#include <vector>

// Writing a sweep's frontier: one HDF5 file (/sweep, /meta; docs/hdf5-schema.md) and
// the same figures as long CSV beside it.

namespace coron::app {

/// One indicator across the budget points.
struct FrontierSeries {
  std::string name;
  std::string units;
  std::string description;
  std::vector<Spread> points;  ///< [P], one per budget
};

/// What the sweep's /meta says about the runs: their provenance (each point's but for its
/// budget), and the years the budget covers.
struct SweepMeta : io::RunProvenance {
  int budget_years = 0;  ///< simulated years the budget covers
};

/// The CSV beside a sweep file: FILE with the extension .csv.
[[nodiscard]] std::filesystem::path sweep_csv_path(const std::filesystem::path& file);

/// Writes `file` and its CSV, each first as NAME.partial then renamed, so that a
/// reader never sees a half-written one. `series[i].points` has one entry per budget.
void write_sweep(const std::filesystem::path& file, const SweepMeta& meta, const std::vector<double>& budgets,
                 const std::vector<FrontierSeries>& series);

}  // namespace coron::app
