#include "app/budget_range.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace coron::app {

namespace {

// The scenario loader's ceiling on a yearly budget (sim/io/renovation_section.cpp): the
// knapsack counts cents in an int64.
constexpr double max_budget_eur_per_yr = 1e12;

// Steps that land on b up to rounding (0:1e6:1e5 computed as ten steps of 0.1e6) include it.
constexpr double landing_tolerance = 1e-9;

std::optional<double> parse_number(std::string_view part) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (ec != std::errc{} || end != part.data() + part.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::vector<double> parse_budget_range(std::string_view text) {
  Diagnostics diag;
  const auto problem = [&diag, text](const std::string& message) {
    diag.add("--budget", 0, 0, "", fmt::format("\"{}\": {}", text, message));
  };
  std::array<std::string_view, 3> parts;
  std::size_t count = 0;
  std::size_t from = 0;
  while (true) {
    const std::size_t colon = text.find(':', from);
    const std::string_view part = text.substr(from, colon == std::string_view::npos ? colon : colon - from);
    if (count < parts.size()) parts[count] = part;
    ++count;
    if (colon == std::string_view::npos) break;
    from = colon + 1;
  }
  if (count != 3) {
    problem("expected FIRST:LAST:STEP, three numbers in EUR per year (e.g. 0:20000000:5000000)");
    diag.throw_if_any();
  }
  constexpr std::array<std::string_view, 3> names = {"FIRST", "LAST", "STEP"};
  std::array<double, 3> values{};
  for (std::size_t k = 0; k < 3; ++k) {
    const std::optional<double> value = parse_number(parts[k]);
    if (!value)
      problem(fmt::format("{} \"{}\" is not a number", names[k], parts[k]));
    else if (*value < 0.0 || *value > max_budget_eur_per_yr)
      problem(
          fmt::format("{} {:g} is outside 0 .. {:g} EUR per year", names[k], *value, max_budget_eur_per_yr));
    else
      values[k] = *value;
  }
  diag.throw_if_any();
  const auto [first, last, step] = values;
  if (last < first) problem(fmt::format("LAST {} is below FIRST {}", last, first));
  if (step <= 0.0) problem("STEP must be above 0");
  diag.throw_if_any();
  const double steps = std::floor((last - first) / step + landing_tolerance);
  if (steps + 1.0 > static_cast<double>(max_sweep_points)) {
    problem(fmt::format("{:g} points, more than the {} a sweep accepts", steps + 1.0, max_sweep_points));
    diag.throw_if_any();
  }
  std::vector<double> budgets;
  for (std::size_t i = 0; i <= static_cast<std::size_t>(steps); ++i)
    budgets.push_back(std::min(first + static_cast<double>(i) * step, last));
  return budgets;
}

}  // namespace coron::app
