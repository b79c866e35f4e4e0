#include "policy/package_search.hpp"

#include "evaluation_batch.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

// The cheapest package, searched in order of cost.
//
// A combination takes at most one option per component (wall ... hot water), "none"
// included. Within a component the options are sorted by cost, "none" (0 EUR) first, and a
// combination's cost is the sum of its options' costs in component order, then the
// imposed structure measure: raising one component's option never lowers the sum (IEEE
// addition is monotone in each term when the order is fixed). So the combinations can be
// walked cheapest first without listing them all: each combination has one parent (the
// same with its last non-"none" component one option lower), its children cost at least
// as much as it does, and a heap of the frontier gives them in order of cost. The first
// combination that reaches the target bounds the search: the walk goes on only through the
// combinations of exactly that cost (ties go to the lower Cep, then the lower bit set) and
// stops. Only when no combination reaches the target is every one evaluated (then the
// lowest Cep wins). Rows are evaluated by the 3CL kernel, batch_rows at a time.
//
// The frontier lives in a buffer of the calling thread, reused from one dwelling to the
// next: it grows to the largest frontier a thread has seen and is not allocated again.

namespace coron {
namespace {

/// The components a combination chooses among; structure is imposed, never chosen.
constexpr std::size_t chosen_components = 7;
constexpr std::size_t max_options = max_measures + 1;  // the measures of a component and "none"

struct Option {
  double cost_eur = 0.0;
  std::int32_t measure = -1;  ///< -1: none
};

/// One dwelling's options: components with more than one option ("active"), in component order.
struct Options {
  std::array<std::array<Option, max_options>, chosen_components> of{};
  std::array<std::size_t, chosen_components> count{};  ///< options of each active component, "none" included
  std::size_t active = 0;
};

/// A combination: an option index per active component. 24 bytes.
struct Node {
  double cost_eur;
  std::int32_t measures;
  std::array<std::uint8_t, chosen_components> choice;
  std::uint8_t last;  ///< the last active component with an option other than "none" (0 for none)
};

/// Heap order for std::push_heap (a max-heap): the cheapest, then the lowest bit set, on top.
bool after(const Node& a, const Node& b) noexcept {
  return a.cost_eur > b.cost_eur || (a.cost_eur == b.cost_eur && a.measures > b.measures);
}

std::vector<Node>& frontier_buffer() {
  thread_local std::vector<Node> buffer;
  return buffer;
}

/// The structure measures a catalog has for unfit dwellings (the first of each kind).
struct StructureMeasures {
  std::optional<std::size_t> heavy, rebuild;
};

StructureMeasures structure_measures(const WorksParams& works) noexcept {
  StructureMeasures s;
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    const Measure& m = works.measures[k];
    if (m.component != Component::structure) continue;
    if (m.rebuild && !s.rebuild) s.rebuild = k;
    if (!m.rebuild && !s.heavy) s.heavy = k;
  }
  return s;
}

std::int32_t bit(std::size_t k) noexcept { return std::int32_t{1} << k; }

/// What the rules add to every package of an unfit dwelling: the heavy measure, or the
/// rebuilding which replaces every other measure.
struct Imposed {
  std::int32_t measures = 0;
  bool rebuild = false;
};

Imposed imposed(const PackageRules& rules, const StructureMeasures& s) noexcept {
  if (!rules.unfit) return {};
  if (rules.unfit_works == RenovationOptions::Unfit::rebuild && s.rebuild) return {bit(*s.rebuild), true};
  if (rules.unfit_works == RenovationOptions::Unfit::heavy && s.heavy) return {bit(*s.heavy), false};
  return {};
}

/// Sum of the measures' costs: component by component in order (structure last), the
/// order the search adds them in.
double package_cost(const WorksParams& works, const ThermalRow& row, std::int32_t measures,
                    std::span<const double> cost_factor) noexcept {
  double cost = 0.0;
  for (std::size_t c = 0; c < component_count; ++c)
    for (std::size_t k = 0; k < works.measures.size(); ++k)
      if ((measures >> k & 1) != 0 && static_cast<std::size_t>(works.measures[k].component) == c)
        cost += measure_cost_eur(works.measures[k], row) * cost_factor[k];
  return cost;
}

/// The dwelling's options: allowed, permitted by the rules, and improving it.
Options gather_options(const WorksParams& works, const ThermalRow& row, const PackageRules& rules,
                       std::int32_t allowed, std::span<const double> cost_factor) noexcept {
  std::array<std::array<Option, max_options>, chosen_components> by_component{};
  std::array<std::size_t, chosen_components> count{};
  count.fill(1);  // "none"
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    const Measure& m = works.measures[k];
    if (m.component == Component::structure || (allowed >> k & 1) == 0) continue;
    if (rules.listed_facade && m.component == Component::wall && m.from_outside) continue;
    if (!improves(m, row)) continue;
    const auto c = static_cast<std::size_t>(m.component);
    const Option option{measure_cost_eur(m, row) * cost_factor[k], static_cast<std::int32_t>(k)};
    // Insertion by cost; equal costs keep catalog order.
    std::size_t i = count[c]++;
    for (; i > 1 && by_component[c][i - 1].cost_eur > option.cost_eur; --i)
      by_component[c][i] = by_component[c][i - 1];
    by_component[c][i] = option;
  }
  Options o;
  for (std::size_t c = 0; c < chosen_components; ++c) {
    if (count[c] < 2) continue;
    o.of[o.active] = by_component[c];
    o.count[o.active] = count[c];
    ++o.active;
  }
  return o;
}

