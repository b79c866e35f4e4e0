#pragma once
#include "app/hourly_validation.hpp"

#include <span>
#include <string>

// The table of `coron validate-hourly`: aligned text for a reader, CSV for a spreadsheet.

namespace coron::app {

/// One line per row: state, archetype, dwellings, floor area, both needs (MWh and kWh/m2.yr),
/// the ratio of the sums and its P10/P50/P90 over dwellings; a header line first.
[[nodiscard]] std::string format_needs_text(std::span<const NeedsRow> rows);

/// The same figures as CSV, full precision (kWh, m2), with a header line.
[[nodiscard]] std::string format_needs_csv(std::span<const NeedsRow> rows);

}  // namespace coron::app
