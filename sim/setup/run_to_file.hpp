#pragma once
#include "io/results_writer.hpp"
#include "setup/run_setup.hpp"

#include "coron/engine.hpp"

#include <filesystem>

namespace coron::setup {

/// Runs `setup` and streams its results to `file` (atomic: FILE.partial, then
/// renamed): each replicate's /dwelling rows are written as it ends. Returns the
/// stock totals. On any exception nothing is left under either name. Throws InputError
/// once the first replicate is written if the file, projected from it, cannot fit in what
/// the machine leaves (setup/run_footprint.hpp).
[[nodiscard]] Aggregates run_to_file(const RunSetup& setup, const RunOptions& options,
                                     const std::filesystem::path& file, const io::RunMetadata& meta);

/// /meta of a run of `setup` on `threads` threads, created now.
[[nodiscard]] io::RunMetadata metadata_for(const RunSetup& setup, int threads, std::string coron_version);

}  // namespace coron::setup
