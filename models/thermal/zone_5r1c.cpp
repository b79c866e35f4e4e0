#include "zone_5r1c.hpp"

namespace coron::hourly {

Zone5r1c zone_5r1c(const Iso13790Parameters& p, double step_s) noexcept {
  namespace iso = iso13790;
  const double h_ve = p.h_ve_w_per_k, h_is = p.h_tr_is_w_per_k, h_w = p.h_tr_w_w_per_k;
  const double h_ms = p.h_tr_ms_w_per_k, h_em = p.h_tr_em_w_per_k;
  const double air_sum = h_ve + h_is;
  const double f = h_is / air_sum;  // share of a watt into the air that the surface node sees
  const double h_1 = h_ve * f;
  const double d = h_1 + h_w + h_ms;
  const double s = h_ms * (h_1 + h_w) / d + h_em;
  std::array<double, iso::input_count> b{};
  b[iso::outdoor_input] = h_ms * h_w / d + h_em;
  b[iso::supply_input] = h_ms * h_1 / d;
  b[iso::air_input] = h_ms * f / d;
  b[iso::surface_input] = h_ms / d;
  b[iso::mass_input] = 1.0;

  Zone5r1c z;
  const double lhs = p.c_m_j_per_k + 0.5 * step_s * s;
  z.mass_per_mass = (p.c_m_j_per_k - 0.5 * step_s * s) / lhs;
  for (std::size_t k = 0; k < iso::input_count; ++k) z.mass_per_input[k] = step_s * b[k] / lhs;

  // Surface over the hour: θ_s = (H_1 θ_sup + H_tr,w θ_e + H_tr,ms θ̄_m + Φ_st + f Φ_ia)/D;
  // air: θ_air = (H_ve θ_sup + H_tr,is θ_s + Φ_ia)/(H_ve + H_tr,is); θ̄_m = (x₀ + x₁)/2.
  std::array<double, iso::input_count> surface{};
  surface[iso::outdoor_input] = h_w / d;
  surface[iso::supply_input] = h_1 / d;
  surface[iso::air_input] = f / d;
  surface[iso::surface_input] = 1.0 / d;
  const double surface_per_mean_mass = h_ms / d;
  std::array<double, iso::input_count> air{};
  for (std::size_t k = 0; k < iso::input_count; ++k) air[k] = f * surface[k];
  air[iso::supply_input] += h_ve / air_sum;
  air[iso::air_input] += 1.0 / air_sum;
  const double air_per_mean_mass = f * surface_per_mean_mass;
  z.air_per_mass = air_per_mean_mass * 0.5 * (1.0 + z.mass_per_mass);
  for (std::size_t k = 0; k < iso::input_count; ++k)
    z.air_per_input[k] = air[k] + air_per_mean_mass * 0.5 * z.mass_per_input[k];
  z.trial_w = 10.0 * p.floor_area_m2;
  return z;
}

}  // namespace coron::hourly
