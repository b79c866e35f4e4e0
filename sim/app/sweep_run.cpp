#include "app/sweep_run.hpp"

namespace coron::app {

std::vector<FrontierSeries> run_sweep(const Scenario& scenario, const Stock& stock, const ModelParams& params,
                                      std::span<const double> budgets, const SweepOptions& options) {
  const BudgetYears years = budget_years(scenario);
  RunOptions point_options = options.run;
  // A reach set is priced anew in every point and replicate; computing it once for the
  // whole sweep leaves each point only that pricing (docs/performance.md, "Sweep").
  if (options.share_reach_sets && point_options.cache_reach_sets && !point_options.reach_sets)
    point_options.reach_sets = make_shared_reach_sets(stock);
  std::vector<FrontierSeries> series;
  for (std::size_t p = 0; p < budgets.size(); ++p) {
    const Scenario point = with_budget(scenario, budgets[p]);
    if (options.point_started) point_options.progress = options.point_started(p);
    const Aggregates aggregates = run_simulation(point, stock, params, point_options);
    const std::vector<FrontierSample> samples = frontier_samples(aggregates, years);
    if (series.empty())
      for (const FrontierSample& s : samples) series.push_back({s.name, s.units, s.description, {}});
    for (std::size_t k = 0; k < samples.size(); ++k)
      series[k].points.push_back(spread_of(samples[k].per_replicate));
  }
  return series;
}

}  // namespace coron::app
