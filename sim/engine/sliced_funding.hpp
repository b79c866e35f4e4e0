#pragma once
#include "engine/steps.hpp"
#include "engine/works_plan.hpp"

#include "coron/state.hpp"
#include "coron/stock.hpp"

#include <cstdint>
#include <memory>
#include <vector>

// The works budget and the funders' envelopes when the stock is split into slices
// (YearContext::slices). Both take the year's candidates of the whole stock in one order
// and share money between them, so every slice gathers every slice's candidates (their
// stock and state rows, their operation's turn, their priced packages: never the rest of
// the stock), runs the same budget and funding over them, the candidates in stock order
// as in a run over the whole stock, and keeps what befell its own. The funders' ledger and
// the budget's running sums are thus the same on every slice, and so is the year's works
// table (rows numbered in the whole stock).

namespace coron::engine {

/// The year's candidates of every slice as a stock of their own (rows in stock order).
struct SlicedCandidates {
  Stock stock;          ///< their stock rows, with every cité
  DwellingState state;  ///< their state rows
  /// The plan, with the operation and due year of the candidates instead of the slice's.
  std::unique_ptr<WorksPlan> plan;
  std::vector<std::int64_t> row;  ///< each one's row in the whole stock
  std::vector<std::uint8_t> operation_done;
  std::vector<std::int32_t> priced_slot;  ///< 0, or -1 once its works start
  std::vector<PackageChoice> choices;     ///< candidate c's package k at [c * packages + k]
};

/// Runs `budget_and_funding` (the budget, then the funding) over every slice's candidates
/// as context.books.candidates and .choices list this slice's: funds, on this slice, the
/// works of its own, and leaves on it the year's works table and totals of the whole stock.
/// Collective.
void fund_over_slices(DwellingState& state, const YearContext& context, StepFunction budget_and_funding);

}  // namespace coron::engine
