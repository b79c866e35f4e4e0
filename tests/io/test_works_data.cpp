// The works data: data/measures.yaml, data/economics/rental-bans.yaml and
// data/economics/funders.yaml load with the values their comments derive; every bad
// file in tests/data/works is refused at the exact file:line:column and key.
#include "fixtures/temp_dir.hpp"
#include "io/works_data.hpp"

#include "coron/vocabulary.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

const fs::path works_dir = fs::path(CORON_TEST_DATA_DIR) / "works";

/// Every diagnostic, one per line.
std::string joined(const Diagnostics& diag) {
  std::string all;
  for (const Diagnostic& d : diag.items()) all += d.format() + "\n";
  return all;
}

/// The system names the shipped measures use that this vocabulary may not have yet
/// (they are being added to coron/vocabulary.hpp together with their 3CL data).
bool pending_system_problem(const Diagnostic& d) {
  return d.key.ends_with(".system") && (d.message.find("got 'mechanical_double_flow'") != std::string::npos ||
                                        d.message.find("got 'pellet_boiler'") != std::string::npos);
}

const Measure& measure(const WorksParams& p, std::string_view name) {
  const auto k = p.find(name);
  EXPECT_TRUE(k.has_value()) << name;
  return p.measures.at(k.value_or(0));
}

TEST(WorksData, ShippedMeasuresLoadWithTheirValues) {
  Diagnostics diag;
  const WorksParams p = load_works_params(CORON_DATA_DIR, diag);
  const bool vocabulary_complete = index_of(ventilation_names, "mechanical_double_flow").has_value() &&
                                   index_of(heating_system_names, "pellet_boiler").has_value();
  for (const Diagnostic& d : diag.items())
    EXPECT_TRUE(!vocabulary_complete && pending_system_problem(d)) << d.format();

  // Every measure a scenario may name, each with a cost range around its central value.
  const std::vector<std::string> names = {"wall_outside",
                                          "wall_inside",
                                          "attic",
                                          "roof_slopes",
                                          "floor",
                                          "windows",
                                          "ventilation_hygro",
                                          "ventilation_double_flow",
                                          "heating_gas_condensing",
                                          "heating_heat_pump",
                                          "heating_district",
                                          "heating_pellets",
                                          "dhw_thermodynamic",
                                          "heavy_rehabilitation",
                                          "demolition_rebuild"};
  ASSERT_EQ(p.measures.size(), names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    const Measure& m = p.measures[k];
    EXPECT_EQ(m.name, names[k]);
    EXPECT_LE(m.cost.low, 1.0) << m.name;
    EXPECT_GE(m.cost.high, 1.0) << m.name;
    EXPECT_GT(m.cost.fixed_eur + m.cost.eur_per_m2, 0.0) << m.name;
    EXPECT_EQ(m.cost.eur_per_m2 > 0.0, m.cost.basis != CostBasis::none) << m.name;
    EXPECT_GT(m.lifetime_years, 0) << m.name;
    EXPECT_FALSE(m.source.empty()) << m.name;
  }
  const Measure& ite = measure(p, "wall_outside");
  EXPECT_EQ(ite.component, Component::wall);
  EXPECT_TRUE(ite.from_outside);
  EXPECT_DOUBLE_EQ(ite.u_w_per_m2k, 0.24);
  EXPECT_DOUBLE_EQ(ite.cost.eur_per_m2, 114.0);
  EXPECT_EQ(ite.cost.basis, CostBasis::wall_area);
  const Measure& iti = measure(p, "wall_inside");
  EXPECT_FALSE(iti.from_outside);
  EXPECT_DOUBLE_EQ(iti.lining_thickness_m, 0.14);
  EXPECT_TRUE(iti.occupants_leave);
  const Measure& windows = measure(p, "windows");
  EXPECT_DOUBLE_EQ(windows.u_w_per_m2k, 1.4);
  EXPECT_DOUBLE_EQ(windows.g_window, 0.63);
  EXPECT_DOUBLE_EQ(windows.q4pa_conv_m3_per_h_m2, 2.5);
  EXPECT_EQ(windows.cost.basis, CostBasis::window_area);
  const Measure& pump = measure(p, "heating_heat_pump");
  EXPECT_EQ(pump.system, static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water));
  EXPECT_DOUBLE_EQ(pump.cost.fixed_eur, 11000.0);
  EXPECT_EQ(pump.lifetime_years, 20);
  EXPECT_EQ(measure(p, "ventilation_hygro").system, static_cast<std::uint8_t>(Ventilation::mechanical_hygro));
  EXPECT_EQ(measure(p, "dhw_thermodynamic").system, static_cast<std::uint8_t>(DhwSystem::thermodynamic));
  const Measure& heavy = measure(p, "heavy_rehabilitation");
  EXPECT_EQ(heavy.component, Component::structure);
  EXPECT_EQ(heavy.cost.basis, CostBasis::living_area);
  EXPECT_FALSE(heavy.rebuild);
  EXPECT_TRUE(measure(p, "demolition_rebuild").rebuild);

  EXPECT_DOUBLE_EQ(p.rebuilt.u_wall_w_per_m2k, 0.18);
  EXPECT_DOUBLE_EQ(p.rebuilt.q4pa_conv_m3_per_h_m2, 0.6);
  EXPECT_DOUBLE_EQ(p.rebuilt.thermal_bridges_w_per_k_per_m2, 0.28);
  EXPECT_EQ(p.rebuilt.heating_system, static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water));
  EXPECT_EQ(p.rebuilt.inertia, static_cast<std::uint8_t>(Inertia::heavy));
  EXPECT_DOUBLE_EQ(p.rehousing_eur_per_household, 4400.0);
  EXPECT_FALSE(p.rehousing_source.empty());
}

