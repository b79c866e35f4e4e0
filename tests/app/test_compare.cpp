// The pieces of `coron compare`: type-7 quantiles, paired and unpaired figures
// against a plain reference over varied runs, missing data, default years, the
// cell text, the exports and the stock fingerprint.
#include "app/compare_cases.hpp"
#include "app/compare_export.hpp"
#include "app/compare_text.hpp"
#include "app/compared_run.hpp"
#include "app/comparison.hpp"
#include "app/stock_fingerprint.hpp"
#include "fixtures/temp_dir.hpp"

#include "coron/results.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace coron::app {
namespace {

using ::testing::HasSubstr;

/// Plain type-7 quantile, written out for the tests: sort, then interpolate
/// between the order statistics around q (n - 1).
double plain_quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double position = q * static_cast<double>(v.size() - 1);
  const double below = std::floor(position);
  const auto i = static_cast<std::size_t>(below);
  if (i + 1 >= v.size()) return v.back();
  return v[i] + (position - below) * (v[i + 1] - v[i]);
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(a)); }

TEST(ReplicateStats, Type7QuantileIsTheAggregatesQuantileOverVariedSamples) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> value(-50.0, 500.0);
  for (std::size_t n = 1; n <= 12; ++n) {
    Aggregates a;
    a.allocate(n, 1, 2018);
    std::vector<double>& energy = a.values[aggregate_index("final_energy_gwh")];
    for (double& v : energy) v = value(rng);
    for (const double q : {0.0, 0.1, 0.25, 0.5, 0.9, 1.0}) {
      EXPECT_DOUBLE_EQ(type7_quantile(energy, q), a.quantile("final_energy_gwh", q, 0)) << n << " " << q;
      EXPECT_DOUBLE_EQ(type7_quantile(energy, q), plain_quantile(energy, q)) << n << " " << q;
    }
  }
}

TEST(ReplicateStats, HandCases) {
  // {55, 60, 60}: P10 = 55 + 0.2 x (60 - 55) = 56, P50 = 60, P90 = 60 + 0.8 x 0 = 60.
  EXPECT_EQ(spread_of(std::vector<double>{60, 55, 60}), (Spread{56, 60, 60}));
  // {4, 6, 7} given unsorted: P10 = 4.4, P90 = 6 + 0.8 = 6.8.
  const Spread s = spread_of(std::vector<double>{7, 4, 6});
  EXPECT_DOUBLE_EQ(s.p10, 4.4);
  EXPECT_DOUBLE_EQ(s.p50, 6.0);
  EXPECT_DOUBLE_EQ(s.p90, 6.8);
  EXPECT_EQ(spread_of(std::vector<double>{3.5}), (Spread{3.5, 3.5, 3.5}));
  // Even count: the median is halfway between the middle two.
  EXPECT_DOUBLE_EQ(median_of(std::vector<double>{1, 2, 10, 20}), 6.0);
}

/// An in-memory run of R replicates over `years`.
ComparedRun run_of(std::string name, std::uint64_t seed, std::size_t replicates, std::vector<int> years) {
  ComparedRun run;
  run.file = name + ".h5";
  run.scenario_name = std::move(name);
  run.seed = seed;
  run.replicates = replicates;
  run.years = std::move(years);
  return run;
}

void put(ComparedRun& run, const std::string& name, std::vector<double> values, std::size_t width = 1,
         std::vector<std::string> bins = {}) {
  ASSERT_EQ(values.size(), run.replicates * run.years.size() * width);
  run.aggregates[name] =
      AggregateSeries{run.replicates, run.years.size(), width, std::move(values), std::move(bins)};
}

const Indicator& indicator(const std::vector<Indicator>& list, std::string_view id) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const Indicator& i) { return i.id == id; });
  EXPECT_NE(it, list.end()) << id;
  return *it;
}

