// Scenario files: the baseline loads with its values; every bad file in
// tests/data is refused with the exact file:line:column and key of its problem.
#include "fixtures/temp_dir.hpp"
#include "io/scenario_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace coron::io {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

const std::filesystem::path data_dir = CORON_TEST_DATA_DIR;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The message of the InputError thrown by loading `file` ("" when nothing is thrown).
std::string load_error(const std::filesystem::path& file) {
  try {
    (void)load_scenario(file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ScenarioLoader, WithoutDwellingColumnsTheDefaultsAreRecordedForReplicateZero) {
  fixtures::TempDir dir("default_columns");
  const std::filesystem::path file = dir.path() / "no_columns.yaml";
  std::ofstream(file) << "coron: 1\nname: no_columns\nseed: 1\nstart_year: 2018\nyears: 2\nreplicates: 3\n"
                      << "data: " << CORON_DATA_DIR << "\nstock:\n  generate: {seed: 1}\n"
                      << "energy:\n  electricity_primary_factor: {2018: 2.3}\noutput:\n  file: out.h5\n";
  const Scenario s = io::load_scenario(file);
  EXPECT_EQ(s.output.dwelling_columns, default_dwelling_columns());
  EXPECT_EQ(s.output.dwelling_replicates, 1);
  for (const std::string& name : default_dwelling_columns())
    EXPECT_NE(find_column(state_columns(), name), nullptr) << name;
}

TEST(ScenarioLoader, BaselineLoadsWithItsValues) {
  const std::filesystem::path file = std::filesystem::path(CORON_SOURCE_DIR) / "scenarios" / "baseline.yaml";
  const Scenario s = load_scenario(file);
  EXPECT_EQ(s.schema_version, 1);
  EXPECT_EQ(s.name, "baseline");
  EXPECT_THAT(s.description, HasSubstr("mining housing stock"));
  EXPECT_EQ(s.seed, 20180101U);
  EXPECT_EQ(s.start_year, 2018);
  EXPECT_EQ(s.years, 30);
  EXPECT_EQ(s.end_year(), 2047);
  EXPECT_EQ(s.replicates, 1);
  EXPECT_EQ(s.data_dir, (std::filesystem::path(CORON_SOURCE_DIR) / "data").lexically_normal());
  EXPECT_EQ(s.stock.kind, StockSource::Kind::generate);
  EXPECT_EQ(s.stock.seed, 2017U);
  ASSERT_THAT(s.electricity_primary_factor, SizeIs(2));
  EXPECT_EQ(s.electricity_primary_factor[0].from_year, 2018);
  EXPECT_EQ(s.electricity_primary_factor[0].value, 2.3);
  EXPECT_EQ(s.electricity_primary_factor[1].from_year, 2026);
  EXPECT_EQ(s.electricity_primary_factor[1].value, 1.9);
  EXPECT_EQ(s.electricity_primary_factor_in(2025), 2.3);
  EXPECT_EQ(s.electricity_primary_factor_in(2026), 1.9);
  EXPECT_EQ(s.output.file, std::filesystem::path("results/baseline.h5"))
      << "relative to the working directory";
  EXPECT_THAT(
      s.output.dwelling_columns,
      ElementsAre("heating_need_kwh", "final_energy_kwh", "primary_energy_kwh_m2", "ghg_kg_m2", "label",
                  "occupied", "rights_holder", "head_age", "household_size", "income_per_cu_eur",
                  "actual_final_energy_kwh", "energy_bill_eur", "rent_eur", "fuel_poor"));
  EXPECT_EQ(s.output.dwelling_replicates, 1);
  EXPECT_EQ(s.output.compression, 1);
  EXPECT_EQ(s.source_file, file);
  EXPECT_EQ(s.text, read_text(file));
}

TEST(ScenarioLoader, TheDemographySectionIsOptional) {
  const std::filesystem::path file = std::filesystem::path(CORON_SOURCE_DIR) / "scenarios" / "baseline.yaml";
  const Scenario plain = load_scenario(file);
  EXPECT_TRUE(plain.demography.enabled);
  EXPECT_FALSE(plain.demography.mortality_multiplier.has_value()) << "data/demography's value";
  const Scenario s =
      parse_scenario(read_text(file) + "demography:\n  enabled: false\n  mortality_multiplier: 1.4\n",
                     "with_demography.yaml", file.parent_path());
  EXPECT_FALSE(s.demography.enabled);
  EXPECT_EQ(s.demography.mortality_multiplier, 1.4);
}

TEST(ScenarioLoader, WithoutAThermalSectionTheModelIsMonthly) {
  const Scenario s = load_scenario(std::filesystem::path(CORON_SOURCE_DIR) / "scenarios" / "baseline.yaml");
  EXPECT_EQ(s.thermal.model, ThermalOptions::Model::monthly);
  EXPECT_TRUE(s.thermal.weather_file.empty());
  EXPECT_EQ(s.thermal.heating_set_point_c, 19.0);
  EXPECT_EQ(s.thermal.cooling_set_point_c, 28.0);
}

TEST(ScenarioLoader, TheHourlyModelReadsItsWeatherRelativeToTheScenarioAndItsSetPoints) {
  const std::filesystem::path file = std::filesystem::path(CORON_SOURCE_DIR) / "scenarios" / "baseline.yaml";
  const Scenario s =
      parse_scenario(read_text(file) +
                         "thermal:\n  model: hourly\n  weather: ../data/climate/lille-lesquin-typical.epw\n"
                         "  set_points: {heating_c: 20, cooling_c: 26}\n",
                     "hourly.yaml", file.parent_path());
  EXPECT_EQ(s.thermal.model, ThermalOptions::Model::hourly);
  EXPECT_EQ(s.thermal.weather_file,
            (std::filesystem::path(CORON_SOURCE_DIR) / "data" / "climate" / "lille-lesquin-typical.epw")
                .lexically_normal());
  EXPECT_EQ(s.thermal.heating_set_point_c, 20.0);
  EXPECT_EQ(s.thermal.cooling_set_point_c, 26.0);
  const Scenario monthly =
      parse_scenario(read_text(file) + "thermal:\n  model: monthly\n", "monthly.yaml", file.parent_path());
  EXPECT_EQ(monthly.thermal.model, ThermalOptions::Model::monthly) << "no weather needed";
}

TEST(ScenarioLoader, MinimalUsesDefaultsAndSortsSteps) {
  const Scenario s = load_scenario(data_dir / "good_minimal.yaml");
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.output.compression, 1);
  EXPECT_EQ(s.replicates, 2);
  ASSERT_THAT(s.electricity_primary_factor, SizeIs(2));
  EXPECT_EQ(s.electricity_primary_factor[0].from_year, 2019);
  EXPECT_EQ(s.electricity_primary_factor[1].from_year, 2026);
  EXPECT_EQ(s.stock.seed, 11U);
}

TEST(ScenarioLoader, StockFileIsResolvedAgainstScenarioFolder) {
  const fixtures::TempDir dir("scenario_loader");
  const std::filesystem::path& folder = dir.path();
  std::ofstream(folder / "stock.csv") << "dwelling_id\n";
  const Scenario s = parse_scenario(
      "coron: 1\nname: f\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 1\ndata: " CORON_DATA_DIR
      "\nstock: {file: stock.csv}\nenergy: {electricity_primary_factor: {2000: 2.58}}\n"
      "output: {file: out.h5, dwelling_columns: [], compression: 0}\n",
      "inline.yaml", folder);
  EXPECT_EQ(s.stock.kind, StockSource::Kind::file);
  EXPECT_EQ(s.stock.file, folder / "stock.csv");
  EXPECT_EQ(s.output.compression, 0);
  EXPECT_TRUE(s.output.dwelling_columns.empty());
  EXPECT_EQ(s.source_file, "inline.yaml");
  std::filesystem::remove_all(folder);
}

TEST(ScenarioLoader, DpeCertificatesAndTheirTableAreResolvedAgainstTheScenarioFolderInOrder) {
  const fixtures::TempDir dir("scenario_loader_dpe");
  const std::filesystem::path& folder = dir.path();
  std::filesystem::create_directory(folder / "certificates");
  std::ofstream(folder / "one.xml") << "<dpe/>\n";
  std::ofstream(folder / "cites.csv") << "key,cite\n";
  const Scenario s = parse_scenario(
      "coron: 1\nname: f\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 1\ndata: " CORON_DATA_DIR
      "\nstock: {dpe: [one.xml, ./certificates/], cites: cites.csv}\n"
      "energy: {electricity_primary_factor: {2000: 2.58}}\n"
      "output: {file: out.h5, dwelling_columns: []}\n",
      "inline.yaml", folder);
  EXPECT_EQ(s.stock.kind, StockSource::Kind::dpe);
  EXPECT_EQ(s.stock.dpe, (std::vector<std::filesystem::path>{folder / "one.xml",
                                                             (folder / "certificates/").lexically_normal()}));
  EXPECT_EQ(s.stock.dpe_cites, folder / "cites.csv");
}

TEST(ScenarioLoader, EveryMissingCertificateAndAFolderAsTheTableAreReportedTogether) {
  const fixtures::TempDir dir("scenario_loader_dpe_bad");
  const std::filesystem::path& folder = dir.path();
  try {
    (void)parse_scenario(
        "coron: 1\nname: f\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 1\ndata: " CORON_DATA_DIR
        "\nstock:\n  dpe: [a.xml, b.xml, 7]\n  cites: .\n"
        "energy: {electricity_primary_factor: {2000: 2.58}}\n"
        "output: {file: out.h5, dwelling_columns: []}\n",
        "inline.yaml", folder);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(),
                HasSubstr("inline.yaml:9:9: stock.dpe[0]: expected an existing file or folder, got 'a.xml'"));
    EXPECT_THAT(
        e.what(),
        HasSubstr("inline.yaml:9:16: stock.dpe[1]: expected an existing file or folder, got 'b.xml'"));
    EXPECT_THAT(e.what(),
                HasSubstr("inline.yaml:9:23: stock.dpe[2]: expected an existing file or folder, got '7'"));
    EXPECT_THAT(e.what(),
                HasSubstr("inline.yaml:10:10: stock.cites: expected a cités table (CSV), got the folder"));
    EXPECT_EQ(e.diagnostics().size(), 4U) << e.what();
  }
}

