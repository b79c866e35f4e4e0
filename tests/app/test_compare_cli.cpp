// `coron compare` as a user meets it: hand-made files with known values (the
// figures below are worked out by hand from tests/app/compare_cases.hpp), real
// short runs, the CSV and JSON exports, and the refusals (exit code 2).
#include "app/cli_runner.hpp"
#include "app/compare_cases.hpp"
#include "io/results_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// The long CSV as {indicator|scenario|year|statistic -> value}; also checks the header.
std::map<std::string, double> parse_csv(const std::string& text) {
  std::map<std::string, double> values;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "indicator,unit,year,scenario,file,statistic,value");
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string s; std::getline(fields, s, ',');) f.push_back(s);
    if (f.size() != 7) {
      ADD_FAILURE() << "not 7 fields: " << line;
      continue;
    }
    values[f[0] + "|" + f[3] + "|" + f[2] + "|" + f[5]] = std::stod(f[6]);
  }
  return values;
}

/// Hand files base (reference), prog (paired) and alt (unpaired) in `dir`.
void write_cases(const std::filesystem::path& dir) {
  testing::write_hand_run(dir / "base.h5", testing::base_run());
  testing::write_hand_run(dir / "prog.h5", testing::programme_run());
  testing::write_hand_run(dir / "alt.h5", testing::unpaired_run());
}

struct Expected {
  const char* key;  ///< indicator|scenario|year|statistic
  double value;
};

// Each P10/P50/P90 is the type-7 quantile of three values v1 <= v2 <= v3:
// P10 = v1 + 0.2 (v2 - v1), P50 = v2, P90 = v2 + 0.8 (v3 - v2).
const Expected hand_figures_2020[] = {
    // prog, paired with base replicate by replicate.
    {"renovated|prog|2020|p10", 56},  // {60, 60, 55} -> 55 + 0.2 x 5
    {"renovated|prog|2020|p50", 60},
    {"renovated|prog|2020|p90", 60},
    {"works_started_cumulative|prog|2020|p10", 56},  // 60, 60, 55 started in all
    {"works_started|prog|2020|p10", 26},             // {30, 30, 25}
    {"works_cost|prog|2020|p10", 5.68},              // {6.0, 6.0, 5.6} MEUR
    {"works_cost|prog|2020|p50", 6.0},
    {"grants|prog|2020|p10", 2.8},                 // {3.0, 3.0, 2.75}
    {"loans|prog|2020|p10", 1.04},                 // {1.2, 1.2, 1.0}
    {"landlord|prog|2020|p90", 1.84},              // {1.8, 1.8, 1.85}
    {"relettable|prog|2020|p10", 96.2},            // {97, 96, 98}
    {"spend_by_funder/anah|prog|2020|p10", 1.72},  // {1.8, 1.8, 1.7}
    {"spend_by_funder/anah|prog|2020|p50", 1.8},
    {"spend_by_funder/region|prog|2020|p10", 0.52},  // {0.6, 0.6, 0.5}
    {"cost_per_dwelling|prog|2020|p50", 100000},     // {6e6/60, 6e6/60, 5.6e6/55 = 101818.18}
    {"cost_per_dwelling|prog|2020|p90", 100000 + 0.8 * (5.6e6 / 55 - 100000)},
    {"final_energy_saved|prog|2020|p10", 4.4},  // base - prog: {100-94, 102-95, 98-94} = {6, 7, 4}
    {"final_energy_saved|prog|2020|p50", 6},
    {"final_energy_saved|prog|2020|p90", 6.8},
    {"actual_energy_saved|prog|2020|p90", 3.8},                  // {90-86, 91-88, 89-86} = {4, 3, 3}
    {"actual_to_conventional_saving|prog|2020|p50", 400.0 / 6},  // {4/6, 3/7, 3/4} x 100
    {"actual_to_conventional_saving|prog|2020|p10", 300.0 / 7 + 0.2 * (400.0 / 6 - 300.0 / 7)},
    {"ghg_avoided|prog|2020|p10", 1.2},  // {20-18, 21-18.5, 19-18} = {2, 2.5, 1}
    {"ghg_avoided|prog|2020|p90", 2.4},
    // 6e6 EUR / 6000 MWh, 6e6 / 7000, 5.6e6 / 4000 = {1000, 857.14, 1400}
    {"cost_per_mwh_saved|prog|2020|p10", 6e6 / 7000 + 0.2 * (1000 - 6e6 / 7000)},
    {"cost_per_mwh_saved|prog|2020|p50", 1000},
    {"cost_per_mwh_saved|prog|2020|p90", 1320},
    // 6e6 EUR / 2000 t, 6e6 / 2500, 5.6e6 / 1000 = {3000, 2400, 5600}
    {"cost_per_tco2_avoided|prog|2020|p10", 2520},
    {"cost_per_tco2_avoided|prog|2020|p90", 5080},
    {"out_of_e_to_g|prog|2020|p10", 8.4},  // {70-60, 72-61, 68-60} = {10, 11, 8}
    {"out_of_e_to_g|prog|2020|p50", 10},
    {"fuel_poor_avoided|prog|2020|p10", 2.2},  // {40-37, 42-40, 38-35} = {3, 2, 3}
    {"label_E|prog|2020|p10", 25.2},           // {25, 27, 26}
    {"label_E|prog|2020|p90", 26.8},
    {"banned_from_letting|prog|2020|p10", 2.2},   // {3, 4, 2}
    {"households_in_banned|prog|2020|p90", 2.8},  // {2, 3, 1}
    // alt, unpaired (seed 9, one replicate): from base's medians 100 GWh, 20 kt, 90 GWh, E-G 70, 40.
    {"final_energy_saved|alt|2020|median_difference", 5},
    {"ghg_avoided|alt|2020|median_difference", 2},
    {"actual_to_conventional_saving|alt|2020|median_difference", 60},  // (90-87) / (100-95)
    {"cost_per_mwh_saved|alt|2020|median_difference", 800},            // 4e6 EUR / 5000 MWh
    {"cost_per_tco2_avoided|alt|2020|median_difference", 2000},        // 4e6 / 2000 t
    {"out_of_e_to_g|alt|2020|median_difference", 5},
    {"fuel_poor_avoided|alt|2020|median_difference", 1},
    {"cost_per_dwelling|alt|2020|p50", 100000},  // 4e6 / 40
    {"renovated|alt|2020|p90", 40},
    // base: levels are its quantiles; against itself every saving is 0.
    {"final_energy|base|2020|p10", 98.4},  // {100, 102, 98}
    {"final_energy|base|2020|p90", 101.6},
    {"final_energy_saved|base|2020|p50", 0},
};

