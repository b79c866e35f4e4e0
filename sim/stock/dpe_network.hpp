#pragma once
#include "io/dpe_certificate.hpp"

// A certificate's heating water network as the 3CL method sizes its circulator (arrêté du 31
// mars 2021 §15.2.1; Open3CL 15_conso_aux.js getPuissanceCirculateur): the pressure drop of its
// emitters and of its longest run, and its design temperature drop. The kernel takes the flow
// from the dwelling's GV (models/thermal/circulator.hpp).

namespace coron::stock {

struct DpeNetwork {
  double pressure_drop_kpa = 0.0;   ///< dP_nom = 0.15 L_em + dP_em; 0: none described
  double temperature_drop_k = 0.0;  ///< dT_dim; 0: none described
};

/// The network of `heater`'s installation in a dwelling of `floor_area_m2`, read from its
/// first emitter as the method's implementations do: dP_em 15 kPa and F_cot 0.156 for floor or
/// ceiling heating, 30 kPa for single-pipe radiators, 10 kPa for other radiators, 35 kPa
/// otherwise (F_cot 0.802, also whenever the installation has several emitters);
/// L_em = 5 F_cot (N_niv + sqrt(S_h / N_niv)); dT_dim 15 K for a high-temperature network,
/// 7.5 K otherwise. Zeros for an installation without emitters.
[[nodiscard]] DpeNetwork heating_network(const io::DpeGenerator& heater, double floor_area_m2) noexcept;

}  // namespace coron::stock