TEST(ScenarioLoader, APrimaryFactorMustBeAFiniteNumber) {
  // nan compares false with both bounds: the range check alone let it through.
  for (const char* factor :
       {"nan", ".nan", "-nan", "NAN", "inf", ".inf", "-.inf", "1e999", "5e-324", "1e-400", "+2", "2.3x"}) {
    try {
      (void)parse_scenario(
          std::string("coron: 1\nname: f\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 1\n"
                      "data: " CORON_DATA_DIR "\nstock: {generate: {seed: 1}}\n"
                      "energy: {electricity_primary_factor: {2018: ") +
              factor + "}}\noutput: {file: out.h5, dwelling_columns: []}\n",
          "inline.yaml", ".");
      ADD_FAILURE() << factor << " was accepted";
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr("electricity_primary_factor.2018: expected a number in 0.5..5, got '" +
                                      std::string(factor) + "'"));
    }
  }
}

TEST(ScenarioLoader, MissingScenarioFileIsNamed) {
  EXPECT_EQ(load_error(data_dir / "no_such_scenario.yaml"),
            (data_dir / "no_such_scenario.yaml").string() + ": cannot read: no such file");
}

/// One bad file and what its single message must contain.
struct BadCase {
  std::string file;
  std::string where;    ///< "bad_xxx.yaml:LINE:COL: key.path"
  std::string message;  ///< the rest, or a part of it
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadScenario : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadScenario, ReportsExactPositionAndKey) {
  const BadCase& c = GetParam();
  try {
    (void)load_scenario(data_dir / c.file);
    FAIL() << c.file << " was accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(c.where), HasSubstr(c.message)));
    EXPECT_EQ(e.diagnostics().size(), 1U) << "one problem per file:\n" << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryBadFile, BadScenario,
    ::testing::Values(
        BadCase{"bad_unknown_key.yaml",
                "bad_unknown_key.yaml:14:3: output.compresion: ", "unknown key; did you mean 'compression'?"},
        BadCase{"bad_wrong_type.yaml",
                "bad_wrong_type.yaml:5:8: years: ", "expected an integer in 1..100, got 'thirty'"},
        BadCase{"bad_out_of_range.yaml",
                "bad_out_of_range.yaml:6:13: replicates: ", "expected an integer in 1..1000, got '5000'"},
        BadCase{"bad_dwelling_replicates.yaml",
                "bad_dwelling_replicates.yaml:15:24: output.dwelling_replicates: ",
                "expected an integer in 0..1000000, got '-1'"},
        BadCase{"bad_missing_file.yaml", "bad_missing_file.yaml:9:9: stock.file: ",
                "expected an existing file or folder, got 'no_such_stock.csv'"},
        BadCase{"bad_missing_data.yaml", "bad_missing_data.yaml:7:7: data: ",
                "expected an existing file or folder, got '../no_such_data'"},
        BadCase{"bad_yaml_syntax.yaml",
                "bad_yaml_syntax.yaml:14:2: ", "YAML syntax error: end of map not found"},
        BadCase{"bad_schema_version.yaml",
                "bad_schema_version.yaml:1:8: coron: ", "expected schema version 1, got 2"},
        BadCase{"bad_missing_key.yaml",
                "bad_missing_key.yaml:1:1: seed: ", "missing required key (expected a non-negative integer)"},
        BadCase{"bad_both_stock_sources.yaml", "bad_both_stock_sources.yaml:10:9: stock.file: ",
                "expected exactly one of 'generate', 'file' or 'dpe', got several"},
        BadCase{"bad_dpe_missing_certificate.yaml", "bad_dpe_missing_certificate.yaml:9:32: stock.dpe[1]: ",
                "expected an existing file or folder, got 'dpe/no_such_certificate.xml'"},
        BadCase{"bad_dpe_empty.yaml", "bad_dpe_empty.yaml:9:8: stock.dpe: ",
                "expected a non-empty list of paths, got an empty list"},
        BadCase{"bad_dpe_cites_without_dpe.yaml", "bad_dpe_cites_without_dpe.yaml:10:10: stock.cites: ",
                "a cités table is read only with 'dpe'"},
        BadCase{"bad_factor_steps.yaml",
                "bad_factor_steps.yaml:11:32: energy.electricity_primary_factor.2020: ",
                "expected the first year to be at most start_year (2018), got 2020"},
        BadCase{"bad_factor_range.yaml",
                "bad_factor_range.yaml:11:49: energy.electricity_primary_factor.2030: ",
                "expected a number in 0.5..5, got '12'"},
        BadCase{"bad_unknown_column.yaml", "bad_unknown_column.yaml:14:40: output.dwelling_columns[1]: ",
                "unknown column 'primary_energy_kwh'; did you mean 'primary_energy_kwh_m2'?"},
        BadCase{"bad_output_extension.yaml", "bad_output_extension.yaml:13:9: output.file: ",
                "expected an HDF5 file name ending in .h5, got 'results/bad_output_extension.csv'"},
        BadCase{"bad_duplicate_key.yaml",
                "bad_duplicate_key.yaml:6:1: years: ", "duplicate key (first given on line 5)"},
        BadCase{"bad_second_document.yaml", "bad_second_document.yaml:15:1: ",
                "a second YAML document: a scenario or data file holds exactly one"},
        BadCase{"bad_utf16.yaml", "bad_utf16.yaml: ",
                "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"},
        BadCase{"bad_not_a_mapping.yaml", "bad_not_a_mapping.yaml:1:1: ", "expected a mapping, got a list"},
        BadCase{"bad_thermal_model.yaml", "bad_thermal_model.yaml:17:10: thermal.model: ",
                "expected one of 'monthly', 'hourly', got 'hourlyy'; did you mean 'hourly'?"},
        BadCase{"bad_thermal_no_weather.yaml",
                "bad_thermal_no_weather.yaml:17:3: thermal.weather: ", "missing required key"},
        BadCase{"bad_thermal_missing_weather.yaml",
                "bad_thermal_missing_weather.yaml:18:12: thermal.weather: ",
                "expected an existing file or folder, got 'no_such_year.epw'"},
        BadCase{"bad_thermal_set_points.yaml",
                "bad_thermal_set_points.yaml:19:42: thermal.set_points.cooling_c: ",
                "expected a cooling set-point at least the heating one (21), got 18"},
        BadCase{"bad_thermal_key.yaml",
                "bad_thermal_key.yaml:17:3: thermal.wether: ", "unknown key; did you mean 'weather'?"},
        BadCase{"bad_demography_key.yaml", "bad_demography_key.yaml:18:3: demography.mortality_multiplyer: ",
                "unknown key; did you mean 'mortality_multiplier'?"},
        BadCase{"bad_demography_value.yaml",
                "bad_demography_value.yaml:17:25: demography.mortality_multiplier: ",
                "expected a number in 0..10, got '13'"}));

TEST(ScenarioLoader, ANanAndASubnormalFactorAreBothReported) {
  const std::string text = load_error(data_dir / "bad_factor_not_finite.yaml");
  EXPECT_THAT(text, HasSubstr("bad_factor_not_finite.yaml:11:38: energy.electricity_primary_factor.2018: "
                              "expected a number in 0.5..5, got 'nan'"));
  EXPECT_THAT(text, HasSubstr("bad_factor_not_finite.yaml:11:49: energy.electricity_primary_factor.2026: "
                              "expected a number in 0.5..5, got '5e-324'"));
}

TEST(ScenarioLoader, TextNotInUtf8IsRefusedAtEachPlaceANulDoesNotStopTheList) {
  try {
    (void)load_scenario(data_dir / "bad_name_not_utf8.yaml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    ASSERT_THAT(e.diagnostics(), SizeIs(2)) << e.what();
    EXPECT_THAT(e.what(),
                HasSubstr("bad_name_not_utf8.yaml:2:10: byte 0xE9, not UTF-8 at byte 18 of the file"));
    EXPECT_THAT(e.what(), HasSubstr("bad_name_not_utf8.yaml:3:16: a NUL byte"));
  }
}

TEST(ScenarioLoader, AFifoOrAFolderNamedAsTheScenarioIsRefusedAtOnce) {
  EXPECT_EQ(load_error(data_dir), data_dir.string() + ": cannot read: is a folder, not a file");
  EXPECT_EQ(load_error("/dev/zero"), "/dev/zero: cannot read: is a device, not a file");
}

TEST(ScenarioLoader, SeveralErrorsAreAllReportedInFileOrder) {
  try {
    (void)load_scenario(data_dir / "bad_several_errors.yaml");
    FAIL() << "bad_several_errors.yaml was accepted";
  } catch (const InputError& e) {
    const std::string text = e.what();
    EXPECT_THAT(text,
                HasSubstr("bad_several_errors.yaml:3:7: seed: expected a non-negative integer, got '-5'"));
    EXPECT_THAT(
        text,
        HasSubstr("bad_several_errors.yaml:4:13: start_year: expected an integer in 2000..2100, got '1990'"));
    EXPECT_THAT(text, HasSubstr("bad_several_errors.yaml:9:13: stock.generate.seed: missing required key"));
    EXPECT_THAT(text,
                HasSubstr("bad_several_errors.yaml:9:14: stock.generate.sead: unknown key; did you mean "
                          "'seed'?"));
    EXPECT_THAT(text, HasSubstr("bad_several_errors.yaml:14:47: output.dwelling_columns[2]: duplicate column "
                                "'label'"));
    EXPECT_THAT(
        text,
        HasSubstr(
            "bad_several_errors.yaml:15:16: output.compression: expected an integer in 0..9, got '12'"));
    ASSERT_EQ(e.diagnostics().size(), 6U);
    for (std::size_t i = 1; i < e.diagnostics().size(); ++i)
      EXPECT_LE(e.diagnostics()[i - 1].line, e.diagnostics()[i].line) << "file order";
  }
}

}  // namespace
}  // namespace coron::io
