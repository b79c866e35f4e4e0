#include "stock/dpe_emitters.hpp"

#include <cstdint>

namespace coron::stock {

namespace {

struct EmitterRow {
  int id;
  std::uint64_t emitters;  ///< bit k: enum_type_emission_distribution_id k; 0: none named
  double efficiency;
};

struct EmitterDistributionRow {
  int id;
  std::uint64_t emitters;
  int insulated;  ///< -1: any network, 0: not insulated, 1: insulated
  double efficiency;
};

#include "stock/dpe_emitter_tables.inc"

bool names(std::uint64_t emitters, int id) noexcept {
  return id > 0 && id < 64 && (emitters >> id & 1u) != 0;
}

}  // namespace

EmitterEfficiencies emitter_efficiencies(int emission_id, bool insulated_network) noexcept {
  EmitterEfficiencies e;
  for (const EmitterRow& r : emission_rows) {
    if (names(r.emitters, emission_id)) {
      e.emission = r.efficiency;
      break;
    }
  }
  if (e.emission == 0.0 && emission_id > 0 && emission_id < 64)
    for (const EmitterRow& r : emission_rows)
      if (r.emitters == 0) e.emission = r.efficiency;  // "Autres équipements"
  for (const EmitterDistributionRow& r : distribution_rows) {
    if (names(r.emitters, emission_id) && (r.insulated < 0 || (r.insulated == 1) == insulated_network)) {
      e.distribution = r.efficiency;
      break;
    }
  }
  for (const EmitterRow& r : regulation_rows) {
    if (names(r.emitters, emission_id)) {
      e.regulation = r.efficiency;
      break;
    }
  }
  if (e.emission == 0.0 || e.distribution == 0.0 || e.regulation == 0.0) return {};
  return e;
}

}  // namespace coron::stock
