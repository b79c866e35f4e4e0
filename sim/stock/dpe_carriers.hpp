#pragma once
#include "stock/dpe_import.hpp"

#include "coron/thermal.hpp"

// What a certificate's generators burn, where the row's systems burn something else: the
// vocabulary has no LPG boiler (an LPG boiler is a gas boiler in the row) and hot water from oil,
// LPG, wood, coal or a heat network is the gas boiler's (docs/dpe-import.md). Their primary
// energy is the same (every fuel's factor is 1), their GHG content is not.

namespace coron::stock {

/// Each imported row whose certificate's main heating generator or main hot-water generator
/// burns another carrier than the row's system takes that carrier's GHG content (`params`,
/// data/thermal/factors.yaml: the heating or hot-water factor) in heating_ghg_factor or
/// dhw_ghg_factor, unless the row holds its heat network's own already. The bill still prices
/// the system's carrier. Returns how many rows took one.
std::size_t apply_certificate_carriers(DpeImport& imported, const ThermalParams& params);

}  // namespace coron::stock
