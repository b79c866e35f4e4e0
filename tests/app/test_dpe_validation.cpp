// `coron stock import-dpe` and `coron validate-dpe`: the CLI round trip over the shipped
// certificates, malformed XML as bad input, and the error distribution against a plain
// recomputation from the per-certificate figures.
#include "app/dpe_validation.hpp"
#include "cli_runner.hpp"
#include "io/thermal_data.hpp"
#include "stock/dpe_import.hpp"
#include "stock/stock_csv.hpp"

#include "coron/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace coron::app {
namespace {

using ::testing::HasSubstr;

const std::string dpe_dir = std::string(CORON_TEST_DATA_DIR) + "/dpe";

TEST(ImportDpeCli, WritesAStockThatReadsBackAndSummarises) {
  const fixtures::TempDir dir("import_dpe_cli");
  const auto imported = testing::run_coron("stock import-dpe '" + dpe_dir + "' -o stock.csv", dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_THAT(imported.output, HasSubstr("imported 38 certificates (16 houses, 22 flats)"));
  EXPECT_THAT(imported.output, HasSubstr("refused 2"));
  EXPECT_THAT(imported.output, HasSubstr("2335E4490385O.xml:57: /dpe/logement/caracteristique_generale/"
                                         "enum_methode_application_dpe_log_id: whole-building"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "stock.csv.partial"));

  // The file holds exactly the rows the import builds in memory.
  const Stock read = stock::read_stock_csv(dir.path() / "stock.csv");
  Diagnostics diag;
  const stock::DpeImport direct =
      stock::import_dpe(stock::dpe_files({dpe_dir}), {}, io::load_thermal_params(CORON_DATA_DIR, diag));
  EXPECT_EQ(read, direct.stock);

  const auto summary = testing::run_coron("stock summary --file stock.csv", dir.path());
  ASSERT_EQ(summary.exit_code, 0) << summary.output;
  EXPECT_THAT(summary.output, HasSubstr("stock: 38 dwellings in 1 cités"));
}

TEST(ImportDpeCli, AssignsCitesFromTheTable) {
  const fixtures::TempDir dir("import_dpe_cites");
  {
    std::ofstream table(dir.path() / "cites.csv");
    table << "key,cite\n2260E1364581G,Cité des Oiseaux\n2187E0981996L,Cité des Oiseaux\n";
  }
  const auto r =
      testing::run_coron("stock import-dpe '" + dpe_dir + "' --cites cites.csv -o stock.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Stock s = stock::read_stock_csv(dir.path() / "stock.csv");
  ASSERT_EQ(s.cites.size(), 2U);
  std::size_t in_named = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.cites.name[static_cast<std::size_t>(s.cite_id[i])] == "Cité des Oiseaux") ++in_named;
  EXPECT_EQ(in_named, 2U);
}

TEST(ImportDpeCli, MalformedXmlIsBadInputAndWritesNothing) {
  const fixtures::TempDir dir("import_dpe_malformed");
  const std::string bad = std::string(CORON_TEST_DATA_DIR) + "/dpe_bad/malformed.xml";
  const auto r = testing::run_coron("stock import-dpe '" + bad + "' -o stock.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("malformed.xml:7:"));
  EXPECT_THAT(r.output, HasSubstr("not well-formed XML"));
  EXPECT_EQ(testing::count_files(dir.path()), 0U);
}

// The shares recomputed in the plainest way from the table's own columns.
double plain_share(const std::vector<DpeComparison>& rows, bool houses, double limit) {
  std::size_t n = 0, within = 0;
  for (const DpeComparison& r : rows) {
    if (r.is_house != houses) continue;
    ++n;
    if (std::abs(r.gv_w_per_k - r.declared_gv_w_per_k) <= limit * std::abs(r.declared_gv_w_per_k)) ++within;
  }
  return static_cast<double>(within) / static_cast<double>(n);
}

TEST(ValidateDpe, GvSharesEqualAPlainRecomputation) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  const stock::DpeImport imported = stock::import_dpe(stock::dpe_files({dpe_dir}), {}, params);
  const std::vector<DpeComparison> rows = compare_with_certificates(imported, params, 2.3);
  ASSERT_EQ(rows.size(), 38U);
  const DpeErrorShares houses = error_shares(rows, DpeGroup::houses);
  const DpeErrorShares flats = error_shares(rows, DpeGroup::flats);
  EXPECT_EQ(houses.count, 16U);
  EXPECT_EQ(flats.count, 22U);
  EXPECT_DOUBLE_EQ(houses.within_1_percent[0], plain_share(rows, true, 0.01));
  EXPECT_DOUBLE_EQ(houses.within_5_percent[0], plain_share(rows, true, 0.05));
  EXPECT_DOUBLE_EQ(flats.within_1_percent[0], plain_share(rows, false, 0.01));
  EXPECT_DOUBLE_EQ(flats.within_5_percent[0], plain_share(rows, false, 0.05));
  // The declared figures are the certificate's, at the row's share of the envelope.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& d = imported.imported[i];
    EXPECT_DOUBLE_EQ(rows[i].declared_gv_w_per_k,
                     d.certificate.declared.gv_w_per_k * d.mapping.envelope_share);
    EXPECT_EQ(rows[i].declared_primary_energy_kwh_m2, d.certificate.declared.primary_energy_kwh_m2);
    // Final energy by use is the dwelling's own in every certificate, flats' included.
    EXPECT_EQ(rows[i].declared_heating_final_kwh, d.certificate.declared.heating_final_kwh);
    EXPECT_EQ(rows[i].declared_dhw_final_kwh, d.certificate.declared.dhw_final_kwh);
    EXPECT_EQ(rows[i].declared_other_final_kwh, d.certificate.declared.other_final_kwh);
  }
}

// 2260E1364581G, a 101.94 m2 house with a self-regulating extract of 1982-2000
// (enum_type_ventilation_id 4): its ventilation's donnee_intermediaire declares hvent 57.188
// and hperm 33.614. The kernel's H_vent = 0.34 x 1.65 (tv.js debits_ventilation row 4) x
// 101.94 = 57.18834 W/K (with the before-1982 flows it took until now, 1.97: 68.28 W/K).
TEST(ValidateDpe, CarriesTheDeclaredAirRenewalBesideTheKernels) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  const stock::DpeImport imported = stock::import_dpe(stock::dpe_files({dpe_dir}), {}, params);
  const std::vector<DpeComparison> rows = compare_with_certificates(imported, params, 2.3);
  const auto it = std::find_if(rows.begin(), rows.end(),
                               [](const DpeComparison& r) { return r.number == "2260E1364581G"; });
  ASSERT_NE(it, rows.end());
  EXPECT_DOUBLE_EQ(it->declared_hvent_w_per_k, 57.188);
  EXPECT_DOUBLE_EQ(it->declared_hperm_w_per_k, 33.614);
  EXPECT_NEAR(it->hvent_w_per_k, 57.18834, 1e-9);
  // Its lighting and auxiliaries by their parts: lighting 192.667, heating distribution 362.835
  // and fans 569.4 kWh, though its conso_totale_auxiliaire (362.835) leaves the fans out.
  EXPECT_NEAR(it->declared_other_final_kwh, 192.667 + 362.835 + 569.4, 1e-9);
  // The printed row holds both, side by side.
  EXPECT_THAT(dpe_validation_report(rows), HasSubstr("   57.2    57.2    "));
}

