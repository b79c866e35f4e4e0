#include "app/sweep_run.hpp"

#include "cluster/record_pack.hpp"

#include <stdexcept>

namespace coron::app {

namespace {

/// Adds one point's samples to the series, creating the series at the first point.
void add_point(std::vector<FrontierSeries>& series, const std::vector<FrontierSample>& samples) {
  if (series.empty())
    for (const FrontierSample& s : samples) series.push_back({s.name, s.units, s.description, {}});
  for (std::size_t k = 0; k < samples.size(); ++k)
    series[k].points.push_back(spread_of(samples[k].per_replicate));
}

}  // namespace

std::vector<FrontierSeries> run_sweep(const Scenario& scenario, const Stock& stock, const ModelParams& params,
                                      std::span<const double> budgets, const SweepOptions& options) {
  const BudgetYears years = budget_years(scenario);
  RunOptions point_options = options.run;
  // A reach set is priced anew in every point and replicate; computing it once for the
  // whole sweep leaves each point only that pricing (docs/performance.md, "Sweep").
  if (options.share_reach_sets && point_options.cache_reach_sets && !point_options.reach_sets)
    point_options.reach_sets = make_shared_reach_sets(stock);
  const cluster::Ranks one(0, 1);
  const cluster::Ranks& ranks = options.ranks != nullptr ? *options.ranks : one;
  const auto size = static_cast<std::size_t>(ranks.size());
  // Rank k's points in order; rank 0 keeps its own samples until their turn comes.
  std::vector<std::vector<FrontierSample>> own;
  for (std::size_t p = static_cast<std::size_t>(ranks.rank()); p < budgets.size(); p += size) {
    const Scenario point = with_budget(scenario, budgets[p]);
    if (options.point_started) point_options.progress = options.point_started(p);
    const Aggregates aggregates = run_simulation(point, stock, params, point_options);
    std::vector<FrontierSample> samples = frontier_samples(aggregates, years);
    if (ranks.is_root()) {
      own.push_back(std::move(samples));
      continue;
    }
    std::vector<std::vector<double>> per_replicate;
    for (const FrontierSample& s : samples) per_replicate.push_back(s.per_replicate);
    ranks.send(0, cluster::pack_arrays(per_replicate));
  }
  std::vector<FrontierSeries> series;
  if (!ranks.is_root()) return series;
  for (std::size_t p = 0; p < budgets.size(); ++p) {
    if (p % size == 0) {
      add_point(series, own[p / size]);
      continue;
    }
    // The same indicators as rank 0's own points, with the values of rank p % K's run.
    std::vector<FrontierSample> samples = own.front();
    const std::vector<std::vector<double>> received =
        cluster::unpack_arrays(ranks.receive(static_cast<int>(p % size)));
    if (received.size() != samples.size())
      throw std::runtime_error("a sweep point from another rank does not hold this run's indicators");
    for (std::size_t k = 0; k < samples.size(); ++k) samples[k].per_replicate = received[k];
    add_point(series, samples);
  }
  return series;
}

}  // namespace coron::app
