#pragma once
#include "coron/columns.hpp"
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The housing stock as it stands on 1 January of the first simulated year: one
// column per attribute, one row per dwelling (structure of arrays). It is the
// immutable description a run starts from; each replicate copies what changes
// into its own DwellingState (coron/state.hpp). Its columns are those of the
// registry (coron/columns.hpp), so a landlord's own data can replace the
// synthetic stock through the CSV format (docs/stock-csv.md).

namespace coron {

/// The cités (rows) with their names and categories.
struct CiteTable {
  std::vector<std::string> name;
  std::vector<std::string> communes;   ///< ';'-separated when a cité spans several
  std::vector<std::string> epci;       ///< intercommunal authority of the first commune
  std::vector<std::uint8_t> category;  ///< CiteCategory
  std::vector<std::int32_t> dwellings;
  std::vector<std::uint8_t> heritage_unesco;  ///< inside the 2012 UNESCO listing
  std::vector<std::uint8_t> qpv;              ///< in a priority urban area

  [[nodiscard]] std::size_t size() const noexcept { return name.size(); }
  friend bool operator==(const CiteTable&, const CiteTable&) = default;
};

struct Stock {
#define CORON_MEMBER(T, name, unit, spec, text) std::vector<T> name;
  CORON_IDENTITY_COLUMNS(CORON_MEMBER)
  CORON_THERMAL_COLUMNS(CORON_MEMBER)
  CORON_HOUSEHOLD_COLUMNS(CORON_MEMBER)
#undef CORON_MEMBER

  CiteTable cites;

  [[nodiscard]] std::size_t size() const noexcept { return dwelling_id.size(); }
  /// Resizes every dwelling column to n (cites untouched); new rows take each column's
  /// fallback (ColumnSpec: what an older file lacking it gets), 0 for most.
  void resize(std::size_t n);
  friend bool operator==(const Stock&, const Stock&) = default;
};

/// Dwellings [begin, end) of `stock`, with every cité: a process's slice of a stock split
/// between processes (RunOptions::slices).
[[nodiscard]] Stock slice_of(const Stock& stock, std::size_t begin, std::size_t end);

/// Where a stock in cité order is cut into slices: slice k holds dwellings [dwelling[k],
/// dwelling[k + 1]) and cités [cite[k], cite[k + 1]) (the cités without dwellings with the
/// slice before them); each has one entry more than there are slices.
struct StockCuts {
  std::vector<std::size_t> dwelling;
  std::vector<std::size_t> cite;
  [[nodiscard]] std::size_t slices() const noexcept { return dwelling.size() - 1; }
};

/// Where to cut `stock` into `slices` slices of about equal size, a cité never cut in two.
/// Throws std::invalid_argument when the dwellings are not in cité order (cite_id never
/// decreasing), or when there are more slices than cités.
[[nodiscard]] StockCuts slice_bounds(const Stock& stock, std::size_t slices);

/// Calls f(const ColumnInfo&, column) for every dwelling column of `stock`, in
/// the order of stock_columns(); `column` is the std::vector of the column's type
/// (const when `stock` is). Thread-safe if f is.
template <class S, class F>
requires std::is_same_v<std::remove_const_t<S>, Stock>
void for_each_column(S& stock, F&& f) {
  const ColumnInfo* info = stock_columns().data();
#define CORON_VISIT(T, name, unit, spec, text) f(*info++, stock.name);
  CORON_IDENTITY_COLUMNS(CORON_VISIT)
  CORON_THERMAL_COLUMNS(CORON_VISIT)
  CORON_HOUSEHOLD_COLUMNS(CORON_VISIT)
#undef CORON_VISIT
}

}  // namespace coron
