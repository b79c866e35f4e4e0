#pragma once
#include "coron/stock.hpp"

#include <string>

namespace coron::stock {

/// A text description of a stock: counts by owner, form and cité category, flags,
/// households and floor areas. Several lines, ending with a newline.
[[nodiscard]] std::string summarize(const Stock& stock);

}  // namespace coron::stock
