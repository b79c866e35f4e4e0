// `coron sweep`: the budget range, the scenario at each budget, the frontier's figures
// from a run's totals, and the command end to end (HDF5 = CSV, spending within the
// budget and growing with it, the optimal allocation's curve above a ranking's).
#include "app/budget_range.hpp"
#include "app/cli_runner.hpp"
#include "app/sweep_frontier.hpp"
#include "app/sweep_run.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/partials.hpp"
#include "fixtures/short_scenario.hpp"
#include "fixtures/synthetic_stock.hpp"
#include "io/h5_file.hpp"

#include "coron/aggregates.hpp"
#include "coron/error.hpp"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <sstream>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;

std::string quoted(const std::filesystem::path& p) {
  std::string text(1, '\'');
  text.append(p.string()).push_back('\'');
  return text;
}

std::string problems_of(std::string_view range) {
  try {
    (void)app::parse_budget_range(range);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(BudgetRange, StepsFromFirstToLastIncluded) {
  EXPECT_THAT(app::parse_budget_range("0:20000000:5000000"), ElementsAre(0.0, 5e6, 10e6, 15e6, 20e6));
  // 10 is not reached by steps of 4 from 1: 1, 5, 9.
  EXPECT_THAT(app::parse_budget_range("1:10:4"), ElementsAre(1.0, 5.0, 9.0));
  EXPECT_THAT(app::parse_budget_range("7e6:7e6:1"), ElementsAre(7e6));
  // 0.1 + 0.1 + 0.1 is 0.30000000000000004: the last point still lands on 0.3, clamped.
  EXPECT_THAT(app::parse_budget_range("0:0.3:0.1"), ElementsAre(0.0, 0.1, 0.2, 0.3));
}

TEST(BudgetRange, EveryProblemIsNamed) {
  EXPECT_THAT(problems_of("1:2"), HasSubstr("expected FIRST:LAST:STEP"));
  EXPECT_THAT(problems_of("1:2:3:4"), HasSubstr("expected FIRST:LAST:STEP"));
  const std::string both = problems_of("x:2:y");
  EXPECT_THAT(both, HasSubstr("FIRST \"x\" is not a number"));
  EXPECT_THAT(both, HasSubstr("STEP \"y\" is not a number"));
  EXPECT_THAT(problems_of("-1:5:1"), HasSubstr("FIRST -1 is outside 0"));
  EXPECT_THAT(problems_of("0:2e12:1e11"), HasSubstr("LAST 2e+12 is outside 0 .. 1e+12"));
  EXPECT_THAT(problems_of("5:1:1"), HasSubstr("LAST 1 is below FIRST 5"));
  EXPECT_THAT(problems_of("0:10:0"), HasSubstr("STEP must be above 0"));
  EXPECT_THAT(problems_of("0:1e6:1"), HasSubstr("more than the 1000"));
  EXPECT_THAT(problems_of("0:10:nan"), HasSubstr("is not a number"));
  EXPECT_THAT(problems_of("0:1e6:1"), HasSubstr("--budget"));
}

Scenario budgeted(std::vector<YearStep> steps, int years) {
  Scenario s;
  s.start_year = 2018;
  s.years = years;
  s.renovation.allocation.budget_eur_per_yr = std::move(steps);
  return s;
}

TEST(SweepScenario, NonZeroStepsTakeTheBudgetAndZeroYearsStayZero) {
  const Scenario s = app::with_budget(budgeted({{2018, 16.1e6}, {2022, 3e6}, {2028, 0.0}}, 30), 5e6);
  const auto& steps = s.renovation.allocation.budget_eur_per_yr;
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].from_year, 2018);
  EXPECT_EQ(steps[0].value, 5e6);
  EXPECT_EQ(steps[1].value, 5e6);
  EXPECT_EQ(steps[2].from_year, 2028);
  EXPECT_EQ(steps[2].value, 0.0);
}

