#pragma once
#include "coron/columns.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// A scenario as read from YAML (docs/scenarios.md lists every key). Paths are
// resolved against the scenario file's folder when read.

namespace coron {

inline constexpr int scenario_schema_version = 1;

struct StockSource {
  enum class Kind { generate, file };
  Kind kind = Kind::generate;
  std::uint64_t seed = 0;      ///< generate: generator seed
  std::filesystem::path file;  ///< file: stock CSV (docs/stock-csv.md)
};

/// A step function of the year: value applies from `from_year` on.
struct YearStep {
  int from_year = 0;
  double value = 0.0;
};

struct OutputSpec {
  std::filesystem::path file;                 ///< the .h5 to write
  std::vector<std::string> dwelling_columns;  ///< which /dwelling datasets to write
  int dwelling_replicates = 1;                ///< for how many replicates (the first ones)
  int compression = 1;                        ///< deflate level 0..9 of /dwelling
};

/// The scenario's `demography:` section (docs/scenarios.md).
struct DemographyOptions {
  bool enabled = true;                         ///< false: households stay as the stock has them
  std::optional<double> mortality_multiplier;  ///< replaces data/demography's when given
};

struct Scenario {
  int schema_version = scenario_schema_version;
  std::filesystem::path source_file;  ///< as given on the command line
  std::string text;                   ///< the YAML text, stored in /meta
  std::string name;
  std::string description;
  std::uint64_t seed = 0;  ///< replicate randomness
  int start_year = 2018;   ///< state on 1 January of this year
  int years = 30;
  int replicates = 1;
  std::filesystem::path data_dir;  ///< parameters folder (data/)
  StockSource stock;
  /// Primary energy factor of electricity by year (others are 1).
  std::vector<YearStep> electricity_primary_factor;
  OutputSpec output;
  DemographyOptions demography;

  [[nodiscard]] int end_year() const noexcept { return start_year + years - 1; }
  /// The factor in force in `year` (the last step whose from_year <= year).
  [[nodiscard]] double electricity_primary_factor_in(int year) const noexcept;
};

/// The /dwelling columns recorded when a scenario names none: the label and its
/// energy, who lives there, and what they actually use and pay.
inline const std::vector<std::string>& default_dwelling_columns() {
  static const std::vector<std::string> names = {"heating_need_kwh",
                                                 "final_energy_kwh",
                                                 "primary_energy_kwh_m2",
                                                 "ghg_kg_m2",
                                                 "label",
                                                 "occupied",
                                                 "rights_holder",
                                                 "head_age",
                                                 "household_size",
                                                 "income_per_cu_eur",
                                                 "actual_final_energy_kwh",
                                                 "energy_bill_eur",
                                                 "rent_eur",
                                                 "fuel_poor"};
  return names;
}

/// The /dwelling columns a scenario may ask for: every column of the state
/// (coron/columns.hpp), recorded once a year.
inline const std::vector<std::string>& known_dwelling_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const ColumnInfo& c : state_columns()) out.emplace_back(c.name);
    return out;
  }();
  return names;
}

}  // namespace coron