TEST(CompareCli, HandFilesGiveTheHandComputedFiguresInCsv) {
  TempDir dir("compare_hand");
  write_cases(dir.path());
  const auto r = run_coron("compare base.h5 prog.h5 alt.h5 --years 2020 --csv out.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto csv = parse_csv(read_text(dir.path() / "out.csv"));
  for (const Expected& e : hand_figures_2020) {
    const auto it = csv.find(e.key);
    ASSERT_NE(it, csv.end()) << e.key;
    EXPECT_NEAR(it->second, e.value, 1e-9 * std::max(1.0, std::abs(e.value))) << e.key;
  }
  // What the files lack has no line: base has no works, alt no funders and no bans.
  for (const char* absent :
       {"renovated|base|2020|p50", "spend_by_funder/anah|alt|2020|p50", "banned_from_letting|alt|2020|p50",
        "cost_per_mwh_saved|base|2020|p50", "final_energy_saved|alt|2020|p50", "renovated|prog|2019|p50"})
    EXPECT_EQ(csv.count(absent), 0u) << absent;
}

TEST(CompareCli, TableShowsMedianAndIntervalPairingAndDashes) {
  TempDir dir("compare_table");
  write_cases(dir.path());
  const auto r = run_coron("compare base.h5 prog.h5 alt.h5 --years 2019,2020", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("reference (the first file): base (base.h5)"));
  EXPECT_THAT(r.output, HasSubstr("reference's value minus this file's"));
  EXPECT_THAT(r.output,
              HasSubstr("prog  prog.h5  2018-2020, 3 replicates, seed 5: paired with the reference"));
  EXPECT_THAT(r.output, HasSubstr("alt   alt.h5   2018-2020, 1 replicate, seed 9: unpaired"));
  const std::size_t block_2020 = r.output.find("\n2020 ");
  ASSERT_NE(block_2020, std::string::npos) << r.output;
  ASSERT_NE(r.output.find("\n2019 "), std::string::npos) << r.output;
  const std::string table = r.output.substr(block_2020);
  const auto line_of = [&](const std::string& label) {
    const std::size_t at = table.find(label);
    return at == std::string::npos ? std::string("(no line " + label + ")")
                                   : table.substr(at, table.find('\n', at) - at);
  };
  EXPECT_THAT(line_of("dwellings renovated so far"), ::testing::MatchesRegex(".*  - +60 \\[56-60\\] +40"));
  EXPECT_THAT(line_of("final energy saved, conventional"),
              ::testing::MatchesRegex(".* 0\\.0 +6\\.0 \\[4\\.4-6\\.8\\] +5\\.0"));
  EXPECT_THAT(line_of("funder anah"), ::testing::MatchesRegex(".*  - +1\\.8 \\[1\\.7-1\\.8\\] +-"));
}

TEST(CompareCli, JsonParsesAndHoldsTheSameFigures) {
  TempDir dir("compare_json");
  write_cases(dir.path());
  const auto r = run_coron("compare base.h5 prog.h5 alt.h5 --json out.json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // Default years: 2018 + 10 is not simulated, so the last year alone.
  const std::string check =
      "python3 -c 'import json,sys\n"
      "d = json.load(open(sys.argv[1]))\n"
      "assert d[\"format\"] == \"coron-compare\" and d[\"years\"] == [2020], d[\"years\"]\n"
      "assert [f[\"pairing\"] for f in d[\"files\"]] == [\"reference\", \"paired\", \"unpaired\"]\n"
      "row = {(i[\"id\"], i[\"year\"]): i[\"values\"] for i in d[\"indicators\"]}\n"
      "s = row[(\"final_energy_saved\", 2020)]\n"
      "assert abs(s[1][\"p10\"] - 4.4) < 1e-9 and s[1][\"p50\"] == 6 and s[1][\"replicates\"] == 3, s\n"
      "assert s[2] == {\"median_difference\": 5}, s\n"
      "assert row[(\"renovated\", 2020)][0] is None\n"
      "print(\"json ok\")' '" +
      (dir.path() / "out.json").string() + "' 2>&1";
  FILE* pipe = popen(check.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string said;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) said += buffer.data();
  EXPECT_EQ(pclose(pipe), 0) << said;
  EXPECT_THAT(said, HasSubstr("json ok"));
  // The table is still printed when the exports go to files.
  EXPECT_THAT(r.output, HasSubstr("dwellings renovated"));
}

TEST(CompareCli, CsvToStandardOutputReplacesTheTable) {
  TempDir dir("compare_stdout");
  write_cases(dir.path());
  const auto r = run_coron("compare base.h5 prog.h5 --csv -", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.rfind("indicator,unit,year,scenario,file,statistic,value\n", 0), 0u) << r.output;
  EXPECT_THAT(r.output, Not(HasSubstr("coron compare:")));
  EXPECT_EQ(run_coron("compare base.h5 prog.h5 --csv - --json -", dir.path()).exit_code, 2);
}

TEST(CompareCli, AnotherStockIsRefusedNamingBothFiles) {
  TempDir dir("compare_stock");
  write_cases(dir.path());
  testing::HandRun other = testing::programme_run();
  other.dwelling_ids = {1, 2, 4};
  testing::write_hand_run(dir.path() / "other.h5", other);
  const auto r = run_coron("compare base.h5 other.h5 --csv out.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("other.h5: /stock: was run on another stock than the reference base.h5"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.csv"));
}

TEST(CompareCli, AnotherSchemaVersionIsRefusedNamingBothFiles) {
  TempDir dir("compare_schema");
  write_cases(dir.path());
  testing::HandRun newer = testing::programme_run();
  newer.schema_version = 3;
  testing::write_hand_run(dir.path() / "newer.h5", newer);
  const auto r = run_coron("compare base.h5 newer.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("newer.h5: /meta schema_version: schema version 3 differs from 2 of the "
                                  "reference base.h5"));
}

