// The scenario's `renovation:` section and `rental_bans`: a full section loads with its
// values; every bad file in tests/data/renovation is refused with the exact
// file:line:column and key of its problem, all problems at once.
#include "io/scenario_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>

namespace coron::io {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path renovation_dir = fs::path(CORON_TEST_DATA_DIR) / "renovation";

TEST(RenovationSection, AbsentMeansNoWorksAndRentalBansApply) {
  const Scenario s = load_scenario(fs::path(CORON_SOURCE_DIR) / "scenarios" / "baseline.yaml");
  EXPECT_FALSE(s.renovation.enabled);
  EXPECT_TRUE(s.rental_bans);
}

TEST(RenovationSection, FullSectionLoadsWithItsValues) {
  const Scenario s = load_scenario(renovation_dir / "good_renovation.yaml");
  const RenovationOptions& r = s.renovation;
  EXPECT_TRUE(r.enabled);
  EXPECT_THAT(r.package.measures, ElementsAre("wall_inside", "attic", "windows"));
  EXPECT_TRUE(r.package.reach.empty());
  EXPECT_FALSE(r.heritage_strict);
  EXPECT_EQ(r.unfit, RenovationOptions::Unfit::rebuild);
  EXPECT_EQ(r.capacity_per_year, 2000);
  ASSERT_EQ(r.operations.size(), 2U);
  EXPECT_THAT(r.operations[0].cites, ElementsAre("Cité A", "Cité B"));
  EXPECT_FALSE(r.operations[0].category.has_value());
  EXPECT_EQ(r.operations[0].start_year, 2019);
  EXPECT_EQ(r.operations[0].years, 5);
  EXPECT_DOUBLE_EQ(r.operations[0].outdoor_eur_per_dwelling, 8000.0);
  EXPECT_TRUE(r.operations[1].cites.empty());
  EXPECT_EQ(r.operations[1].category, static_cast<std::uint8_t>(CiteCategory::priority));
  EXPECT_EQ(r.operations[1].start_year, 2020);
  EXPECT_EQ(r.operations[1].years, 10);
  EXPECT_DOUBLE_EQ(r.operations[1].outdoor_eur_per_dwelling, 0.0);
  EXPECT_TRUE(r.at_vacancy.enabled);
  EXPECT_EQ(r.at_vacancy.label_min, 5) << "F";
  EXPECT_EQ(r.at_vacancy.from_year, 2018);
  EXPECT_EQ(r.at_vacancy.to_year, 2030);
  EXPECT_EQ(r.funders_file, (renovation_dir / ".." / "works" / "good_funders.yaml").lexically_normal());
  EXPECT_TRUE(r.tenant_contribution);
  EXPECT_DOUBLE_EQ(r.rent_increase_eur_per_m2_month, 0.3);
  EXPECT_FALSE(s.rental_bans);
}

TEST(RenovationSection, DefaultsAndANamedTarget) {
  const Scenario s = load_scenario(renovation_dir / "good_renovation_reach.yaml");
  const RenovationOptions& r = s.renovation;
  EXPECT_TRUE(r.enabled);
  EXPECT_EQ(r.package.reach, "BBC");
  EXPECT_TRUE(r.package.measures.empty());
  EXPECT_TRUE(r.heritage_strict);
  EXPECT_EQ(r.unfit, RenovationOptions::Unfit::heavy);
  EXPECT_EQ(r.capacity_per_year, 0) << "no limit";
  EXPECT_TRUE(r.operations.empty());
  EXPECT_FALSE(r.at_vacancy.enabled);
  EXPECT_TRUE(r.funders_file.empty()) << "data/economics/funders.yaml";
  EXPECT_FALSE(r.tenant_contribution);
  EXPECT_TRUE(s.rental_bans);
}

TEST(RenovationSection, NamesAreCheckedOnlyWhenTheDataReads) {
  // A data folder without measures.yaml: setup reports that; a package's names wait for it.
  const fs::path folder = renovation_dir;
  const std::string text =
      std::string("coron: 1\nname: r\nseed: 1\nstart_year: 2018\nyears: 2\nreplicates: 1\n") +
      "data: .\nstock: {generate: {seed: 1}}\nenergy: {electricity_primary_factor: {2018: 2.3}}\n" +
      "output: {file: out.h5}\nrenovation:\n  package: {measures: [atic]}\n";
  const Scenario s = parse_scenario(text, "inline.yaml", folder);
  EXPECT_THAT(s.renovation.package.measures, ElementsAre("atic"));
}

TEST(RenovationSection, AnEmptyAtVacancyRenovatesEveryEfgHouseEveryYear) {
  const std::string text =
      std::string("coron: 1\nname: r\nseed: 1\nstart_year: 2018\nyears: 2\nreplicates: 1\n") +
      "data: ../works/data\nstock: {generate: {seed: 1}}\n" +
      "energy: {electricity_primary_factor: {2018: 2.3}}\noutput: {file: out.h5}\n" +
      "renovation:\n  package: {reach: C}\n  at_vacancy: {}\n";
  const AtVacancySpec v = parse_scenario(text, "inline.yaml", renovation_dir).renovation.at_vacancy;
  EXPECT_TRUE(v.enabled);
  EXPECT_EQ(v.label_min, 4) << "E";
  EXPECT_EQ(v.from_year, 0);
  EXPECT_EQ(v.to_year, 9999);
}

TEST(RenovationSection, AnAllocationLoadsItsBudgetStepsRuleWeightsAndObjective) {
  const AllocationSpec a =
      load_scenario(renovation_dir / "good_renovation_allocation.yaml").renovation.allocation;
  EXPECT_TRUE(a.enabled());
  ASSERT_EQ(a.budget_eur_per_yr.size(), 2U);
  EXPECT_EQ(a.budget_eur_per_yr[0].from_year, 2018) << "sorted by year";
  EXPECT_DOUBLE_EQ(a.budget_eur_per_yr[0].value, 5e6);
  EXPECT_EQ(a.budget_eur_per_yr[1].from_year, 2025);
  EXPECT_DOUBLE_EQ(a.budget_eur_per_yr[1].value, 2e6);
  EXPECT_EQ(a.rule, AllocationSpec::Rule::weighted);
  EXPECT_EQ(a.weights, (CriterionWeights{2.0, 0.0, 0.0, 1.0, 0.0, 0.0, -0.5}));
  EXPECT_EQ(a.objective, AllocationSpec::Objective::out_of_efg);
}

TEST(RenovationSection, AStageGateLoadsItsYearIndicatorConditionAndAction) {
  const AllocationSpec::StageGate g =
      load_scenario(renovation_dir / "good_renovation_stage_gate.yaml").renovation.allocation.stage_gate;
  EXPECT_TRUE(g.enabled());
  EXPECT_EQ(g.year, 2024);
  EXPECT_EQ(g.indicator, AllocationSpec::StageGate::Indicator::cost_per_dwelling_out_of_efg);
  EXPECT_TRUE(g.above);
  EXPECT_EQ(g.threshold, 40000.0);
  EXPECT_EQ(g.action, AllocationSpec::StageGate::Action::switch_rule);
  EXPECT_EQ(g.switch_to, AllocationSpec::Rule::cost_effectiveness);
  EXPECT_FALSE(load_scenario(renovation_dir / "good_renovation_allocation.yaml")
                   .renovation.allocation.stage_gate.enabled());
}

TEST(RenovationSection, AnAllocationMayHaveOneEnvelopeForTheRun) {
  const AllocationSpec a =
      load_scenario(renovation_dir / "good_allocation_envelope.yaml").renovation.allocation;
  EXPECT_TRUE(a.enabled());
  EXPECT_TRUE(a.budget_eur_per_yr.empty());
  ASSERT_TRUE(a.budget_eur_total.has_value());
  EXPECT_EQ(*a.budget_eur_total, 161000000.0);
  EXPECT_FALSE(load_scenario(renovation_dir / "good_renovation_allocation.yaml")
                   .renovation.allocation.budget_eur_total.has_value());
}

TEST(RenovationSection, AnAllocationLoadsItsCandidatesAndAlternatives) {
  const AllocationSpec a =
      load_scenario(renovation_dir / "good_allocation_alternatives.yaml").renovation.allocation;
  EXPECT_EQ(a.candidates, AllocationSpec::Candidates::cites);
  EXPECT_EQ(a.alternatives, (std::vector<std::string>{"D", "BBC"}));
  const AllocationSpec plain =
      load_scenario(renovation_dir / "good_renovation_allocation.yaml").renovation.allocation;
  EXPECT_EQ(plain.candidates, AllocationSpec::Candidates::dwellings);
  EXPECT_TRUE(plain.alternatives.empty());
}

TEST(RenovationSection, OptimalTakesWeightsForTheWeightedRankingItIsSetAgainst) {
  // Once refused, now read: `optimal` compares the weighted ranking's choice with its own.
  const AllocationSpec a =
      load_scenario(renovation_dir / "bad_allocation_weights_unused.yaml").renovation.allocation;
  EXPECT_EQ(a.rule, AllocationSpec::Rule::optimal);
  EXPECT_EQ(a.weights.label, 1.0);
}

TEST(RenovationSection, AMapOfWeightsMakesTheObjectiveTheirWeightedSum) {
  const AllocationSpec a =
      load_scenario(renovation_dir / "good_renovation_objective_weighted.yaml").renovation.allocation;
  EXPECT_EQ(a.objective, AllocationSpec::Objective::weighted);
  // In the order of allocation_objective_terms; out_of_efg absent, co2_avoided written 0.
  EXPECT_EQ(a.objective_weights, (std::array<double, 4>{0.1, 0.0, 0.0, 5000.0}));
}

TEST(RenovationSection, EveryBadObjectiveWeightAtOnce) {
  try {
    (void)load_scenario(renovation_dir / "bad_objective_several.yaml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    // The unknown key is found when the map is finished, after the weights.
    ASSERT_EQ(e.diagnostics().size(), 3U) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(":21:20: renovation.allocation.objective.co2_avoided: "));
    EXPECT_THAT(e.what(), HasSubstr(":22:19: renovation.allocation.objective.out_of_efg: "));
    EXPECT_THAT(e.what(),
                HasSubstr(":20:7: renovation.allocation.objective.primary_energy_save: unknown key"));
  }
}

TEST(RenovationSection, WithoutAllocationThereIsNoBudget) {
  const AllocationSpec a = load_scenario(renovation_dir / "good_renovation_reach.yaml").renovation.allocation;
  EXPECT_FALSE(a.enabled());
  EXPECT_EQ(a.rule, AllocationSpec::Rule::stock_order);
  EXPECT_EQ(a.objective, AllocationSpec::Objective::primary_energy_saved);
}

struct BadCase {
  std::string file;
  std::string where;    ///< "FILE:LINE:COL: key.path: "
  std::string message;  ///< a part of the message
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadRenovation : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadRenovation, ReportsExactPositionAndKey) {
  const BadCase& c = GetParam();
  try {
    (void)load_scenario(renovation_dir / c.file);
    FAIL() << c.file << " was accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(c.where), HasSubstr(c.message)));
    EXPECT_EQ(e.diagnostics().size(), 1U) << "one problem per file:\n" << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryBadFile, BadRenovation,
    ::testing::Values(
        BadCase{"bad_renovation_both.yaml", "bad_renovation_both.yaml:15:33: renovation.package.measures: ",
                "expected exactly one of 'reach' or 'measures', got both"},
        BadCase{
            "bad_renovation_neither.yaml", "bad_renovation_neither.yaml:15:12: renovation.package: ",
            "expected exactly one of 'reach' (a label or a named level) or 'measures' (a list), got neither"},
        BadCase{"bad_renovation_missing_package.yaml",
                "bad_renovation_missing_package.yaml:15:3: renovation.package: ", "missing required key"},
        BadCase{"bad_renovation_measure.yaml",
                "bad_renovation_measure.yaml:15:37: renovation.package.measures[1]: ",
                "unknown measure 'atic'; did you mean 'attic'?"},
        BadCase{"bad_renovation_measure_twice.yaml",
                "bad_renovation_measure_twice.yaml:15:31: renovation.package.measures[1]: ",
                "measure 'attic' is listed twice"},
        BadCase{"bad_renovation_target.yaml", "bad_renovation_target.yaml:15:20: renovation.package.reach: ",
                "unknown target 'BBB'; did you mean 'BBC'?"},
        BadCase{
            "bad_renovation_target_far.yaml",
            "bad_renovation_target_far.yaml:15:20: renovation.package.reach: ",
            "unknown target 'passive'; expected a label or a named level: 'A', 'B', 'C', 'D', 'E', 'F', 'G', "
            "'BBC'"},
        BadCase{"bad_renovation_heritage.yaml", "bad_renovation_heritage.yaml:16:13: renovation.heritage: ",
                "expected one of 'strict', 'relaxed', got 'strikt'; did you mean 'strict'?"},
        BadCase{"bad_renovation_unfit.yaml", "bad_renovation_unfit.yaml:16:10: renovation.unfit: ",
                "expected one of 'heavy', 'rebuild', got 'demolish'"},
        BadCase{"bad_renovation_capacity.yaml",
                "bad_renovation_capacity.yaml:16:22: renovation.capacity_per_year: ",
                "expected an integer in 0..1000000, got '-5'"},
        BadCase{"bad_renovation_ops_both.yaml",
                "bad_renovation_ops_both.yaml:17:18: renovation.operations[0].category: ",
                "expected exactly one of 'cites' or 'category', got both"},
        BadCase{"bad_renovation_ops_neither.yaml",
                "bad_renovation_ops_neither.yaml:17:7: renovation.operations[0]: ",
                "expected exactly one of 'cites' (a list of names) or 'category', got neither"},
        BadCase{"bad_renovation_ops_start.yaml",
                "bad_renovation_ops_start.yaml:17:35: renovation.operations[0].start: ",
                "expected an integer in 2018..2047, got '2010'"},
        BadCase{"bad_renovation_ops_years.yaml",
                "bad_renovation_ops_years.yaml:17:48: renovation.operations[0].years: ",
                "expected an integer in 1..50, got '0'"},
        BadCase{"bad_renovation_ops_claimed.yaml",
                "bad_renovation_ops_claimed.yaml:18:24: renovation.operations[1].cites[1]: ",
                "cité 'Cite A' is already in operations[0]"},
        BadCase{"bad_renovation_ops_category.yaml",
                "bad_renovation_ops_category.yaml:17:18: renovation.operations[0].category: ",
                "got 'priorty'; did you mean 'priority'?"},
        BadCase{"bad_renovation_ops_not_list.yaml",
                "bad_renovation_ops_not_list.yaml:16:15: renovation.operations: ",
                "expected a list of operations"},
        BadCase{"bad_renovation_vacancy_years.yaml",
                "bad_renovation_vacancy_years.yaml:16:32: renovation.at_vacancy.to: ",
                "expected a year at least 'from' (2030), got 2020"},
        BadCase{"bad_renovation_vacancy_label.yaml",
                "bad_renovation_vacancy_label.yaml:16:28: renovation.at_vacancy.from_label: ",
                "expected one of 'A', 'B', 'C', 'D', 'E', 'F', 'G', got 'H'"},
        BadCase{"bad_renovation_funders.yaml", "bad_renovation_funders.yaml:16:12: renovation.funders: ",
                "expected an existing file or folder, got 'no_such_funders.yaml'"},
        BadCase{"bad_renovation_rent.yaml",
                "bad_renovation_rent.yaml:16:35: renovation.rent_increase_eur_per_m2_month: ",
                "expected a number in 0..50, got '-1'"},
        BadCase{"bad_renovation_tenant.yaml",
                "bad_renovation_tenant.yaml:16:24: renovation.tenant_contribution: ",
                "expected true or false, got 'sometimes'"},
        BadCase{"bad_renovation_unknown_key.yaml",
                "bad_renovation_unknown_key.yaml:16:3: renovation.capacity_per_yaer: ",
                "unknown key; did you mean 'capacity_per_year'?"},
        BadCase{"bad_allocation_rule.yaml", "bad_allocation_rule.yaml:18:11: renovation.allocation.rule: ",
                "got 'worst_frist'; did you mean 'worst_first'?"},
        BadCase{"bad_allocation_budget.yaml",
                "bad_allocation_budget.yaml:17:31: renovation.allocation.budget_eur_per_yr.2018: ",
                "expected a number in 0..1000000000000, got '-100'"},
        BadCase{
            "bad_allocation_no_budget.yaml", "bad_allocation_no_budget.yaml:17:5: renovation.allocation: ",
            "expected exactly one of 'budget_eur_per_yr' (a budget per year, such as {2018: 16100000}) and "
            "'budget_eur_total' (one envelope for the run, such as 161000000)"},
        BadCase{"bad_allocation_two_budgets.yaml",
                "bad_allocation_two_budgets.yaml:17:5: renovation.allocation: ",
                "expected exactly one of 'budget_eur_per_yr'"},
        BadCase{"bad_allocation_envelope.yaml",
                "bad_allocation_envelope.yaml:17:23: renovation.allocation.budget_eur_total: ",
                "expected a number in 0..1000000000000000, got '-5'"},
        BadCase{"bad_allocation_no_weights.yaml",
                "bad_allocation_no_weights.yaml:17:5: renovation.allocation: ",
                "rule 'weighted' expects 'weights'"},
        BadCase{"bad_allocation_weight_key.yaml",
                "bad_allocation_weight_key.yaml:19:15: renovation.allocation.weights.povrety: ",
                "did you mean 'poverty'?"},
        BadCase{"bad_allocation_weights_worst_first.yaml",
                "bad_allocation_weights_worst_first.yaml:19:14: renovation.allocation.weights: ",
                "expected only with rule 'weighted'"},
        BadCase{"bad_allocation_objective.yaml",
                "bad_allocation_objective.yaml:19:16: renovation.allocation.objective: ",
                "expected one of 'primary_energy_saved', 'co2_avoided', 'out_of_efg', 'out_of_fuel_poverty', "
                "got 'energy'"},
        BadCase{"bad_objective_key.yaml",
                "bad_objective_key.yaml:19:17: renovation.allocation.objective.primary_energy_save: ",
                "did you mean 'primary_energy_saved'?"},
        BadCase{
            "bad_objective_negative.yaml",
            "bad_objective_negative.yaml:19:45: renovation.allocation.objective.co2_avoided: ", "got '-0.5'"},
        BadCase{"bad_objective_all_zero.yaml",
                "bad_objective_all_zero.yaml:19:16: renovation.allocation.objective: ",
                "expected at least one objective with a weight above 0"},
        BadCase{"bad_objective_type.yaml",
                "bad_objective_type.yaml:19:29: renovation.allocation.objective.out_of_efg: ",
                "expected a number"},
        BadCase{"bad_objective_sequence.yaml",
                "bad_objective_sequence.yaml:19:16: renovation.allocation.objective: ",
                "expected an objective's name or a map of weights"},
        BadCase{"bad_stage_gate_indicator.yaml",
                "bad_stage_gate_indicator.yaml:20:18: renovation.allocation.stage_gate.indicator: ",
                "expected one of 'cost_per_dwelling_out_of_efg', 'spent_share', 'objective_per_meur'"},
        BadCase{"bad_stage_gate_both.yaml",
                "bad_stage_gate_both.yaml:19:7: renovation.allocation.stage_gate: ",
                "expected exactly one of 'above' and 'below'"},
        BadCase{"bad_stage_gate_cut.yaml",
                "bad_stage_gate_cut.yaml:22:19: renovation.allocation.stage_gate.then.cut: ",
                "expected a number in 0..1, got '1.5'"},
        BadCase{"bad_stage_gate_year.yaml",
                "bad_stage_gate_year.yaml:19:13: renovation.allocation.stage_gate.year: ", "got '2018'"},
        BadCase{"bad_stage_gate_action.yaml",
                "bad_stage_gate_action.yaml:22:13: renovation.allocation.stage_gate.then: ",
                "expected exactly one of 'cut' (a factor in 0..1) and 'switch_rule' (a rule)"},
        BadCase{"bad_allocation_alternatives_ranking.yaml",
                "bad_allocation_alternatives_ranking.yaml:19:19: renovation.allocation.alternatives: ",
                "expected only with rule 'optimal' or a stage gate switching to it"},
        BadCase{"bad_allocation_alternative_target.yaml",
                "bad_allocation_alternative_target.yaml:19:23: renovation.allocation.alternatives[1]: ",
                "unknown target 'BB'"},
        BadCase{"bad_allocation_alternative_twice.yaml",
                "bad_allocation_alternative_twice.yaml:19:23: renovation.allocation.alternatives[1]: ",
                "target 'D' is listed twice"},
        BadCase{"bad_allocation_alternative_same.yaml",
                "bad_allocation_alternative_same.yaml:19:23: renovation.allocation.alternatives[1]: ",
                "target 'C' is already the renovation's package"},
        BadCase{"bad_allocation_alternatives_empty.yaml",
                "bad_allocation_alternatives_empty.yaml:19:19: renovation.allocation.alternatives: ",
                "expected a non-empty list of targets"},
        BadCase{"bad_allocation_candidates.yaml",
                "bad_allocation_candidates.yaml:19:17: renovation.allocation.candidates: ",
                "expected one of 'dwellings', 'cites', got 'houses'"},
        BadCase{"bad_rental_bans_type.yaml",
                "bad_rental_bans_type.yaml:14:14: rental_bans: ", "expected true or false, got 'maybe'"}));

TEST(RenovationSection, EveryProblemOfTheSectionAtOnce) {
  try {
    (void)load_scenario(renovation_dir / "bad_renovation_several.yaml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 3U) << e.what();
    EXPECT_THAT(e.diagnostics()[0].format(),
                HasSubstr(":15:24: renovation.package.measures[0]: unknown measure "
                          "'wall_insde'; did you mean 'wall_inside'?"));
    EXPECT_THAT(e.diagnostics()[1].format(), HasSubstr(":16:13: renovation.heritage:"));
    EXPECT_THAT(e.diagnostics()[2].format(), HasSubstr(":18:35: renovation.operations[0].start:"));
  }
}

}  // namespace
}  // namespace coron::io
