#pragma once
#include "io/h5_file.hpp"

#include "coron/results.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <string>
#include <vector>

// The renovation part of a results file (docs/hdf5-schema.md): the /works table of the
// replicates that record their dwellings, and the funders' spending per replicate and
// year (/aggregate/spend_by_funder), per cité and as quantiles.

namespace coron::io {

/// The /works rows of the recorded replicates, kept until the file is committed.
class WorksBuffer {
 public:
  /// Appends replicate r's rows.
  void add(std::size_t r, const WorksTable& works);
  /// Writes /works: one dataset per column, [rows] or [rows, funders].
  void write(File& file, const Stock& stock, std::span<const std::string> funders,
             std::span<const std::string> measures) const;

 private:
  std::vector<std::int32_t> replicate_;
  WorksTable rows_;
  bool started_ = false;
};

/// /aggregate/by_cite/spend_by_funder [R, Y, C, F], created empty (MEUR).
[[nodiscard]] DataSet create_spend_by_cite(Group& by_cite, std::size_t replicates, std::size_t years,
                                           std::size_t cites, std::span<const std::string> funders,
                                           int compression);
/// Replicate r's rows of it; `record` null: this process's part of a collective write
/// (`transfer`, 0 for one process) is none.
void write_spend_by_cite(DataSet& dataset, std::size_t r, const ReplicateRecord* record,
                         detail::hid transfer = 0);
/// /aggregate/spend_by_funder [R, Y, F] and /aggregate/quantiles/spend_by_funder [3, Y, F] (MEUR).
void write_spend_by_funder(Group& aggregate, const Aggregates& aggregates);
/// /allocation/{budget_eur, spent_eur, funded, objective, bound} [R, Y], when the run had a
/// works budget (aggregates.allocation.enabled()); nothing otherwise.
void write_allocation(File& file, const Aggregates& aggregates);

}  // namespace coron::io
