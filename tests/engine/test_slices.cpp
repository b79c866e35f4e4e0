// Dwelling slices (RunOptions::slices) in one process: K threads, each stepping one slice
// of the stock and exchanging through a barrier as MPI ranks would through their
// collectives. Each slice's rows, and the totals, works and budget records every slice
// holds, must be the run over the whole stock's, bit for bit. The cut itself
// (slice_bounds, slice_of) is checked on hand cases.
#include "fixtures/collect.hpp"
#include "setup/run_setup.hpp"

#include "coron/engine.hpp"
#include "coron/stock.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <map>
#include <thread>
#include <variant>

namespace coron {
namespace {

using ::testing::HasSubstr;

/// A stock of `cites` ids, one dwelling per entry, the dwelling ids 100, 101, ...
Stock stock_of_cites(const std::vector<std::int32_t>& cites) {
  Stock stock;
  stock.resize(cites.size());
  stock.cite_id = cites;
  for (std::size_t i = 0; i < cites.size(); ++i) stock.dwelling_id[i] = 100 + static_cast<std::int64_t>(i);
  for (std::int32_t c = 0; c <= (cites.empty() ? -1 : cites.back()); ++c) stock.cites.name.push_back("c");
  return stock;
}

TEST(SliceBounds, CutNearestAnEvenShareAndNeverInsideACite) {
  // Cités start at dwellings 0, 3, 5 and 9 of 10.
  const Stock stock = stock_of_cites({0, 0, 0, 1, 1, 2, 2, 2, 2, 3});
  EXPECT_EQ(slice_bounds(stock, 1).dwelling, (std::vector<std::size_t>{0, 10}));
  EXPECT_EQ(slice_bounds(stock, 2).dwelling, (std::vector<std::size_t>{0, 5, 10}));  // 5 is a cut
  // 3.3 -> 3, 6.6 -> 5; the slices' cités: 0, 1, then 2 and 3.
  EXPECT_EQ(slice_bounds(stock, 3).dwelling, (std::vector<std::size_t>{0, 3, 5, 10}));
  EXPECT_EQ(slice_bounds(stock, 3).cite, (std::vector<std::size_t>{0, 1, 2, 4}));
  // 7 is as far from 5 as from 9: the later cut; every slice keeps a cité.
  EXPECT_EQ(slice_bounds(stock, 4).dwelling, (std::vector<std::size_t>{0, 3, 5, 9, 10}));
  // One big cité first: the cuts after it, one per slice still to come.
  EXPECT_EQ(slice_bounds(stock_of_cites({0, 0, 0, 0, 0, 0, 0, 0, 1, 2}), 3).dwelling,
            (std::vector<std::size_t>{0, 8, 9, 10}));
}

TEST(SliceBounds, RefuseMoreSlicesThanCitesAndAStockOutOfCiteOrder) {
  const Stock stock = stock_of_cites({0, 0, 1, 1});
  try {
    (void)slice_bounds(stock, 3);
    FAIL() << "three slices of two cités";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("3 dwelling slices of a stock of 2 cités"));
  }
  EXPECT_THROW((void)slice_bounds(stock, 0), std::invalid_argument);
  try {
    (void)slice_bounds(stock_of_cites({0, 1, 0, 2}), 2);
    FAIL() << "cité 0 after cité 1";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("dwelling 102 of cité 0 follows one of cité 1"));
  }
}

TEST(SliceOf, KeepsItsDwellingsInEveryColumnAndEveryCite) {
  Stock stock = stock_of_cites({0, 0, 1, 1, 2});
  for (std::size_t i = 0; i < stock.size(); ++i) stock.floor_area_m2[i] = 50.0 + static_cast<double>(i);
  const Stock slice = slice_of(stock, 2, 4);
  EXPECT_EQ(slice.dwelling_id, (std::vector<std::int64_t>{102, 103}));
  EXPECT_EQ(slice.cite_id, (std::vector<std::int32_t>{1, 1}));
  EXPECT_EQ(slice.floor_area_m2, (std::vector<double>{52.0, 53.0}));
  EXPECT_EQ(slice.cites, stock.cites);
  for_each_column(
      slice, [](const ColumnInfo& info, const auto& column) { EXPECT_EQ(column.size(), 2u) << info.name; });
}

/// The slices of one process's threads: all_gather waits at a barrier for every slice.
class ThreadSlices {
 public:
  ThreadSlices(const Stock& stock, std::size_t slices)
      : cuts_(slice_bounds(stock, slices)),
        deposits_(slices),
        barrier_(static_cast<std::ptrdiff_t>(slices)) {}

  class Slice final : public SliceExchange {
   public:
    Slice(ThreadSlices& all, std::size_t k) : SliceExchange(all.cuts_), all_(all), k_(k) {}
    [[nodiscard]] std::size_t slice() const noexcept override { return k_; }
    [[nodiscard]] std::vector<std::vector<std::byte>> all_gather(
        std::span<const std::byte> bytes) const override {
      all_.deposits_[k_].assign(bytes.begin(), bytes.end());
      all_.barrier_.arrive_and_wait();  // every slice has deposited
      std::vector<std::vector<std::byte>> out = all_.deposits_;
      all_.barrier_.arrive_and_wait();  // every slice has read: the next exchange may deposit
      return out;
    }

   private:
    ThreadSlices& all_;
    std::size_t k_;
  };

  [[nodiscard]] const std::vector<std::size_t>& bounds() const { return cuts_.dwelling; }

 private:
  StockCuts cuts_;
  std::vector<std::vector<std::byte>> deposits_;
  std::barrier<> barrier_;
};