/// The best combination seen, and what it gives.
struct Best {
  bool any = false;
  double cost_eur = 0.0, cep = 0.0;
  std::int32_t measures = 0;
  ThermalRow after;
  double ghg = 0.0, final_kwh = 0.0;
  std::uint8_t label = 0;

  void take(double cost, std::int32_t bits, const detail::EvaluationBatch& b, std::size_t r) noexcept {
    any = true;
    cost_eur = cost;
    cep = b.cep[r];
    measures = bits;
    after = b.row(r);
    ghg = b.eges[r];
    final_kwh = b.final_energy[r];
    label = b.label[r];
  }

  [[nodiscard]] PackageChoice choice(bool reached) const noexcept {
    PackageChoice c;
    c.measures = measures;
    c.cost_eur = cost_eur;
    c.reached = reached;
    c.after = after;
    c.primary_after_kwh_m2 = cep;
    c.ghg_after_kg_m2 = ghg;
    c.final_after_kwh = final_kwh;
    c.label_after = label;
    return c;
  }
};

bool reaches(const PackageTarget& target, const detail::EvaluationBatch& b, std::size_t r) noexcept {
  return b.label[r] <= target.label_max && b.cep[r] <= target.primary_energy_max_kwh_m2;
}

/// One package evaluated on its own: `after` is the dwelling once `measures` are done.
PackageChoice evaluate_package(const ThermalParams& thermal, const ThermalRow& after, std::int32_t measures,
                               double cost_eur, const YearFactors& factors,
                               const PackageTarget* target) noexcept {
  detail::EvaluationBatch batch;
  batch.add(after);
  batch.evaluate(thermal, factors);
  Best best;
  best.take(cost_eur, measures, batch, 0);
  return best.choice(target == nullptr || reaches(*target, batch, 0));
}

}  // namespace

PackageSearch::PackageSearch(const WorksParams& works, const ThermalParams& thermal)
    : works_(&works), thermal_(&thermal) {
  CORON_ASSERT(works.measures.size() <= max_measures);
}

