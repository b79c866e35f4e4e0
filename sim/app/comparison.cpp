#include "app/comparison.hpp"

#include "app/compared_run.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace coron::app {

namespace {

/// A Quantity found in its file: the series, its year index and the bins summed.
struct ResolvedQuantity {
  const AggregateSeries* series = nullptr;  ///< nullptr: the file lacks it and it counts 0
  std::vector<std::size_t> bins;
  std::size_t year = 0;
  std::size_t replicates = 0;
  bool cumulative = false;
};

std::optional<ResolvedQuantity> resolve(const Quantity& q, const ComparedRun& run,
                                        const ComparedRun& reference, int year) {
  const ComparedRun& source = q.of_reference ? reference : run;
  const std::optional<std::size_t> y = source.year_index(year);
  if (!y) return std::nullopt;
  ResolvedQuantity r;
  r.year = *y;
  r.replicates = source.replicates;
  r.cumulative = q.cumulative;
  r.series = source.find(q.dataset);
  if (r.series == nullptr) {
    if (q.zero_when_absent) return r;
    return std::nullopt;
  }
  if (!q.bin_name.empty()) {
    const std::optional<std::size_t> bin = r.series->bin(q.bin_name);
    if (!bin) return std::nullopt;
    r.bins = {*bin};
  } else if (q.bins.empty()) {
    if (r.series->width != 1) return std::nullopt;  // binned data where a single value was expected
    r.bins = {0};
  } else {
    r.bins = q.bins;
  }
  for (const std::size_t b : r.bins)
    if (b >= r.series->width) return std::nullopt;
  return r;
}

double value_of(const ResolvedQuantity& q, std::size_t replicate) {
  if (q.series == nullptr) return 0.0;
  double total = 0.0;
  for (std::size_t y = q.cumulative ? 0 : q.year; y <= q.year; ++y)
    for (const std::size_t b : q.bins) total += q.series->at(replicate, y, b);
  return total;
}

}  // namespace

Pairing pairing_of(const ComparedRun& run, const ComparedRun& reference) {
  if (&run == &reference) return Pairing::reference;
  return run.seed == reference.seed && run.replicates == reference.replicates ? Pairing::paired
                                                                              : Pairing::unpaired;
}

Cell evaluate(const Indicator& indicator, const ComparedRun& run, const ComparedRun& reference, int year) {
  std::vector<ResolvedQuantity> inputs;
  for (const Quantity& q : indicator.inputs) {
    std::optional<ResolvedQuantity> resolved = resolve(q, run, reference, year);
    if (!resolved) return Cell{};
    inputs.push_back(std::move(*resolved));
  }
  std::vector<double> x(inputs.size());
  if (!indicator.relative || pairing_of(run, reference) != Pairing::unpaired) {
    // Replicate by replicate (paired: replicate r of the reference with replicate r of this file).
    std::vector<double> sample(run.replicates);
    for (std::size_t r = 0; r < run.replicates; ++r) {
      for (std::size_t i = 0; i < inputs.size(); ++i) x[i] = value_of(inputs[i], r);
      sample[r] = indicator.formula(x);
      if (!std::isfinite(sample[r])) return Cell{};
    }
    return Cell{Cell::Kind::spread, spread_of(sample), sample.size()};
  }
  // Unpaired: the replicates of the two files share nothing, so the figure is taken
  // between the medians of each input; no interval is claimed for it.
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<double> sample(inputs[i].replicates);
    for (std::size_t r = 0; r < sample.size(); ++r) sample[r] = value_of(inputs[i], r);
    x[i] = median_of(sample);
  }
  const double value = indicator.formula(x);
  if (!std::isfinite(value)) return Cell{};
  return Cell{Cell::Kind::median_difference, Spread{value, value, value}, 0};
}

std::vector<int> default_years(const ComparedRun& reference) {
  std::vector<int> years;
  if (reference.years.empty()) return years;
  const int ten_years_on = reference.years.front() + 10;
  if (ten_years_on < reference.years.back() && reference.year_index(ten_years_on))
    years.push_back(ten_years_on);
  years.push_back(reference.years.back());
  return years;
}

Comparison compare_runs(std::span<const ComparedRun> runs, std::span<const int> years) {
  Comparison out;
  const ComparedRun& reference = runs.front();
  for (const ComparedRun& run : runs)
    out.files.push_back(ComparedFile{run.file.string(), run.scenario_name, run.replicates, run.seed,
                                     run.years.empty() ? 0 : run.years.front(),
                                     run.years.empty() ? 0 : run.years.back(), pairing_of(run, reference)});
  out.years.assign(years.begin(), years.end());
  const std::vector<Indicator> indicators = indicators_for(runs);
  for (const int year : years) {
    for (const Indicator& indicator : indicators) {
      ComparisonRow row{indicator, year, {}};
      for (const ComparedRun& run : runs) row.cells.push_back(evaluate(indicator, run, reference, year));
      // A figure relative to the reference says nothing in the reference's own
      // column (0, or not defined): the row is shown when another file has it.
      const auto first = row.cells.begin() + (indicator.relative ? 1 : 0);
      const bool any =
          std::any_of(first, row.cells.end(), [](const Cell& c) { return c.kind != Cell::Kind::missing; });
      if (any) out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace coron::app