TEST(SweepScenario, BudgetYearsAreTheSimulatedYearsWithABudget) {
  // 2018-2027 budgeted, 2028 on not: ten years, the last at index 9.
  const app::BudgetYears mission = app::budget_years(budgeted({{2018, 16.1e6}, {2028, 0.0}}, 30));
  EXPECT_EQ(mission.count, 10u);
  EXPECT_EQ(mission.last, 9u);
  // Cut short at 4 years: 2018-2021.
  const app::BudgetYears short_run = app::budget_years(budgeted({{2018, 16.1e6}, {2028, 0.0}}, 4));
  EXPECT_EQ(short_run.count, 4u);
  EXPECT_EQ(short_run.last, 3u);
  // Starting in 2020: 2020-2022 of 2018-2022.
  const app::BudgetYears late = app::budget_years(budgeted({{2020, 1e6}}, 5));
  EXPECT_EQ(late.count, 3u);
  EXPECT_EQ(late.last, 4u);
  // No budget at all: the end of the run.
  const app::BudgetYears none = app::budget_years(budgeted({{2018, 0.0}}, 5));
  EXPECT_EQ(none.count, 0u);
  EXPECT_EQ(none.last, 4u);
}

/// Totals filled with a pattern unique to each (aggregate, replicate, year, bin).
Aggregates patterned(std::size_t replicates, std::size_t years) {
  Aggregates a;
  a.allocate(replicates, years, 2018);
  for (std::size_t k = 0; k < a.values.size(); ++k)
    for (std::size_t i = 0; i < a.values[k].size(); ++i)
      a.values[k][i] = static_cast<double>(k * 1000 + i) + 0.25;
  a.allocation.allocate(replicates, years, "primary_energy_saved", "kWh/yr");
  for (std::size_t i = 0; i < replicates * years; ++i) {
    a.allocation.spent_eur[i] = 1e6 * static_cast<double>(i + 1);
    a.allocation.objective_value[i] = 10.0 * static_cast<double>(i) + 3.0;
  }
  return a;
}

/// The aggregate `name`'s value, indexed the plain way.
double value_of(const Aggregates& a, std::string_view name, std::size_t r, std::size_t y, std::size_t b = 0) {
  const std::size_t k = aggregate_index(name);
  const std::size_t width = aggregate_columns[k].width();
  return a.values[k][r * a.years * width + y * width + b];
}

TEST(SweepFrontier, EachIndicatorMatchesAPlainReading) {
  const std::size_t replicates = 3;
  const std::size_t years = 5;
  const Aggregates a = patterned(replicates, years);
  const app::BudgetYears budget{3, 2};
  const std::vector<app::FrontierSample> samples = app::frontier_samples(a, budget);
  std::map<std::string, std::vector<double>> by_name;
  for (const app::FrontierSample& s : samples) by_name[s.name] = s.per_replicate;
  ASSERT_EQ(by_name.size(), 9u);
  for (std::size_t r = 0; r < replicates; ++r) {
    double spent = 0.0;
    double cost = 0.0;
    double objective = 0.0;
    for (std::size_t y = 0; y < years; ++y) {
      spent += a.allocation.spent_eur[r * years + y] / 1e6;
      cost += value_of(a, "works_cost_meur", r, y);
      objective += a.allocation.objective_value[r * years + y];
    }
    const auto efg = [&](std::size_t y) {
      return value_of(a, "label_count", r, y, 4) + value_of(a, "label_count", r, y, 5) +
             value_of(a, "label_count", r, y, 6);
    };
    EXPECT_DOUBLE_EQ(by_name["budget_spent_meur"][r], spent);
    EXPECT_DOUBLE_EQ(by_name["works_cost_meur"][r], cost);
    EXPECT_DOUBLE_EQ(by_name["objective_total"][r], objective);
    EXPECT_EQ(by_name["renovated"][r], value_of(a, "renovated", r, years - 1));
    EXPECT_EQ(by_name["efg_end_of_budget"][r], efg(2));
    EXPECT_EQ(by_name["efg_last_year"][r], efg(years - 1));
    EXPECT_EQ(by_name["final_energy_gwh"][r], value_of(a, "final_energy_gwh", r, years - 1));
    EXPECT_EQ(by_name["ghg_kt"][r], value_of(a, "ghg_kt", r, years - 1));
    EXPECT_EQ(by_name["fuel_poor"][r], value_of(a, "fuel_poor", r, years - 1));
  }
  // Hand case: replicate 1 spends 6 + 7 + 8 + 9 + 10 MEUR and its objective is
  // 53 + 63 + 73 + 83 + 93.
  EXPECT_DOUBLE_EQ(by_name["budget_spent_meur"][1], 40.0);
  EXPECT_DOUBLE_EQ(by_name["objective_total"][1], 365.0);
}

