// A scenario whose stock is `dpe: [...]`: the run imports the certificates itself, exactly as
// `coron stock import-dpe` then `stock: {file: ...}` would (bit-identical results), reports
// the refused ones as notices, and refuses bad certificates or a bad table before writing.
#include "cli_runner.hpp"
#include "io/results_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace coron::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path test_data = CORON_TEST_DATA_DIR;
const std::filesystem::path data_dir = std::filesystem::path(CORON_SOURCE_DIR) / "data";

/// A one-year, two-replicate scenario `name`.yaml in `dir` on the stock source `stock`.
void write_scenario(const std::filesystem::path& dir, const std::string& name, const std::string& stock) {
  std::ofstream(dir / (name + ".yaml"))
      << "coron: 1\nname: " << name
      << "\nseed: 7\nstart_year: 2018\nyears: 2\nreplicates: 2\ndata: " << data_dir.string() << "\nstock:\n"
      << stock << "energy:\n  electricity_primary_factor: {2018: 2.3}\n"
      << "output:\n  file: " << name
      << ".h5\n  dwelling_columns: [heating_need_kwh, primary_energy_kwh_m2, label]\n";
}

void write_cites(const std::filesystem::path& dir) {
  std::ofstream(dir / "cites.csv")
      << "key,cite\n2260E1364581G,Cité des Oiseaux\n2187E0981996L,Cité des Oiseaux\n";
}

TEST(DpeScenarioCli, RunsTheCertificatesAsTheImportedStockFileWould) {
  const fixtures::TempDir dir("dpe_scenario");
  write_cites(dir.path());
  write_scenario(dir.path(), "direct",
                 "  dpe: ['" + (test_data / "dpe").string() + "']\n  cites: cites.csv\n");
  const auto direct = testing::run_coron("run direct.yaml", dir.path());
  ASSERT_EQ(direct.exit_code, 0) << direct.output;
  EXPECT_THAT(direct.output, HasSubstr("stock.dpe: imported 38 certificates"));
  EXPECT_THAT(direct.output, HasSubstr("refused 2"));
  EXPECT_THAT(direct.output,
              HasSubstr("2335E4490385O.xml:57: /dpe/logement/caracteristique_generale/"
                        "enum_methode_application_dpe_log_id: certificate refused: whole-building"));

  const auto imported = testing::run_coron(
      "stock import-dpe '" + (test_data / "dpe").string() + "' --cites cites.csv -o stock.csv", dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  write_scenario(dir.path(), "via_file", "  file: stock.csv\n");
  const auto via_file = testing::run_coron("run via_file.yaml", dir.path());
  ASSERT_EQ(via_file.exit_code, 0) << via_file.output;

  const io::ResultsReader a(dir.path() / "direct.h5");
  const io::ResultsReader b(dir.path() / "via_file.h5");
  EXPECT_EQ(a.shape("/dwelling/label"), (std::vector<std::size_t>{1, 2, 38}));
  std::size_t compared = 0;
  for (const std::string& dataset : a.datasets()) {
    if (dataset.rfind("/meta", 0) == 0) continue;  // the run's own provenance: its name, times, scenario
    ASSERT_TRUE(b.exists(dataset)) << dataset;
    if (a.type_name(dataset) == "string")
      EXPECT_EQ(a.read_strings(dataset), b.read_strings(dataset)) << dataset;
    else
      EXPECT_EQ(a.raw_bytes(dataset), b.raw_bytes(dataset)) << dataset;
    ++compared;
  }
  EXPECT_GT(compared, 20U);
  const std::vector<std::string> cites = a.read_strings("/cites/name");
  EXPECT_THAT(cites, ::testing::Contains("Cité des Oiseaux"));
}

TEST(DpeScenarioCli, MalformedCertificatesAndABadTableAreAllReportedAndNothingIsWritten) {
  const fixtures::TempDir dir("dpe_scenario_bad");
  std::ofstream(dir.path() / "cites.csv") << "number,cite\n2260E1364581G,Cité des Oiseaux\n";
  write_scenario(
      dir.path(), "bad",
      "  dpe: ['" + (test_data / "dpe_bad" / "malformed.xml").string() + "']\n  cites: cites.csv\n");
  const auto r = testing::run_coron("run bad.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("malformed.xml:7:"));
  EXPECT_THAT(r.output, HasSubstr("not well-formed XML"));
  EXPECT_THAT(r.output, HasSubstr("cites.csv:1:"));
  EXPECT_THAT(r.output, Not(HasSubstr("running")));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bad.h5"));
}

TEST(DpeScenarioCli, AFolderWithoutCertificatesIsBadInput) {
  const fixtures::TempDir dir("dpe_scenario_empty");
  std::filesystem::create_directory(dir.path() / "none");
  write_scenario(dir.path(), "empty", "  dpe: [none]\n");
  const auto r = testing::run_coron("run empty.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("stock.dpe: expected certificates (.xml files), found none"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "empty.h5"));
}

TEST(DpeScenarioCli, ACertificateCannotBeTheRunsOutput) {
  const fixtures::TempDir dir("dpe_scenario_output");
  std::filesystem::create_directory(dir.path() / "certs");
  std::filesystem::copy_file(test_data / "dpe" / "2260E1364581G.xml", dir.path() / "certs" / "a.xml");
  write_scenario(dir.path(), "over", "  dpe: [certs]\n");
  const auto r = testing::run_coron("run over.yaml -o certs/a.xml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("an input of this run"));
}

}  // namespace
}  // namespace coron::app
