#pragma once
#include "cluster/ranks.hpp"
#include "io/results_writer.hpp"
#include "setup/run_setup.hpp"
#include "setup/run_to_file.hpp"

#include <filesystem>
#include <optional>

// The results file every rank of an MPI run writes into: rank 0 creates it (FILE.partial,
// every dataset in place) and suspends it for the ranks' parallel writes; every rank learns
// the partial's path.

namespace coron::cluster {

/// Collective: rank 0 creates, in `results`, the file of a run of `setup` (`threads` per
/// rank, for its footprint) and sends its partial's path to the others. Returns that path
/// on every rank.
[[nodiscard]] std::filesystem::path create_shared_file(const Ranks& ranks,
                                                       std::optional<setup::ResultsFile>& results,
                                                       const setup::RunSetup& setup, int threads,
                                                       const std::filesystem::path& file,
                                                       const io::RunMetadata& meta);

}  // namespace coron::cluster
