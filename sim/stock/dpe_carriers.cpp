#include "stock/dpe_carriers.hpp"

#include "stock/dpe_systems.hpp"

#include <optional>

namespace coron::stock {

namespace {

/// The GHG content of `energy_id`'s carrier when it is not `system_carrier`; 0 otherwise.
double other_carrier_content(int energy_id, Carrier system_carrier,
                             const std::array<double, carrier_count>& content_by_carrier) {
  const std::optional<Carrier> burnt = carrier_of_energy(energy_id);
  if (!burnt || *burnt == system_carrier) return 0.0;
  return content_by_carrier[static_cast<std::size_t>(*burnt)];
}

}  // namespace

std::size_t apply_certificate_carriers(DpeImport& imported, const ThermalParams& params) {
  Stock& s = imported.stock;
  std::size_t changed = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    DpeMapping& m = imported.imported[i].mapping;
    bool took = false;
    if (s.heating_ghg_factor[i] == 0.0) {
      const double content = other_carrier_content(
          m.heating_energy_id, params.heating[s.heating_system[i]].carrier, params.ghg_heating_kg_per_kwh);
      s.heating_ghg_factor[i] = m.row.heating_ghg_factor = content;
      took = took || content > 0.0;
    }
    if (s.dhw_ghg_factor[i] == 0.0) {
      const double content = other_carrier_content(m.dhw_energy_id, params.dhw[s.dhw_system[i]].carrier,
                                                   params.ghg_dhw_kg_per_kwh);
      s.dhw_ghg_factor[i] = m.row.dhw_ghg_factor = content;
      took = took || content > 0.0;
    }
    changed += took ? 1 : 0;
  }
  return changed;
}

}  // namespace coron::stock
