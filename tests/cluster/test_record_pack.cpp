// A replicate's works, a process's totals and a sweep point's samples, packed on one rank
// and unpacked on another: every value comes back bit for bit, and a message that does
// not fit is refused instead of read past its end.
#include "cluster/record_pack.hpp"

#include "coron/aggregates.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace coron {
namespace {

/// Values no two of which are equal, with the awkward ones (-0, NaN, denormals) among them.
double value(std::size_t i) {
  switch (i % 5) {
    case 0:
      return -0.0;
    case 1:
      return std::numeric_limits<double>::denorm_min() * static_cast<double>(i);
    case 2:
      return std::nan("");
    default:
      return static_cast<double>(i) * 1.25 - 7.0;
  }
}

WorksTable filled_works() {
  WorksTable works;
  works.clear(2);
  std::size_t i = 0;
  for (int row = 0; row < 3; ++row) {
    works.year.push_back(2020 + row);
    works.row.push_back(row * 2);
    works.package.push_back(row + 1);
    works.cost_eur.push_back(value(++i));
    for (int f = 0; f < 2; ++f) {
      works.grant_eur.push_back(value(++i));
      works.loan_eur.push_back(value(++i));
    }
    works.landlord_eur.push_back(value(++i));
    works.label_before.push_back(6);
    works.label_after.push_back(static_cast<std::uint8_t>(row));
    works.primary_before_kwh_m2.push_back(value(++i));
    works.primary_after_kwh_m2.push_back(value(++i));
    works.target_reached.push_back(row % 2 == 0 ? 1 : 0);
  }
  return works;
}

/// Equal bit patterns, NaN included (operator== would call NaN unequal to itself).
template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

TEST(RecordPack, AReplicatesWorksComeBackBitForBit) {
  const WorksTable sent = filled_works();
  const WorksTable received = cluster::unpack_works(cluster::pack_works(sent), 2);
  EXPECT_EQ(received.size(), 3u);
  EXPECT_EQ(received.funders, 2u);
  EXPECT_EQ(received.year, sent.year);
  EXPECT_EQ(received.row, sent.row);
  EXPECT_EQ(received.package, sent.package);
  EXPECT_EQ(received.label_before, sent.label_before);
  EXPECT_EQ(received.label_after, sent.label_after);
  EXPECT_EQ(received.target_reached, sent.target_reached);
  for (const auto member :
       {&WorksTable::cost_eur, &WorksTable::grant_eur, &WorksTable::loan_eur, &WorksTable::landlord_eur,
        &WorksTable::primary_before_kwh_m2, &WorksTable::primary_after_kwh_m2})
    EXPECT_TRUE(same_bits(sent.*member, received.*member));
  // No works is a table of no rows.
  EXPECT_EQ(cluster::unpack_works(cluster::pack_works(WorksTable{}), 2).size(), 0u);
}

TEST(RecordPack, ACutOrLengthenedMessageIsRefused) {
  const std::vector<std::byte> bytes = cluster::pack_works(filled_works());
  EXPECT_THROW((void)cluster::unpack_works(std::span(bytes).first(bytes.size() - 1), 2), std::runtime_error);
  std::vector<std::byte> longer = bytes;
  longer.push_back(std::byte{0});
  EXPECT_THROW((void)cluster::unpack_works(longer, 2), std::runtime_error);
  EXPECT_THROW((void)cluster::unpack_works(std::span(bytes).first(5), 2), std::runtime_error);
}

/// Totals of 5 replicates x 2 years, every value telling its replicate: r * 1000 + position.
Aggregates totals_of(std::size_t replicates, std::size_t stride, std::size_t first, bool allocation) {
  Aggregates a;
  a.allocate(replicates, 2, 2020, {"state", "region"});
  if (allocation) a.allocation.allocate(replicates, 2, "households", "1", 2021);
  const auto fill = [&](auto& v) {
    if (v.empty()) return;
    const std::size_t row = v.size() / replicates;
    for (std::size_t r = first; r < replicates; r += stride)
      for (std::size_t j = 0; j < row; ++j)
        v[r * row + j] = static_cast<std::decay_t<decltype(v[0])>>(r * 1000 + j + 1);
  };
  for (auto& v : a.values) fill(v);
  fill(a.spend_by_funder);
  fill(a.allocation.budget_eur);
  fill(a.allocation.funded);
  fill(a.allocation.stage_gate_indicator);
  fill(a.allocation.stage_gate_action);
  return a;
}

TEST(RecordPack, TotalsMergeTheRowsOfTheSendersReplicatesOnly) {
  for (const bool allocation : {false, true}) {
    // Three ranks over 5 replicates: rank 1 ran 1 and 4, rank 2 ran 2.
    Aggregates root = totals_of(5, 3, 0, allocation);
    cluster::merge_totals(cluster::pack_totals(totals_of(5, 3, 1, allocation)), 1, 3, root);
    cluster::merge_totals(cluster::pack_totals(totals_of(5, 3, 2, allocation)), 2, 3, root);
    EXPECT_EQ(root, totals_of(5, 1, 0, allocation)) << allocation;
  }
}

TEST(RecordPack, TotalsOfAnotherRunAreRefused) {
  Aggregates root = totals_of(5, 2, 0, false);
  EXPECT_THROW(cluster::merge_totals(cluster::pack_totals(totals_of(4, 2, 1, false)), 1, 2, root),
               std::runtime_error);
  EXPECT_THROW(cluster::merge_totals(cluster::pack_totals(totals_of(5, 2, 1, true)), 1, 2, root),
               std::runtime_error);
}

TEST(RecordPack, ArraysComeBackInOrder) {
  const std::vector<std::vector<double>> sent = {{1.0, -0.0}, {}, {3.5}};
  EXPECT_EQ(cluster::unpack_arrays(cluster::pack_arrays(sent)), sent);
  EXPECT_TRUE(std::signbit(cluster::unpack_arrays(cluster::pack_arrays(sent))[0][1]));
}

}  // namespace
}  // namespace coron
