#pragma once
#include "io/dpe_certificate.hpp"

#include "coron/columns.hpp"

#include <string>
#include <vector>

// One DPE certificate as one stock row: every column the 3CL kernel reads. Where the row
// cannot hold what the certificate says, the closest value stands in and a note says so;
// where it cannot stand in (a whole-building certificate, no generator, a value missing),
// the certificate is refused with the element's path. docs/dpe-import.md lists each case.

namespace coron::stock {

/// The thermal columns of one dwelling, by their registry names.
struct DpeThermalRow {
#define CORON_DPE_ROW_MEMBER(T, name, unit, spec, text) T name{};
  CORON_THERMAL_COLUMNS(CORON_DPE_ROW_MEMBER)
#undef CORON_DPE_ROW_MEMBER
};

/// Why a certificate was refused: where, and the reason.
struct DpeRefusal {
  std::string file;
  int line = 0;
  std::string path;  ///< element path, e.g. /dpe/logement/caracteristique_generale/...
  std::string reason;
  /// "file:line: path: reason".
  [[nodiscard]] std::string format() const;
};

struct DpeMapping {
  bool refused = false;
  DpeRefusal refusal;  ///< when refused
  DpeThermalRow row;
  bool is_house = false;
  /// The row's share of the envelope the certificate describes: 1, or the flat's area over
  /// the building's when the certificate gives the building's envelope (docs/dpe-import.md).
  double envelope_share = 1.0;
  std::vector<std::string> approximations;  ///< "approximated: ..." notes, empty when exact
  /// The certificate's enum_type_energie_id of the main heating generator and of the main
  /// hot-water generator: what they burn, which the row's systems may not (an LPG boiler is a
  /// gas boiler there).
  int heating_energy_id = 0, dhw_energy_id = 0;
};

/// True for the whole-building methods of enum_methode_application_dpe_log_id.
[[nodiscard]] bool is_whole_building_method(int method_id) noexcept;
/// True for the house methods (1, and the RT 2012 / RE 2020 house studies 14, 18).
[[nodiscard]] bool is_house_method(int method_id) noexcept;
/// True for flats whose certificate carries the building's envelope.
[[nodiscard]] bool is_building_envelope_flat_method(int method_id) noexcept;

/// Maps `c` to a row, or refuses it. Pure; thread-safe.
[[nodiscard]] DpeMapping map_dpe_certificate(const io::DpeCertificate& c);

}  // namespace coron::stock
