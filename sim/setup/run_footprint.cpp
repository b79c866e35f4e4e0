#include "setup/run_footprint.hpp"

#include "util/human_size.hpp"

#include "coron/aggregates.hpp"
#include "coron/columns.hpp"
#include "coron/results.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace coron::setup {

namespace {

using util::human_size;

/// Bytes of one dwelling's values over `columns`.
std::uint64_t row_bytes(std::span<const ColumnInfo* const> columns) {
  std::uint64_t bytes = 0;
  for (const ColumnInfo* c : columns) bytes += column_bytes(c->type);
  return bytes;
}

std::uint64_t row_bytes(std::span<const ColumnInfo> columns) {
  std::uint64_t bytes = 0;
  for (const ColumnInfo& c : columns) bytes += column_bytes(c.type);
  return bytes;
}

/// Bytes of the float64 columns among `columns`.
std::uint64_t real_bytes(std::span<const ColumnInfo> columns) {
  std::uint64_t bytes = 0;
  for (const ColumnInfo& c : columns)
    if (c.type == ColumnType::f64) bytes += 8;
  return bytes;
}

/// Values of one replicate-year of the stock totals (/aggregate), histograms counted by bin.
std::uint64_t aggregate_width() {
  std::uint64_t width = 0;
  for (const AggregateInfo& a : aggregate_columns) width += a.width();
  return width;
}

/// Bytes of one works row in memory (a WorksTable row: year, row, package, cost, a grant
/// and a loan per funder, landlord, labels before and after, primary energy before and
/// after, target reached; and its replicate).
std::uint64_t works_row_bytes(std::uint64_t funders) {
  return 4 + 8 + 4 + 8 + 2 * 8 * funders + 8 + 1 + 1 + 8 + 8 + 1 + 4;
}

/// Bytes of one /works row in the file: the row in memory and the dwelling's identifier.
std::uint64_t works_file_row_bytes(std::uint64_t funders) { return works_row_bytes(funders) + 8; }

/// What makes a results file smaller.
constexpr std::string_view fewer_records =
    "record fewer output.dwelling_columns, output.dwelling_replicates or years";

/// "1 year", "40 years".
std::string count_of(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

/// "1.5 GiB (1610612736 bytes)".
std::string size_text(std::uint64_t bytes) {
  return bytes < 1024 ? human_size(bytes) : fmt::format("{} ({} bytes)", human_size(bytes), bytes);
}

}  // namespace

std::size_t column_bytes(ColumnType type) noexcept {
  switch (type) {
    case ColumnType::f64:
    case ColumnType::i64:
      return 8;
    case ColumnType::i32:
      return 4;
    case ColumnType::i16:
      return 2;
    case ColumnType::u8:
      break;
  }
  return 1;
}

RunFootprint estimate_footprint(const RunShape& s) {
  const std::uint64_t n = s.dwellings;
  const std::uint64_t y = s.years;
  const std::uint64_t r = s.replicates;
  const std::uint64_t recorded = std::min(s.dwelling_replicates, s.replicates);
  const std::uint64_t per_dwelling_year = row_bytes(s.columns);
  const std::uint64_t totals = (aggregate_width() + s.funders) * 8;  // one replicate-year, stock or cité

  RunFootprint f;
  f.dwelling_bytes = recorded * y * n * per_dwelling_year;
  f.works_bytes = recorded * s.works_rows * works_file_row_bytes(s.funders);
  // Stored as they are whatever the compression: /stock's doubles (docs/hdf5-schema.md), the
  // dwelling coordinates of /stock and /dwelling, /aggregate per replicate and its quantiles.
  const std::uint64_t stock_bytes = n * row_bytes(stock_columns());
  const std::uint64_t stock_doubles = n * real_bytes(stock_columns());
  const std::uint64_t plain = stock_doubles + n * 2 * 8 + r * y * totals + 3 * y * totals;
  // Deflated when compression is on: /dwelling, /stock's codes and integers, /aggregate/by_cite.
  const std::uint64_t deflated = f.dwelling_bytes + stock_bytes - stock_doubles + r * y * s.cites * totals;
  f.other_bytes = plain + deflated - f.dwelling_bytes;
  f.file_bytes_max = f.dwelling_bytes + f.works_bytes + f.other_bytes;
  // At its smallest a run has no works, and every deflated dataset shrinks by deflate's
  // greatest ratio; none by more.
  f.file_bytes_min =
      plain + (s.compression == 0 ? deflated : (deflated + deflate_max_ratio - 1) / deflate_max_ratio);

  // Memory: the stock; per replicate in flight, its state and its cités' totals; per
  // recording replicate in flight, its /dwelling rows; the writer's compressed chunks of
  // one column; the /works rows of every recorded replicate until the file is committed;
  // the stock totals of every replicate-year.
  const std::uint64_t in_flight = std::min<std::uint64_t>(std::max<std::size_t>(s.in_flight, 1), r);
  const std::uint64_t recording = std::min(in_flight, recorded);
  std::uint64_t widest = 0;
  for (const ColumnInfo* c : s.columns) widest = std::max<std::uint64_t>(widest, column_bytes(c->type));
  f.record_bytes = y * n * per_dwelling_year;
  f.memory_bytes = stock_bytes + in_flight * (n * row_bytes(state_columns()) + y * s.cites * totals) +
                   recording * f.record_bytes + (recorded > 0 ? y * n * widest : 0) +
                   recorded * s.works_rows * works_row_bytes(s.funders) + r * y * totals;
  return f;
}

RunShape slice_shape(const RunShape& whole, std::size_t slices) {
  RunShape slice = whole;
  slice.dwellings = (whole.dwellings + slices - 1) / std::max<std::size_t>(slices, 1);
  slice.in_flight = 1;
  return slice;
}

std::uint64_t whole_stock_bytes(const RunShape& whole) {
  return whole.dwellings * row_bytes(stock_columns());
}

RunShape run_shape(const RunSetup& setup, std::size_t in_flight) {
  const Scenario& scenario = setup.scenario;
  RunShape shape;
  shape.dwellings = setup.stock.size();
  shape.cites = setup.stock.cites.size();
  shape.years = static_cast<std::size_t>(scenario.years);
  shape.replicates = static_cast<std::size_t>(scenario.replicates);
  shape.dwelling_replicates = static_cast<std::size_t>(std::max(0, scenario.output.dwelling_replicates));
  shape.columns = recorded_columns(scenario.output.dwelling_columns);
  shape.funders = setup.params.funding.funders.size();
  shape.in_flight = in_flight;
  shape.compression = scenario.output.compression;
  const RenovationOptions& renovation = scenario.renovation;
  if (renovation.enabled) {
    std::vector<bool> in_operation(setup.stock.cites.size(), false);
    for (const OperationSpec& operation : renovation.operations)
      for (const std::int32_t cite : operation.cite_ids)
        in_operation.at(static_cast<std::size_t>(cite)) = true;
    shape.works_rows = static_cast<std::size_t>(
        std::count_if(setup.stock.cite_id.begin(), setup.stock.cite_id.end(),
                      [&](std::int32_t cite) { return in_operation[static_cast<std::size_t>(cite)]; }));
    if (renovation.at_vacancy.enabled) shape.works_rows += shape.dwellings;
  }
  return shape;
}

void check_file_room(const RunShape& shape, const RunFootprint& f, const MachineRoom& room,
                     const std::filesystem::path& output, Diagnostics& diag) {
  const std::string file_size =
      shape.compression == 0
          ? fmt::format("will be at least {} uncompressed", size_text(f.file_bytes_min))
          : fmt::format("cannot be smaller than {} ({} uncompressed, deflate's greatest ratio being {}:1)",
                        size_text(f.file_bytes_min), human_size(f.file_bytes_max), deflate_max_ratio);
  const std::string what =
      fmt::format("/dwelling is {} x {} x {} x {}, {} uncompressed",
                  count_of(std::min(shape.dwelling_replicates, shape.replicates), "replicate"),
                  count_of(shape.years, "year"), count_of(shape.dwellings, "dwelling"),
                  count_of(shape.columns.size(), "column"), human_size(f.dwelling_bytes));
  const std::string fit(fewer_records);
  const auto refuse_file = [&](const std::string& room_text) {
    diag.add(output.string(), 0, 0, "output.file",
             fmt::format("the results file {}, more than {} ({}); {}", file_size, room_text, what, fit));
  };
  if (room.free_disk && f.file_bytes_min > *room.free_disk)
    refuse_file(fmt::format("the {} free in its folder", size_text(*room.free_disk)));
  if (room.file_size_limit && f.file_bytes_min > *room.file_size_limit)
    refuse_file(
        fmt::format("this process's file size limit of {} (ulimit -f)", size_text(*room.file_size_limit)));
}

void check_memory_room(const RunShape& shape, const RunFootprint& f, const MachineRoom& room,
                       const std::filesystem::path& scenario, Diagnostics& diag) {
  const std::size_t recording = std::min({shape.in_flight, shape.dwelling_replicates, shape.replicates});
  const std::string memory =
      recording == 0
          ? fmt::format("the run needs about {} of memory ({}, {} x {} of totals)", size_text(f.memory_bytes),
                        count_of(shape.dwellings, "dwelling"), count_of(shape.replicates, "replicate"),
                        count_of(shape.years, "year"))
          : fmt::format("the run needs about {} of memory ({} in flight recording {} each: {} x {} x {})",
                        size_text(f.memory_bytes), count_of(recording, "replicate"),
                        human_size(f.record_bytes), count_of(shape.years, "year"),
                        count_of(shape.dwellings, "dwelling"), count_of(shape.columns.size(), "column"));
  const std::string fit_memory = std::string(fewer_records) + ", or run on fewer --threads";
  if (room.free_memory && f.memory_bytes > *room.free_memory)
    diag.add(
        scenario.string(), 0, 0, "",
        fmt::format("{}, more than the {} available; {}", memory, size_text(*room.free_memory), fit_memory));
  if (room.address_room && f.memory_bytes > *room.address_room)
    diag.add(scenario.string(), 0, 0, "",
             fmt::format("{}, more than the {} left under this process's address space limit (ulimit -v); {}",
                         memory, size_text(*room.address_room), fit_memory));
}

void check_footprint(const RunShape& shape, const RunFootprint& footprint, const MachineRoom& room,
                     const std::filesystem::path& output, const std::filesystem::path& scenario,
                     Diagnostics& diag) {
  check_file_room(shape, footprint, room, output, diag);
  check_memory_room(shape, footprint, room, scenario, diag);
}

void check_projection(const RunShape& shape, std::uint64_t written, std::uint64_t first,
                      const MachineRoom& room, const std::filesystem::path& output, Diagnostics& diag) {
  const std::uint64_t recorded = std::min(shape.dwelling_replicates, shape.replicates);
  if (recorded < 2) return;
  const std::uint64_t remaining = first * (recorded - 1);
  const std::uint64_t projected = written + remaining;
  const std::string growth = fmt::format(
      "its first replicate took {} of the results file: with its {} recorded replicates it would reach {}",
      size_text(first), recorded, size_text(projected));
  if (room.free_disk && remaining > *room.free_disk)
    diag.add(output.string(), 0, 0, "output.file",
             fmt::format("{}, {} more than the {} free in its folder; {}", growth, size_text(remaining),
                         size_text(*room.free_disk), fewer_records));
  if (room.file_size_limit && projected > *room.file_size_limit)
    diag.add(output.string(), 0, 0, "output.file",
             fmt::format("{}, more than this process's file size limit of {} (ulimit -f); {}", growth,
                         size_text(*room.file_size_limit), fewer_records));
}

}  // namespace coron::setup
