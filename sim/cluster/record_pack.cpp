#include "cluster/record_pack.hpp"

#include "coron/byte_pack.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace coron::cluster {

namespace {

/// Every column of the works table, in one order for both ends.
template <class Table, class F>
void for_each_works_column(Table& t, F&& f) {
  f(t.year);
  f(t.row);
  f(t.package);
  f(t.cost_eur);
  f(t.grant_eur);
  f(t.loan_eur);
  f(t.landlord_eur);
  f(t.label_before);
  f(t.label_after);
  f(t.primary_before_kwh_m2);
  f(t.primary_after_kwh_m2);
  f(t.target_reached);
}

/// Every [R][...] array of the totals, in one order for both ends.
template <class Totals, class F>
void for_each_replicate_array(Totals& a, F&& f) {
  for (auto& values : a.values) f(values);
  f(a.spend_by_funder);
  f(a.allocation.budget_eur);
  f(a.allocation.spent_eur);
  f(a.allocation.funded);
  f(a.allocation.objective_value);
  f(a.allocation.bound);
  f(a.allocation.stage_gate_indicator);
  f(a.allocation.stage_gate_held);
  f(a.allocation.stage_gate_action);
}

}  // namespace

std::vector<std::byte> pack_works(const WorksTable& works) {
  BytePacker out;
  for_each_works_column(works, [&](const auto& v) { out.put(v); });
  return out.take();
}

WorksTable unpack_works(std::span<const std::byte> bytes, std::size_t funders) {
  ByteUnpacker in(bytes);
  WorksTable works;
  works.clear(funders);
  for_each_works_column(works, [&](auto& v) { in.append_to(v); });
  in.expect_end();
  return works;
}

std::vector<std::byte> pack_totals(const Aggregates& aggregates) {
  BytePacker out;
  for_each_replicate_array(aggregates, [&](const auto& v) { out.put(v); });
  return out.take();
}

void merge_totals(std::span<const std::byte> bytes, std::size_t first, std::size_t stride, Aggregates& into) {
  ByteUnpacker in(bytes);
  const std::size_t replicates = into.replicates;
  for_each_replicate_array(into, [&](auto& mine) {
    const auto theirs = in.next<typename std::decay_t<decltype(mine)>::value_type>();
    if (theirs.size() != mine.size())
      throw std::runtime_error(
          "the totals of another rank do not fit this run's: the ranks do not run the "
          "same scenario");
    if (mine.empty()) return;
    const std::size_t row = mine.size() / replicates;  // every array is [R][row]
    for (std::size_t r = first; r < replicates; r += stride)
      std::copy_n(theirs.begin() + static_cast<std::ptrdiff_t>(r * row), row,
                  mine.begin() + static_cast<std::ptrdiff_t>(r * row));
  });
  in.expect_end();
}

std::vector<std::byte> pack_arrays(std::span<const std::vector<double>> arrays) {
  BytePacker out;
  out.put(std::vector<std::uint64_t>{arrays.size()});
  for (const std::vector<double>& a : arrays) out.put(a);
  return out.take();
}

std::vector<std::vector<double>> unpack_arrays(std::span<const std::byte> bytes) {
  ByteUnpacker in(bytes);
  const auto count = in.next<std::uint64_t>();
  if (count.size() != 1) throw std::runtime_error("a message between ranks does not hold arrays");
  std::vector<std::vector<double>> arrays;
  for (std::uint64_t k = 0; k < count[0]; ++k) arrays.push_back(in.next<double>());
  in.expect_end();
  return arrays;
}

}  // namespace coron::cluster
