#pragma once
#include "coron/error.hpp"
#include "coron/weather.hpp"

#include <filesystem>
#include <string>
#include <string_view>

// EnergyPlus weather files (EPW, docs/model-weather.md): the header records up to DATA
// PERIODS, then one comma-separated row of 35 fields per hour for a whole year. The reader
// keeps the station (LOCATION) and the columns of HourlyWeather; the other header records
// are recognised and skipped. Every problem (a wrong field count, a value that is not a
// number, out of its range or the field's missing-value code where a value is required, a
// row out of calendar order, a wrong number of rows) is reported as file:line:column: field:
// expected ..., got '...', all of them at once (the first 100), by an InputError.

namespace coron::io {

/// Number of fields of an EPW data row.
inline constexpr int epw_fields_per_row = 35;

/// Reads the EPW file at `path`. Throws InputError listing every problem found (or that the
/// file cannot be opened). Thread-safe.
[[nodiscard]] HourlyWeather read_epw(const std::filesystem::path& path);

/// Reads EPW text as if from `display_path`. Throws InputError listing every problem found.
/// Thread-safe.
[[nodiscard]] HourlyWeather parse_epw(std::string_view text, const std::string& display_path);

}  // namespace coron::io