// What is true today of the houses' GV (docs/validation.md): walls, roofs, floors, windows,
// doors and bridges match the certificates, and the kernel's air renewal is within 5 % of the
// declared GV for at least 14 of the 16 houses.
// What the shipped subset reaches today (docs/validation.md, "DPE certificates"): a change
// that loses a certificate's heat loss or need shows here. Measured, never tuned for.
TEST(ValidateDpe, TheShippedCertificatesHeatLossAndNeedAsMeasured) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  const stock::DpeImport imported = stock::import_dpe(stock::dpe_files({dpe_dir}), {}, params);
  const std::vector<DpeComparison> rows = compare_with_certificates(imported, params, 2.3);
  const DpeErrorShares houses = error_shares(rows, DpeGroup::houses);
  const DpeErrorShares flats = error_shares(rows, DpeGroup::flats);
  ASSERT_EQ(houses.count, 16U);
  ASSERT_EQ(flats.count, 22U);
  // How many of the 16 houses and 22 flats reach each figure, at least.
  const auto at_least = [](double houses_share, double flats_share, int houses_count, int flats_count,
                           const char* what) {
    EXPECT_GE(houses_share * 16.0, houses_count - 1e-9) << what << ", houses";
    EXPECT_GE(flats_share * 22.0, flats_count - 1e-9) << what << ", flats";
  };
  // GV within 1 %: all 16 houses and all 22 flats.
  at_least(houses.within_1_percent[0], flats.within_1_percent[0], 16, 22, "GV within 1 %");
  // Heating need within 5 %: 15 of 16 houses, 21 of 22 flats (17 before the recovered
  // hot-water losses).
  at_least(houses.within_5_percent[1], flats.within_5_percent[1], 15, 21, "heating need within 5 %");
  // Hot-water final energy within 5 % (index 7): all 16 houses and 22 flats with each
  // certificate's own generators, tanks and network (15 and 16 with the R_s each certificate
  // writes for its electric tank rather than the method's).
  at_least(houses.within_5_percent[7], flats.within_5_percent[7], 16, 22, "hot-water final within 5 %");
  // Heating final energy within 5 % (index 6): 13 of 16 houses and 21 of 22 flats with each
  // certificate's second generator (10 and 20 with its main generator alone, 6 and 12 with the
  // classes' R_g or the periods').
  at_least(houses.within_5_percent[6], flats.within_5_percent[6], 13, 21, "heating final within 5 %");
  // Cep within 5 %: 15 of 16 houses, 21 of 22 flats with the circulator sized from each GV and
  // network (12 and 14 with a fixed 55 W; 11 and 15 before with the main generator alone).
  at_least(houses.within_5_percent[2], flats.within_5_percent[2], 15, 21, "Cep within 5 %");
  // GHG within 5 % (index 3): 12 of 16 houses, 18 of 22 flats with each use at the carrier its
  // certificate burns (6 and 14 with LPG and oil hot water as gas; 13 flats with the method's
  // 0.385 kg/kWh for every network and gas's for their hot water).
  at_least(houses.within_5_percent[3], flats.within_5_percent[3], 12, 18, "GHG within 5 %");
  // Labels exact: 15 of 16 houses, all 22 flats (14 and 21 before the circulator, the label
  // limits of each certificate's date and the carriers; 19 flats with every network at 0.385
  // kg/kWh: 2302E4043473J and 2342E2213002E, whose GHG class decided their label).
  at_least(houses.label_exact, flats.label_exact, 15, 22, "label exact");
}

