#include "coron/results.hpp"
#include "coron/rng.hpp"
#include "coron/state.hpp"

#include <cstring>
#include <variant>

// Hashes of bit patterns (B2's b2World_GetStateHash): two runs agree bit for bit
// exactly when their hashes agree (up to 64-bit collisions). Every column comes
// from the registry, so a new column is hashed without a line here.

namespace coron {

namespace {

template <class T>
std::uint64_t absorb_column(std::uint64_t h, const std::vector<T>& column) noexcept {
  for (const T& value : column) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof(T));
    h = detail::absorb(h, bits);
  }
  return detail::absorb(h, column.size());
}

std::uint64_t absorb_name(std::uint64_t h, std::string_view name) noexcept {
  for (const char c : name) h = detail::absorb(h, static_cast<unsigned char>(c));
  return h;
}

}  // namespace

std::uint64_t state_hash(const DwellingState& state) noexcept {
  std::uint64_t h = detail::mix64(state.size());
  for_each_column(state, [&h](const ColumnInfo& info, const auto& column) {
    h = absorb_column(absorb_name(h, info.name), column);
  });
  for (const std::vector<double>& totals : state.totals.stock) h = absorb_column(h, totals);
  for (const std::vector<double>& totals : state.totals.by_cite) h = absorb_column(h, totals);
  return h;
}

std::uint64_t state_hash(const ReplicateRecord& record) noexcept {
  std::uint64_t h = detail::mix64(record.years * 1000003u + record.dwellings);
  for (std::size_t k = 0; k < record.columns.size(); ++k) {
    h = absorb_name(h, record.columns[k]->name);
    h = std::visit([h](const auto& values) { return absorb_column(h, values); }, record.values[k]);
  }
  for (const std::vector<double>& totals : record.by_cite) h = absorb_column(h, totals);
  h = absorb_column(h, record.spend_by_funder_by_cite);
  const WorksTable& w = record.works;
  h = absorb_column(h, w.year);
  h = absorb_column(h, w.row);
  h = absorb_column(h, w.package);
  h = absorb_column(h, w.cost_eur);
  h = absorb_column(h, w.grant_eur);
  h = absorb_column(h, w.loan_eur);
  h = absorb_column(h, w.landlord_eur);
  return h;
}

std::uint64_t state_hash(const Aggregates& a) noexcept {
  std::uint64_t h = detail::mix64(a.replicates * 1000003u + a.years);
  h = absorb_column(h, a.year);
  for (const std::vector<double>& values : a.values) h = absorb_column(h, values);
  h = absorb_column(h, a.spend_by_funder);
  // Only with a budget: the hashes of runs without one stay what they were.
  if (a.allocation.enabled()) {
    h = absorb_column(h, a.allocation.budget_eur);
    h = absorb_column(h, a.allocation.spent_eur);
    h = absorb_column(h, a.allocation.funded);
    h = absorb_column(h, a.allocation.objective_value);
    h = absorb_column(h, a.allocation.bound);
  }
  return h;
}

}  // namespace coron
