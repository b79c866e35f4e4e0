#pragma once
#include "app/comparison.hpp"

#include <string>

namespace coron::app {

/// The comparison as aligned text columns, one per file (headed by its scenario
/// name), one block per year: what `coron compare` prints.
[[nodiscard]] std::string format_comparison_text(const Comparison& comparison);

/// One cell as the text table shows it: "-" when missing, the value alone for a
/// single replicate, an unpaired difference or a figure equal in every replicate,
/// else "P50 [P10-P90]" ("P50 [P10, P90]"
/// when P10 is negative, so minus signs stay readable).
[[nodiscard]] std::string format_cell(const Cell& cell, int decimals);

}  // namespace coron::app
