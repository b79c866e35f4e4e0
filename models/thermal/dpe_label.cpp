#include "dpe_class.hpp"

#include "coron/thermal.hpp"

#include <cstdint>

// DPE 2021 double threshold: see dpe_class.hpp.

namespace coron {

std::uint8_t energy_class(const ThermalParams& params, double cep_kwh_m2, double reference_area_m2) noexcept {
  return detail::class_of(
      detail::limits_for(params.cep_limits_kwh_m2, params.small_cep_limits_kwh_m2, reference_area_m2),
      cep_kwh_m2);
}

std::uint8_t climate_class(const ThermalParams& params, double eges_kg_m2,
                           double reference_area_m2) noexcept {
  return detail::class_of(
      detail::limits_for(params.eges_limits_kg_m2, params.small_eges_limits_kg_m2, reference_area_m2),
      eges_kg_m2);
}

std::uint8_t dpe_label(const ThermalParams& params, double cep_kwh_m2, double eges_kg_m2,
                       double reference_area_m2) noexcept {
  const std::uint8_t e = energy_class(params, cep_kwh_m2, reference_area_m2);
  const std::uint8_t c = climate_class(params, eges_kg_m2, reference_area_m2);
  return e > c ? e : c;
}

}  // namespace coron
