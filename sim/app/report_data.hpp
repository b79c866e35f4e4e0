#pragma once
#include "coron/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// What `coron report` draws, gathered from the results files: per scenario, the
// yearly figures (P10/P50/P90 across replicates), the spending by funder, the
// per-cité table and the provenance. A figure the file lacks is absent (nullopt or
// empty) and its chart is left out. Plain data, so that the page can be written
// from hand-made values in tests.

namespace coron::app {

/// A yearly figure across replicates: one value per year of each quantile.
struct YearlySpread {
  std::vector<double> p10;
  std::vector<double> p50;
  std::vector<double> p90;
};

/// One funder's spending, the median across replicates, per year (MEUR).
struct FunderSpend {
  std::string funder;
  std::vector<double> meur;
};

/// One cité's row of the table: medians across replicates.
struct CiteRow {
  std::string name;
  double renovated = 0.0;               ///< dwellings renovated by the last year
  double works_cost_meur = 0.0;         ///< works started, summed over the years
  double final_energy_first_gwh = 0.0;  ///< first simulated year
  double final_energy_last_gwh = 0.0;   ///< last simulated year
  double fuel_poor = 0.0;               ///< households, last year
};

struct ReportRun {
  std::string file;  ///< as given on the command line
  std::string scenario_name;
  std::string scenario_yaml;  ///< /meta scenario, the text as read
  std::string coron_version;
  std::string created_utc;
  std::uint64_t seed = 0;
  std::size_t replicates = 0;
  std::vector<int> years;

  /// Dwellings per label A..G per year, medians across replicates.
  std::optional<std::vector<std::array<double, 7>>> labels;
  std::optional<YearlySpread> final_energy_gwh;
  std::optional<YearlySpread> ghg_kt;
  std::optional<YearlySpread> started;  ///< renovations started in the year
  std::optional<YearlySpread> fuel_poor;
  std::optional<YearlySpread> households_in_banned;
  std::optional<YearlySpread> banned_from_letting;
  std::vector<FunderSpend> spend_by_funder;  ///< empty: no /aggregate/spend_by_funder
  std::vector<CiteRow> cites;                ///< empty: no /aggregate/by_cite
};

/// Reads every file for the report, all problems at once: a missing file, a file
/// that is not a coron results file, files of different schema versions or stocks
/// (checked as `coron compare` does, against the first). Throws InputError naming
/// the files. Calling thread only (HDF5).
[[nodiscard]] std::vector<ReportRun> read_report_runs(const std::vector<std::filesystem::path>& files);

}  // namespace coron::app
