#pragma once
#include "coron/error.hpp"
#include "coron/thermal.hpp"

#include <filesystem>

// Reading the parameters of the 3CL model from data/thermal/*.yaml: climate, systems,
// emission factors, label limits and the fixed constants of the method. Every key is
// checked (type, unit, range, unknown keys); all problems go to the diagnostics.

namespace coron::io {

/// Reads `data_dir`/thermal/*.yaml into ThermalParams. Problems are added to `diag`
/// (file:line:col, key, what was expected); the caller calls diag.throw_if_any().
/// `data_dir` is the data/ folder. Not thread-safe with respect to `diag`.
[[nodiscard]] ThermalParams load_thermal_params(const std::filesystem::path& data_dir, Diagnostics& diag);

}  // namespace coron::io
