#include "policy/package_search.hpp"

#include "evaluation_batch.hpp"
#include "package_rules.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

// The cheapest package, searched in order of cost.
//
// Money is counted in whole cents: each measure's cost (with its uncertainty factor) is
// rounded to the cent once, and a package's cost is the exact integer sum of its measures'.
// Sums are then the same in any order and ties are exact, which the walk below relies on.
//
// A combination takes at most one option per component (wall ... hot water), "none"
// included; the components with a real choice are the walk's dimensions. Within a
// dimension the options are sorted by cost, "none" (0) first; the dimensions are sorted by
// the cost of their cheapest option. Every combination other than "nothing" then has one
// parent, cheaper or as cheap (p is its last dimension with an option other than "none"):
//   option k >= 2 in p:                           the same with option k - 1 in p;
//   option 1 in p, an option in p - 1:            the same without p;
//   option 1 in p, "none" in p - 1 (p > 0):       option 1 in p - 1 instead of in p.
// So from each combination taken off a heap of the frontier at most three children are
// pushed (one option more in p; option 1 in p + 1 added; if option 1 in p, moved to p + 1),
// and the combinations come off the heap in order of cost (then of bit set) without being
// listed first. The first that reaches the target bounds the walk: it goes on through the
// combinations of exactly that cost (ties: lower Cep, then lower bit set) and stops. Only
// when none reaches the target is every combination evaluated (the lowest Cep wins). Rows
// are evaluated by the 3CL kernel, batch_rows at a time.
//
// The frontier lives in a buffer of the calling thread, reused from one dwelling to the
// next: it grows to the largest frontier a thread has seen and is not allocated again.

namespace coron {
namespace {

using detail::bit;
using detail::cents;
using detail::chosen_components;
using detail::imposed;
using detail::Imposed;
using detail::reaches;
using detail::structure_measures;

constexpr std::size_t max_options = max_measures + 1;  // the measures of a component and "none"

struct Option {  // no default values: the search writes what it reads, and nothing else
  std::int64_t cost_cents;
  std::int32_t measure;  ///< -1: none
};

/// One dwelling's options by component, and the walk's dimensions: the components with
/// more than one option, cheapest first option first.
struct Options {
  std::array<std::array<Option, max_options>, chosen_components> of;  // [component][option], cheapest first
  std::array<std::size_t, chosen_components> count;                   // "none" included
  std::array<std::size_t, chosen_components> component;               // of each dimension
  std::size_t dimensions = 0;

  [[nodiscard]] const Option& option(std::size_t d, std::size_t i) const noexcept {
    return of[component[d]][i];
  }
  [[nodiscard]] std::size_t options(std::size_t d) const noexcept { return count[component[d]]; }
};

/// A combination: an option per dimension, and its heap key. 16 bytes.
struct Node {
  /// Cost in cents above the 31 bits of the measures: one integer orders by cost, then by
  /// bit set (distinct combinations have distinct bit sets, so keys never tie).
  std::uint64_t key;
  std::array<std::uint8_t, chosen_components> choice;
  std::uint8_t last;  ///< the last dimension with an option other than "none"; `nothing` for none

  [[nodiscard]] std::int64_t cost_cents() const noexcept { return static_cast<std::int64_t>(key >> 31); }
  [[nodiscard]] std::int32_t measures() const noexcept { return static_cast<std::int32_t>(key & 0x7fffffff); }
  void set(std::int64_t cents, std::int32_t bits) noexcept {
    key = static_cast<std::uint64_t>(cents) << 31 | static_cast<std::uint32_t>(bits);
  }
};
constexpr std::uint8_t nothing = 0xff;
/// Packages up to 2^32 cents (43 MEUR) fit the key.
constexpr std::int64_t max_cents = std::int64_t{1} << 32;

/// The frontier: a binary min-heap on Node::key. Its own, so that taking the top and
/// pushing its first child is one sift instead of two.
class Frontier {
 public:
  explicit Frontier(std::vector<Node>& heap) noexcept : heap_(heap) { heap_.clear(); }
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] const Node& top() const noexcept { return heap_.front(); }

  void push(const Node& n) {
    heap_.push_back(n);
    std::size_t i = heap_.size() - 1;
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (heap_[parent].key <= n.key) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = n;
  }

  /// Replaces the top by `n`.
  void replace_top(const Node& n) noexcept {
    const std::size_t size = heap_.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heap_[child + 1].key < heap_[child].key) ++child;
      if (n.key <= heap_[child].key) break;
      heap_[i] = heap_[child];
      i = child;
    }
    heap_[i] = n;
  }

  void pop() noexcept {
    const Node last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) replace_top(last);
  }

 private:
  std::vector<Node>& heap_;
};

