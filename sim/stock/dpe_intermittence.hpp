#pragma once
#include <cstdint>

// The heating intermittence factor I0 of the 3CL method (arrêté du 31 mars 2021, §8), from the
// table `intermittence` of Open3CL's src/tv.js (188 rows, sim/stock/dpe_intermittence_rows.inc,
// written by tools/dpe/extract_tables.py) as Open3CL 9_emetteur_ch.js looks it up.

namespace coron::stock {

/// What the table's rows are matched on, as a certificate gives them (its enum ids; 0 when it
/// gives none, which matches no row).
struct IntermittenceKey {
  int method = 0;         ///< enum_methode_application_dpe_log_id
  int installation = 0;   ///< the heating installation's enum_type_installation_id
  int heating_type = 0;   ///< the emitter's enum_type_chauffage_id (1 divided, 2 central)
  int equipment = 0;      ///< enum_equipement_intermittence_id (the programmer)
  int regulation = 0;     ///< enum_type_regulation_id (1 without, 2 with room-by-room control)
  int emission = 0;       ///< enum_type_emission_distribution_id (the emitters and network)
  int inertia = 0;        ///< enum_classe_inertie_id: counted for a house's certificate (method 1) only
  bool metering = false;  ///< individual metering of a collective installation's heat
};

struct IntermittenceMatch {
  int row = 0;  ///< tv_intermittence_id
  double i0 = 0.0;
};

/// The first row meeting every criterion of `key`, else the first meeting most of them (as
/// Open3CL src/utils.js tv() picks). A row's empty criterion reads as the table means it: empty
/// emitters are the radiators and convectors (every emitter no row lists), an empty inertia or
/// metering applies to any (Open3CL's tv() instead counts an empty criterion as unmet, which
/// gives a radiator the blown-air row of its other criteria).
[[nodiscard]] IntermittenceMatch intermittence_i0(const IntermittenceKey& key) noexcept;

/// Whether row `tv_intermittence_id` of the table is one of individual metering. A certificate
/// states the metering of a collective installation's heat only through the row it used (its
/// emitter's tv_intermittence_id), as Open3CL reads it when no technical sheet says (9_emetteur_ch.js).
[[nodiscard]] bool intermittence_row_meters(int tv_intermittence_id) noexcept;

}  // namespace coron::stock
