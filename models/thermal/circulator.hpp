#pragma once
#include "fast_math.hpp"

#include "coron/thermal.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

// The heating circulator's electric power by the 3CL method (arrêté du 31 mars 2021 §15.2.1;
// Open3CL 15_conso_aux.js getPuissanceCirculateur): the pump moves the flow that carries the
// design heat load, P_nc = GV (20 - T_base), at the network's design temperature drop, against
// the network's pressure drop. Its yearly electricity is P_circ . sum_j N_ref19,j / 1000 kWh.
//
//   P_circ = max(minimum, 6.44 (dP_nom Q_nom / f)^0.676 f) W, Q_nom = GV (20 - T_base) / (1163 dT)
//   m3/h, f = max(1, S_h / 400): a network over more than 400 m2 counts as that many 400 m2 ones.
//
// Two steps, so that the power, a logarithm and an exponential, runs over the chunk's dwellings
// side by side in vector registers (fast_math.hpp): circulator_load per dwelling, then
// circulator_power_w over batches.

namespace coron::detail {

/// The default network (`CirculatorParams`) for a dwelling of floor area S_h:
/// dP_nom = 0.15 L_em + dP_em kPa, L_em = 5 F_cot (N_niv + sqrt(S_h / N_niv)) m.
class DefaultNetwork {
 public:
  explicit DefaultNetwork(const CirculatorParams& c) noexcept
      : run_per_m_(5.0 * c.length_factor),
        levels_(c.levels),
        inv_levels_(1.0 / c.levels),
        emitters_kpa_(c.emitter_pressure_drop_kpa) {}
  [[nodiscard]] double pressure_drop_kpa(double s_h) const noexcept {
    return 0.15 * (run_per_m_ * (levels_ + std::sqrt(s_h * inv_levels_))) + emitters_kpa_;
  }

 private:
  double run_per_m_, levels_, inv_levels_, emitters_kpa_;
};

/// How many 400 m2 networks a dwelling of `s_h` counts as: f = max(1, S_h / 400).
[[nodiscard]] inline double circulator_networks(double s_h) noexcept { return std::max(1.0, s_h * 0.0025); }

/// dP_nom Q_nom / f = dP_nom GV (20 - T_base) / (1163 dT f), what the power raises to 0.676.
[[nodiscard]] inline double circulator_load(double pressure_drop_kpa, double temperature_drop_k,
                                            double gv_w_per_k, double base_temperature_c,
                                            double networks) noexcept {
  return pressure_drop_kpa * gv_w_per_k * (20.0 - base_temperature_c) /
         (1163.0 * temperature_drop_k * networks);
}

/// P_circ = max(minimum, 6.44 load^0.676 f) W, element by element (load > 0).
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> circulator_power_w(const Batch<N>& load,
                                                                     const Batch<N>& networks,
                                                                     double minimum_w) noexcept {
  Batch<N> p = fast_pow(load, 0.676);
  for (std::size_t j = 0; j < N; ++j) p[j] = std::max(minimum_w, 6.44 * p[j] * networks[j]);
  return p;
}

}  // namespace coron::detail
