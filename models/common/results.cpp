#include "coron/results.hpp"

namespace coron {

void Results::allocate(std::size_t r, std::size_t y, std::size_t n) {
  replicates = r;
  years = y;
  dwellings = n;
  year.assign(y, 0);
  const std::size_t cells = r * y * n;
  heating_need_kwh.assign(cells, 0.0);
  final_energy_kwh.assign(cells, 0.0);
  primary_energy_kwh_m2.assign(cells, 0.0);
  ghg_kg_m2.assign(cells, 0.0);
  label.assign(cells, 0);
  label_count.assign(r * y * coron::label_count, 0);
  final_energy_gwh.assign(r * y, 0.0);
  ghg_kt.assign(r * y, 0.0);
}

}  // namespace coron
