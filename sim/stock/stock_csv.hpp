#pragma once
#include "coron/error.hpp"
#include "coron/stock.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

// The stock as CSV (docs/stock-csv.md): one row per dwelling, a header row of
// column names, enums by name, the cité's attributes repeated on each row.
// Reading reports every problem at once (file:line:column: column: expected ...,
// got '...') and rebuilds the cité table in order of first appearance. Doubles are
// written in their shortest round-trip form: writing then reading gives a
// bitwise identical Stock.

namespace coron::stock {

/// Every column, in the order they are written.
[[nodiscard]] const std::vector<std::string_view>& stock_csv_columns();

/// Writes `stock` as CSV to `out`.
void write_stock_csv(const Stock& stock, std::ostream& out);
/// Writes `stock` to `path` (through `path`.partial, renamed when complete; removed on any
/// failure). Throws InputError when `path` is a folder or cannot be written, std::runtime_error
/// when writing fails.
void write_stock_csv_file(const Stock& stock, const std::filesystem::path& path);
/// Same as write_stock_csv_file.
inline void write_stock_csv(const Stock& stock, const std::filesystem::path& path) {
  write_stock_csv_file(stock, path);
}

/// Reads a stock CSV. Throws InputError listing every problem found. A file of an
/// older format loads, its missing columns given their documented values, each
/// reported in `notices` when given.
[[nodiscard]] Stock read_stock_csv(const std::filesystem::path& path,
                                   std::vector<Diagnostic>* notices = nullptr);
/// Reads CSV text as if from `display_path`. Throws InputError listing every problem found.
[[nodiscard]] Stock parse_stock_csv(std::string_view text, const std::string& display_path,
                                    std::vector<Diagnostic>* notices = nullptr);

}  // namespace coron::stock