/// A small budget scenario on a synthetic stock: one operation over cité 0 and the houses
/// that fall vacant, brought to C within a yearly budget by the optimal allocation.
Scenario small_budget_scenario() {
  Scenario s;
  s.name = "small-sweep";
  s.seed = 7;
  s.start_year = 2022;
  s.years = 6;
  s.replicates = 2;
  s.electricity_primary_factor = {{2018, 2.3}, {2026, 1.9}};
  RenovationOptions& r = s.renovation;
  r.enabled = true;
  r.package.reach = "C";
  r.at_vacancy.enabled = true;
  r.at_vacancy.label_min = 4;
  OperationSpec op;
  op.start_year = 2022;
  op.years = 3;
  op.cite_ids = {0};
  r.operations = {op};
  r.allocation.budget_eur_per_yr = {{2022, 1e6}, {2026, 0.0}};
  r.allocation.rule = AllocationSpec::Rule::optimal;
  return s;
}

TEST(SweepRun, SharedReachSetsGiveTheFrontierOfEachPointRunAlone) {
  // Two replicates: a point run alone searches every package directly; the sweep's
  // points share one set of reach sets, computed by the first point and priced by all.
  const Stock stock = fixtures::synthetic_stock(2'001);
  const ModelParams& params = fixtures::data_model_params();
  const Scenario scenario = small_budget_scenario();
  const std::vector<double> points = {0.5e6, 2e6, 0.5e6};
  app::SweepOptions shared;
  shared.run.threads = 2;
  app::SweepOptions apart = shared;
  apart.share_reach_sets = false;
  const std::vector<app::FrontierSeries> got = app::run_sweep(scenario, stock, params, points, shared);
  const std::vector<app::FrontierSeries> want = app::run_sweep(scenario, stock, params, points, apart);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].name, want[k].name);
    EXPECT_TRUE(got[k].points == want[k].points) << got[k].name;
  }
  // And each point is the scenario at that budget run on its own, the sweep's figures.
  const app::BudgetYears years = app::budget_years(scenario);
  for (std::size_t p = 0; p < points.size(); ++p) {
    RunOptions alone;
    alone.threads = 1;
    const Aggregates a = run_simulation(app::with_budget(scenario, points[p]), stock, params, alone);
    const std::vector<app::FrontierSample> samples = app::frontier_samples(a, years);
    ASSERT_EQ(samples.size(), got.size());
    for (std::size_t k = 0; k < samples.size(); ++k)
      EXPECT_TRUE(app::spread_of(samples[k].per_replicate) == got[k].points.at(p))
          << samples[k].name << " " << p;
  }
  // The points differ: the comparison would see a point's figures in another's place.
  const auto spent =
      std::find_if(got.begin(), got.end(), [](const auto& s) { return s.name == "budget_spent_meur"; });
  ASSERT_NE(spent, got.end());
  EXPECT_GT(spent->points[1].p50, spent->points[0].p50 + 1.0);
  EXPECT_GT(spent->points[0].p50, 0.5);
}

/// A shipped allocation scenario cut to `years`, its data folder made absolute.
std::filesystem::path short_allocation(const std::filesystem::path& dir, const std::string& name, int years) {
  return fixtures::short_scenario(dir, name, years);
}

struct CsvRow {
  double budget = 0.0;
  std::string indicator;
  std::array<double, 3> q{};
};

std::vector<CsvRow> read_csv(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "budget_eur_per_yr,indicator,p10,p50,p90");
  std::vector<CsvRow> rows;
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string field;
    CsvRow row;
    std::getline(fields, field, ',');
    row.budget = std::stod(field);
    std::getline(fields, row.indicator, ',');
    for (double& q : row.q) {
      std::getline(fields, field, ',');
      q = std::stod(field);
    }
    rows.push_back(row);
  }
  return rows;
}

constexpr const char* budget_range = "4000000:16000000:6000000";  // 4, 10 and 16 MEUR a year
const std::vector<double> budgets = {4e6, 10e6, 16e6};
constexpr int short_years =
    2;  // 2018-2019, within the budget years 2018-2027: short, as each test re-runs the suite