TEST(WorksData, ShippedCostsAreTheExclVatFiguresTimesReducedVat) {
  // The reference's excl.-VAT figures (socioeconomic §2.1) x 1.055, rounded to the euro.
  Diagnostics diag;
  const WorksParams p = load_works_params(CORON_DATA_DIR, diag);
  constexpr double vat = 1.055;
  EXPECT_NEAR(measure(p, "wall_outside").cost.eur_per_m2, 108 * vat, 0.5);
  EXPECT_NEAR(measure(p, "wall_inside").cost.eur_per_m2, 71 * vat, 0.5);
  EXPECT_NEAR(measure(p, "attic").cost.eur_per_m2, 47 * vat, 0.5);
  EXPECT_NEAR(measure(p, "roof_slopes").cost.eur_per_m2, 79 * vat, 0.5);
  EXPECT_NEAR(measure(p, "floor").cost.eur_per_m2, 43 * vat, 0.5);
  EXPECT_NEAR(measure(p, "windows").cost.eur_per_m2, 557 * vat, 0.5);
  EXPECT_NEAR(measure(p, "heating_gas_condensing").cost.fixed_eur, 6000 * vat, 0.5);
  EXPECT_NEAR(measure(p, "heating_district").cost.fixed_eur, 1500 * vat, 0.5);
  EXPECT_NEAR(measure(p, "heating_pellets").cost.fixed_eur, 12500 * vat, 0.5);
  // Heavy rehabilitation: (90 000 - 40 000) EUR over 77.8 m2, rounded to 10 EUR.
  EXPECT_NEAR(measure(p, "heavy_rehabilitation").cost.eur_per_m2, (90000.0 - 40000.0) / 77.8, 5.0);
}

TEST(WorksData, BbcTargetIsEightyTimesAPlusB) {
  Diagnostics diag;
  const WorksParams p = load_works_params(CORON_DATA_DIR, diag);
  const auto bbc = p.target("BBC");
  ASSERT_TRUE(bbc.has_value());
  EXPECT_DOUBLE_EQ(bbc->primary_energy_max_kwh_m2, 80.0 * (1.3 + 0.0));  // H1a, below 400 m
  EXPECT_EQ(bbc->label_max, label_count - 1) << "BBC rénovation bounds Cep only";
  const auto hpe = p.target("HPE");
  ASSERT_TRUE(hpe.has_value());
  EXPECT_DOUBLE_EQ(hpe->primary_energy_max_kwh_m2, 150.0 * 1.3);
  EXPECT_EQ(p.target("C")->label_max, 2);
}

