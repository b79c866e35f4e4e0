#pragma once
#include <cstddef>
#include <span>
#include <vector>

// HDF5's shuffle then deflate filters, applied outside HDF5 so that chunks can be
// compressed on several threads and written with DataSet::write_chunk: readers
// undo them with HDF5's own filters, exactly as if HDF5 had applied them.

namespace coron::io {

/// `raw` (elements of `element_size` bytes) shuffled (byte k of every element
/// together, as H5Z_FILTER_SHUFFLE) then deflated at `level` (zlib compress2, as
/// H5Z_FILTER_DEFLATE). Thread-safe.
[[nodiscard]] std::vector<std::byte> shuffle_deflate(std::span<const std::byte> raw, std::size_t element_size,
                                                     int level);

}  // namespace coron::io
