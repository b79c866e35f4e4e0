#pragma once
#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

// The results file of one run (docs/hdf5-schema.md lists every group, dataset
// and attribute; report tools rely on those names).

namespace coron::io {

/// What a results file records about the run that produced it (/meta).
struct RunMetadata {
  std::string coron_version;
  std::string scenario_name;
  std::string scenario_text;  ///< the scenario YAML as read
  std::uint64_t seed = 0;
  int threads = 1;
  int replicates = 1;
  int start_year = 0;
  int end_year = 0;
  std::string created_utc;  ///< ISO 8601, e.g. "2024-05-01T12:00:00Z"
  std::string data_dir;
};

/// Writes the results of a run to `file` (HDF5): /meta, /years, /stock, /cites,
/// the /dwelling columns listed in spec.dwelling_columns (shuffle + deflate at
/// spec.compression, 0 = none) and /aggregate. Atomic: writes FILE.partial and
/// renames it to FILE only once complete; on any exception FILE.partial is
/// removed and FILE (if it existed) is left untouched. Creates the parent
/// folder if missing. Throws H5Error for HDF5 failures and
/// std::filesystem::filesystem_error for folder or rename failures. Sizes of
/// stock and results must agree (checked with CORON_ASSERT). Calling thread
/// only; not to be called from inside a TBB region.
void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec);

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
/// cache. Measured on the 70,000 x 30 baseline: 11x smaller and 5x faster at
/// level 1 than one chunk per year (docs/hdf5-schema.md,
/// tests/io/test_h5_write_speed.cpp).
struct DwellingChunk {
  std::size_t years = std::numeric_limits<std::size_t>::max();  ///< all years
  std::size_t dwellings = 2048;
};

/// write_results with an explicit chunk shape, to measure layouts.
void write_results(const std::filesystem::path& file, const RunMetadata& meta, const Stock& stock,
                   const Results& results, const OutputSpec& spec, const DwellingChunk& chunk);

}  // namespace detail
}  // namespace coron::io
