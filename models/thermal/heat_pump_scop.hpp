#pragma once
#include "coron/thermal.hpp"

// A heat pump's seasonal performance by the 3CL method (arrêté du 31 mars 2021 §12.4; Open3CL
// 12.4_pac.js and tv.js `scop`): a fixed value by type, installation period, climate zone
// (H1 and H2 together, H3 apart) and emitter. Before 2008 the table gives a COP, used as the
// SCOP. The period is the last row whose from_year is not after the generator's year.

namespace coron::detail {

[[nodiscard]] inline double heat_pump_scop(const HeatPumpScop& s, int year, bool zone_h3) noexcept {
  const HeatPumpPeriod* row = &s.periods[0];
  for (std::size_t k = 1; k < s.period_count; ++k)
    if (s.periods[k].from_year <= year) row = &s.periods[k];
  return zone_h3 ? row->scop_h3 : row->scop_h1_h2;
}

}  // namespace coron::detail
