#pragma once
#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// One results file as `coron compare` needs it: who wrote it (/meta), its years,
// a fingerprint of its stock and its whole-stock totals (/aggregate/NAME, every
// replicate). Datasets the file lacks (a run without works, an older file) are
// simply absent: the indicators that need them show "-".

namespace coron::app {

/// One /aggregate/NAME dataset, [R, Y] or [R, Y, bins], as doubles.
struct AggregateSeries {
  std::size_t replicates = 0;
  std::size_t years = 0;
  std::size_t width = 1;               ///< bins per (replicate, year); 1 when 2-D
  std::vector<double> values;          ///< [R][Y][width] row-major
  std::vector<std::string> bin_names;  ///< the `names` or `funders` attribute, if any

  /// Value at (replicate r, year index y, bin b).
  [[nodiscard]] double at(std::size_t r, std::size_t y, std::size_t b = 0) const {
    return values[(r * years + y) * width + b];
  }
  /// Index of the bin named `name`, if the series names its bins and has it.
  [[nodiscard]] std::optional<std::size_t> bin(std::string_view name) const;
};

struct ComparedRun {
  std::filesystem::path file;
  std::string scenario_name;
  std::int64_t schema_version = 0;
  std::uint64_t seed = 0;
  std::size_t replicates = 0;
  std::vector<int> years;
  std::uint64_t stock_fingerprint = 0;
  std::map<std::string, AggregateSeries, std::less<>> aggregates;  ///< by NAME

  /// The series /aggregate/NAME, or nullptr when the file has none.
  [[nodiscard]] const AggregateSeries* find(std::string_view name) const;
  /// Index of calendar year `year` in /years, if simulated.
  [[nodiscard]] std::optional<std::size_t> year_index(int year) const;
};

/// Reads `file`. A missing, unreadable or malformed file (no /meta, shapes that
/// disagree with /meta's replicates and /years) adds a diagnostic naming it and
/// returns nothing. Calling thread only (HDF5).
/// False, with "no such file" or "not a file" recorded against `file`, when `file` cannot be a
/// results file to open; every command that reads results files asks this first.
[[nodiscard]] bool results_file_exists(const std::filesystem::path& file, Diagnostics& diag);

[[nodiscard]] std::optional<ComparedRun> read_compared_run(const std::filesystem::path& file,
                                                           Diagnostics& diag);

/// Refuses files that cannot be compared with the first (the reference): another
/// schema version, or another stock (fingerprint of /stock). Each problem names
/// both files.
void check_comparable(const std::vector<ComparedRun>& runs, Diagnostics& diag);

}  // namespace coron::app