/// The two sweeps, run once for the suite: each is six runs of the whole stock.
class SweepCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("sweep-cli");
    for (const char* name : {"optimal", "worst-first"}) {
      const std::filesystem::path scenario = short_allocation(dir_->path(), name, short_years);
      // The second sweep speaks, in lines as in a log, to show its progress.
      const bool quiet = std::string_view(name) == "optimal";
      const auto r = run_coron(fmt::format("sweep {} {} --budget {} --replicates 2 -o out/{}.h5",
                                           quiet ? "-q" : "", quoted(scenario), budget_range, name),
                               dir_->path(), "CORON_PROGRESS=lines");
      exit_codes_[name] = r.exit_code;
      outputs_[name] = r.output;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::filesystem::path file(const std::string& name) { return dir_->path() / "out" / (name + ".h5"); }
  /// /sweep/NAME of a sweep, [P][3].
  static std::vector<double> quantiles(const std::string& sweep, const std::string& name) {
    return io::File::open(file(sweep)).open_dataset("/sweep/" + name).read<double>();
  }

  static TempDir* dir_;
  static std::map<std::string, int> exit_codes_;
  static std::map<std::string, std::string> outputs_;
};
TempDir* SweepCli::dir_ = nullptr;
std::map<std::string, int> SweepCli::exit_codes_;
std::map<std::string, std::string> SweepCli::outputs_;

TEST_F(SweepCli, WritesTheFileAndItsCsvWithTheSameFigures) {
  for (const char* name : {"optimal", "worst-first"}) {
    ASSERT_EQ(exit_codes_[name], 0) << outputs_[name];
    const io::File h5 = io::File::open(file(name));
    EXPECT_EQ(h5.open_dataset("/sweep/budget_eur_per_yr").read<double>(), budgets);
    EXPECT_EQ(h5.open_group("/meta").attribute<std::int32_t>("replicates"), 2);
    EXPECT_EQ(h5.open_group("/meta").string_attribute("scenario_name"), name);
    // The provenance of a results file's /meta, and the sweep's own.
    EXPECT_THAT(h5.open_group("/meta").attribute_names(),
                ElementsAre("budget_years", "coron_version", "created_utc", "end_year", "replicates",
                            "scenario", "scenario_name", "seed", "start_year", "sweep_schema_version"));
    EXPECT_TRUE(fixtures::partials_of(file(name)).empty());
    std::filesystem::path csv = file(name);
    csv.replace_extension(".csv");
    const std::vector<CsvRow> rows = read_csv(csv);
    const std::vector<std::string> datasets = h5.open_group("/sweep").dataset_paths();
    ASSERT_EQ(datasets.size(), 12u);  // the budgets, nine indicators and the two axes' coordinates
    EXPECT_EQ(h5.open_dataset("/sweep/budget").read<double>(), budgets);
    EXPECT_EQ(h5.open_dataset("/sweep/quantile").read<double>(), (std::vector<double>{0.1, 0.5, 0.9}));
    EXPECT_EQ(rows.size(), 9u * budgets.size());
    for (const CsvRow& row : rows) {
      const io::DataSet dataset = h5.open_dataset("/sweep/" + row.indicator);
      EXPECT_THAT(dataset.shape(), ElementsAre(budgets.size(), 3u));
      EXPECT_TRUE(dataset.has_attribute("units") && dataset.has_attribute("description"));
      const auto point =
          static_cast<std::size_t>(std::find(budgets.begin(), budgets.end(), row.budget) - budgets.begin());
      ASSERT_LT(point, budgets.size()) << row.budget;
      const std::vector<double> values = dataset.read<double>();
      for (std::size_t q = 0; q < 3; ++q) EXPECT_EQ(row.q[q], values[point * 3 + q]) << row.indicator;
    }
  }
}

TEST_F(SweepCli, SpendingStaysWithinTheBudgetAndGrowsWithIt) {
  for (const char* name : {"optimal", "worst-first"}) {
    ASSERT_EQ(exit_codes_[name], 0) << outputs_[name];
    const std::vector<double> spent = quantiles(name, "budget_spent_meur");
    const std::vector<double> renovated = quantiles(name, "renovated");
    for (std::size_t p = 0; p < budgets.size(); ++p) {
      EXPECT_LE(spent[p * 3 + 2], budgets[p] * short_years / 1e6 + 1e-9) << name << " at " << budgets[p];
      EXPECT_GT(spent[p * 3 + 1], 0.0) << name;
      EXPECT_LE(spent[p * 3], spent[p * 3 + 1]);
      EXPECT_LE(spent[p * 3 + 1], spent[p * 3 + 2]);
      if (p == 0) continue;
      EXPECT_GT(spent[p * 3 + 1], spent[(p - 1) * 3 + 1]) << name << " at " << budgets[p];
      EXPECT_GT(renovated[p * 3 + 1], renovated[(p - 1) * 3 + 1]) << name << " at " << budgets[p];
    }
  }
}