TEST(WorksData, ShippedRentalBansFollowTheClimateLaw) {
  Diagnostics diag;
  const WorksParams p = load_works_params(CORON_DATA_DIR, diag);
  ASSERT_EQ(p.rental_bans.size(), 3U);
  const auto G = static_cast<std::uint8_t>(6), F = static_cast<std::uint8_t>(5),
             E = static_cast<std::uint8_t>(4), D = static_cast<std::uint8_t>(3);
  EXPECT_TRUE(p.may_let(G, 2024));
  EXPECT_FALSE(p.may_let(G, 2025));
  EXPECT_TRUE(p.may_let(F, 2027));
  EXPECT_FALSE(p.may_let(F, 2028));
  EXPECT_TRUE(p.may_let(E, 2033));
  EXPECT_FALSE(p.may_let(E, 2034));
  EXPECT_FALSE(p.may_let(G, 2040));
  EXPECT_TRUE(p.may_let(D, 2047));
}

TEST(WorksData, SmallCatalogueOfTheTestsLoadsWithoutAProblem) {
  Diagnostics diag;
  const WorksParams p = load_works_params(works_dir / "data", diag);
  EXPECT_TRUE(diag.empty()) << joined(diag);
  EXPECT_EQ(p.measures.size(), 4U);
}

