#pragma once
#include <string_view>
#include <vector>

// The `--budget a:b:step` option of `coron sweep`: the yearly budgets to try.

namespace coron::app {

/// Most points a sweep accepts: each is a whole run.
inline constexpr std::size_t max_sweep_points = 1000;

/// The budgets a, a + step, ... up to b (included when the steps land on it), in EUR per
/// year. Throws InputError naming --budget with every problem found: not three numbers,
/// a negative or non-finite value, b < a, step <= 0, a budget over the loader's ceiling
/// (1e12 EUR/yr), more than max_sweep_points points.
[[nodiscard]] std::vector<double> parse_budget_range(std::string_view text);

}  // namespace coron::app
