#include "coron/thermal.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

// DPE 2021 double threshold. A value is in class k when it is below limit k and not
// below the limits before it (strict "<", as Open3CL's classe_bilan_dpe). Dwellings
// under 40 m2 use the row round(S) of the 2024 small-dwelling table (Open3CL looks the
// table up with Math.round), rows below 8 use row 8.

namespace coron {
namespace {

constexpr double small_first_m2 = 8.0;
constexpr double small_last_m2 = 39.0;

/// The row of `small` for area `s_m2`, or `general` for 40 m2 and above (after rounding).
const std::array<double, 6>& limits_for(const std::array<double, 6>& general,
                                        const std::array<std::array<double, 6>, 32>& small,
                                        double s_m2) noexcept {
  const double row_m2 = std::floor(s_m2 + 0.5);  // Math.round for positive areas
  if (!(row_m2 <= small_last_m2)) return general;
  const double clamped = row_m2 < small_first_m2 ? small_first_m2 : row_m2;
  return small[static_cast<std::size_t>(clamped - small_first_m2)];
}

std::uint8_t class_of(const std::array<double, 6>& limits, double value) noexcept {
  std::uint8_t k = 0;
  for (const double limit : limits) k = static_cast<std::uint8_t>(k + (value < limit ? 0 : 1));
  return k;
}

}  // namespace

std::uint8_t energy_class(const ThermalParams& params, double cep_kwh_m2, double reference_area_m2) noexcept {
  return class_of(limits_for(params.cep_limits_kwh_m2, params.small_cep_limits_kwh_m2, reference_area_m2),
                  cep_kwh_m2);
}

std::uint8_t climate_class(const ThermalParams& params, double eges_kg_m2,
                           double reference_area_m2) noexcept {
  return class_of(limits_for(params.eges_limits_kg_m2, params.small_eges_limits_kg_m2, reference_area_m2),
                  eges_kg_m2);
}

std::uint8_t dpe_label(const ThermalParams& params, double cep_kwh_m2, double eges_kg_m2,
                       double reference_area_m2) noexcept {
  const std::uint8_t e = energy_class(params, cep_kwh_m2, reference_area_m2);
  const std::uint8_t c = climate_class(params, eges_kg_m2, reference_area_m2);
  return e > c ? e : c;
}

}  // namespace coron
