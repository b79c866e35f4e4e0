#include "evaluation_batch.hpp"
#include "package_rules.hpp"
#include "policy/package_search.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

// The reach set, by levels: first the dwelling as it is, then every combination of one
// measure, of two, ... A combination containing a reaching one is neither evaluated nor
// kept (it is not minimal, and neither is any combination containing it); so each
// reaching combination met is minimal, its proper subsets all having been seen at lower
// levels. A level where every combination contains a reaching one ends the search. When
// nothing reaches, every combination has been evaluated and those of the lowest Cep kept.
//
// Pricing a set adds up whole cents as the walk does (package_search.cpp), and compares
// (cost, Cep, bit set) as it does, so the choice is the walk's.

namespace coron {
namespace {

using detail::bit;
using detail::cents;
using detail::chosen_components;

/// The measures a combination may take, by component, catalog order.
struct Choices {
  std::array<std::array<std::uint8_t, max_measures>, chosen_components> measure;
  std::array<std::size_t, chosen_components> count{};
  std::array<std::size_t, chosen_components> component{};  // of each dimension
  std::size_t dimensions = 0;
};

Choices gather_choices(const WorksParams& works, const ThermalRow& row, const PackageRules& rules,
                       std::int32_t allowed) noexcept {
  Choices c;
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    if (!detail::may_combine(works, k, row, rules, allowed)) continue;
    const auto comp = static_cast<std::size_t>(works.measures[k].component);
    c.measure[comp][c.count[comp]++] = static_cast<std::uint8_t>(k);
  }
  for (std::size_t comp = 0; comp < chosen_components; ++comp)
    if (c.count[comp] > 0) c.component[c.dimensions++] = comp;
  return c;
}

ReachCombination combination(std::int32_t measures, const detail::EvaluationBatch& b,
                             std::size_t r) noexcept {
  return {measures,
          b.label[r],
          b.cep[r],
          b.eges[r],
          b.heating_final[r],
          b.dhw_final[r],
          b.electricity_other[r],
          b.heating_backup_final[r]};
}

/// What every level of one search reads.
struct LevelContext {
  const WorksParams& works;
  const ThermalParams& thermal;
  const PackageTarget& target;
  const YearFactors& factors;
  std::int32_t structure;  ///< imposed on every combination
};

/// One level of the search: the combinations of exactly `level` measures that contain no
/// reaching combination, evaluated batch_rows at a time.
class LevelWalk {
 public:
  LevelWalk(const LevelContext& context, const Choices& choices, ReachSet& set,
            std::vector<ReachCombination>& lowest) noexcept
      : context_(context), choices_(choices), set_(set), lowest_(lowest) {}

  /// Evaluates the level; false when it had nothing to evaluate.
  bool run(std::size_t level, const ThermalRow& row) {
    any_ = false;
    first_new_ = set_.combinations.size();
    visit(0, level, context_.structure, row);
    flush();
    return any_;
  }

 private:
  /// Whether `bits` contains a reaching combination of a lower level.
  [[nodiscard]] bool contains_reaching(std::int32_t bits) const noexcept {
    for (std::size_t i = 0; i < first_new_; ++i)
      if ((set_.combinations[i].measures & bits) == set_.combinations[i].measures) return true;
    return false;
  }

  void visit(std::size_t d, std::size_t left, std::int32_t bits, const ThermalRow& partial) {
    if (left == 0) {
      any_ = true;
      bits_[batch_.add(partial)] = bits;
      if (batch_.full()) flush();
      return;
    }
    if (choices_.dimensions - d < left) return;
    visit(d + 1, left, bits, partial);
    const std::size_t comp = choices_.component[d];
    for (std::size_t o = 0; o < choices_.count[comp]; ++o) {
      const std::size_t k = choices_.measure[comp][o];
      const std::int32_t with = bits | bit(k);
      if (contains_reaching(with)) continue;  // and so does every combination it leads to
      ThermalRow next = partial;
      apply_measure(context_.works.measures[k], context_.works.rebuilt, next);
      visit(d + 1, left - 1, with, next);
    }
  }

  void flush() {
    if (batch_.size == 0) return;
    batch_.evaluate(context_.thermal, context_.factors);
    for (std::size_t r = 0; r < batch_.size; ++r) {
      const ReachCombination c = combination(bits_[r], batch_, r);
      if (detail::reaches(context_.target, batch_, r)) {
        set_.combinations.push_back(c);
      } else if (lowest_.empty() || c.cep < lowest_.front().cep) {
        lowest_.assign(1, c);
      } else if (c.cep == lowest_.front().cep) {
        lowest_.push_back(c);
      }
    }
    batch_.clear();
  }

  const LevelContext& context_;
  const Choices& choices_;
  ReachSet& set_;
  std::vector<ReachCombination>& lowest_;
  detail::EvaluationBatch batch_;
  std::array<std::int32_t, detail::batch_rows> bits_{};
  std::size_t first_new_ = 0;
  bool any_ = false;
};

}  // namespace

