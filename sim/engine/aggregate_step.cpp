#include "engine/aggregate_step.hpp"

#include "coron/byte_pack.hpp"
#include "coron/error.hpp"

#include <algorithm>
#include <type_traits>

namespace coron::engine {

namespace {

/// A state column by name as doubles (weights: areas, or the flag a count also needs).
/// Copies into `scratch` unless the column is of doubles; nullptr when there is no such column.
const std::vector<double>* double_column(const DwellingState& state, std::string_view name,
                                         std::vector<double>& scratch) {
  const std::vector<double>* out = nullptr;
  for_each_column(state, [&](const ColumnInfo& info, const auto& values) {
    if (info.name != name) return;
    if constexpr (std::is_same_v<std::decay_t<decltype(values)>, std::vector<double>>) {
      out = &values;
    } else {
      scratch.assign(values.begin(), values.end());
      out = &scratch;
    }
  });
  return out;
}

/// Grants and loans of this year's works, per funder and per cité and funder.
void total_spending(DwellingState& state, const YearContext& context) {
  YearTotals& totals = state.totals;
  totals.allocation = context.books == nullptr ? AllocationTotals{} : context.books->allocation;
  if (context.books == nullptr) {
    totals.spend_by_funder.clear();
    totals.spend_by_funder_by_cite.clear();
    return;
  }
  const WorksTable& works = context.books->year_works;
  const std::size_t funders = works.funders;
  totals.spend_by_funder.assign(funders, 0.0);
  totals.spend_by_funder_by_cite.assign(context.stock.cites.size() * funders, 0.0);
  for (std::size_t r = 0; r < works.size(); ++r) {
    const auto cite = static_cast<std::size_t>(context.books->year_works_cite[r]);
    for (std::size_t f = 0; f < funders; ++f) {
      const double spent = works.grant_eur[r * funders + f] + works.loan_eur[r * funders + f];
      totals.spend_by_funder_by_cite[cite * funders + f] += spent;
    }
  }
  // Per cité first, then cités in order: the same sums whatever the works' order.
  for (std::size_t c = 0; c < context.stock.cites.size(); ++c)
    for (std::size_t f = 0; f < funders; ++f)
      totals.spend_by_funder[f] += totals.spend_by_funder_by_cite[c * funders + f];
}

/// Adds one aggregate's per-dwelling contributions into its cités' slots.
template <class T>
void accumulate(const AggregateInfo& a, const std::vector<T>& column, const std::vector<double>* weight,
                const std::vector<std::int32_t>& cite_id, std::vector<double>& by_cite) {
  const std::size_t n = column.size();
  const std::size_t width = a.width();
  switch (a.kind) {
    case AggregateKind::sum:
      for (std::size_t i = 0; i < n; ++i) {
        const double v = static_cast<double>(column[i]);
        by_cite[static_cast<std::size_t>(cite_id[i])] += weight ? v * (*weight)[i] : v;
      }
      break;
    case AggregateKind::count:
      for (std::size_t i = 0; i < n; ++i) {
        const bool counted = ((column[i] == T{}) == a.count_zero) &&
                             (weight == nullptr || (((*weight)[i] == 0.0) == a.weight_zero));
        by_cite[static_cast<std::size_t>(cite_id[i])] += counted ? 1.0 : 0.0;
      }
      break;
    case AggregateKind::histogram:
      for (std::size_t i = 0; i < n; ++i) {
        const auto bin = static_cast<std::size_t>(column[i]);
        CORON_ASSERT(bin < width);
        by_cite[static_cast<std::size_t>(cite_id[i]) * width + bin] += 1.0;
      }
      break;
    case AggregateKind::peak:
      CORON_ASSERT(false);  // taken from the hourly step's peaks, not summed
      break;
  }
}

/// A peak aggregate: the hourly step's stock and cité peaks, or zeros when it did not run.
void take_peak(const AggregateInfo& a, const YearTotals::HourlyPeaks& peaks, std::vector<double>& stock,
               std::vector<double>& by_cite) {
  stock.assign(1, a.scale * peaks.stock_w);
  if (peaks.by_cite_w.empty()) {
    std::fill(by_cite.begin(), by_cite.end(), 0.0);
    return;
  }
  CORON_ASSERT(peaks.by_cite_w.size() == by_cite.size());
  for (std::size_t c = 0; c < by_cite.size(); ++c) by_cite[c] = a.scale * peaks.by_cite_w[c];
}

/// Aggregate k of the year per cité (dwellings in stock order), before its scale; a peak
/// aggregate whole. Writes only totals k: aggregates may be taken concurrently.
void total_by_cite(DwellingState& state, const YearContext& context, std::size_t k) {
  const AggregateInfo& a = aggregate_columns[k];
  std::vector<double>& by_cite = state.totals.by_cite[k];
  if (a.kind == AggregateKind::peak) {
    take_peak(a, state.totals.hourly_peaks, state.totals.stock[k], by_cite);
    return;
  }
  std::fill(by_cite.begin(), by_cite.end(), 0.0);
  std::vector<double> scratch;
  const std::vector<double>* weight = a.weight.empty() ? nullptr : double_column(state, a.weight, scratch);
  CORON_ASSERT(a.weight.empty() || weight != nullptr);
  bool found = false;
  for_each_column(state, [&](const ColumnInfo& info, const auto& values) {
    if (info.name != a.column) return;
    found = true;
    accumulate(a, values, weight, context.stock.cite_id, by_cite);
  });
  CORON_ASSERT(found);
}

/// Aggregate k of the year over the stock (cités in order), then both scaled.
void total_over_cites(DwellingState& state, const YearContext& context, std::size_t k) {
  const AggregateInfo& a = aggregate_columns[k];
  if (a.kind == AggregateKind::peak) return;
  const std::size_t width = a.width();
  std::vector<double>& by_cite = state.totals.by_cite[k];
  std::vector<double>& stock = state.totals.stock[k];
  std::fill(stock.begin(), stock.end(), 0.0);
  for (std::size_t c = 0; c < context.stock.cites.size(); ++c)
    for (std::size_t b = 0; b < width; ++b) stock[b] += by_cite[c * width + b];
  if (a.kind == AggregateKind::sum) {
    for (double& v : by_cite) v *= a.scale;
    for (double& v : stock) v *= a.scale;
  }
}

/// With slices: each slice's cités' totals to every slice (a cité's dwellings are all in
/// one slice, which alone has summed them). Collective.
void share_cite_totals(DwellingState& state, const SliceExchange& slices) {
  const auto cite_rows = [&](std::size_t k, std::size_t width) {
    return std::pair{slices.first_cite(k) * width, slices.first_cite(k + 1) * width};
  };
  BytePacker out;
  for (std::size_t k = 0; k < aggregate_columns.size(); ++k) {
    if (aggregate_columns[k].kind == AggregateKind::peak) continue;
    const auto [begin, end] = cite_rows(slices.slice(), aggregate_columns[k].width());
    const std::vector<double>& by_cite = state.totals.by_cite[k];
    out.put(std::span(by_cite).subspan(begin, end - begin));
  }
  const std::vector<std::vector<std::byte>> gathered = slices.all_gather(out.take());
  for (std::size_t from = 0; from < gathered.size(); ++from) {
    ByteUnpacker in(gathered[from]);
    for (std::size_t k = 0; k < aggregate_columns.size(); ++k) {
      if (aggregate_columns[k].kind == AggregateKind::peak) continue;
      const auto [begin, end] = cite_rows(from, aggregate_columns[k].width());
      in.get(std::span(state.totals.by_cite[k]).subspan(begin, end - begin));
    }
    in.expect_end();
  }
}

}  // namespace

void aggregate_step(DwellingState& state, const YearContext& context) {
  // One aggregate per block: each sums its own column over the whole stock in a fixed
  // order, so the totals do not depend on which thread took which aggregate.
  const auto each_aggregate = [&](void (*total)(DwellingState&, const YearContext&, std::size_t)) {
    context.blocks.for_each(
        aggregate_columns.size(),
        [&](std::size_t, std::size_t begin, std::size_t end) {
          for (std::size_t k = begin; k < end; ++k) total(state, context, k);
        },
        1);
  };
  each_aggregate(total_by_cite);
  if (context.slices != nullptr) share_cite_totals(state, *context.slices);
  each_aggregate(total_over_cites);
  total_spending(state, context);
}

}  // namespace coron::engine