TEST(Comparison, PairedFiguresMatchAPlainReferenceOverVariedRuns) {
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (const std::size_t replicates : {1u, 2u, 5u, 9u}) {
    const std::vector<int> years = {2020, 2021, 2022, 2023, 2024};
    const std::size_t ny = years.size();
    ComparedRun reference = run_of("ref", 3, replicates, years);
    ComparedRun scenario = run_of("scn", 3, replicates, years);
    std::vector<double> ref_energy(replicates * ny);
    std::vector<double> energy(replicates * ny);
    std::vector<double> cost(replicates * ny);
    std::vector<double> renovated(replicates * ny);
    for (std::size_t i = 0; i < replicates * ny; ++i) {
      ref_energy[i] = 900.0 + 300.0 * u(rng);
      energy[i] = ref_energy[i] - 1.0 - 80.0 * u(rng);  // always saves something
      cost[i] = 20.0 * u(rng);
      renovated[i] = 100.0 + std::floor(1000.0 * u(rng));
    }
    put(reference, "final_energy_gwh", ref_energy);
    put(scenario, "final_energy_gwh", energy);
    put(scenario, "works_cost_meur", cost);
    put(scenario, "renovated", renovated);
    const std::vector<ComparedRun> runs = {reference, scenario};
    const std::vector<Indicator> list = indicators_for(runs);
    for (std::size_t y = 0; y < ny; ++y) {
      std::vector<double> saved;
      std::vector<double> per_mwh;
      std::vector<double> per_dwelling;
      for (std::size_t r = 0; r < replicates; ++r) {
        double spent = 0.0;
        for (std::size_t t = 0; t <= y; ++t) spent += cost[r * ny + t];
        const double s = ref_energy[r * ny + y] - energy[r * ny + y];
        saved.push_back(s);
        per_mwh.push_back(spent * 1e6 / (s * 1000.0));
        per_dwelling.push_back(spent * 1e6 / renovated[r * ny + y]);
      }
      const int year = years[y];
      const auto check = [&](std::string_view id, const std::vector<double>& expected) {
        const Cell cell = evaluate(indicator(list, id), runs[1], runs[0], year);
        ASSERT_EQ(cell.kind, Cell::Kind::spread) << id;
        EXPECT_EQ(cell.sample, replicates);
        EXPECT_TRUE(close(cell.spread.p10, plain_quantile(expected, 0.1))) << id << " " << year;
        EXPECT_TRUE(close(cell.spread.p50, plain_quantile(expected, 0.5))) << id << " " << year;
        EXPECT_TRUE(close(cell.spread.p90, plain_quantile(expected, 0.9))) << id << " " << year;
      };
      check("final_energy_saved", saved);
      check("cost_per_mwh_saved", per_mwh);
      check("cost_per_dwelling", per_dwelling);
    }
  }
}

TEST(Comparison, UnpairedFiguresAreDifferencesOfMedians) {
  ComparedRun reference = run_of("ref", 3, 3, {2030});
  ComparedRun other_seed = run_of("seed", 4, 3, {2030});
  ComparedRun other_count = run_of("count", 3, 4, {2030});
  put(reference, "ghg_kt", {10, 30, 20});       // median 20
  put(other_seed, "ghg_kt", {19, 11, 12});      // median 12
  put(other_count, "ghg_kt", {15, 17, 1, 16});  // median 15.5
  const std::vector<ComparedRun> runs = {reference, other_seed, other_count};
  EXPECT_EQ(pairing_of(runs[0], runs[0]), Pairing::reference);
  EXPECT_EQ(pairing_of(runs[1], runs[0]), Pairing::unpaired);
  EXPECT_EQ(pairing_of(runs[2], runs[0]), Pairing::unpaired);
  const std::vector<Indicator> list = indicators_for(runs);
  const Cell a = evaluate(indicator(list, "ghg_avoided"), runs[1], runs[0], 2030);
  EXPECT_EQ(a.kind, Cell::Kind::median_difference);
  EXPECT_DOUBLE_EQ(a.spread.p50, 8.0);  // 20 - 12; paired it would be {-9, 19, 8}: P50 8 too, but a spread
  const Cell b = evaluate(indicator(list, "ghg_avoided"), runs[2], runs[0], 2030);
  EXPECT_DOUBLE_EQ(b.spread.p50, 4.5);  // 20 - 15.5
  // Paired, the same data gives the spread of replicate-by-replicate differences.
  ComparedRun same_seed = other_seed;
  same_seed.seed = 3;
  const std::vector<ComparedRun> paired = {reference, same_seed};
  const Cell c = evaluate(indicator(list, "ghg_avoided"), paired[1], paired[0], 2030);
  EXPECT_EQ(c.kind, Cell::Kind::spread);
  EXPECT_DOUBLE_EQ(c.spread.p10, -9.0 + 0.2 * 17.0);  // {10-19, 30-11, 20-12} = {-9, 19, 8}
  EXPECT_DOUBLE_EQ(c.spread.p50, 8.0);
}