// Electricity's primary energy factor is the one in force on each certificate's date: 2.3
// until 2025, 1.9 from 1 January 2026 (arrêté du 13 août 2025). One call evaluates a
// certificate dated 2026 at 1.9 and the others at 2.3.
TEST(ValidateDpe, EachCertificateTakesTheElectricityFactorInForceOnItsDate) {
  EXPECT_EQ(electricity_pef_in_force(2021), 2.3);
  EXPECT_EQ(electricity_pef_in_force(2025), 2.3);
  EXPECT_EQ(electricity_pef_in_force(2026), 1.9);
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  stock::DpeImport imported = stock::import_dpe(stock::dpe_files({dpe_dir}), {}, params);
  const auto convectors = std::find_if(imported.imported.begin(), imported.imported.end(),
                                       [](const auto& d) { return d.certificate.number == "2287E0104246W"; });
  ASSERT_NE(convectors, imported.imported.end());
  const auto k = static_cast<std::size_t>(convectors - imported.imported.begin());
  EXPECT_LT(convectors->certificate.established_year, 2026);  // the shipped ones are all older
  convectors->certificate.established_year = 2026;
  const std::vector<DpeComparison> by_date = compare_with_certificates(imported, params);
  const std::vector<DpeComparison> at_2_3 = compare_with_certificates(imported, params, 2.3);
  const std::vector<DpeComparison> at_1_9 = compare_with_certificates(imported, params, 1.9);
  ASSERT_EQ(by_date.size(), at_2_3.size());
  for (std::size_t i = 0; i < by_date.size(); ++i) {
    const std::vector<DpeComparison>& expected = i == k ? at_1_9 : at_2_3;
    EXPECT_EQ(by_date[i].primary_energy_kwh_m2, expected[i].primary_energy_kwh_m2) << by_date[i].number;
    EXPECT_EQ(by_date[i].label, expected[i].label) << by_date[i].number;
  }
  // Electric convectors: the factor moves its Cep (a wood stove's part stays at 1).
  EXPECT_LT(by_date[k].primary_energy_kwh_m2, 0.9 * at_2_3[k].primary_energy_kwh_m2);
}

