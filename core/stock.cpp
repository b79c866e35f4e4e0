#include "coron/stock.hpp"

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

}  // namespace coron