TEST(CompareCli, MissingUnreadableAndOtherStockFilesAreAllReportedAtOnce) {
  TempDir dir("compare_bad");
  write_cases(dir.path());
  std::ofstream(dir.path() / "notes.h5") << "not HDF5\n";
  testing::HandRun other = testing::programme_run();
  other.dwelling_ids = {7};
  testing::write_hand_run(dir.path() / "other.h5", other);
  const auto r = run_coron("compare base.h5 gone.h5 notes.h5 other.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("gone.h5: no such file"));
  EXPECT_THAT(r.output, HasSubstr("notes.h5: cannot be read as a coron results file"));
  EXPECT_THAT(r.output, HasSubstr("other.h5: /stock: was run on another stock"));
  EXPECT_THAT(r.output, HasSubstr("3 problems found"));
  EXPECT_EQ(run_coron("compare gone.h5", dir.path()).exit_code, 2);
}

TEST(CompareCli, AYearTheReferenceDidNotSimulateIsBadInput) {
  TempDir dir("compare_year");
  write_cases(dir.path());
  const auto r = run_coron("compare base.h5 prog.h5 --years 2020,2031", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output,
              HasSubstr("base.h5: --years: 2031 is not a simulated year of the reference (2018-2020)"));
}

/// A short run of the generated mining stock (seed `stock_seed`), 2 replicates.
std::filesystem::path short_run(const std::filesystem::path& dir, const std::string& name, int stock_seed) {
  const std::filesystem::path file = dir / (name + ".yaml");
  std::ofstream out(file);
  out << "coron: 1\nname: " << name
      << "\nseed: 1\nstart_year: 2018\nyears: 3\nreplicates: 2\ndata: " << (source_dir / "data").string()
      << "\nstock:\n  generate: {seed: " << stock_seed
      << "}\nenergy:\n  electricity_primary_factor: {2018: 2.3, 2026: 1.9}\n"
      << "output:\n  file: " << name << ".h5\n  dwelling_columns: []\n";
  return file;
}

TEST(CompareCli, RealRunsComparePairedAndMatchTheWrittenQuantiles) {
  TempDir dir("compare_real");
  for (const auto& [name, stock_seed] : {std::pair{"first", 2017}, {"second", 2017}, {"elsewhere", 2018}}) {
    const auto run =
        run_coron("run -q '" + short_run(dir.path(), name, stock_seed).string() + "'", dir.path());
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  const auto r = run_coron("compare first.h5 second.h5 --csv out.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("second.h5  2018-2020, 2 replicates, seed 1: paired"));
  const auto csv = parse_csv(read_text(dir.path() / "out.csv"));
  // Same scenario, same seed: every paired difference is exactly 0.
  for (const char* statistic : {"p10", "p50", "p90"})
    EXPECT_EQ(csv.at(std::string("final_energy_saved|second|2020|") + statistic), 0.0);
  // Levels are the quantiles the run itself wrote to /aggregate/quantiles.
  const io::ResultsReader first(dir.path() / "first.h5");
  const std::vector<double> q = first.read_double("/aggregate/quantiles/fuel_poor");  // [3, Y]
  EXPECT_DOUBLE_EQ(csv.at("fuel_poor|first|2020|p10"), q[0 * 3 + 2]);
  EXPECT_DOUBLE_EQ(csv.at("fuel_poor|first|2020|p50"), q[1 * 3 + 2]);
  EXPECT_DOUBLE_EQ(csv.at("fuel_poor|first|2020|p90"), q[2 * 3 + 2]);
  const std::vector<double> labels = first.read_double("/aggregate/quantiles/label_count");  // [3, Y, 7]
  EXPECT_DOUBLE_EQ(csv.at("label_G|first|2020|p50"), labels[(1 * 3 + 2) * 7 + 6]);

  const auto refused = run_coron("compare first.h5 elsewhere.h5", dir.path());
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_THAT(refused.output,
              HasSubstr("elsewhere.h5: /stock: was run on another stock than the reference first.h5"));
}

}  // namespace
}  // namespace coron