// 2375E2236932V, a 12 m2 flat of 3 July 2023, declares Cep 448 and G: the general limits (G
// from 420), as every certificate before 1 July 2024 took; the limits of a 12 m2 dwelling, in
// force since, would make it E. Its date decides, and only for dwellings under 40 m2.
TEST(ValidateDpe, EachCertificateTakesTheLabelLimitsInForceOnItsDate) {
  EXPECT_FALSE(small_dwelling_limits_in_force(20240630));
  EXPECT_TRUE(small_dwelling_limits_in_force(20240701));
  EXPECT_FALSE(small_dwelling_limits_in_force(0));  // undated: the older rule
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  stock::DpeImport imported = stock::import_dpe(stock::dpe_files({dpe_dir}), {}, params);
  const auto small = std::find_if(imported.imported.begin(), imported.imported.end(),
                                  [](const auto& d) { return d.certificate.number == "2375E2236932V"; });
  ASSERT_NE(small, imported.imported.end());
  const auto k = static_cast<std::size_t>(small - imported.imported.begin());
  EXPECT_EQ(small->certificate.established_date, 20230703);
  const std::vector<DpeComparison> dated = compare_with_certificates(imported, params);
  EXPECT_NEAR(dated[k].primary_energy_kwh_m2, 448.0, 1.0);
  EXPECT_EQ(dated[k].label, 'G');  // as declared
  EXPECT_EQ(dated[k].declared_label, 'G');
  small->certificate.established_date = 20240701;
  const std::vector<DpeComparison> later = compare_with_certificates(imported, params);
  EXPECT_EQ(later[k].label, 'E');  // by the limits of its 12 m2
  for (std::size_t i = 0; i < dated.size(); ++i) {
    EXPECT_EQ(later[i].primary_energy_kwh_m2, dated[i].primary_energy_kwh_m2) << dated[i].number;
    if (i != k) {
      EXPECT_EQ(later[i].label, dated[i].label) << dated[i].number;
    }
  }
  // The general limits everywhere: only the small rows change.
  const ThermalParams general = without_small_dwelling_limits(params);
  EXPECT_EQ(general.cep_limits_kwh_m2, params.cep_limits_kwh_m2);
  EXPECT_EQ(general.small_cep_limits_kwh_m2[4], params.cep_limits_kwh_m2);
  EXPECT_EQ(general.small_eges_limits_kg_m2[31], params.eges_limits_kg_m2);
}

TEST(ValidateDpeCli, PrintsTheTableAndTheDistribution) {
  const fixtures::TempDir dir("validate_dpe_cli");
  const auto r = testing::run_coron("validate-dpe '" + dpe_dir + "'", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("2260E1364581G   house"));
  EXPECT_THAT(r.output, HasSubstr("  houses    16"));
  EXPECT_THAT(r.output, HasSubstr("  flats     22"));
  EXPECT_THAT(r.output, HasSubstr("  all       38"));
}

}  // namespace
}  // namespace coron::app
