#pragma once
#include "app/sweep_export.hpp"
#include "app/sweep_frontier.hpp"
#include "cluster/ranks.hpp"

#include "coron/engine.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

// The runs of `coron sweep` (docs/sweep.md): the scenario once per budget, its frontier's
// indicators kept. Apart from the command, benchmarks and tests call it directly.

namespace coron::app {

/// Called from the driving thread when point p (of `budgets`) starts; it returns the
/// progress callback of that point's run (may be empty).
using SweepPointStarted = std::function<std::function<void(double)>(std::size_t point)>;

/// How the points are run.
struct SweepOptions {
  RunOptions run;  ///< threads, execution; its progress is replaced by each point's
  /// The points ask the same package questions: one set of reach sets serves them all
  /// (RunOptions::reach_sets), whatever the replicates. False: each point has its own,
  /// as a run alone would (the same results, slower; to compare).
  bool share_reach_sets = true;
  SweepPointStarted point_started;  ///< may be empty
  /// The processes the points are shared over: rank k runs points k, k + K, ... and rank 0
  /// gathers their samples (cluster/ranks.hpp). Null: this process runs them all.
  const cluster::Ranks* ranks = nullptr;
};

/// Runs `scenario` at every budget (EUR per year, as with_budget sets it) over the
/// stock and returns one series per frontier indicator, one point per budget, in
/// budget order. The scenario should record no /dwelling columns (nothing is kept of
/// them). Results depend on (scenario, stock, params, budgets) only: any thread count,
/// reach sets shared or not, any number of ranks. Over several ranks, only rank 0's
/// series hold the points; the others' are empty.
[[nodiscard]] std::vector<FrontierSeries> run_sweep(const Scenario& scenario, const Stock& stock,
                                                    const ModelParams& params,
                                                    std::span<const double> budgets,
                                                    const SweepOptions& options = {});

}  // namespace coron::app