std::vector<Node>& frontier_buffer() {
  thread_local std::vector<Node> buffer;
  return buffer;
}

/// Sum of the measures' costs (each with its factor, in cents) in the dwelling's state `row`.
std::int64_t package_cents(const WorksParams& works, const ThermalRow& row, std::int32_t measures,
                           std::span<const double> cost_factor) noexcept {
  std::int64_t total = 0;
  for (std::size_t k = 0; k < works.measures.size(); ++k)
    if ((measures >> k & 1) != 0) total += cents(measure_cost_eur(works.measures[k], row) * cost_factor[k]);
  return total;
}

/// The dwelling's options: allowed, permitted by the rules, and improving it.
Options gather_options(const WorksParams& works, const ThermalRow& row, const PackageRules& rules,
                       std::int32_t allowed, std::span<const double> cost_factor) noexcept {
  Options o;
  for (std::size_t c = 0; c < chosen_components; ++c) {
    o.of[c][0] = {0, -1};
    o.count[c] = 1;
  }
  for (std::size_t k = 0; k < works.measures.size(); ++k) {
    if (!detail::may_combine(works, k, row, rules, allowed)) continue;
    const Measure& m = works.measures[k];
    const auto c = static_cast<std::size_t>(m.component);
    const Option option{cents(measure_cost_eur(m, row) * cost_factor[k]), static_cast<std::int32_t>(k)};
    CORON_ASSERT(option.cost_cents >= 0);  // the walk needs costs that only add up
    // Insertion by cost; equal costs keep catalog order.
    std::size_t i = o.count[c]++;
    for (; i > 1 && o.of[c][i - 1].cost_cents > option.cost_cents; --i) o.of[c][i] = o.of[c][i - 1];
    o.of[c][i] = option;
  }
  for (std::size_t c = 0; c < chosen_components; ++c) {
    if (o.count[c] < 2) continue;
    // Insertion by the cost of the cheapest option; equal costs keep component order.
    std::size_t d = o.dimensions++;
    for (; d > 0 && o.of[o.component[d - 1]][1].cost_cents > o.of[c][1].cost_cents; --d)
      o.component[d] = o.component[d - 1];
    o.component[d] = c;
  }
  return o;
}

/// The best combination seen, and what it gives.
struct Best {
  bool any = false;
  std::int64_t cost_cents = 0;
  double cep = 0.0;
  std::int32_t measures = 0;
  ThermalRow after;
  double ghg = 0.0, final_kwh = 0.0, heating_kwh = 0.0, backup_kwh = 0.0, dhw_kwh = 0.0, other_kwh = 0.0;
  std::uint8_t label = 0;

  void take(std::int64_t cost, std::int32_t bits, const detail::EvaluationBatch& b, std::size_t r) noexcept {
    any = true;
    cost_cents = cost;
    cep = b.cep[r];
    measures = bits;
    after = b.row(r);
    ghg = b.eges[r];
    final_kwh = b.final_energy[r];
    heating_kwh = b.heating_final[r];
    backup_kwh = b.heating_backup_final[r];
    dhw_kwh = b.dhw_final[r];
    other_kwh = b.electricity_other[r];
    label = b.label[r];
  }

  [[nodiscard]] PackageChoice choice(bool reached) const noexcept {
    PackageChoice c;
    c.measures = measures;
    c.cost_eur = static_cast<double>(cost_cents) / 100.0;
    c.reached = reached;
    c.after = after;
    c.primary_after_kwh_m2 = cep;
    c.ghg_after_kg_m2 = ghg;
    c.final_after_kwh = final_kwh;
    c.heating_final_after_kwh = heating_kwh;
    c.heating_backup_final_after_kwh = backup_kwh;
    c.dhw_final_after_kwh = dhw_kwh;
    c.electricity_other_after_kwh = other_kwh;
    c.label_after = label;
    return c;
  }
};

/// One package evaluated on its own: `after` is the dwelling once `measures` are done.
PackageChoice evaluate_package(const ThermalParams& thermal, const ThermalRow& after, std::int32_t measures,
                               std::int64_t cost_cents, const YearFactors& factors,
                               const PackageTarget* target) noexcept {
  detail::EvaluationBatch batch;
  batch.add(after);
  batch.evaluate(thermal, factors);
  Best best;
  best.take(cost_cents, measures, batch, 0);
  return best.choice(target == nullptr || reaches(*target, batch, 0));
}

