#pragma once
#include "io/h5_file.hpp"
#include "io/results_writer.hpp"

#include "coron/results.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

// The per-replicate datasets of a results file (/dwelling and /aggregate/by_cite), written
// replicate by replicate: by the ResultsWriter of a run of one process, or by every rank of
// an MPI run side by side through parallel HDF5 (each write collective: every rank takes part,
// with its replicate's rows or with none). docs/hdf5-schema.md gives the datasets.

namespace coron::io {

/// Counts summed in doubles (exact below 2^53), as the integers they are stored as.
[[nodiscard]] std::vector<std::int64_t> as_counts(const std::vector<double>& values);

/// Replicate r's cités' totals, each aggregate's [1, Y, C(, bins)] slab of /aggregate/by_cite
/// (counts as int64), then its spend per cité and funder. `record` null: this process's part of
/// a collective write (a collective `transfer`) is none.
void write_cite_totals(std::span<DataSet> by_cite, DataSet& spend_by_funder, std::size_t r,
                       const ReplicateRecord* record, detail::hid transfer = 0);

/// The per-replicate datasets of a results file that ResultsWriter created (and suspended),
/// opened by one of the processes writing into it through `access` and `transfer` (the
/// caller's property lists: MPI-IO, collective).
class ReplicateSlabs {
 public:
  ReplicateSlabs(const std::filesystem::path& file, const ResultsLayout& layout, detail::hid access,
                 detail::hid transfer);
  ReplicateSlabs(const ReplicateSlabs&) = delete;
  ReplicateSlabs& operator=(const ReplicateSlabs&) = delete;

  /// This process's part of one collective write of replicates: replicate r's rows from
  /// `record`, or none when `record` is null. `dwelling_rows`: whether any process writes
  /// /dwelling rows in this write (the same answer on every process); this one writes its
  /// own when r is one of the recorded replicates. A process stepping a slice of the stock
  /// (RunOptions::slices) writes its dwellings from `first_dwelling` on, and the cités'
  /// totals, which every slice holds whole, only when `cite_totals`.
  void write(std::size_t r, const ReplicateRecord* record, bool dwelling_rows, std::size_t first_dwelling = 0,
             bool cite_totals = true);
  /// Closes the file (collective); throws H5Error if HDF5 cannot finish it.
  void close();

 private:
  ResultsLayout layout_;
  detail::hid transfer_;
  std::optional<File> file_;
  std::vector<DataSet> dwelling_;  ///< one per layout column
  std::vector<DataSet> by_cite_;   ///< one per aggregate_columns entry
  std::optional<DataSet> spend_by_cite_;
};

}  // namespace coron::io
