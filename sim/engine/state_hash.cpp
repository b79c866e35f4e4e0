#include "coron/engine.hpp"
#include "coron/rng.hpp"

#include <cstring>

namespace coron {

namespace {

template <class T>
std::uint64_t absorb_column(std::uint64_t h, const std::vector<T>& column) {
  for (const T& value : column) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof(T));
    h = detail::absorb(h, bits);
  }
  return detail::absorb(h, column.size());
}

}  // namespace

std::uint64_t state_hash(const Results& r) noexcept {
  std::uint64_t h = detail::mix64(r.replicates * 1000003u + r.years * 101u + r.dwellings);
  h = absorb_column(h, r.year);
  h = absorb_column(h, r.heating_need_kwh);
  h = absorb_column(h, r.final_energy_kwh);
  h = absorb_column(h, r.primary_energy_kwh_m2);
  h = absorb_column(h, r.ghg_kg_m2);
  h = absorb_column(h, r.label);
  h = absorb_column(h, r.label_count);
  h = absorb_column(h, r.final_energy_gwh);
  return absorb_column(h, r.ghg_kt);
}

}  // namespace coron
