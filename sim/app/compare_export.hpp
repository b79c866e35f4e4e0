#pragma once
#include "app/comparison.hpp"

#include <string>

// The comparison for report tools. docs/compare.md documents both layouts.

namespace coron::app {

/// Long-format CSV, one value a line: indicator,unit,year,scenario,file,statistic,value
/// with statistic p10, p50, p90 (a spread) or median_difference (an unpaired
/// figure); missing cells have no line. Values in shortest round-trip form.
[[nodiscard]] std::string comparison_csv(const Comparison& comparison);

/// The comparison as one JSON object: format, reference, files, years and
/// indicators (one entry per indicator and year, a value object or null per file).
[[nodiscard]] std::string comparison_json(const Comparison& comparison);

}  // namespace coron::app
