#pragma once
#include "io/dpe_certificate.hpp"

#include <span>
#include <string>

// A certificate's hot-water production as the four per-dwelling values of the stock row
// (dhw_efficiency, dhw_standing_loss_kwh, dhw_distribution_efficiency, dhw_storage_loss_kwh):
// the generation and storage efficiencies the certificate computed at its need (3CL §11-14, each
// generator's donnee_intermediaire), combined over its generators and installations by their
// shares of the need, and its own tanks' yearly loss by the method's formulas (§14, Open3CL
// 14_generateur_ecs.js calc_Qgw). An individual electric tank is the method's own: R_s = 1/(1 +
// Q_gw R_d / B), a loss whatever the need, rather than the R_s the certificate wrote, which
// some certifying software writes apart from the consumption it declares. docs/dpe-import.md.

namespace coron::stock {

struct DhwChain {
  /// R_g R_s of all the generators at the need, a solar fraction's saving included; 0 when a
  /// generator gives no efficiency (the row then keeps its hot-water class's generator).
  double efficiency = 0.0;
  /// What the generation adds whatever the need, kWh/yr: the individual electric tanks' Q_gw R_d
  /// (over a category C tank's 1.08), at the combined R_d.
  double standing_loss_kwh = 0.0;
  double distribution_efficiency = 0.0;  ///< R_d; 0 when an installation gives none
  double storage_loss_kwh = 0.0;         ///< Q_gw of the dwelling's own tanks, kWh/yr
  std::string why;                       ///< why the class's stands in; empty when it does not
};

/// The yearly loss Q_gw of one tank, kWh, by the method's formulas (coron/thermal.hpp), an
/// electric tank's C_r by its type and volume (tv.js pertes_stockage). 0 without a tank.
[[nodiscard]] double tank_loss_kwh(int generator_type_id, int storage_type_id, double volume_l) noexcept;

/// Combines the hot-water generators of one certificate (their installations' needs weight
/// the installations; each generator's ratio_besoin_ecs, normalised, its installation's).
[[nodiscard]] DhwChain dhw_chain(std::span<const io::DpeGenerator> generators);

}  // namespace coron::stock