TEST(WorksData, AtMostMaxMeasures) {
  fixtures::TempDir dir("too_many_measures");
  fs::create_directories(dir.path() / "economics");
  fs::copy_file(works_dir / "data" / "economics" / "rental-bans.yaml",
                dir.path() / "economics" / "rental-bans.yaml");
  std::ifstream in(works_dir / "data" / "measures.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string good = text.str();
  // The attic measure copied under new names until there is one too many.
  const std::string attic = good.substr(good.find("  - name: attic"),
                                        good.find("  - name: wall_inside") - good.find("  - name: attic"));
  std::string extra;
  for (std::size_t k = 4; k <= max_measures; ++k) {
    std::string copy = attic;
    copy.replace(copy.find("attic"), 5, "attic_" + std::to_string(k));
    extra += copy;
  }
  std::ofstream(dir.path() / "measures.yaml")
      << good.substr(0, good.find("rebuilt:")) << extra << good.substr(good.find("rebuilt:"));
  Diagnostics diag;
  const WorksParams p = load_works_params(dir.path(), diag);
  EXPECT_EQ(p.measures.size(), max_measures + 1);
  EXPECT_THAT(joined(diag), HasSubstr("measures.yaml:3:3: measures: expected at most 31 measures"));
  EXPECT_EQ(diag.size(), 1U) << joined(diag);
}

TEST(WorksData, ShippedFundersLoadWithTheirDerivations) {
  const FundingParams p = load_funding_params(default_funders_file(CORON_DATA_DIR));
  std::vector<std::string> names;
  for (const Funder& f : p.funders) names.push_back(f.name);
  EXPECT_THAT(names, ::testing::ElementsAre("state_erbm", "region_hdf", "epci", "feder", "cee",
                                            "cdc_habitat_equity", "eco_pls"));
  for (const Funder& f : p.funders) {
    EXPECT_FALSE(f.source.empty()) << f.name;
    EXPECT_FALSE(f.envelope_eur_per_yr.empty()) << f.name;
  }
  const Funder& state = p.funders[0];
  EXPECT_EQ(state.kind, FunderKind::grant);
  EXPECT_EQ(state.first_year, 2018);
  EXPECT_EQ(state.last_year, 2027);
  EXPECT_TRUE(state.carry_over);
  ASSERT_EQ(state.envelope_eur_per_yr.size(), 1U);
  EXPECT_DOUBLE_EQ(state.envelope_eur_per_yr[0].value, 10e6);
  EXPECT_EQ(state.label_before_min, 4) << "E, F and G before works";
  EXPECT_EQ(state.cite_categories.size(), 4U);
  // 13 600 EUR of public money per dwelling split 100 : 30 : 75 between State, Region, EPCIs.
  EXPECT_NEAR(p.funders[0].max_eur_per_dwelling, 13600.0 * 100 / 205, 0.5);
  EXPECT_NEAR(p.funders[1].max_eur_per_dwelling, 13600.0 * 30 / 205, 0.5);
  EXPECT_NEAR(p.funders[2].max_eur_per_dwelling, 13600.0 * 75 / 205, 0.5);
  // Region 30 M EUR and EPCIs 75 M EUR over the ten years 2018-2027.
  EXPECT_DOUBLE_EQ(p.funders[1].envelope_eur_per_yr[0].value * 10, 30e6);
  EXPECT_DOUBLE_EQ(p.funders[2].envelope_eur_per_yr[0].value * 10, 75e6);
  const Funder& feder = p.funders[3];
  ASSERT_EQ(feder.envelope_eur_per_yr.size(), 2U);
  EXPECT_NEAR(feder.envelope_eur_per_yr[0].value * 7, 36.6e6, 0.05e6);
  EXPECT_EQ(feder.envelope_eur_per_yr[1].from_year, 2021);
  EXPECT_NEAR(feder.envelope_eur_per_yr[1].value * 7, 49.9e6, 0.05e6);
  EXPECT_THAT(feder.cite_categories, ::testing::ElementsAre(static_cast<std::uint8_t>(CiteCategory::feder)));
  // CEE: 8 EUR/MWh cumac x the 4 %-discounted sum of 30 years of a 1 kWh/yr saving.
  double cumac = 0.0;
  for (int t = 0; t < 30; ++t) cumac += std::pow(1.04, -t);
  EXPECT_NEAR(p.funders[4].eur_per_kwh_saved, 0.008 * cumac, 0.0005);
  EXPECT_TRUE(std::isinf(p.funders[4].envelope_eur_per_yr[0].value));
  EXPECT_THAT(p.funders[5].owners,
              ::testing::ElementsAre(static_cast<std::uint8_t>(Owner::maisons_et_cites)));
  const Funder& eco = p.funders[6];
  EXPECT_EQ(eco.kind, FunderKind::loan);
  EXPECT_DOUBLE_EQ(eco.primary_energy_before_min_kwh_m2, 180.0);
  EXPECT_DOUBLE_EQ(eco.max_eur_per_dwelling, 22000.0);
  EXPECT_DOUBLE_EQ(eco.interest_rate, 0.017 - 0.0025);  // Livret A (1 Aug 2025) - 25 bp
  EXPECT_EQ(eco.loan_years, 25);
  EXPECT_DOUBLE_EQ(p.tenant_contribution.saving_share, 0.5);
  EXPECT_EQ(p.tenant_contribution.years, 15);
  EXPECT_FALSE(p.tenant_contribution.enabled) << "the scenario's choice";
}

TEST(WorksData, SmallFundersFileReadsPercentAndUnlimited) {
  const FundingParams p = load_funding_params(works_dir / "good_funders.yaml");
  ASSERT_EQ(p.funders.size(), 2U);
  EXPECT_DOUBLE_EQ(p.funders[1].interest_rate, 0.0145) << "'1.45 %'";
  EXPECT_EQ(p.funders[1].envelope_eur_per_yr[0].from_year, 2018);
  EXPECT_TRUE(std::isinf(p.funders[1].envelope_eur_per_yr[0].value));
  EXPECT_EQ(p.funders[0].last_year, 2027);
  EXPECT_EQ(p.funders[1].last_year, 9999) << "open-ended when not given";
  EXPECT_DOUBLE_EQ(p.funders[0].max_share, 1.0);
}

TEST(WorksData, LoadersWithoutDiagnosticsThrowEveryProblem) {
  try {
    (void)load_funding_params(works_dir / "bad_funder_kind.yaml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad_funder_kind.yaml:3:11: funders[0].kind:"));
  }
  EXPECT_THROW((void)load_works_params(works_dir / "no_such_folder"), InputError);
}

/// One bad file, where its first problem is, what it says and how many there are.
struct BadData {
  std::string file;       ///< in tests/data/works
  std::string as;         ///< measures.yaml, rental-bans.yaml or funders
  std::string where;      ///< "FILE:LINE:COL: key.path"
  std::string message;    ///< a part of the message
  std::size_t count = 1;  ///< problems in the file
};

void PrintTo(const BadData& c, std::ostream* os) { *os << c.file; }

