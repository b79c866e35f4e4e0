#pragma once
#include "coron/column.hpp"
#include "coron/state.hpp"
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// What a run produces. Per-dwelling columns are recorded one replicate at a time
// (ReplicateRecord: the chosen state columns, [year][dwelling]) and handed to a
// sink as each replicate ends, so memory does not grow with the replicates; the
// stock totals of every replicate and year (Aggregates) are small and kept.

namespace coron {

/// The values of one recorded column, in the column's own type.
using ColumnValues = std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::int32_t>,
                                  std::vector<std::int16_t>, std::vector<std::uint8_t>>;

/// The chosen state columns of one replicate, each [year][dwelling] row-major.
struct ReplicateRecord {
  std::size_t years = 0;
  std::size_t dwellings = 0;
  std::vector<const ColumnInfo*> columns;  ///< entries of state_columns()
  std::vector<ColumnValues> values;        ///< one per column, years x dwellings

  /// Sizes the record for `chosen` columns (entries of state_columns()) and zeroes it.
  void allocate(std::span<const ColumnInfo* const> chosen, std::size_t y, std::size_t n);
  /// Copies the chosen columns of `state` into year row `y`. Thread-safe for distinct y.
  void record(std::size_t y, const DwellingState& state);
  /// The values of the column named `name`, or nullptr if it is not recorded.
  [[nodiscard]] const ColumnValues* find(std::string_view name) const noexcept;
  friend bool operator==(const ReplicateRecord&, const ReplicateRecord&) = default;
};

/// Stock totals per replicate and year.
struct Aggregates {
  std::size_t replicates = 0;
  std::size_t years = 0;
  std::vector<std::int32_t> year;         ///< [Y] calendar years
  std::vector<std::int64_t> label_count;  ///< [R][Y][7]
  std::vector<double> final_energy_gwh;   ///< [R][Y]
  std::vector<double> ghg_kt;             ///< [R][Y]

  /// Allocates every array for R x Y; years numbered from `first_year`.
  void allocate(std::size_t r, std::size_t y, int first_year);
  /// Stores the totals of (replicate r, year index y).
  void record(std::size_t r, std::size_t y, const YearTotals& totals);
  friend bool operator==(const Aggregates&, const Aggregates&) = default;
};

/// A whole run in memory: every replicate's record and the totals. For tests
/// and small runs; the engine itself hands records to a sink one at a time.
struct Results {
  Aggregates aggregates;
  std::vector<ReplicateRecord> replicates;
  friend bool operator==(const Results&, const Results&) = default;
};

/// One dataset of /aggregate: name, unit, dimensions and description, in schema order.
struct AggregateInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view dimensions;
  std::string_view description;
};
inline constexpr std::array<AggregateInfo, 3> aggregate_columns = {{
    {"label_count", "1", "replicate,year,label", "Number of dwellings holding each DPE label (A ... G)."},
    {"final_energy_gwh", "GWh/yr", "replicate,year",
     "Final energy consumed by the whole stock over the year."},
    {"ghg_kt", "ktCO2e/yr", "replicate,year", "Greenhouse-gas emissions of the whole stock over the year."},
}};

/// The state columns named in `names`, in registry order (the order records and
/// /dwelling hold them). Every name must be a state column: the scenario loader
/// has checked them (CORON_ASSERT).
[[nodiscard]] std::vector<const ColumnInfo*> recorded_columns(std::span<const std::string> names);

/// Hash of the bit patterns of a record / of the aggregates.
[[nodiscard]] std::uint64_t state_hash(const ReplicateRecord& record) noexcept;
[[nodiscard]] std::uint64_t state_hash(const Aggregates& aggregates) noexcept;

}  // namespace coron
