#pragma once
#include "coron/demography.hpp"
#include "coron/error.hpp"

#include <filesystem>

// Reading the parameters of the household model from data/demography/*.yaml: the life
// table and the rates of households.yaml. Every key is checked (type, range, list
// lengths, unknown keys); all problems go to the diagnostics with file:line:col.

namespace coron::io {

/// Reads `data_dir`/demography/{life-table.yaml, households.yaml}. Problems are added to
/// `diag`; the caller calls diag.throw_if_any(). Not thread-safe with respect to `diag`.
[[nodiscard]] DemographyParams load_demography_params(const std::filesystem::path& data_dir,
                                                      Diagnostics& diag);

/// The same from two explicit files (for checks of single files).
[[nodiscard]] DemographyParams load_demography_files(const std::filesystem::path& life_table,
                                                     const std::filesystem::path& households,
                                                     Diagnostics& diag);

}  // namespace coron::io