TEST_F(SweepCli, ARankingsCurveLiesUnderTheOptimalOne) {
  ASSERT_EQ(exit_codes_["optimal"], 0) << outputs_["optimal"];
  ASSERT_EQ(exit_codes_["worst-first"], 0) << outputs_["worst-first"];
  const std::vector<double> optimal = quantiles("optimal", "objective_total");
  const std::vector<double> ranking = quantiles("worst-first", "objective_total");
  for (std::size_t p = 0; p < budgets.size(); ++p) {
    EXPECT_GE(optimal[p * 3 + 1], ranking[p * 3 + 1]) << "at " << budgets[p];
    EXPECT_GT(ranking[p * 3 + 1], 0.0);
  }
}

TEST_F(SweepCli, ShowsItsProgressInPointsAndIsQuietWithQ) {
  ASSERT_EQ(exit_codes_["worst-first"], 0) << outputs_["worst-first"];
  // Three budgets, each point's two replicates counting half a point: a line at 1/3 (33 %),
  // 2/3 (66 %), 3/3.
  for (const char* line :
       {"sweeping worst-first: 1/3 points (33 %)", "sweeping worst-first: 2/3 points (66 %)",
        "sweeping worst-first: 3/3 points (100 %)"})
    EXPECT_THAT(outputs_["worst-first"], HasSubstr(line));
  EXPECT_THAT(outputs_["optimal"], Not(HasSubstr("sweeping")));
}

TEST(SweepCliInput, HelpNamesTheOptions) {
  TempDir dir("sweep-help");
  const auto r = run_coron("sweep --help", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("--budget"));
  EXPECT_THAT(r.output, HasSubstr("--replicates"));
}

TEST(SweepCliInput, BadBudgetsExitTwoAndWriteNothing) {
  TempDir dir("sweep-bad");
  TempDir scenario_dir("sweep-bad-scenario");
  const std::filesystem::path scenario = short_allocation(scenario_dir.path(), "optimal", 2);
  for (const char* range : {"1:2", "a:b:c", "5:1:1", "0:10:0", "-1:5:1", "1:2:"}) {
    const auto r = run_coron("sweep -q " + quoted(scenario) + " --budget=" + range + " -o s.h5", dir.path());
    EXPECT_EQ(r.exit_code, 2) << range << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr("--budget")) << range;
    EXPECT_THAT(r.output, HasSubstr("nothing was written")) << range;
  }
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

TEST(SweepCliInput, AScenarioWithoutABudgetExitsTwo) {
  TempDir dir("sweep-nobudget");
  TempDir scenario_dir("sweep-nobudget-scenario");
  const std::filesystem::path scenario = short_allocation(scenario_dir.path(), "optimal", 2);
  std::ifstream in(scenario);
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::size_t from = yaml.find("  allocation:");
  const std::size_t to = yaml.find("output:");
  ASSERT_TRUE(from != std::string::npos && to != std::string::npos);
  yaml.erase(from, to - from);
  std::ofstream(scenario) << yaml;
  const auto r = run_coron("sweep -q " + quoted(scenario) + " --budget 0:1:1 -o s.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output,
              HasSubstr("renovation.allocation.budget_eur_per_yr: the scenario has no works budget"));
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

TEST(SweepCliInput, AScenarioWithOneEnvelopeForTheRunExitsTwo) {
  // The sweep sets a budget per year: an envelope for the whole run is not what it varies.
  TempDir dir("sweep-envelope");
  TempDir scenario_dir("sweep-envelope-scenario");
  const std::filesystem::path scenario = short_allocation(scenario_dir.path(), "optimal", 2);
  std::ifstream in(scenario);
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::size_t from = yaml.find("budget_eur_per_yr:");
  ASSERT_NE(from, std::string::npos);
  yaml.replace(from, yaml.find('\n', from) - from, "budget_eur_total: 100000000");
  std::ofstream(scenario) << yaml;
  const auto r = run_coron("sweep -q " + quoted(scenario) + " --budget 0:1:1 -o s.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("the scenario has one envelope for the run (budget_eur_total)"));
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

}  // namespace
}  // namespace coron
