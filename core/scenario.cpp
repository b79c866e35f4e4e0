#include "coron/scenario.hpp"

namespace coron {

double Scenario::electricity_primary_factor_in(int year) const noexcept {
  double factor = electricity_primary_factor.empty() ? 0.0 : electricity_primary_factor.front().value;
  for (const YearStep& step : electricity_primary_factor)
    if (step.from_year <= year) factor = step.value;
  return factor;
}

}  // namespace coron
