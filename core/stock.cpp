#include "coron/stock.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace coron {

void Stock::resize(std::size_t n) {
  // A new row holds what a row that says nothing means: the value an older stock file gets
  // for a column it lacks (1 for the facades' sun factors, unshaded vertical glazing), else 0.
  for_each_column(*this, [n](const ColumnInfo& info, auto& column) {
    using T = typename std::remove_reference_t<decltype(column)>::value_type;
    const bool constant = info.spec.legacy_column.empty();
    column.resize(n, constant ? static_cast<T>(info.spec.fallback) : T{});
  });
}

Stock slice_of(const Stock& stock, std::size_t begin, std::size_t end) {
  Stock out;
  const auto from = static_cast<std::ptrdiff_t>(begin), to = static_cast<std::ptrdiff_t>(end);
#define CORON_SLICE(T, name, unit, spec, text) \
  out.name.assign(stock.name.begin() + from, stock.name.begin() + to);
  CORON_IDENTITY_COLUMNS(CORON_SLICE)
  CORON_THERMAL_COLUMNS(CORON_SLICE)
  CORON_HOUSEHOLD_COLUMNS(CORON_SLICE)
#undef CORON_SLICE
  out.cites = stock.cites;
  return out;
}

StockCuts slice_bounds(const Stock& stock, std::size_t slices) {
  const std::vector<std::int32_t>& cite = stock.cite_id;
  const std::size_t n = cite.size();
  if (const auto down = std::adjacent_find(cite.begin(), cite.end(), std::greater<>()); down != cite.end())
    throw std::invalid_argument(
        "the stock is not in cité order (dwelling " +
        std::to_string(stock.dwelling_id[static_cast<std::size_t>(down - cite.begin()) + 1]) + " of cité " +
        std::to_string(*(down + 1)) + " follows one of cité " + std::to_string(*down) +
        "): dwelling slices need the dwellings sorted by cite_id");
  // Cuts only between cités: the first dwelling of each cité, then the end.
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < n; ++i)
    if (cite[i] != cite[i - 1]) cuts.push_back(i);
  if (slices == 0 || slices > cuts.size() + 1)
    throw std::invalid_argument(std::to_string(slices) + " dwelling slices of a stock of " +
                                std::to_string(n == 0 ? 0 : cuts.size() + 1) +
                                " cités: at most one per cité");
  StockCuts out{{0}, {0}};
  std::vector<std::size_t>& bounds = out.dwelling;
  for (std::size_t k = 1; k < slices; ++k) {
    // The cut nearest to k n / slices, after the previous one, leaving one cut for each slice to come.
    const std::size_t ideal = k * n / slices;
    auto at = std::lower_bound(cuts.begin(), cuts.end(), ideal);
    if (at != cuts.begin() && (at == cuts.end() || ideal - *(at - 1) < *at - ideal)) --at;
    const auto lowest = std::upper_bound(cuts.begin(), cuts.end(), bounds.back());
    const auto highest = cuts.end() - static_cast<std::ptrdiff_t>(slices - 1 - k);
    bounds.push_back(*std::clamp(at, lowest, highest - 1));
    out.cite.push_back(static_cast<std::size_t>(cite[bounds.back()]));
  }
  bounds.push_back(n);
  out.cite.push_back(stock.cites.size());
  return out;
}

}  // namespace coron
