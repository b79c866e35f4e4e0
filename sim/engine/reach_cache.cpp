#include "engine/reach_cache.hpp"

#include <cstring>

namespace coron::engine {

namespace {

/// Factor sets compared by their bits: equal sets give equal reach sets.
bool same_bits(const YearFactors& a, const YearFactors& b) noexcept {
  return std::memcmp(a.primary_energy_factor.data(), b.primary_energy_factor.data(),
                     sizeof(a.primary_energy_factor)) == 0;
}

}  // namespace

ReachCache::ReachCache(const Stock& stock, bool enabled) : stock_(stock), enabled_(enabled) {
  static_assert(sizeof(Entry) <= 48, "the memory stated in reach_cache.hpp");
}

bool ReachCache::adopt(const Stock& stock, const Questions& questions) const {
  const std::lock_guard lock(mutex_);
  if (&stock != &stock_) return false;
  if (!questions_) questions_ = questions;
  return *questions_ == questions;
}

std::optional<std::size_t> ReachCache::factor_set(const YearFactors& factors) const {
  if (!enabled_) return std::nullopt;
  const std::lock_guard lock(mutex_);
  for (std::size_t s = 0; s < used_; ++s)
    if (same_bits(sets_[s].factors, factors)) return s;
  if (used_ == max_factor_sets) return std::nullopt;
  FactorSet& added = sets_[used_];
  added.factors = factors;
  added.entries = std::make_unique<Entry[]>(stock_.size());
  return used_++;
}

bool ReachCache::initial(std::size_t i, const ThermalRow& row) const noexcept {
  // Bitwise, so that a changed column is never taken for the initial one.
  bool same = true;
#define CORON_SAME(T, name, unit, spec, text) \
  same = same && std::memcmp(&row.name, &stock_.name[i], sizeof(T)) == 0;
  CORON_THERMAL_COLUMNS(CORON_SAME)
#undef CORON_SAME
  return same;
}

const ReachSet* ReachCache::find(std::size_t slot, std::size_t i, const ThermalRow& row,
                                 const PackageSearch& search, const PackageRules& rules, std::int32_t allowed,
                                 const PackageTarget& target, const YearFactors& factors) const {
  if (!initial(i, row)) return nullptr;
  Entry& entry = sets_[slot].entries[i];
  std::call_once(entry.once, [&] { entry.set = search.reach_set(row, rules, allowed, target, factors); });
  return &entry.set;
}

}  // namespace coron::engine