PackageChoice PackageSearch::cheapest(const ThermalRow& row, const PackageRules& rules, std::int32_t allowed,
                                      const PackageTarget& target, const YearFactors& factors,
                                      std::span<const double> cost_factor) const noexcept {
  const WorksParams& works = *works_;
  CORON_ASSERT(cost_factor.size() >= works.measures.size());
  const Imposed structure = imposed(rules, structure_measures(works));
  if (structure.rebuild) {
    return evaluate_package(*thermal_, apply_package(works, row, structure.measures), structure.measures,
                            package_cost(works, row, structure.measures, cost_factor), factors, &target);
  }
  const double structure_cost = package_cost(works, row, structure.measures, cost_factor);
  const Options options = gather_options(works, row, rules, allowed, cost_factor);

  const auto cost_of = [&](const Node& n) noexcept {
    double cost = 0.0;
    for (std::size_t d = 0; d < options.active; ++d) cost += options.of[d][n.choice[d]].cost_eur;
    return cost + structure_cost;
  };
  const auto measures_of = [&](const Node& n) noexcept {
    std::int32_t bits = structure.measures;
    for (std::size_t d = 0; d < options.active; ++d)
      if (const std::int32_t k = options.of[d][n.choice[d]].measure; k >= 0)
        bits |= bit(static_cast<std::size_t>(k));
    return bits;
  };

  std::vector<Node>& frontier = frontier_buffer();
  frontier.clear();
  {
    Node root{};
    root.cost_eur = cost_of(root);
    root.measures = measures_of(root);
    frontier.push_back(root);
  }

  detail::EvaluationBatch batch;
  std::array<Node, detail::batch_rows> batch_nodes{};
  Best reached, closest;  // the cheapest reaching the target; the lowest Cep otherwise
  for (;;) {
    batch.clear();
    while (!batch.full() && !frontier.empty()) {
      if (reached.any && frontier.front().cost_eur > reached.cost_eur) break;
      std::pop_heap(frontier.begin(), frontier.end(), after);
      const Node node = frontier.back();
      frontier.pop_back();
      for (std::size_t d = node.last; d < options.active; ++d) {
        if (node.choice[d] + std::size_t{1} >= options.count[d]) continue;
        Node child = node;
        ++child.choice[d];
        child.last = static_cast<std::uint8_t>(d);
        child.cost_eur = cost_of(child);
        child.measures = measures_of(child);
        frontier.push_back(child);
        std::push_heap(frontier.begin(), frontier.end(), after);
      }
      ThermalRow candidate = row;
      for (std::size_t d = 0; d < options.active; ++d)
        if (const std::int32_t k = options.of[d][node.choice[d]].measure; k >= 0)
          apply_measure(works.measures[static_cast<std::size_t>(k)], works.rebuilt, candidate);
      batch_nodes[batch.add(candidate)] = node;
    }
    if (batch.size == 0) break;
    batch.evaluate(*thermal_, factors);
    for (std::size_t r = 0; r < batch.size; ++r) {
      const Node& n = batch_nodes[r];
      const double cep = batch.cep[r];
      if (reaches(target, batch, r)) {
        const bool better = !reached.any || n.cost_eur < reached.cost_eur ||
                            (n.cost_eur == reached.cost_eur &&
                             (cep < reached.cep || (cep == reached.cep && n.measures < reached.measures)));
        if (better) reached.take(n.cost_eur, n.measures, batch, r);
      } else if (!reached.any) {
        const bool better =
            !closest.any || cep < closest.cep ||
            (cep == closest.cep && (n.cost_eur < closest.cost_eur ||
                                    (n.cost_eur == closest.cost_eur && n.measures < closest.measures)));
        if (better) closest.take(n.cost_eur, n.measures, batch, r);
      }
    }
  }
  return reached.any ? reached.choice(true) : closest.choice(false);
}

PackageChoice PackageSearch::listed(const ThermalRow& row, const PackageRules& rules, std::int32_t measures,
                                    const YearFactors& factors,
                                    std::span<const double> cost_factor) const noexcept {
  const WorksParams& works = *works_;
  CORON_ASSERT(cost_factor.size() >= works.measures.size());
  const Imposed structure = imposed(rules, structure_measures(works));
  std::int32_t chosen = structure.measures;
  ThermalRow current = apply_package(works, row, structure.measures);
  if (!structure.rebuild) {
    // On a listed facade the walls are lined from inside instead.
    std::optional<std::size_t> inside_lining;
    for (std::size_t k = 0; k < works.measures.size() && !inside_lining; ++k)
      if (works.measures[k].component == Component::wall && !works.measures[k].from_outside)
        inside_lining = k;
    for (std::size_t k = 0; k < works.measures.size(); ++k) {
      if ((measures >> k & 1) == 0) continue;
      std::size_t m = k;
      if (rules.listed_facade && works.measures[k].component == Component::wall &&
          works.measures[k].from_outside) {
        if (!inside_lining) continue;
        m = *inside_lining;
      }
      if (!improves(works.measures[m], current)) continue;
      apply_measure(works.measures[m], works.rebuilt, current);
      chosen |= bit(m);
    }
  }
  return evaluate_package(*thermal_, current, chosen, package_cost(works, row, chosen, cost_factor), factors,
                          nullptr);
}

}  // namespace coron