ThermalRow PackageSearch::package_after(const ReachSet& set, const ThermalRow& row,
                                        std::int32_t measures) const noexcept {
  if (set.rebuild) return apply_package(*works_, row, measures);
  // Component by component, as the levels built it: the measures commute, but the same
  // order is the same bits without relying on it.
  ThermalRow after = row;
  for (std::size_t comp = 0; comp < chosen_components; ++comp)
    for (std::size_t k = 0; k < works_->measures.size(); ++k)
      if ((set.options >> k & 1) != 0 && (measures >> k & 1) != 0 &&
          static_cast<std::size_t>(works_->measures[k].component) == comp)
        apply_measure(works_->measures[k], works_->rebuilt, after);
  return after;
}

ReachSet PackageSearch::reach_set(const ThermalRow& row, const PackageRules& rules, std::int32_t allowed,
                                  const PackageTarget& target, const YearFactors& factors) const {
  const WorksParams& works = *works_;
  const detail::Imposed structure = detail::imposed(rules, detail::structure_measures(works));
  ReachSet set;
  set.structure = structure.measures;
  set.rebuild = structure.rebuild;
  if (structure.rebuild) {
    detail::EvaluationBatch batch;
    batch.add(apply_package(works, row, structure.measures));
    batch.evaluate(*thermal_, factors);
    set.reached = detail::reaches(target, batch, 0);
    set.combinations.push_back(combination(structure.measures, batch, 0));
    return set;
  }
  const Choices choices = gather_choices(works, row, rules, allowed);
  for (std::size_t d = 0; d < choices.dimensions; ++d) {
    const std::size_t comp = choices.component[d];
    for (std::size_t o = 0; o < choices.count[comp]; ++o) set.options |= bit(choices.measure[comp][o]);
  }
  const LevelContext context{works, *thermal_, target, factors, structure.measures};
  std::vector<ReachCombination> lowest;
  LevelWalk walk(context, choices, set, lowest);
  for (std::size_t level = 0; level <= choices.dimensions; ++level)
    if (!walk.run(level, row)) break;
  set.reached = !set.combinations.empty();
  if (!set.reached) set.combinations = std::move(lowest);
  std::sort(set.combinations.begin(), set.combinations.end(),
            [](const ReachCombination& a, const ReachCombination& b) { return a.measures < b.measures; });
  set.combinations.shrink_to_fit();
  return set;
}

std::optional<PackageChoice> PackageSearch::cheapest_in(const ReachSet& set,
                                                        std::span<const double> cost_factor,
                                                        const ThermalRow& row) const noexcept {
  const WorksParams& works = *works_;
  CORON_ASSERT(cost_factor.size() >= works.measures.size());
  CORON_ASSERT(!set.combinations.empty());
  std::array<std::int64_t, max_measures> cost{};
  const std::int32_t used = set.options | set.structure;
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    if ((used >> k & 1) == 0) continue;
    cost[k] = cents(measure_cost_eur(works.measures[k], row) * cost_factor[k]);
    CORON_ASSERT(cost[k] >= 0);
    // A free measure added to a minimal combination costs nothing and may lower the Cep:
    // that combination, not kept, would win the tie.
    if (set.reached && cost[k] == 0 && (set.options >> k & 1) != 0) return std::nullopt;
  }
  const auto price = [&](std::int32_t measures) {
    std::int64_t total = 0;
    for (std::size_t k = 0; k < works.measures.size(); ++k)
      if ((measures >> k & 1) != 0) total += cost[k];
    return total;
  };
  const ReachCombination* best = nullptr;
  std::int64_t best_cost = 0;
  for (const ReachCombination& c : set.combinations) {
    const std::int64_t c_cost = price(c.measures);
    bool better = best == nullptr;
    if (!better && set.reached)  // cost, then Cep, then bit set
      better =
          c_cost < best_cost ||
          (c_cost == best_cost && (c.cep < best->cep || (c.cep == best->cep && c.measures < best->measures)));
    else if (!better)  // Cep, then cost, then bit set
      better =
          c.cep < best->cep || (c.cep == best->cep &&
                                (c_cost < best_cost || (c_cost == best_cost && c.measures < best->measures)));
    if (better) {
      best = &c;
      best_cost = c_cost;
    }
  }
  PackageChoice choice;
  choice.measures = best->measures;
  choice.cost_eur = static_cast<double>(best_cost) / 100.0;
  choice.reached = set.reached;
  choice.after = package_after(set, row, best->measures);
  choice.primary_after_kwh_m2 = best->cep;
  choice.ghg_after_kg_m2 = best->ghg;
  choice.final_after_kwh = best->final_kwh();
  choice.heating_final_after_kwh = best->heating_final_kwh;
  choice.heating_backup_final_after_kwh = best->heating_backup_final_kwh;
  choice.dhw_final_after_kwh = best->dhw_final_kwh;
  choice.electricity_other_after_kwh = best->electricity_other_kwh;
  choice.label_after = best->label;
  return choice;
}

}  // namespace coron
