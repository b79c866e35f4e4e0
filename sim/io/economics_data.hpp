#pragma once
#include "coron/economics.hpp"
#include "coron/error.hpp"

#include <filesystem>

// Reading the parameters of the economics model from data/economics/*.yaml: energy prices
// and subscriptions by carrier and year, the heating intensity, hot water, rent, incomes
// and the fuel-poverty thresholds. Every key is checked (type, range, unknown keys); all
// problems go to the diagnostics, file:line:col first.

namespace coron::io {

/// Reads `data_dir`/economics/{prices,households}.yaml. Problems are added to `diag`; the
/// caller calls diag.throw_if_any(). Not thread-safe with respect to `diag`.
[[nodiscard]] EconomicsParams load_economics_params(const std::filesystem::path& data_dir, Diagnostics& diag);

}  // namespace coron::io
