#pragma once
#include "setup/machine_room.hpp"
#include "setup/run_setup.hpp"

#include "coron/column.hpp"
#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

// What a run will take, estimated from its shape before it starts: the size of its
// results file and its peak memory. A run that cannot fit is refused before hours of
// work end in a full disk or in the kernel's out-of-memory killer. The estimates count
// the large arrays only (everything that grows with dwellings x years x replicates);
// what they leave out is small beside them (docs/reliability.md, "Runs too large").

namespace coron::setup {

/// The shape of a run: what its estimates are computed from.
struct RunShape {
  std::size_t dwellings = 0;
  std::size_t cites = 0;
  std::size_t years = 0;
  std::size_t replicates = 0;
  std::size_t dwelling_replicates = 0;     ///< replicates that record /dwelling (<= replicates)
  std::vector<const ColumnInfo*> columns;  ///< the /dwelling columns recorded
  std::size_t funders = 0;
  std::size_t works_rows = 0;  ///< /works rows of a recorded replicate, at most
  std::size_t in_flight = 1;   ///< replicates run at once (the threads)
  int compression = 1;         ///< deflate level of /dwelling, 0 = none
};

/// Bytes of one value of a column.
[[nodiscard]] std::size_t column_bytes(ColumnType type) noexcept;

/// The estimates, in bytes.
struct RunFootprint {
  std::uint64_t dwelling_bytes = 0;  ///< /dwelling uncompressed: R_d x Y x N x (bytes of the columns)
  std::uint64_t works_bytes = 0;     ///< /works at most (RunShape::works_rows per recorded replicate)
  std::uint64_t other_bytes = 0;     ///< /stock, /aggregate and /aggregate/by_cite, uncompressed
  /// The smallest the file can be: no works, and when compressed, every deflated dataset
  /// at deflate's greatest possible ratio.
  std::uint64_t file_bytes_min = 0;
  std::uint64_t file_bytes_max = 0;  ///< everything uncompressed
  std::uint64_t record_bytes = 0;    ///< one recording replicate's /dwelling rows in memory
  std::uint64_t memory_bytes = 0;    ///< peak: stock, states and records in flight, aggregates
};

/// Deflate's greatest compression ratio: a 258-byte match coded in two bits at best
/// (RFC 1951, §3.2.5). No deflated /dwelling can be smaller than its bytes over this.
inline constexpr std::uint64_t deflate_max_ratio = 1032;

[[nodiscard]] RunFootprint estimate_footprint(const RunShape& shape);

/// The shape of one rank of a run cut into `slices` dwelling slices (`coron run --slices`),
/// as far as its memory goes: one replicate at a time over the largest slice (the whole
/// stock's share, rounded up). Its file is the whole run's.
[[nodiscard]] RunShape slice_shape(const RunShape& whole, std::size_t slices);
/// What a rank holds besides its slice's footprint: the whole stock, read before it is cut.
[[nodiscard]] std::uint64_t whole_stock_bytes(const RunShape& whole);

/// The shape of `setup`'s run on `in_flight` threads. Its /works rows are bounded by the
/// dwellings of the operations' cités, plus every dwelling when works also come at vacancy.
[[nodiscard]] RunShape run_shape(const RunSetup& setup, std::size_t in_flight);

/// Records in `diag` each way the run of `shape` cannot fit in `room`: its results file
/// (`output`, key output.file) larger than the free disk or the file size limit even at
/// its smallest, or its memory larger than the free memory or the address space left.
/// The messages give the estimate, what the machine has, and what would make it fit.
void check_footprint(const RunShape& shape, const RunFootprint& footprint, const MachineRoom& room,
                     const std::filesystem::path& output, const std::filesystem::path& scenario,
                     Diagnostics& diag);
/// The two halves of check_footprint: the results file against the disk and the file size
/// limit, the memory against the free memory and the address space (a rank of a sliced run
/// checks its own memory, of a shape other than the file's).
void check_file_room(const RunShape& shape, const RunFootprint& footprint, const MachineRoom& room,
                     const std::filesystem::path& output, Diagnostics& diag);
void check_memory_room(const RunShape& shape, const RunFootprint& footprint, const MachineRoom& room,
                       const std::filesystem::path& scenario, Diagnostics& diag);

/// Once the first recorded replicate is written, when the file was `written` bytes of
/// which that replicate took `first`: records in `diag` a run whose file, projected over
/// its other recorded replicates, cannot fit in `room`. Deflate's ratio is known by then:
/// this catches the compressed runs whose smallest size fitted but whose real size will not.
void check_projection(const RunShape& shape, std::uint64_t written, std::uint64_t first,
                      const MachineRoom& room, const std::filesystem::path& output, Diagnostics& diag);

}  // namespace coron::setup
