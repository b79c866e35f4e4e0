#pragma once
#include "cluster/ranks.hpp"
#include "io/results_writer.hpp"
#include "setup/run_setup.hpp"

#include "coron/engine.hpp"

#include <filesystem>

// A run over the ranks of an MPI run: rank k runs replicates k, k + K, k + 2K, ... (each
// with its own TBB threads). Rank 0 creates the results file; then every rank writes its
// replicates' rows into it through parallel HDF5, one collective write per round of K
// replicates (round j: replicates jK .. jK + K - 1), and rank 0 adds the totals and the
// works, which the others send it, and renames the file into place. A replicate's results
// depend on (scenario, stock, seed, replicate) only: the file's datasets are those of the
// run on one process, bit for bit, whatever K.

namespace coron::cluster {

/// Runs `setup` over `ranks` into `file` (setup::run_to_file when there is one rank).
/// Returns the totals of every replicate on rank 0; on the others, their own rows. An
/// error on a rank during the collective writing ends every rank (exit code 1), the
/// file removed.
[[nodiscard]] Aggregates run_to_file_on_ranks(const Ranks& ranks, const setup::RunSetup& setup,
                                              RunOptions options, const std::filesystem::path& file,
                                              const io::RunMetadata& meta);

/// Runs `setup` over `ranks` into `file` with the stock cut into one dwelling slice per rank
/// (RankSlices): every rank steps every replicate over its slice, writes its slice's
/// /dwelling rows through parallel HDF5, and exchanges with the others what needs the whole
/// stock (RunOptions::slices); rank 0 writes the rest. The same datasets, bit for bit, as
/// the run on one process. Past the file's creation, ranks other than 0 let go of the whole
/// stock (setup.stock is emptied there). Throws std::invalid_argument before anything is
/// written when the stock cannot be cut (slice_bounds); an error later ends every rank.
[[nodiscard]] Aggregates run_slices_to_file(const Ranks& ranks, setup::RunSetup& setup, RunOptions options,
                                            const std::filesystem::path& file, const io::RunMetadata& meta);

}  // namespace coron::cluster
