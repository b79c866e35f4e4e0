#pragma once
#include "io/h5_file.hpp"
#include "io/run_provenance.hpp"
#include "io/works_writer.hpp"
#include "util/partial_file.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

// The results file of one run (docs/hdf5-schema.md lists every group, dataset
// and attribute; report tools rely on those names). Written as the run goes:
// the per-dwelling datasets of each replicate when the replicate ends (HDF5
// hyperslabs), so a run with many replicates never holds them all.

namespace coron::io {

/// What a results file records about the run that produced it (/meta): its provenance,
/// and how it was run.
struct RunMetadata : RunProvenance {
  int threads = 1;  ///< per process
  int ranks = 1;    ///< processes of an MPI run (sim/cluster), 1 otherwise
  std::string data_dir;
};

/// The shape of a run's results: what the file will hold.
struct ResultsLayout {
  std::size_t replicates = 0;
  std::vector<std::int32_t> years;         ///< calendar years, [Y]
  std::vector<const ColumnInfo*> columns;  ///< recorded state columns (/dwelling)
  std::size_t dwelling_replicates = 1;     ///< how many replicates /dwelling holds (the first ones)
  int compression = 1;                     ///< deflate level of /dwelling and /stock, 0 = none
  std::vector<std::string> funders;        ///< names, in the funding rules' order
  std::vector<std::string> measures;       ///< the catalog's measure names (/works package bits)
};

namespace detail {

/// Chunk of the /dwelling datasets: (1 replicate, years, dwellings). Both are
/// targets: each extent is split into equal pieces of at most that size.
///
/// All years in one chunk, because a dwelling's values mostly repeat from one
/// year to the next (fixed 3CL climate; only renovations and the electricity
/// factor change them) and deflate only finds the repeat when it lies within
/// its 32 KiB window: after shuffle, the same byte of the next year is
/// `dwellings` bytes away. 2048 dwellings keeps that distance well inside the
/// window and a 30-year float64 chunk near 0.5 MiB, under HDF5's 1 MiB chunk
/// cache. A replicate is written as one hyperslab, so every chunk is written
/// once, whole. Measured on the 70,000 x 30 baseline: 11x smaller and 5x faster
/// at level 1 than one chunk per year (docs/hdf5-schema.md,
/// tests/io/test_h5_write_speed.cpp).
struct DwellingChunk {
  std::size_t years = std::numeric_limits<std::size_t>::max();  ///< all years
  std::size_t dwellings = 2048;
};

}  // namespace detail

/// Writes a results file as a run produces it. Atomic: everything goes to
/// the process's own FILE.<pid>.<n>.partial (util/partial_file.hpp), renamed to FILE
/// by commit() only; if the writer is destroyed before (an exception, a failed run)
/// the partial is removed and FILE, if it existed, is left untouched. Throws H5Error for HDF5 failures and
/// std::filesystem::filesystem_error for folder or rename failures. Calling
/// thread only; not from inside a TBB region.
class ResultsWriter {
 public:
  /// `stock` must outlive the writer. Creates FILE.partial (and FILE's folder) and writes /meta, /years,
  /// /stock, /cites, the empty /dwelling datasets [R_d, Y, N] (R_d = dwelling_replicates) and the empty
  /// /aggregate/by_cite datasets [R, Y, C(, bins)].
  ResultsWriter(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                const ResultsLayout& layout, const detail::DwellingChunk& chunk = {});
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;
  ~ResultsWriter();

  /// Writes replicate r's recorded columns (when r < dwelling_replicates) and its
  /// cités' totals; its record must match the layout.
  void write_replicate(std::size_t r, const ReplicateRecord& record);
  /// The file being written (FILE's partial), for other processes to write replicates into.
  [[nodiscard]] const std::filesystem::path& partial_path() const noexcept { return partial_.path(); }
  /// Closes the file, which stays this writer's (removed unless committed), so that the
  /// ranks of an MPI run write their replicates into it (ReplicateSlabs); resume() reopens
  /// it. Between the two, only add_works.
  void suspend();
  void resume();
  /// The /works rows of replicate r, when another process wrote its other rows.
  void add_works(std::size_t r, const WorksTable& works);
  /// Bytes the file takes so far (its partial, as HDF5 has allocated it).
  [[nodiscard]] std::uint64_t size() const { return out_->size(); }
  /// Writes /aggregate (per replicate, and quantiles across replicates), closes the
  /// file and renames it to FILE.
  void commit(const Aggregates& aggregates);

 private:
  /// Replicate r's rows of one /dwelling dataset, chunks compressed in parallel.
  template <class T>
  void write_dwelling_rows(DataSet& dataset, std::size_t r, const std::vector<T>& values);

  std::filesystem::path file_;
  util::PartialFile partial_;
  ResultsLayout layout_;
  std::size_t dwellings_ = 0;
  const Stock* stock_ = nullptr;  ///< outlives the writer (the run's stock)
  std::optional<File> out_;
  std::size_t cites_ = 0;
  std::array<std::size_t, 3> dwelling_chunk_{};  ///< chunk shape of /dwelling
  std::vector<DataSet> dwelling_;                ///< one per layout column
  std::vector<DataSet> by_cite_;                 ///< one per aggregate_columns entry
  std::optional<DataSet> spend_by_cite_;         ///< /aggregate/by_cite/spend_by_funder
  WorksBuffer works_;                            ///< /works rows of the recorded replicates
  bool committed_ = false;
};

/// A whole run held in memory, written at once (tests, tools): a ResultsWriter
/// fed every replicate of `results`.
void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec, const detail::DwellingChunk& chunk = {});

}  // namespace coron::io
