#include "policy/knapsack.hpp"

#include "policy/knapsack_hull.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

// The greedy for the multiple-choice knapsack (Sinha & Zoltners 1979; Pisinger 1995).
//
// On its upper hull a candidate's moves from one point to the next cost more and give less
// per cent the further along they are. Every candidate starts on its hull's first point
// (cost 0: none, or the best free package); the moves of all candidates are then taken in
// decreasing efficiency while the budget allows. The first move that does not fit is the
// split move: the LP relaxation's optimum takes all moves before it and the fraction of it
// that the budget still pays for (a candidate's hull makes its LP optimum a mix of two
// neighbouring points), so that value is an upper bound on any choice within the budget.
//
// Two improvements that keep the bound valid, since they change only the choice:
// - after the split move, the scan goes on and takes the later moves that still fit; a
//   candidate whose move was refused takes no later move (its moves must stay in hull order);
// - the split move's hull point alone (every other candidate on its first point) replaces
//   the result when it is worth more. The greedy before the split move plus that point's
//   gain is at least the LP optimum, so the better of the two is at least half the optimum;
//   the point fits the budget because packages dearer than the budget are off the hulls.
//
// Ties between equal efficiencies go to the lower candidate index, then to the move nearer
// the start of its hull: the order of the moves is total and the result deterministic.

namespace coron {
namespace {

using detail::HullPoint;

/// One move along a candidate's hull, from point `to - 1` to point `to`. 32 bytes.
struct Move {
  double efficiency;  ///< value gained per cent
  double value;
  std::int64_t cost_cents;
  std::uint32_t candidate;
  std::uint32_t to;  ///< index of the point reached in the hulls' common store
};

bool before(const Move& a, const Move& b) noexcept {
  if (a.efficiency != b.efficiency) return a.efficiency > b.efficiency;
  if (a.candidate != b.candidate) return a.candidate < b.candidate;
  return a.to < b.to;
}

/// The value of the choice `at` (a point in `hulls` per candidate), in candidate order.
double total_value(const std::vector<HullPoint>& hulls, const std::vector<std::uint32_t>& at) noexcept {
  double value = 0.0;
  for (const std::uint32_t p : at) value += hulls[p].value;
  return value;
}

}  // namespace

KnapsackResult knapsack_greedy(const KnapsackProblem& problem) {
  detail::check_knapsack_problem(problem);
  const std::size_t n = problem.candidates();
  std::size_t most_packages = 0;
  for (std::size_t c = 0; c < n; ++c)
    most_packages = std::max(most_packages, problem.offsets[c + 1] - problem.offsets[c]);

  // Every candidate's hull, one after the other; first[c] is where candidate c's starts.
  std::vector<HullPoint> scratch(most_packages + 1);
  std::vector<HullPoint> hulls;
  hulls.reserve(problem.items.size() + n);
  std::vector<std::uint32_t> first(n);
  const std::int64_t budget_cents = detail::knapsack_cents(problem.budget_eur);
  std::vector<Move> moves;
  moves.reserve(problem.items.size());
  double first_points_value = 0.0;
  for (std::size_t c = 0; c < n; ++c) {
    const std::size_t h = detail::upper_hull(
        problem.items.subspan(problem.offsets[c], problem.offsets[c + 1] - problem.offsets[c]), budget_cents,
        scratch);
    first[c] = static_cast<std::uint32_t>(hulls.size());
    first_points_value += scratch[0].value;
    hulls.push_back(scratch[0]);
    for (std::size_t j = 1; j < h; ++j) {
      moves.push_back({detail::efficiency(scratch[j - 1], scratch[j]),
                       scratch[j].value - scratch[j - 1].value,
                       scratch[j].cost_cents - scratch[j - 1].cost_cents, static_cast<std::uint32_t>(c),
                       static_cast<std::uint32_t>(hulls.size())});
      hulls.push_back(scratch[j]);
    }
  }
  std::sort(moves.begin(), moves.end(), before);

  std::vector<std::uint32_t> at(first);  // each candidate's point in `hulls`
  std::vector<std::uint8_t> refused(n, 0);
  std::int64_t left_cents = budget_cents;
  double lp_value = first_points_value;
  const Move* split = nullptr;
  for (const Move& m : moves) {
    if (refused[m.candidate] != 0) continue;
    CORON_ASSERT(at[m.candidate] + 1 == m.to);
    if (m.cost_cents <= left_cents) {
      left_cents -= m.cost_cents;
      at[m.candidate] = m.to;
      if (split == nullptr) lp_value += m.value;
    } else {
      if (split == nullptr) {
        split = &m;
        lp_value += m.value * (static_cast<double>(left_cents) / static_cast<double>(m.cost_cents));
      }
      refused[m.candidate] = 1;
    }
  }

  if (split != nullptr) {
    std::vector<std::uint32_t> alone(first);
    alone[split->candidate] = split->to;
    if (total_value(hulls, alone) > total_value(hulls, at)) {
      at = std::move(alone);
    }
  }

  KnapsackResult result;
  result.package.resize(n);
  std::int64_t cost_cents = 0;
  for (std::size_t c = 0; c < n; ++c) {
    result.package[c] = hulls[at[c]].package;
    cost_cents += hulls[at[c]].cost_cents;
  }
  result.value = total_value(hulls, at);
  result.cost_eur = static_cast<double>(cost_cents) / 100.0;
  // Without a split move every candidate sits at the end of its hull: that is the LP
  // optimum, exactly. Otherwise the LP optimum is at least the value in exact arithmetic;
  // the max only absorbs the rounding of two sums taken in different orders.
  result.bound = split == nullptr ? result.value : std::max(lp_value, result.value);
  result.gap = result.bound - result.value;
  return result;
}

}  // namespace coron
