#pragma once
#include "coron/results.hpp"

#include <cstddef>
#include <span>
#include <vector>

// What goes from one rank to rank 0 as bytes: a replicate's works, a process's totals, a
// sweep point's samples. Both ends run the same program on the same scenario: only the
// values travel, bit for bit, and a message that does not fit is refused.

namespace coron::cluster {

/// A replicate's works table, and back (for `funders` funders).
[[nodiscard]] std::vector<std::byte> pack_works(const WorksTable& works);
[[nodiscard]] WorksTable unpack_works(std::span<const std::byte> bytes, std::size_t funders);

/// Every per-replicate array of `aggregates` ([R][...] rows).
[[nodiscard]] std::vector<std::byte> pack_totals(const Aggregates& aggregates);
/// Copies into `into` the rows of replicates first, first + stride, ... from the totals
/// `bytes` carry (a process that ran those replicates, of the same run). Throws
/// std::runtime_error when they do not fit.
void merge_totals(std::span<const std::byte> bytes, std::size_t first, std::size_t stride, Aggregates& into);

/// Arrays of doubles (a sweep point's samples) as bytes, and back.
[[nodiscard]] std::vector<std::byte> pack_arrays(std::span<const std::vector<double>> arrays);
[[nodiscard]] std::vector<std::vector<double>> unpack_arrays(std::span<const std::byte> bytes);

}  // namespace coron::cluster
