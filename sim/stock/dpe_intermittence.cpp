#include "stock/dpe_intermittence.hpp"

namespace coron::stock {

namespace {

/// One row of the table: for each criterion the set of ids it accepts (bit k: id k; 0: empty).
struct IntermittenceRow {
  int id;
  std::uint64_t method, installation, heating_type, equipment, regulation, emission, inertia;
  int metering;  ///< -1 empty, 0 absence, 1 presence of individual metering
  double i0;
};

constexpr IntermittenceRow rows[] = {
#include "stock/dpe_intermittence_rows.inc"
};

bool accepts(std::uint64_t ids, int id) noexcept { return id > 0 && id < 64 && (ids >> id & 1u) != 0; }

/// Every emitter id some row lists (blown air, ceilings, floors): the rows whose emitters are
/// empty are the radiators' and convectors', every other emitter.
constexpr std::uint64_t listed_emitters = [] {
  std::uint64_t ids = 0;
  for (const IntermittenceRow& r : rows) ids |= r.emission;
  return ids;
}();

/// How many of the key's criteria row `r` meets. An empty emitter set stands for the emitters
/// no row lists; an empty inertia (a flat's rows) or metering (individual heating's rows)
/// for any value.
int met(const IntermittenceRow& r, const IntermittenceKey& key) noexcept {
  const bool emitters = r.emission != 0 ? accepts(r.emission, key.emission)
                                        : key.emission > 0 && !accepts(listed_emitters, key.emission);
  return accepts(r.method, key.method) + accepts(r.installation, key.installation) +
         accepts(r.heating_type, key.heating_type) + accepts(r.equipment, key.equipment) +
         accepts(r.regulation, key.regulation) + emitters +
         (r.inertia == 0 || accepts(r.inertia, key.inertia)) +
         (r.metering < 0 || (r.metering == 1) == key.metering);
}

constexpr int criteria = 8;

}  // namespace

IntermittenceMatch intermittence_i0(const IntermittenceKey& key) noexcept {
  const IntermittenceRow* best = nullptr;
  int best_count = 0;
  for (const IntermittenceRow& r : rows) {
    const int count = met(r, key);
    if (count == criteria) return {r.id, r.i0};
    if (count > best_count) {
      best_count = count;
      best = &r;
    }
  }
  return best != nullptr ? IntermittenceMatch{best->id, best->i0} : IntermittenceMatch{};
}

bool intermittence_row_meters(int tv_intermittence_id) noexcept {
  for (const IntermittenceRow& r : rows)
    if (r.id == tv_intermittence_id) return r.metering == 1;
  return false;
}

}  // namespace coron::stock
