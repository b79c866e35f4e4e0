#pragma once
#include "coron/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// A results file (docs/hdf5-schema.md) as tidy tables for `coron export`
// (docs/export.md): one row per observation. A table is not materialised: it is a list
// of blocks, each a grid over some axes of one or more datasets (replicate, year, cité,
// bin or dwelling, slowest first) whose row r is the element r of the datasets in their
// row-major order. A 70,000-dwelling, 30-year /dwelling column then costs its own
// values and nothing per row.

namespace coron::app {

/// One field: empty (an empty CSV field, JSON null), text, a whole number or a real.
using Cell = std::variant<std::monostate, std::string_view, std::int64_t, std::uint64_t, double>;

/// The values of one dataset, as stored: reals (float64), whole numbers (integers), or
/// codes with the `names` they stand for (then a cell is the name).
struct DatasetValues {
  std::vector<double> reals;
  std::vector<std::int64_t> integers;
  std::vector<std::string> names;  ///< non-empty: integers are codes into it

  [[nodiscard]] Cell at(std::size_t i) const;
};

/// Where a column of a block takes its cells from.
struct CellSource {
  enum class Kind : unsigned char { constant, axis, values };
  Kind kind = Kind::constant;
  Cell constant;                     ///< constant: every row
  std::size_t axis = 0;              ///< axis: which axis of the block
  std::vector<Cell> labels;          ///< axis: one per position along it
  const DatasetValues* values = {};  ///< values: element offset + row of the block
  std::size_t offset = 0;
};

/// A grid of rows: `extents` slowest first, one source per column of the table.
struct TableBlock {
  std::vector<std::size_t> extents;
  std::vector<CellSource> sources;

  [[nodiscard]] std::size_t rows() const;
};

/// One output file's table. `columns` are the English names (docs/export.md), which
/// export_format translates.
struct ExportTable {
  std::string name;  ///< file name without extension, e.g. "aggregates"
  std::vector<std::string> columns;
  std::vector<TableBlock> blocks;

  [[nodiscard]] std::size_t rows() const;
  /// Calls `row(cells)` for each row in order; `cells` holds one cell per column.
  template <class F>
  void for_each_row(F&& row) const;
};

/// A file's provenance (/meta), in the order it is written out.
struct ExportMeta {
  std::vector<std::pair<std::string, Cell>> attributes;
};

/// Every table of one results file, owning the values its cells point into.
struct ExportSet {
  std::filesystem::path file;
  ExportMeta meta;
  std::vector<ExportTable> tables;
  std::deque<DatasetValues> values;  ///< deque: sources keep pointers into it
  std::deque<std::string> texts;     ///< deque: cells keep views into it
};

/// What to export besides the aggregates and the provenance.
struct ExportChoice {
  bool dwellings = false;  ///< the /dwelling columns, one row per replicate, year and dwelling
};

/// The schema versions (/meta schema_version) `coron export` reads: 4 adds only the
/// axes' coordinate datasets to 3, which the tables hold as their columns already.
inline constexpr std::array<std::int64_t, 2> export_schema_versions = {3, 4};

/// Reads `file` into its tables. A missing or unreadable file, one without /meta and
/// /years, of a schema version not in export_schema_versions, or whose shapes disagree with /meta and /years,
/// adds a diagnostic naming it and returns nothing. Calling thread only (HDF5).
[[nodiscard]] std::optional<ExportSet> read_export_set(const std::filesystem::path& file,
                                                       const ExportChoice& choice, Diagnostics& diag);

template <class F>
void ExportTable::for_each_row(F&& row) const {
  std::vector<Cell> cells(columns.size());
  for (const TableBlock& block : blocks) {
    const std::size_t n = block.rows();
    std::vector<std::size_t> at(block.extents.size(), 0);  // position along each axis
    for (std::size_t r = 0; r < n; ++r) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const CellSource& s = block.sources[c];
        switch (s.kind) {
          case CellSource::Kind::constant:
            cells[c] = s.constant;
            break;
          case CellSource::Kind::axis:
            cells[c] = s.labels[at[s.axis]];
            break;
          case CellSource::Kind::values:
            cells[c] = s.values->at(s.offset + r);
            break;
        }
      }
      row(static_cast<const std::vector<Cell>&>(cells));
      // Next position, last axis fastest (row-major, as the datasets are stored).
      for (std::size_t k = at.size(); k-- > 0;) {
        if (++at[k] < block.extents[k]) break;
        at[k] = 0;
      }
    }
  }
}

}  // namespace coron::app
