#pragma once
#include "coron/aggregates.hpp"
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
// (ReplicateRecord: the chosen state columns, [year][dwelling], and the cités'
// totals) and handed to a sink as each replicate ends, so memory does not grow
// with the replicates; the stock totals of every replicate and year (Aggregates)
// are small and kept, for the quantiles across replicates.

namespace coron {

/// The values of one recorded column, in the column's own type.
using ColumnValues = std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::int32_t>,
                                  std::vector<std::int16_t>, std::vector<std::uint8_t>>;

/// What one replicate records: the chosen state columns, each [year][dwelling]
/// row-major, and the totals of every cité, [year][cité][width] per aggregate.
struct ReplicateRecord {
  std::size_t years = 0;
  std::size_t dwellings = 0;
  std::size_t cites = 0;
  std::vector<const ColumnInfo*> columns;    ///< entries of state_columns(), registry order
  std::vector<ColumnValues> values;          ///< one per column, years x dwellings
  std::vector<std::vector<double>> by_cite;  ///< one per aggregate_columns entry

  /// Sizes the record for `chosen` columns (entries of state_columns(), in
  /// registry order), y years, n dwellings and c cités, and zeroes it.
  void allocate(std::span<const ColumnInfo* const> chosen, std::size_t y, std::size_t n, std::size_t c);
  /// Copies the chosen columns and the cités' totals of `state` into year row `y`.
  void record(std::size_t y, const DwellingState& state);
  /// The values of the column named `name`, or nullptr if it is not recorded.
  [[nodiscard]] const ColumnValues* find(std::string_view name) const noexcept;
  friend bool operator==(const ReplicateRecord&, const ReplicateRecord&) = default;
};

/// Stock totals per replicate and year: one array [R][Y][width] per entry of
/// aggregate_columns (coron/aggregates.hpp).
struct Aggregates {
  std::size_t replicates = 0;
  std::size_t years = 0;
  std::vector<std::int32_t> year;           ///< [Y] calendar years
  std::vector<std::vector<double>> values;  ///< per aggregate, [R][Y][width]

  /// Allocates every array for R x Y; years numbered from `first_year`.
  void allocate(std::size_t r, std::size_t y, int first_year);
  /// Stores the stock totals of (replicate r, year index y). Thread-safe for distinct r.
  void record(std::size_t r, std::size_t y, const YearTotals& totals);
  /// The [R][Y][width] values of the aggregate named `name` (which must exist).
  [[nodiscard]] const std::vector<double>& of(std::string_view name) const;
  /// Quantile q (0..1) across replicates of aggregate `name` at (year y, bin b):
  /// linear interpolation between order statistics (R's type 7, numpy's default).
  [[nodiscard]] double quantile(std::string_view name, double q, std::size_t y, std::size_t b = 0) const;
  friend bool operator==(const Aggregates&, const Aggregates&) = default;
};

/// A whole run in memory: every replicate's record and the totals. For tests
/// and small runs; the engine itself hands records to a sink one at a time.
struct Results {
  Aggregates aggregates;
  std::vector<ReplicateRecord> replicates;
  friend bool operator==(const Results&, const Results&) = default;
};

/// The state columns named in `names`, in registry order (the order records and
/// /dwelling hold them). Every name must be a state column: the scenario loader
/// has checked them (CORON_ASSERT).
[[nodiscard]] std::vector<const ColumnInfo*> recorded_columns(std::span<const std::string> names);

/// Hash of the bit patterns of a record / of the aggregates.
[[nodiscard]] std::uint64_t state_hash(const ReplicateRecord& record) noexcept;
[[nodiscard]] std::uint64_t state_hash(const Aggregates& aggregates) noexcept;

}  // namespace coron