/// The diagnostics of loading `c.file` in the role `c.as`, the other files being valid.
Diagnostics load_bad(const BadData& c, const fs::path& folder) {
  Diagnostics diag;
  if (c.as == "funders") {
    (void)load_funding_params(works_dir / c.file, diag);
    return diag;
  }
  fs::create_directories(folder / "economics");
  fs::copy_file(works_dir / "data" / "measures.yaml", folder / "measures.yaml");
  fs::copy_file(works_dir / "data" / "economics" / "rental-bans.yaml",
                folder / "economics" / "rental-bans.yaml");
  const fs::path target = c.as == "measures.yaml" ? folder / "measures.yaml" : folder / "economics" / c.as;
  fs::copy_file(works_dir / c.file, target, fs::copy_options::overwrite_existing);
  (void)load_works_params(folder, diag);
  return diag;
}

class BadWorksData : public ::testing::TestWithParam<BadData> {};

TEST_P(BadWorksData, ReportsExactPositionAndKey) {
  const BadData& c = GetParam();
  fixtures::TempDir dir("bad_works_data");
  const Diagnostics diag = load_bad(c, dir.path());
  const std::string all = joined(diag);
  EXPECT_THAT(all, AllOf(HasSubstr(c.where), HasSubstr(c.message)));
  EXPECT_EQ(diag.size(), c.count) << all;
}

INSTANTIATE_TEST_SUITE_P(
    EveryBadFile, BadWorksData,
    ::testing::Values(
        BadData{"bad_measure_unknown_key.yaml", "measures.yaml",
                "measures.yaml:6:5: measures[0].lifetime_yeras: ",
                "unknown key; did you mean 'lifetime_years'?", 2},
        BadData{"bad_measure_foreign_key.yaml", "measures.yaml",
                "measures.yaml:5:8: measures[0].u: ", "does not apply to a heating measure"},
        BadData{"bad_measure_system.yaml", "measures.yaml", "measures.yaml:4:13: measures[0].system: ",
                "got 'heat_pump_air_watr'; did you mean 'heat_pump_air_water'?"},
        BadData{
            "bad_measure_range.yaml", "measures.yaml", "measures.yaml:5:56: measures[0].cost.range: ",
            "expected [low, high] with low <= 1 <= high (multipliers of the central cost), got [1.2, 1.75]"},
        BadData{"bad_measure_duplicate.yaml", "measures.yaml", "measures.yaml:10:11: measures[1].name: ",
                "duplicate measure 'attic' (first given on line 2)"},
        BadData{"bad_measure_unit.yaml", "measures.yaml",
                "measures.yaml:4:8: measures[0].u: ", "expected a U-value such as '2.5 W/m2K'"},
        BadData{"bad_measure_component.yaml", "measures.yaml",
                "measures.yaml:3:16: measures[0].component: ", "got 'roofs'; did you mean 'roof'?"},
        BadData{
            "bad_measure_basis.yaml", "measures.yaml", "measures.yaml:5:38: measures[0].cost.basis: ",
            "expected one of 'none', 'wall_area', 'roof_area', 'floor_area', 'window_area', 'living_area', "
            "got 'roof'"},
        BadData{"bad_measure_basis_alone.yaml", "measures.yaml",
                "measures.yaml:5:35: measures[0].cost.basis: ", "applies only with 'per_m2'"},
        BadData{
            "bad_measure_wrong_type.yaml", "measures.yaml",
            "measures.yaml:6:21: measures[0].lifetime_years: ", "expected an integer in 1..200, got 'long'"},
        BadData{"bad_measure_lining_outside.yaml", "measures.yaml",
                "measures.yaml:6:23: measures[0].lining_thickness: ",
                "does not apply to insulation from outside"},
        BadData{"bad_measure_no_cost.yaml", "measures.yaml",
                "measures.yaml:5:11: measures[0].cost: ", "expected 'fixed', 'per_m2' or both, got neither"},
        BadData{"bad_target_label.yaml", "measures.yaml",
                "measures.yaml:25:3: targets.C: ", "a named target may not be a label letter"},
        BadData{"bad_target_energy.yaml", "measures.yaml",
                "measures.yaml:25:29: targets.BBC.primary_energy_max: ",
                "expected an energy per area in 1..1000 kWh/m2, got '-5 kWh/m2'"},
        BadData{"bad_bans_order.yaml", "rental-bans.yaml", "rental-bans.yaml:3:22: bans[1].from: ",
                "expected label F to be banned no later than the better label E (2034), got 2036"},
        BadData{"bad_bans_duplicate.yaml", "rental-bans.yaml",
                "rental-bans.yaml:3:13: bans[1].label: ", "duplicate ban of label G (first given on line 2)"},
        BadData{"bad_bans_label.yaml", "rental-bans.yaml", "rental-bans.yaml:2:13: bans[0].label: ",
                "expected one of 'A', 'B', 'C', 'D', 'E', 'F', 'G', got 'H'"},
        BadData{"bad_funder_category.yaml", "funders",
                "bad_funder_category.yaml:9:35: funders[0].eligibility.cite_categories[1]: ",
                "got 'priorty'; did you mean 'priority'?"},
        BadData{"bad_funder_owner.yaml", "funders",
                "bad_funder_owner.yaml:11:16: funders[0].eligibility.owners[0]: ",
                "got 'maisons_et_cite'; did you mean 'maisons_et_cites'?"},
        BadData{"bad_funder_share.yaml", "funders", "bad_funder_share.yaml:11:16: funders[0].max_share: ",
                "expected a number in 0..1, got '1.5'"},
        BadData{"bad_funder_envelope.yaml", "funders",
                "bad_funder_envelope.yaml:4:33: funders[0].envelope_eur_per_yr.2018: ", "got '-5'"},
        BadData{"bad_funder_envelope_word.yaml", "funders",
                "bad_funder_envelope_word.yaml:4:26: funders[0].envelope_eur_per_yr: ",
                "expected a mapping of year to euros such as {2018: 10000000} or 'unlimited', got 'lots'"},
        BadData{"bad_funder_loan_terms.yaml", "funders",
                "bad_funder_loan_terms.yaml:11:20: funders[0].interest_rate: ",
                "applies to loans only (kind: loan)"},
        BadData{"bad_funder_loan_missing.yaml", "funders",
                "bad_funder_loan_missing.yaml:2:5: funders[0].loan_years: ", "missing required key"},
        BadData{"bad_funder_years.yaml", "funders", "bad_funder_years.yaml:6:16: funders[0].last_year: ",
                "expected a year at least first_year (2018), got 2017"},
        BadData{"bad_funder_duplicate.yaml", "funders", "bad_funder_duplicate.yaml:13:11: funders[1].name: ",
                "duplicate funder 'state' (first given on line 2)"},
        BadData{"bad_funder_label.yaml", "funders",
                "bad_funder_label.yaml:10:25: funders[0].eligibility.label_before_min: ", "got 'H'"},
        BadData{"bad_funder_kind.yaml", "funders", "bad_funder_kind.yaml:3:11: funders[0].kind: ",
                "expected one of 'grant', 'loan', got 'gift'"},
        BadData{"bad_funder_unknown_key.yaml", "funders",
                "bad_funder_unknown_key.yaml:11:5: funders[0].max_shares: ",
                "unknown key; did you mean 'max_share'?"}));

