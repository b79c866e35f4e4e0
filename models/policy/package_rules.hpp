#pragma once
#include "evaluation_batch.hpp"
#include "policy/package_search.hpp"

#include "coron/works.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>

// What the walk (package_search.cpp) and the reach set (reach_search.cpp) share: money in
// whole cents, the structure measures the rules impose, and what reaching a target means.

namespace coron::detail {

/// The components a combination chooses among; structure is imposed, never chosen.
inline constexpr std::size_t chosen_components = 7;

inline std::int64_t cents(double eur) noexcept { return std::llround(eur * 100.0); }

inline std::int32_t bit(std::size_t k) noexcept { return std::int32_t{1} << k; }

/// The structure measures a catalog has for unfit dwellings (the first of each kind).
struct StructureMeasures {
  std::optional<std::size_t> heavy, rebuild;
};

inline StructureMeasures structure_measures(const WorksParams& works) noexcept {
  StructureMeasures s;
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    const Measure& m = works.measures[k];
    if (m.component != Component::structure) continue;
    if (m.rebuild && !s.rebuild) s.rebuild = k;
    if (!m.rebuild && !s.heavy) s.heavy = k;
  }
  return s;
}

/// What the rules add to every package of an unfit dwelling: the heavy measure, or the
/// rebuilding which replaces every other measure.
struct Imposed {
  std::int32_t measures = 0;
  bool rebuild = false;
};

inline Imposed imposed(const PackageRules& rules, const StructureMeasures& s) noexcept {
  if (!rules.unfit) return {};
  if (rules.unfit_works == RenovationOptions::Unfit::rebuild && s.rebuild) return {bit(*s.rebuild), true};
  if (rules.unfit_works == RenovationOptions::Unfit::heavy && s.heavy) return {bit(*s.heavy), false};
  return {};
}

/// Whether measure k may enter a combination: allowed, not structure (imposed, never
/// chosen), permitted by the rules, and improving the dwelling.
inline bool may_combine(const WorksParams& works, std::size_t k, const ThermalRow& row,
                        const PackageRules& rules, std::int32_t allowed) noexcept {
  const Measure& m = works.measures[k];
  if (m.component == Component::structure || (allowed >> k & 1) == 0) return false;
  if (rules.listed_facade && m.component == Component::wall && m.from_outside) return false;
  return improves(m, row);
}

inline bool reaches(const PackageTarget& target, const EvaluationBatch& b, std::size_t r) noexcept {
  return b.label[r] <= target.label_max && b.cep[r] <= target.primary_energy_max_kwh_m2;
}

}  // namespace coron::detail