TEST(Comparison, MissingDataGivesMissingCellsAndRowsNoFileHasAreDropped) {
  ComparedRun reference = run_of("ref", 1, 1, {2018, 2019});
  ComparedRun scenario = run_of("scn", 1, 1, {2018, 2019});
  put(reference, "final_energy_gwh", {10, 10});
  put(scenario, "final_energy_gwh", {10, 8});
  put(scenario, "renovated", {0, 0});
  const std::vector<ComparedRun> runs = {reference, scenario};
  const Comparison c = compare_runs(runs, std::vector<int>{2019});
  std::vector<std::string> ids;
  for (const ComparisonRow& row : c.rows) ids.push_back(row.indicator.id);
  EXPECT_THAT(ids, ::testing::ElementsAre("renovated", "final_energy_saved", "final_energy"));
  EXPECT_EQ(c.rows[0].cells[0].kind, Cell::Kind::missing);  // the reference has no works
  EXPECT_EQ(c.rows[1].cells[1].spread.p50, 2.0);
  // No works cost: no cost per dwelling; nothing renovated would not define it either.
  put(scenario, "works_cost_meur", {1, 1});
  const std::vector<ComparedRun> with_cost = {reference, scenario};
  const std::vector<Indicator> list = indicators_for(with_cost);
  EXPECT_EQ(evaluate(indicator(list, "cost_per_dwelling"), with_cost[1], with_cost[0], 2019).kind,
            Cell::Kind::missing);
  // Nothing saved: no cost per MWh.
  EXPECT_EQ(evaluate(indicator(list, "cost_per_mwh_saved"), with_cost[1], with_cost[0], 2018).kind,
            Cell::Kind::missing);
  EXPECT_EQ(evaluate(indicator(list, "cost_per_mwh_saved"), with_cost[1], with_cost[0], 2019).spread.p50,
            2e6 / 2000.0);  // 2 MEUR spent by 2019 over 2 GWh/yr saved
  // A single file: nothing is relative to anything.
  const Comparison alone =
      compare_runs(std::span<const ComparedRun>(&with_cost[1], 1), std::vector<int>{2019});
  for (const ComparisonRow& row : alone.rows) EXPECT_FALSE(row.indicator.relative) << row.indicator.id;
}

TEST(Comparison, AYearAFileDidNotSimulateIsMissingInItsColumn) {
  ComparedRun reference = run_of("ref", 1, 1, {2018, 2019});
  ComparedRun shorter = run_of("short", 1, 1, {2018});
  put(reference, "fuel_poor", {5, 6});
  put(shorter, "fuel_poor", {4});
  const std::vector<ComparedRun> runs = {reference, shorter};
  const Comparison c = compare_runs(runs, std::vector<int>{2018, 2019});
  ASSERT_EQ(c.rows.size(), 3u);  // fuel_poor_avoided 2018, fuel_poor 2018, fuel_poor 2019
  EXPECT_EQ(c.rows[0].indicator.id, "fuel_poor_avoided");
  EXPECT_EQ(c.rows[0].cells[1].spread.p50, 1.0);
  EXPECT_EQ(c.rows[2].year, 2019);
  EXPECT_EQ(c.rows[2].cells[0].spread.p50, 6.0);
  EXPECT_EQ(c.rows[2].cells[1].kind, Cell::Kind::missing);
}

TEST(Comparison, OneRowPerFunderOfAnyFileAndMissingWhereAFileLacksIt) {
  ComparedRun a = run_of("a", 1, 1, {2018});
  ComparedRun b = run_of("b", 1, 1, {2018});
  put(a, "spend_by_funder", {1, 2}, 2, {"anah", "region"});
  put(b, "spend_by_funder", {3, 4}, 2, {"region", "cee"});
  const std::vector<ComparedRun> runs = {a, b};
  const Comparison c = compare_runs(runs, std::vector<int>{2018});
  std::vector<std::string> ids;
  for (const ComparisonRow& row : c.rows) ids.push_back(row.indicator.id);
  EXPECT_THAT(
      ids, ::testing::ElementsAre("spend_by_funder/anah", "spend_by_funder/region", "spend_by_funder/cee"));
  EXPECT_EQ(c.rows[0].cells[1].kind, Cell::Kind::missing);
  EXPECT_EQ(c.rows[1].cells[0].spread.p50, 2.0);
  EXPECT_EQ(c.rows[1].cells[1].spread.p50, 3.0);
  EXPECT_EQ(c.rows[2].cells[1].spread.p50, 4.0);
}

TEST(Comparison, DefaultYearsAreTenYearsOnAndTheLast) {
  std::vector<int> thirty(30);
  for (int k = 0; k < 30; ++k) thirty[static_cast<std::size_t>(k)] = 2018 + k;
  EXPECT_EQ(default_years(run_of("r", 1, 1, thirty)), (std::vector<int>{2028, 2047}));
  EXPECT_EQ(default_years(run_of("r", 1, 1, {2018, 2019, 2020})), (std::vector<int>{2020}));
  std::vector<int> eleven(11);
  for (int k = 0; k < 11; ++k) eleven[static_cast<std::size_t>(k)] = 2018 + k;
  EXPECT_EQ(default_years(run_of("r", 1, 1, eleven)), (std::vector<int>{2028}));
}