TEST(WorksData, CheckRenovationNamesUnknownMeasuresAndTargets) {
  const WorksParams works = load_works_params(works_dir / "data");
  RenovationOptions r;
  r.enabled = true;
  r.package.measures = {"attic", "atic", "solar_panels"};
  const std::vector<std::string> problems = check_renovation(r, works);
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(problems[0], "renovation.package.measures[1]: unknown measure 'atic'; did you mean 'attic'?");
  EXPECT_THAT(problems[1], HasSubstr("renovation.package.measures[2]: unknown measure 'solar_panels'; the "
                                     "measures of data/measures.yaml are 'attic', 'wall_inside', 'windows', "
                                     "'heating_heat_pump'"));
  r.package = {{}, "BBC"};
  EXPECT_TRUE(check_renovation(r, works).empty());
  r.package = {{}, "C"};
  EXPECT_TRUE(check_renovation(r, works).empty());
  r.package = {{}, "BBB"};
  EXPECT_THAT(check_renovation(r, works),
              ::testing::ElementsAre("renovation.package.reach: unknown target 'BBB'; did you mean 'BBC'?"));
  r.enabled = false;
  EXPECT_TRUE(check_renovation(r, works).empty()) << "no renovation, nothing to check";
}

}  // namespace
}  // namespace coron::io
