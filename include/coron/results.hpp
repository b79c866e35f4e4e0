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

/// `count` zeros in the type a column of `type` records (none with 0: a process's part of a
/// collective write that has nothing to write).
[[nodiscard]] ColumnValues zeros_of(ColumnType type, std::size_t count);

/// The works started in a run, one row each (the /works table): where, when, which
/// measures, what they cost and who paid. Appended year by year, rows in the order
/// the works step funded them.
struct WorksTable {
  std::size_t funders = 0;
  std::vector<std::int32_t> year;
  std::vector<std::int64_t> row;      ///< the dwelling's row in the stock
  std::vector<std::int32_t> package;  ///< bit k: measure k of the catalog
  std::vector<double> cost_eur;       ///< works, outdoor spaces and rehousing
  std::vector<double> grant_eur;      ///< [rows][funders]
  std::vector<double> loan_eur;       ///< [rows][funders]
  std::vector<double> landlord_eur;   ///< cost less grants and loans
  std::vector<std::uint8_t> label_before, label_after;
  std::vector<double> primary_before_kwh_m2, primary_after_kwh_m2;
  std::vector<std::uint8_t> target_reached;

  [[nodiscard]] std::size_t size() const noexcept { return year.size(); }
  /// Empties the table, keeping its memory, for `f` funders.
  void clear(std::size_t f);
  /// Appends every row of `other` (same funders).
  void append(const WorksTable& other);
  friend bool operator==(const WorksTable&, const WorksTable&) = default;
};

/// What one replicate records: the chosen state columns, each [year][dwelling]
/// row-major, and the totals of every cité, [year][cité][width] per aggregate.
struct ReplicateRecord {
  std::size_t years = 0;
  std::size_t dwellings = 0;
  std::size_t cites = 0;
  std::vector<const ColumnInfo*> columns;       ///< entries of state_columns(), registry order
  std::vector<ColumnValues> values;             ///< one per column, years x dwellings
  std::vector<std::vector<double>> by_cite;     ///< one per aggregate_columns entry
  std::vector<double> spend_by_funder_by_cite;  ///< [year][cité][funder], euros
  std::size_t funders = 0;
  WorksTable works;  ///< every year's works, when the replicate records its dwellings

  /// Sizes the record for `chosen` columns (entries of state_columns(), in
  /// registry order), y years, n dwellings and c cités, and zeroes it.
  void allocate(std::span<const ColumnInfo* const> chosen, std::size_t y, std::size_t n, std::size_t c,
                std::size_t funders = 0);
  /// Copies the chosen columns and the cités' totals of `state` into year row `y`.
  void record(std::size_t y, const DwellingState& state);
  /// The values of the column named `name`, or nullptr if it is not recorded.
  [[nodiscard]] const ColumnValues* find(std::string_view name) const noexcept;
  friend bool operator==(const ReplicateRecord&, const ReplicateRecord&) = default;
};

/// The works budget's record per replicate and year (renovation.allocation), each [R][Y];
/// every array empty in a scenario without a budget.
struct AllocationSeries {
  std::string objective;        ///< the objective's name (allocation_objective_names); empty: no budget
  std::string objective_units;  ///< its unit
  std::vector<double> budget_eur;
  std::vector<double> spent_eur;
  std::vector<std::int64_t> funded;
  std::vector<double> objective_value;
  std::vector<double> bound;
  /// The stage gate (AllocationSpec::StageGate): its year (0: none) and per replicate [R]
  /// (empty without a gate) the indicator, whether the condition held (0/1) and the
  /// action taken (stage_gate_action_names' index; -1: the gate's year was not reached).
  int stage_gate_year = 0;
  std::string stage_gate_units;  ///< the indicator's unit
  std::vector<double> stage_gate_indicator;
  std::vector<std::int64_t> stage_gate_held;
  std::vector<std::int64_t> stage_gate_action;

  [[nodiscard]] bool enabled() const noexcept { return !objective.empty(); }
  /// Names the objective and sizes every array for R x Y (the gate's for R), zeroed.
  void allocate(std::size_t r, std::size_t y, std::string objective_name, std::string units,
                int gate_year = 0);
  friend bool operator==(const AllocationSeries&, const AllocationSeries&) = default;
};

/// Stock totals per replicate and year: one array [R][Y][width] per entry of
/// aggregate_columns (coron/aggregates.hpp).
struct Aggregates {
  std::size_t replicates = 0;
  std::size_t years = 0;
  std::vector<std::int32_t> year;           ///< [Y] calendar years
  std::vector<std::vector<double>> values;  ///< per aggregate, [R][Y][width]
  std::vector<std::string> funders;         ///< names, in the order of the funding rules
  std::vector<double> spend_by_funder;      ///< [R][Y][funders], euros of grants and loans
  AllocationSeries allocation;              ///< sized by the engine when the scenario has a budget

  /// Allocates every array for R x Y (and the funders); years numbered from `first_year`.
  void allocate(std::size_t r, std::size_t y, int first_year, std::vector<std::string> funder_names = {});
  /// Stores the stock totals of (replicate r, year index y). Thread-safe for distinct r.
  void record(std::size_t r, std::size_t y, const YearTotals& totals);
  /// The [R][Y][width] values of the aggregate named `name` (which must exist).
  [[nodiscard]] const std::vector<double>& of(std::string_view name) const;
  /// Quantile q (0..1) across replicates of aggregate `name` at (year y, bin b):
  /// linear interpolation between order statistics (R's type 7, numpy's default).
  [[nodiscard]] double quantile(std::string_view name, double q, std::size_t y, std::size_t b = 0) const;
  /// The same for spend_by_funder at (year y, funder f).
  [[nodiscard]] double spend_quantile(double q, std::size_t y, std::size_t f) const;
  friend bool operator==(const Aggregates&, const Aggregates&) = default;
};

/// A whole run in memory: every replicate's record and the totals. For tests
/// and small runs; the engine itself hands records to a sink one at a time.
struct Results {
  Aggregates aggregates;
  std::vector<ReplicateRecord> replicates;
  std::vector<std::string> measures;  ///< the catalog's measure names (/works package bits)
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