/// The children of `node` (see the walk above), at most three; returns how many.
std::size_t children(const Options& o, const Node& node, std::array<Node, 3>& out) noexcept {
  const auto measure_bit = [&](std::size_t d, std::size_t i) {
    return bit(static_cast<std::size_t>(o.option(d, i).measure));
  };
  const std::int64_t cost = node.cost_cents();
  const std::int32_t bits = node.measures();
  std::size_t n = 0;
  if (node.last == nothing) {
    if (o.dimensions == 0) return 0;
    Node& first = out[n++] = node;
    first.choice[0] = 1;
    first.last = 0;
    first.set(cost + o.option(0, 1).cost_cents, bits | measure_bit(0, 1));
    return n;
  }
  const std::size_t p = node.last, k = node.choice[p];
  if (k + 1 < o.options(p)) {  // one option more in p
    Node& more = out[n++] = node;
    more.choice[p] = static_cast<std::uint8_t>(k + 1);
    more.set(cost + o.option(p, k + 1).cost_cents - o.option(p, k).cost_cents,
             (bits & ~measure_bit(p, k)) | measure_bit(p, k + 1));
  }
  if (p + 1 < o.dimensions) {
    const std::int64_t added_cost = cost + o.option(p + 1, 1).cost_cents;
    const std::int32_t added_bits = bits | measure_bit(p + 1, 1);
    Node& added = out[n++] = node;  // option 1 in p + 1 too
    added.choice[p + 1] = 1;
    added.last = static_cast<std::uint8_t>(p + 1);
    added.set(added_cost, added_bits);
    if (k == 1) {  // option 1 moved from p to p + 1
      Node& moved = out[n++] = added;
      moved.choice[p] = 0;
      moved.set(added_cost - o.option(p, 1).cost_cents, added_bits & ~measure_bit(p, 1));
    }
  }
  return n;
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
  const std::int64_t structure_cents = package_cents(works, row, structure.measures, cost_factor);
  if (structure.rebuild) {
    return evaluate_package(*thermal_, apply_package(works, row, structure.measures), structure.measures,
                            structure_cents, factors, &target);
  }
  const Options options = gather_options(works, row, rules, allowed, cost_factor);

  CORON_ASSERT(structure_cents + [&] {
    std::int64_t most = 0;  // the dearest option of each dimension
    for (std::size_t d = 0; d < options.dimensions; ++d)
      most += options.option(d, options.options(d) - 1).cost_cents;
    return most;
  }() < max_cents);
  Frontier frontier(frontier_buffer());
  Node root{};
  root.set(structure_cents, structure.measures);
  root.last = nothing;
  frontier.push(root);

  detail::EvaluationBatch batch;
  std::array<Node, detail::batch_rows> batch_nodes;
  std::array<Node, 3> next;
  Best reached, closest;  // the cheapest reaching the target; the lowest Cep otherwise
  for (;;) {
    batch.clear();
    while (!batch.full() && !frontier.empty()) {
      if (reached.any && frontier.top().cost_cents() > reached.cost_cents) break;
      const Node node = frontier.top();
      const std::size_t n = children(options, node, next);
      if (n == 0) {
        frontier.pop();
      } else {
        frontier.replace_top(next[0]);
        for (std::size_t c = 1; c < n; ++c) frontier.push(next[c]);
      }
      ThermalRow candidate = row;
      for (std::size_t d = 0; d < options.dimensions; ++d)
        if (const std::int32_t k = options.option(d, node.choice[d]).measure; k >= 0)
          apply_measure(works.measures[static_cast<std::size_t>(k)], works.rebuilt, candidate);
      batch_nodes[batch.add(candidate)] = node;
    }
    if (batch.size == 0) break;
    batch.evaluate(*thermal_, factors);
    for (std::size_t r = 0; r < batch.size; ++r) {
      const std::int64_t cost = batch_nodes[r].cost_cents();
      const std::int32_t bits = batch_nodes[r].measures();
      const double cep = batch.cep[r];
      if (reaches(target, batch, r)) {
        const bool better = !reached.any || cost < reached.cost_cents ||
                            (cost == reached.cost_cents &&
                             (cep < reached.cep || (cep == reached.cep && bits < reached.measures)));
        if (better) reached.take(cost, bits, batch, r);
      } else if (!reached.any) {
        const bool better = !closest.any || cep < closest.cep ||
                            (cep == closest.cep && (cost < closest.cost_cents ||
                                                    (cost == closest.cost_cents && bits < closest.measures)));
        if (better) closest.take(cost, bits, batch, r);
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
  return evaluate_package(*thermal_, current, chosen, package_cents(works, row, chosen, cost_factor), factors,
                          nullptr);
}

}  // namespace coron
