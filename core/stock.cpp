#include "coron/stock.hpp"

namespace coron {

void Stock::resize(std::size_t n) {
  for_each_column(*this, [n](const ColumnInfo&, auto& column) { column.resize(n); });
}

}  // namespace coron