/// Every tenth dwelling of the stock (all its cités, still in cité order): a run of seconds.
Stock every_tenth(const Stock& stock) {
  Stock out;
  for_each_column(out, [&](const ColumnInfo& info, auto& column) {
    for_each_column(stock, [&](const ColumnInfo& from, const auto& values) {
      if constexpr (std::is_same_v<std::decay_t<decltype(values)>, std::decay_t<decltype(column)>>)
        if (&from == &info)
          for (std::size_t i = 0; i < values.size(); i += 10) column.push_back(values[i]);
    });
  });
  out.cites = stock.cites;
  return out;
}

/// Runs `scenario` over the whole stock and over `slices` slices of it, and compares;
/// returns the whole stock's run.
Results expect_slices_run_as_the_whole(const setup::RunSetup& setup, std::size_t slices) {
  RunOptions serial;
  serial.execution = Execution::serial;
  const Results whole = fixtures::run_collect(setup.scenario, setup.stock, setup.params, serial);
  EXPECT_FALSE(whole.replicates.empty());
  // Works to share out, in each replicate recorded.
  for (const ReplicateRecord& record : whole.replicates) EXPECT_GT(record.works.size(), 0u);

  ThreadSlices exchange(setup.stock, slices);
  std::vector<Results> parts(slices);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < slices; ++k)
    threads.emplace_back([&, k] {
      const ThreadSlices::Slice slice(exchange, k);
      const Stock mine = slice_of(setup.stock, exchange.bounds()[k], exchange.bounds()[k + 1]);
      RunOptions options = serial;
      options.slices = &slice;
      parts[k] = fixtures::run_collect(setup.scenario, mine, setup.params, options);
    });
  for (std::thread& t : threads) t.join();

  for (std::size_t k = 0; k < slices; ++k) {
    SCOPED_TRACE("slice " + std::to_string(k));
    EXPECT_TRUE(parts[k].aggregates == whole.aggregates);
    if (parts[k].replicates.size() != whole.replicates.size()) {
      ADD_FAILURE() << parts[k].replicates.size() << " replicates";
      continue;
    }
    const std::size_t first = exchange.bounds()[k], n = exchange.bounds()[k + 1] - first;
    for (std::size_t r = 0; r < whole.replicates.size(); ++r) {
      const ReplicateRecord& a = whole.replicates[r];
      const ReplicateRecord& b = parts[k].replicates[r];
      EXPECT_TRUE(b.by_cite == a.by_cite) << "replicate " << r;
      EXPECT_TRUE(b.spend_by_funder_by_cite == a.spend_by_funder_by_cite) << "replicate " << r;
      EXPECT_TRUE(b.works == a.works)
          << "replicate " << r << ": " << b.works.size() << " rows, not " << a.works.size();
      if (b.columns != a.columns || b.dwellings != n) {
        ADD_FAILURE() << "replicate " << r << ": " << b.dwellings << " dwellings";
        continue;
      }
      for (std::size_t c = 0; c < a.columns.size(); ++c)
        std::visit(
            [&](const auto& values) {
              using V = std::decay_t<decltype(values)>;
              const V& part = std::get<V>(b.values[c]);
              std::size_t differ = 0;
              for (std::size_t y = 0; y < a.years; ++y)
                for (std::size_t j = 0; j < n; ++j)
                  differ += part[y * n + j] == values[y * a.dwellings + first + j] ? 0 : 1;
              EXPECT_EQ(differ, 0u) << a.columns[c]->name << ", replicate " << r;
            },
            a.values[c]);
    }
  }
  return whole;
}

setup::RunSetup shipped(const std::string& name, int years) {
  setup::RunSetup setup =
      setup::prepare_run(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios" / (name + ".yaml"));
  setup.stock = every_tenth(setup.stock);
  setup.scenario.years = years;
  setup.scenario.replicates = 2;
  setup.scenario.output.dwelling_replicates = 2;
  return setup;
}

// The operations' turns, counted over the whole stock (mission-2017: 25 named cités in two
// stages, the first of the stock's cités: eight slices so that operations span several).
TEST(DwellingSlices, OperationsRunAsOverTheWholeStock) {
  expect_slices_run_as_the_whole(shipped("mission-2017", 7), 8);
}

// The capacity (made to bind) taken in stock order, the funders' envelopes shared.
TEST(DwellingSlices, ACapacityAndTheEnvelopesRunAsOverTheWholeStock) {
  setup::RunSetup setup = shipped("at-vacancy", 5);
  setup.scenario.renovation.capacity_per_year = 60;
  const Results whole = expect_slices_run_as_the_whole(setup, 4);
  // The capacity binds: some year starts exactly 60 works.
  const WorksTable& works = whole.replicates.at(0).works;
  std::map<int, int> per_year;
  for (const int year : works.year) ++per_year[year];
  EXPECT_TRUE(std::any_of(per_year.begin(), per_year.end(), [](const auto& y) { return y.second == 60; }));
}

// A budget for the run shared between whole cités, then the stage gate's switch.
TEST(DwellingSlices, ABudgetBetweenCitesAndItsStageGateRunAsOverTheWholeStock) {
  setup::RunSetup setup = shipped("social-first", 7);
  setup.scenario.renovation.allocation.budget_eur_total = 8.05e6;
  setup.scenario.renovation.allocation.candidates = AllocationSpec::Candidates::cites;
  expect_slices_run_as_the_whole(setup, 3);
}

// The knapsack over dwellings with alternative packages.
TEST(DwellingSlices, TheOptimalBudgetRunsAsOverTheWholeStock) {
  expect_slices_run_as_the_whole(shipped("optimal", 4), 2);
}

}  // namespace
}  // namespace coron
