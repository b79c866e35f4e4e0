#pragma once
#include "io/results_writer.hpp"
#include "setup/run_footprint.hpp"
#include "setup/run_setup.hpp"

#include "coron/engine.hpp"

#include <filesystem>
#include <optional>

namespace coron::setup {

/// The results file of a run of `setup`, written replicate by replicate (atomic:
/// FILE.partial, renamed by commit). Whoever runs the replicates hands each over in
/// replicate order: this process's run (run_to_file), or the ranks of an MPI run
/// (sim/cluster). Destroyed before commit, it leaves nothing under either name.
class ResultsFile {
 public:
  /// `threads`: of each process, for the up-front footprint; `meta` is written to /meta.
  ResultsFile(const RunSetup& setup, std::size_t threads, const std::filesystem::path& file,
              const io::RunMetadata& meta);
  /// Writes replicate r. Throws InputError once replicate 0 is written if the file,
  /// projected from it, cannot fit in what the machine leaves (setup/run_footprint.hpp).
  void write(std::size_t r, const ReplicateRecord& record);
  /// Writes the totals and renames the file into place.
  void commit(const Aggregates& aggregates) { writer_.commit(aggregates); }

  /// For the ranks of an MPI run writing their replicates into the file side by side
  /// (io/replicate_slabs.hpp): the partial's path, and the file closed and reopened
  /// around their writing (io::ResultsWriter::suspend); the works' rows come apart.
  [[nodiscard]] const std::filesystem::path& partial_path() const noexcept { return writer_.partial_path(); }
  void suspend() { writer_.suspend(); }
  void resume() { writer_.resume(); }
  void add_works(std::size_t r, const WorksTable& works) { writer_.add_works(r, works); }

 private:
  std::filesystem::path file_;
  io::ResultsWriter writer_;
  std::uint64_t empty_bytes_;
  RunShape shape_;
};

/// The shape of the results file of a run of `setup`.
[[nodiscard]] io::ResultsLayout results_layout(const RunSetup& setup);

/// Runs `setup` and streams its results to `file` (atomic: FILE.partial, then
/// renamed): each replicate's /dwelling rows are written as it ends. Returns the
/// stock totals. On any exception nothing is left under either name. Throws InputError
/// once the first replicate is written if the file, projected from it, cannot fit in what
/// the machine leaves (setup/run_footprint.hpp).
[[nodiscard]] Aggregates run_to_file(const RunSetup& setup, const RunOptions& options,
                                     const std::filesystem::path& file, const io::RunMetadata& meta);

/// /meta of a run of `setup` on `threads` threads in each of `ranks` processes, created now.
[[nodiscard]] io::RunMetadata metadata_for(const RunSetup& setup, int threads, std::string coron_version,
                                           int ranks = 1);

}  // namespace coron::setup
