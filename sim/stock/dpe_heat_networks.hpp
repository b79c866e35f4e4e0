#pragma once

#include <string_view>

// A heat network's GHG content as the DPE counts it: the contenu CO2 ACV of the network in the
// yearly list the DPE arrêtés publish (3CL: a network named by its identifiant_reseau_chaleur
// takes its own content; one the list lacks, the method's 0.385 kg/kWh for other networks).
// docs/dpe-import.md.

namespace coron::stock {

/// The list a certificate reads: the one of the year before its arrêté (the arrêté of
/// 16 March 2023 publishes the 2022 contents), or before the certificate's own year when it
/// names no arrêté, within the lists shipped (2022 to 2024).
[[nodiscard]] int heat_network_list_year(int arrete_year, int certificate_year) noexcept;

/// The network's contenu CO2 ACV in kg CO2e per kWh in the list of `list_year`, or in the
/// nearest list that has it (an earlier one first); 0 when no list has it.
[[nodiscard]] double heat_network_ghg(std::string_view network, int list_year) noexcept;

}  // namespace coron::stock
