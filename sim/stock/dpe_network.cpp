#include "stock/dpe_network.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace coron::stock {

namespace {

/// enum_type_emission_distribution_id in [first, last].
struct IdRange {
  int first, last;
};

bool in(int id, std::initializer_list<IdRange> ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [id](IdRange r) { return id >= r.first && id <= r.last; });
}

}  // namespace

DpeNetwork heating_network(const io::DpeGenerator& heater, double floor_area_m2) noexcept {
  if (heater.network_emitter_count == 0) return {};
  const int id = heater.network_emission_id;
  // The emitter groups of the method (Open3CL enums.js type_emission_distribution).
  const bool floor_or_ceiling = in(id, {{6, 9}, {11, 18}, {43, 44}});
  const bool single_pipe = in(id, {{24, 31}});
  const bool other_radiators = in(id, {{10, 10}, {19, 19}, {32, 39}, {45, 45}});
  const double emitters_kpa = floor_or_ceiling ? 15.0 : single_pipe ? 30.0 : other_radiators ? 10.0 : 35.0;
  // With several emitters, the least favourable length factor, that of "other" emitters.
  const double length_factor = floor_or_ceiling && heater.network_emitter_count == 1 ? 0.156 : 0.802;
  const double levels = std::max(1.0, heater.network_levels);
  const double run_m = 5.0 * length_factor * (levels + std::sqrt(floor_area_m2 / levels));
  const bool high_temperature = heater.network_temperature_id == 4;
  return {0.15 * run_m + emitters_kpa, high_temperature ? 15.0 : 7.5};
}

}  // namespace coron::stock
