#include "coron/results.hpp"

#include "huge_pages.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cstring>

namespace coron {

namespace {

/// A zeroed column of `count` values. A record holds a replicate's chosen columns for every
/// year (some 100 MB on the whole stock): the kernel's first touch of each 4 KiB page cost a
/// fifth of a one-replicate run, so large buffers ask for transparent huge pages, 512 times
/// fewer faults where the system grants them (Linux madvise; a hint, never an error).
template <class T>
ColumnValues zeros(std::size_t count) {
  std::vector<T> values;
  values.reserve(count);
  advise_huge_pages(values.data(), count * sizeof(T));
  values.resize(count, T{});
  return ColumnValues(std::move(values));
}

}  // namespace

ColumnValues zeros_of(ColumnType type, std::size_t count) {
  switch (type) {
    case ColumnType::f64:
      return zeros<double>(count);
    case ColumnType::i64:
      return zeros<std::int64_t>(count);
    case ColumnType::i32:
      return zeros<std::int32_t>(count);
    case ColumnType::i16:
      return zeros<std::int16_t>(count);
    case ColumnType::u8:
      break;
  }
  return zeros<std::uint8_t>(count);
}

std::vector<const ColumnInfo*> recorded_columns(std::span<const std::string> names) {
  std::vector<const ColumnInfo*> out;
  for (const ColumnInfo& column : state_columns())
    if (std::find(names.begin(), names.end(), column.name) != names.end()) out.push_back(&column);
  for (const std::string& name : names) CORON_ASSERT(find_column(state_columns(), name) != nullptr);
  return out;
}

void WorksTable::clear(std::size_t f) {
  funders = f;
  year.clear();
  row.clear();
  package.clear();
  cost_eur.clear();
  grant_eur.clear();
  loan_eur.clear();
  landlord_eur.clear();
  label_before.clear();
  label_after.clear();
  primary_before_kwh_m2.clear();
  primary_after_kwh_m2.clear();
  target_reached.clear();
}

void WorksTable::append(const WorksTable& other) {
  CORON_ASSERT(other.funders == funders);
  const auto add = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  add(year, other.year);
  add(row, other.row);
  add(package, other.package);
  add(cost_eur, other.cost_eur);
  add(grant_eur, other.grant_eur);
  add(loan_eur, other.loan_eur);
  add(landlord_eur, other.landlord_eur);
  add(label_before, other.label_before);
  add(label_after, other.label_after);
  add(primary_before_kwh_m2, other.primary_before_kwh_m2);
  add(primary_after_kwh_m2, other.primary_after_kwh_m2);
  add(target_reached, other.target_reached);
}

void ReplicateRecord::allocate(std::span<const ColumnInfo* const> chosen, std::size_t y, std::size_t n,
                               std::size_t c, std::size_t f) {
  works.clear(f);
  funders = f;
  spend_by_funder_by_cite.assign(y * c * f, 0.0);
  // The same shape again (the next replicate in a reused slot): keep the buffers,
  // zeroed, rather than give 100 MB back and fault it in again.
  if (years == y && dwellings == n && cites == c &&
      std::equal(columns.begin(), columns.end(), chosen.begin(), chosen.end())) {
    for (auto& v : values) std::visit([](auto& column) { std::fill(column.begin(), column.end(), 0); }, v);
    for (auto& v : by_cite) std::fill(v.begin(), v.end(), 0.0);
    return;
  }
  years = y;
  dwellings = n;
  cites = c;
  by_cite.clear();
  for (const AggregateInfo& a : aggregate_columns) by_cite.emplace_back(y * c * a.width(), 0.0);
  columns.assign(chosen.begin(), chosen.end());
  for (std::size_t k = 1; k < columns.size(); ++k)
    CORON_ASSERT(columns[k - 1] < columns[k]);  // registry order
  values.clear();
  for (const ColumnInfo* column : columns) values.push_back(zeros_of(column->type, y * n));
}

void ReplicateRecord::record(std::size_t y, const DwellingState& state) {
  CORON_ASSERT(y < years && state.size() == dwellings);
  std::size_t k = 0;
  for_each_column(state, [&](const ColumnInfo& info, const auto& column) {
    if (k == columns.size() || columns[k] != &info) return;  // chosen columns are in registry order
    using Vector = std::decay_t<decltype(column)>;
    auto& out = std::get<Vector>(values[k]);
    std::copy(column.begin(), column.end(), out.begin() + static_cast<std::ptrdiff_t>(y * dwellings));
    ++k;
  });
  CORON_ASSERT(k == columns.size());
  for (std::size_t a = 0; a < by_cite.size(); ++a) {
    const std::vector<double>& year_totals = state.totals.by_cite[a];
    CORON_ASSERT(year_totals.size() * years == by_cite[a].size());
    std::copy(year_totals.begin(), year_totals.end(),
              by_cite[a].begin() + static_cast<std::ptrdiff_t>(y * year_totals.size()));
  }
  const std::vector<double>& spend = state.totals.spend_by_funder_by_cite;
  CORON_ASSERT(spend.size() * years == spend_by_funder_by_cite.size());
  std::copy(spend.begin(), spend.end(),
            spend_by_funder_by_cite.begin() + static_cast<std::ptrdiff_t>(y * spend.size()));
}

const ColumnValues* ReplicateRecord::find(std::string_view name) const noexcept {
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (columns[k]->name == name) return &values[k];
  return nullptr;
}

void AllocationSeries::allocate(std::size_t r, std::size_t y, std::string objective_name, std::string units,
                                int gate_year) {
  objective = std::move(objective_name);
  objective_units = std::move(units);
  budget_eur.assign(r * y, 0.0);
  spent_eur.assign(r * y, 0.0);
  funded.assign(r * y, 0);
  objective_value.assign(r * y, 0.0);
  bound.assign(r * y, 0.0);
  stage_gate_year = gate_year;
  const std::size_t gates = gate_year != 0 ? r : 0;
  stage_gate_indicator.assign(gates, 0.0);
  stage_gate_held.assign(gates, 0);
  stage_gate_action.assign(gates, -1);
}

void Aggregates::allocate(std::size_t r, std::size_t y, int first_year,
                          std::vector<std::string> funder_names) {
  funders = std::move(funder_names);
  spend_by_funder.assign(r * y * funders.size(), 0.0);
  replicates = r;
  years = y;
  year.resize(y);
  for (std::size_t i = 0; i < y; ++i) year[i] = first_year + static_cast<std::int32_t>(i);
  values.clear();
  for (const AggregateInfo& a : aggregate_columns) values.emplace_back(r * y * a.width(), 0.0);
}

void Aggregates::record(std::size_t r, std::size_t y, const YearTotals& totals) {
  CORON_ASSERT(r < replicates && y < years && totals.stock.size() == values.size());
  for (std::size_t a = 0; a < values.size(); ++a) {
    const std::size_t width = aggregate_columns[a].width();
    CORON_ASSERT(totals.stock[a].size() == width);
    std::copy(totals.stock[a].begin(), totals.stock[a].end(),
              values[a].begin() + static_cast<std::ptrdiff_t>((r * years + y) * width));
  }
  const std::size_t f = funders.size();
  CORON_ASSERT(totals.spend_by_funder.size() == f);
  std::copy(totals.spend_by_funder.begin(), totals.spend_by_funder.end(),
            spend_by_funder.begin() + static_cast<std::ptrdiff_t>((r * years + y) * f));
  if (allocation.enabled()) {
    const std::size_t at = r * years + y;
    allocation.budget_eur[at] = totals.allocation.budget_eur;
    allocation.spent_eur[at] = totals.allocation.spent_eur;
    allocation.funded[at] = totals.allocation.funded;
    allocation.objective_value[at] = totals.allocation.objective;
    allocation.bound[at] = totals.allocation.bound;
    if (totals.allocation.stage_gate_decided && !allocation.stage_gate_indicator.empty()) {
      allocation.stage_gate_indicator[r] = totals.allocation.stage_gate_indicator;
      allocation.stage_gate_held[r] = totals.allocation.stage_gate_held ? 1 : 0;
      allocation.stage_gate_action[r] = totals.allocation.stage_gate_action;
    }
  }
}

const std::vector<double>& Aggregates::of(std::string_view name) const {
  const std::size_t a = aggregate_index(name);
  CORON_ASSERT(a < values.size());
  return values[a];
}

namespace {

/// Type-7 quantile q of values[(r * years + y) * width + b] over the replicates r.
double quantile_across_replicates(const std::vector<double>& values, std::size_t replicates,
                                  std::size_t years, std::size_t width, double q, std::size_t y,
                                  std::size_t b) {
  CORON_ASSERT(replicates > 0 && y < years && b < width && q >= 0.0 && q <= 1.0);
  std::vector<double> sample(replicates);
  for (std::size_t r = 0; r < replicates; ++r) sample[r] = values[(r * years + y) * width + b];
  std::sort(sample.begin(), sample.end());
  const double h = q * static_cast<double>(replicates - 1);
  const auto lo = static_cast<std::size_t>(h);
  const std::size_t hi = std::min(lo + 1, replicates - 1);
  return sample[lo] + (h - static_cast<double>(lo)) * (sample[hi] - sample[lo]);
}

}  // namespace

double Aggregates::quantile(std::string_view name, double q, std::size_t y, std::size_t b) const {
  const std::size_t a = aggregate_index(name);
  CORON_ASSERT(a < values.size());
  return quantile_across_replicates(values[a], replicates, years, aggregate_columns[a].width(), q, y, b);
}

double Aggregates::spend_quantile(double q, std::size_t y, std::size_t f) const {
  return quantile_across_replicates(spend_by_funder, replicates, years, funders.size(), q, y, f);
}

}  // namespace coron
