#pragma once
#include "ideal_loads.hpp"
#include "iso13790_network.hpp"

#include <array>

// The 5R1C network of one dwelling as a handful of numbers, for the stock's hourly loop.
//
// RcNetwork is general (any nodes, Eigen matrices): building one allocates, which a loop over
// 70,000 dwellings, each with its own envelope, must not do. The 5R1C network has one
// capacitive node, so its Crank-Nicolson step reduces to scalars. Eliminating the air and the
// surface nodes (docs/model-hourly.md, "Equivalence with the standard's step"):
//
//   C_m dθ_m/dt = −S θ_m + b·u,   S = H_tr,ms (H_1 + H_tr,w)/D + H_tr,em,   D = H_1 + H_tr,w + H_tr,ms,
//   H_1 = H_ve H_tr,is/(H_ve + H_tr,is),  f = H_tr,is/(H_ve + H_tr,is),
//   b = [H_tr,ms H_tr,w/D + H_tr,em,  H_tr,ms H_1/D,  H_tr,ms f/D,  H_tr,ms/D,  1]   on u = [θ_e, θ_sup,
//   Φ_ia, Φ_st, Φ_m],
//
// then x₁ = p x₀ + q·u with p = (C − Δt S/2)/(C + Δt S/2), q = Δt b/(C + Δt S/2), and the air
// over the hour from the mean mass temperature (x₀ + x₁)/2. It is the same step as
// iso13790_network + IdealLoads (tested to rounding against them), 88 bytes, no allocation.

namespace coron::hourly {

/// One dwelling's hourly step: the mass node's update and the air node over the hour.
struct Zone5r1c {
  double mass_per_mass = 0.0;                                  ///< p
  std::array<double, iso13790::input_count> mass_per_input{};  ///< q
  double air_per_mass = 0.0;                                   ///< d(air over the hour)/d(mass at the start)
  std::array<double, iso13790::input_count> air_per_input{};   ///< d(air over the hour)/d(u)
  double trial_w = 0.0;                                        ///< 10 W/m2 of floor (ISO 13790 C.4.2)
};

/// The step of `p` over `step_s` seconds. No allocation; `p` as iso13790_parameters gives it
/// (all conductances positive but H_ve >= 0, C_m > 0).
[[nodiscard]] Zone5r1c zone_5r1c(const Iso13790Parameters& p, double step_s = 3600.0) noexcept;

/// One hour with ideal heating and cooling on the air node, as IdealLoads::step: `mass_c` is
/// the mass temperature at the start, replaced by the one at the end. Returns the power
/// (W; > 0 heating, < 0 cooling) and the air temperature over the hour; `free_air_c` receives
/// the air temperature the hour would have had without any power.
[[nodiscard]] inline HourLoad zone_hour(const Zone5r1c& z, double& mass_c,
                                        const std::array<double, iso13790::input_count>& u, SetPoints set,
                                        PowerLimits limits, double& free_air_c) noexcept {
  double mass_end = z.mass_per_mass * mass_c, air = z.air_per_mass * mass_c;
  for (std::size_t k = 0; k < iso13790::input_count; ++k) {
    mass_end += z.mass_per_input[k] * u[k];
    air += z.air_per_input[k] * u[k];
  }
  free_air_c = air;
  double power_w = 0.0;
  if (air < set.heating_c || air > set.cooling_c) {
    const double set_c = air < set.heating_c ? set.heating_c : set.cooling_c;
    const double air_per_w = z.air_per_input[iso13790::air_input];
    const double trial_c = air + z.trial_w * air_per_w;
    power_w = z.trial_w * (set_c - air) / (trial_c - air);
    if (power_w > limits.heating_max_w) power_w = limits.heating_max_w;
    if (power_w < -limits.cooling_max_w) power_w = -limits.cooling_max_w;
    mass_end += power_w * z.mass_per_input[iso13790::air_input];
    air += power_w * air_per_w;
  }
  mass_c = mass_end;
  return {power_w, air};
}

}  // namespace coron::hourly