TEST(CompareText, CellsShowTheMedianAndTheInterval) {
  EXPECT_EQ(format_cell(Cell{}, 1), "-");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::spread, {4.4, 6.0, 6.8}, 3}, 1), "6.0 [4.4-6.8]");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::spread, {-3.0, -1.0, 2.0}, 3}, 0), "-1 [-3, 2]");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::spread, {7.0, 7.0, 7.0}, 3}, 0), "7");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::spread, {5.0, 5.0, 5.0}, 1}, 2), "5.00");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::median_difference, {8.0, 8.0, 8.0}, 0}, 0), "8");
  EXPECT_EQ(format_cell(Cell{Cell::Kind::spread, {-0.0, -0.0, -0.0}, 1}, 1), "0.0");
}

TEST(CompareExport, CsvQuotesNamesAndJsonWritesNullForMissing) {
  Comparison c;
  c.files = {ComparedFile{"a.h5", "plan, \"A\"", 1, 1, 2018, 2020, Pairing::reference}};
  c.years = {2020};
  Indicator ind;
  ind.id = "fuel_poor";
  ind.label = "fuel-poor households";
  ind.unit = "households";
  c.rows.push_back(ComparisonRow{ind, 2020, {Cell{Cell::Kind::spread, {1.5, 2.0, 2.5}, 3}}});
  c.rows.push_back(ComparisonRow{ind, 2020, {Cell{}}});
  EXPECT_EQ(comparison_csv(c),
            "indicator,unit,year,scenario,file,statistic,value\n"
            "fuel_poor,households,2020,\"plan, \"\"A\"\"\",a.h5,p10,1.5\n"
            "fuel_poor,households,2020,\"plan, \"\"A\"\"\",a.h5,p50,2\n"
            "fuel_poor,households,2020,\"plan, \"\"A\"\"\",a.h5,p90,2.5\n");
  const std::string json = comparison_json(c);
  EXPECT_THAT(json, HasSubstr("\"scenario\": \"plan, \\\"A\\\"\""));
  EXPECT_THAT(json, HasSubstr("\"values\": [{\"p10\": 1.5, \"p50\": 2, \"p90\": 2.5, \"replicates\": 3}]"));
  EXPECT_THAT(json, HasSubstr("\"values\": [null]"));
}

TEST(StockFingerprint, EqualStocksAgreeAndOneChangedValueDiffers) {
  fixtures::TempDir dir("fingerprint");
  testing::HandRun run = testing::base_run();
  testing::write_hand_run(dir.path() / "a.h5", run);
  run.scenario = "another scenario on the same stock";
  run.seed = 99;
  testing::write_hand_run(dir.path() / "b.h5", run);
  run.dwelling_ids[2] = 4;
  testing::write_hand_run(dir.path() / "c.h5", run);
  run.dwelling_ids = {1, 2};
  testing::write_hand_run(dir.path() / "d.h5", run);
  const auto print = [&](const char* name) {
    return stock_fingerprint(io::ResultsReader(dir.path() / name));
  };
  EXPECT_EQ(print("a.h5"), print("b.h5"));
  EXPECT_NE(print("a.h5"), print("c.h5"));
  EXPECT_NE(print("a.h5"), print("d.h5"));
  EXPECT_NE(print("c.h5"), print("d.h5"));
}

TEST(ComparedRunReader, ReadsMetaYearsAndAggregatesAndNamesWhatIsWrong) {
  fixtures::TempDir dir("compared_run");
  testing::write_hand_run(dir.path() / "prog.h5", testing::programme_run());
  Diagnostics diag;
  const std::optional<ComparedRun> run = read_compared_run(dir.path() / "prog.h5", diag);
  ASSERT_TRUE(run.has_value()) << (diag.empty() ? "" : diag.items()[0].format());
  EXPECT_EQ(run->scenario_name, "prog");
  EXPECT_EQ(run->replicates, 3u);
  EXPECT_EQ(run->years, (std::vector<int>{2018, 2019, 2020}));
  ASSERT_NE(run->find("spend_by_funder"), nullptr);
  EXPECT_EQ(run->find("spend_by_funder")->bin_names, (std::vector<std::string>{"anah", "region"}));
  EXPECT_EQ(run->find("spend_by_funder")->at(2, 1, 0), 0.7);
  EXPECT_EQ(run->find("label_count")->at(1, 2, 4), 27.0);
  EXPECT_EQ(run->find("renovated")->at(2, 2), 55.0);

  testing::HandRun bad = testing::programme_run();
  bad.replicates = 2;  // /meta disagrees with the datasets' 3 replicates
  testing::write_hand_run(dir.path() / "bad.h5", bad);
  EXPECT_FALSE(read_compared_run(dir.path() / "bad.h5", diag).has_value());
  ASSERT_FALSE(diag.empty());
  EXPECT_THAT(diag.items().back().format(), HasSubstr("bad.h5: /aggregate/"));
  EXPECT_THAT(diag.items().back().format(), HasSubstr("expected shape [2, 3] or [2, 3, bins]"));
}

}  // namespace
}  // namespace coron::app
