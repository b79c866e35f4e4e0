#pragma once

// A heating installation's emission, distribution and regulation efficiencies by the 3CL
// method (arrêté du 31 mars 2021, §9.1), from its emitters and network: the tables
// rendement_emission, rendement_distribution_ch and rendement_regulation of Open3CL's
// src/tv.js (sim/stock/dpe_emitter_tables.inc, written by tools/dpe/extract_tables.py),
// each keyed by the certificate's enum_type_emission_distribution_id.

namespace coron::stock {

struct EmitterEfficiencies {
  double emission = 0.0;      ///< R_e
  double distribution = 0.0;  ///< R_d
  double regulation = 0.0;    ///< R_r
  [[nodiscard]] double product() const noexcept { return emission * distribution * regulation; }
};

/// R_e, R_d and R_r of emitters `emission_id` on a network insulated or not: in each table the
/// first row naming the id (R_d: and the insulation, where the row states it); R_e of an
/// emitter no row names is the row of "other equipment". All 0 for an id outside the tables.
[[nodiscard]] EmitterEfficiencies emitter_efficiencies(int emission_id, bool insulated_network) noexcept;

}  // namespace coron::stock
