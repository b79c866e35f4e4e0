#include "coron/results.hpp"

#include "coron/error.hpp"
#include "coron/units.hpp"

#include <algorithm>
#include <cstring>

namespace coron {

namespace {

template <class T>
ColumnValues zeros(std::size_t count) {
  return ColumnValues(std::in_place_type<std::vector<T>>, count, T{});
}

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

}  // namespace

std::vector<const ColumnInfo*> recorded_columns(std::span<const std::string> names) {
  std::vector<const ColumnInfo*> out;
  for (const ColumnInfo& column : state_columns())
    if (std::find(names.begin(), names.end(), column.name) != names.end()) out.push_back(&column);
  for (const std::string& name : names) CORON_ASSERT(find_column(state_columns(), name) != nullptr);
  return out;
}

void ReplicateRecord::allocate(std::span<const ColumnInfo* const> chosen, std::size_t y, std::size_t n) {
  years = y;
  dwellings = n;
  columns.assign(chosen.begin(), chosen.end());
  for (std::size_t k = 1; k < columns.size(); ++k)
    CORON_ASSERT(columns[k - 1] < columns[k]);  // registry order
  values.clear();
  for (const ColumnInfo* c : columns) values.push_back(zeros_of(c->type, y * n));
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
}

const ColumnValues* ReplicateRecord::find(std::string_view name) const noexcept {
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (columns[k]->name == name) return &values[k];
  return nullptr;
}

void Aggregates::allocate(std::size_t r, std::size_t y, int first_year) {
  replicates = r;
  years = y;
  year.resize(y);
  for (std::size_t i = 0; i < y; ++i) year[i] = first_year + static_cast<std::int32_t>(i);
  label_count.assign(r * y * coron::label_count, 0);
  final_energy_gwh.assign(r * y, 0.0);
  ghg_kt.assign(r * y, 0.0);
}

void Aggregates::record(std::size_t r, std::size_t y, const YearTotals& totals) {
  CORON_ASSERT(r < replicates && y < years);
  const std::size_t cell = r * years + y;
  std::copy(totals.per_label.begin(), totals.per_label.end(),
            label_count.begin() + static_cast<std::ptrdiff_t>(cell * coron::label_count));
  final_energy_gwh[cell] = totals.final_energy_kwh / units::kwh_per_gwh;
  ghg_kt[cell] = totals.ghg_kg / units::kg_per_kt;
}

}  // namespace coron
