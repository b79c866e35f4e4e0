// The `coron` command as a user meets it: help, exit codes, bad input reported
// with file:line:column and nothing written, stock CSV round trip, and
// bit-identical datasets on 1, 2 and 4 threads.
#include "app/cli_runner.hpp"
#include "fixtures/partials.hpp"
#include "fixtures/short_scenario.hpp"
#include "io/results_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <sstream>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;
const std::filesystem::path test_data = CORON_TEST_DATA_DIR;
const std::filesystem::path baseline = source_dir / "scenarios" / "baseline.yaml";

const std::vector<std::string> dwelling_datasets = {"/dwelling/heating_need_kwh",
                                                    "/dwelling/final_energy_kwh",
                                                    "/dwelling/primary_energy_kwh_m2",
                                                    "/dwelling/ghg_kg_m2",
                                                    "/dwelling/label",
                                                    "/aggregate/label_count",
                                                    "/aggregate/final_energy_gwh",
                                                    "/aggregate/ghg_kt",
                                                    "/years",
                                                    "/stock/dwelling_id",
                                                    "/stock/floor_area_m2"};

std::string quoted(const std::filesystem::path& p) {
  std::string text(1, '\'');  // appended piecewise: g++ 12 warns falsely on "'" + string
  text.append(p.string()).push_back('\'');
  return text;
}

/// A copy of the baseline scenario with fewer years and its paths made absolute.
std::filesystem::path short_baseline(const std::filesystem::path& dir, int years, const std::string& stock) {
  const std::filesystem::path file = dir / "short.yaml";
  std::ofstream out(file);
  out << "coron: 1\nname: short-baseline\nseed: 1\nstart_year: 2018\nyears: " << years
      << "\nreplicates: 1\ndata: " << (source_dir / "data").string() << "\nstock:\n  " << stock
      << "\nenergy:\n  electricity_primary_factor: {2018: 2.3, 2026: 1.9}\n"
      << "output:\n  file: short.h5\n  dwelling_columns: [heating_need_kwh, final_energy_kwh, "
         "primary_energy_kwh_m2, ghg_kg_m2, label]\n";
  return file;
}

TEST(Cli, EveryCommandHasHelp) {
  TempDir dir("help");
  for (const char* args :
       {"--help", "run --help", "validate --help", "compare --help", "stock --help", "stock generate --help",
        "stock summary --help", "bestest --help", "validate-hourly --help", "export --help"}) {
    const auto r = run_coron(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr("Usage")) << args;
  }
}

TEST(Cli, UnknownCommandOrOptionIsBadInput) {
  TempDir dir("usage");
  EXPECT_EQ(run_coron("frobnicate", dir.path()).exit_code, 2);
  EXPECT_EQ(run_coron("run", dir.path()).exit_code, 2);
  EXPECT_EQ(run_coron("run " + quoted(baseline) + " --threads -3", dir.path()).exit_code, 2);
}

std::vector<std::filesystem::path> bad_files(const std::string& extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test_data)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bad_", 0) == 0 && entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// True when `output` holds "NAME:LINE:COLUMN: " or, for a file that cannot be
/// read at all, "NAME: ". (No std::regex: g++ 12 warns inside it under sanitizers.)
bool names_the_place(const std::string& output, const std::string& name) {
  auto digits = [&](std::size_t& at) {
    const std::size_t start = at;
    while (at < output.size() && std::isdigit(static_cast<unsigned char>(output[at])) != 0) ++at;
    return at > start;
  };
  for (std::size_t at = output.find(name); at != std::string::npos; at = output.find(name, at + 1)) {
    std::size_t i = at + name.size();
    if (output.compare(i, 2, ": ") == 0) return true;
    if (i < output.size() && output[i] == ':' && digits(++i) && i < output.size() && output[i] == ':' &&
        digits(++i) && output.compare(i, 2, ": ") == 0)
      return true;
  }
  return false;
}

TEST(Cli, EveryBadScenarioExitsWithTwoNamesThePlaceAndWritesNothing) {
  const auto files = bad_files(".yaml");
  ASSERT_GE(files.size(), 10u);
  for (const auto& file : files) {
    for (const char* command : {"run", "validate"}) {
      TempDir dir("bad_scenario");
      const auto r = run_coron(std::string(command) + " " + quoted(file), dir.path());
      EXPECT_EQ(r.exit_code, 2) << command << " " << file << "\n" << r.output;
      EXPECT_TRUE(names_the_place(r.output, file.filename().string())) << file << "\n" << r.output;
      EXPECT_THAT(r.output, HasSubstr("nothing was written")) << file;
      EXPECT_EQ(testing::count_files(dir.path()), 0u) << file;
    }
  }
}

TEST(Cli, EveryBadStockCsvExitsWithTwoAndNamesLineAndColumn) {
  const auto files = bad_files(".csv");
  ASSERT_GE(files.size(), 5u);
  for (const auto& file : files) {
    TempDir dir("bad_stock");
    const auto scenario = short_baseline(dir.path(), 2, "file: " + file.string());
    const auto r = run_coron("run " + quoted(scenario), dir.path());
    EXPECT_EQ(r.exit_code, 2) << file << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(file.filename().string() + ":")) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "short.h5"));
    EXPECT_TRUE(fixtures::partials_of(dir.path() / "short.h5").empty());
  }
}

TEST(Cli, AnUnwritableOutputIsBadInputFoundBeforeTheRun) {
  TempDir dir("unwritable");
  std::ofstream(dir.path() / "plain_file") << "not a folder\n";
  const auto r = run_coron("run " + quoted(baseline) + " -o plain_file/out.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("plain_file/out.h5: output.file: cannot write here"));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("running")));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // only plain_file
}

TEST(Cli, StockGenerateOntoAFolderIsBadInputAndLeavesNoPartial) {
  TempDir dir("stock_onto_folder");
  std::filesystem::create_directory(dir.path() / "stock.csv");
  const auto r = run_coron("stock generate -o stock.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("stock.csv: cannot write here: it is a folder"));
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "stock.csv"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "stock.csv").empty());
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

TEST(Cli, StockGenerateUnderAPlainFileIsBadInputAndLeavesNoPartial) {
  TempDir dir("stock_under_file");
  std::ofstream(dir.path() / "somefile") << "not a folder\n";
  const auto r = run_coron("stock generate -o somefile/x.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("somefile/x.csv: cannot write here"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "somefile/x.csv").empty());
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // only somefile
}

TEST(Cli, RunOntoAFolderIsBadInputFoundBeforeTheRun) {
  TempDir dir("run_onto_folder");
  std::filesystem::create_directory(dir.path() / "out.h5");
  const auto r = run_coron("run " + quoted(baseline) + " -o out.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("out.h5: output.file: cannot write here: it is a folder"));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("running")));
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

TEST(Cli, ValidateAcceptsTheBaseline) {
  TempDir dir("validate");
  const auto r = run_coron("validate " + quoted(baseline), dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("70000 dwellings in 543 cités"));
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

std::vector<std::byte> bytes_of(const std::filesystem::path& file, const std::string& dataset) {
  return io::ResultsReader(file).raw_bytes(dataset);
}

/// Every dataset of a results file but the run's own record (/meta).
std::vector<std::string> all_datasets(const std::filesystem::path& file) {
  return io::ResultsReader(file).datasets();
}

/// The shipped at-vacancy scenario, shortened to `years` and written into `dir`: works,
/// funding and rental bans in the run, at a test's cost.
std::filesystem::path short_at_vacancy(const std::filesystem::path& dir, int years) {
  return fixtures::short_scenario(dir, "at-vacancy", years);
}

TEST(Cli, EveryShippedScenarioValidates) {
  TempDir dir("validate-all");
  std::size_t scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    ++scenarios;
    const auto r = run_coron("validate " + quoted(entry.path()), dir.path());
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(": ok (70000 dwellings")) << entry.path();
    EXPECT_THAT(r.output, HasSubstr("  results file: at most ")) << entry.path();
    EXPECT_THAT(r.output, HasSubstr(" uncompressed; memory: about ")) << entry.path();
  }
  EXPECT_GE(scenarios, 8u);  // baseline, the 2017 programme, at vacancy, heritage, four allocations
  EXPECT_EQ(testing::count_files(dir.path()), 0u);
}

TEST(Cli, AnUnknownCiteOfAnOperationIsReportedAtItsLine) {
  TempDir dir("unknown-cite");
  const std::filesystem::path scenario = short_at_vacancy(dir.path(), 3);
  std::ifstream in(scenario);
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  // An operation on two cités, the second misspelt.
  const std::string anchor = "  at_vacancy: {from_label: E}\n";
  ASSERT_NE(yaml.find(anchor), std::string::npos);
  yaml.replace(yaml.find(anchor), anchor.size(),
               anchor + "  operations:\n    - {cites: [Cité Foch, Cité Fosh], start: 2018, years: 2}\n");
  std::ofstream(scenario) << yaml;
  std::size_t line = 1;
  for (std::size_t i = 0; i < yaml.find("Cité Fosh"); ++i) line += yaml[i] == '\n' ? 1 : 0;
  const auto r = run_coron("validate " + quoted(scenario), dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr(":" + std::to_string(line) + ":"));
  EXPECT_THAT(r.output, HasSubstr("renovation.operations[0].cites: no cité \"Cité Fosh\" in the stock"));
  EXPECT_THAT(r.output, HasSubstr("did you mean \"Cité Foch\""));
}

TEST(Cli, OneTwoAndFourThreadsAndSerialStepsWriteIdenticalDatasets) {
  TempDir dir("threads");
  TempDir scenario_dir("threads-scenario");
  const std::filesystem::path scenario = short_at_vacancy(scenario_dir.path(), 8);
  // Four replicates: each streamed to the file as it ends; houses renovated as they fall
  // vacant, funded from shared envelopes, rental bans from 2025; enough replicates for the
  // run to share its reach sets between them (engine/reach_cache.hpp).
  for (const char* variant : {"--threads 1", "--threads 2", "--threads 4", "--serial"}) {
    const std::string name =
        std::string("t") + std::to_string(std::hash<std::string>{}(variant) % 1000) + ".h5";
    const auto r =
        run_coron("run -q --replicates 4 " + quoted(scenario) + " " + variant + " -o " + name, dir.path());
    ASSERT_EQ(r.exit_code, 0) << variant << "\n" << r.output;
  }
  std::vector<std::filesystem::path> outputs;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) outputs.push_back(entry.path());
  ASSERT_EQ(outputs.size(), 4u);
  const std::vector<std::string> datasets = all_datasets(outputs[0]);
  EXPECT_GT(datasets.size(), 40u);
  for (const std::string& dataset : datasets) {
    if (io::ResultsReader(outputs[0]).type_name(dataset) == "string") continue;
    const auto first = bytes_of(outputs[0], dataset);
    EXPECT_FALSE(first.empty()) << dataset;
    for (std::size_t i = 1; i < outputs.size(); ++i)
      EXPECT_TRUE(bytes_of(outputs[i], dataset) == first) << dataset << " differs in " << outputs[i];
  }
}

TEST(Cli, StockCsvRoundTripGivesIdenticalResults) {
  TempDir dir("roundtrip");
  const auto generated = run_coron("stock generate --seed 2017 -o stock.csv", dir.path());
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  const auto summary = run_coron("stock summary --file stock.csv", dir.path());
  ASSERT_EQ(summary.exit_code, 0) << summary.output;
  EXPECT_THAT(summary.output, HasSubstr("70000"));

  const auto from_generator = short_baseline(dir.path(), 3, "generate: {seed: 2017}");
  ASSERT_EQ(run_coron("run -q " + quoted(from_generator) + " -o a.h5", dir.path()).exit_code, 0);
  std::filesystem::rename(from_generator, dir.path() / "a.yaml");
  const auto from_csv = short_baseline(dir.path(), 3, "file: " + (dir.path() / "stock.csv").string());
  const auto r = run_coron("run -q " + quoted(from_csv) + " -o b.h5", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const std::string& dataset : dwelling_datasets)
    EXPECT_TRUE(bytes_of(dir.path() / "a.h5", dataset) == bytes_of(dir.path() / "b.h5", dataset)) << dataset;
}

TEST(Cli, RunWritesTheResultAndASummary) {
  TempDir dir("run");
  const auto scenario = short_baseline(dir.path(), 10, "generate: {seed: 2017}");
  const auto r = run_coron("run " + quoted(scenario), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "short.h5"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "short.h5").empty());
  EXPECT_THAT(r.output, HasSubstr("2018"));
  EXPECT_THAT(r.output, HasSubstr("2023"));
  EXPECT_THAT(r.output, HasSubstr("final GWh"));
}

}  // namespace
}  // namespace coron

namespace coron {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// The text between "<!-- coron columns WHICH -->" and the next "<!-- end -->".
std::string doc_section(const std::string& doc, const std::string& which) {
  const std::string open = std::string("<!-- coron columns ").append(which).append(" -->\n");
  const std::size_t begin = doc.find(open);
  if (begin == std::string::npos) return "(no section " + which + ")";
  const std::size_t end = doc.find("<!-- end -->", begin);
  return doc.substr(begin + open.size(), end - begin - open.size());
}

TEST(Docs, SchemaTablesAreTheRegistryAsCoronColumnsPrintsIt) {
  TempDir dir("columns");
  const std::string doc = read_text(source_dir / "docs" / "hdf5-schema.md");
  for (const char* which : {"stock", "state"}) {
    const auto r = run_coron(std::string("columns ").append(which), dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::size_t table = r.output.find("| column");
    ASSERT_NE(table, std::string::npos) << r.output;
    EXPECT_EQ(doc_section(doc, which), r.output.substr(table))
        << "docs/hdf5-schema.md is out of date: paste the output of `coron columns " << which << "`";
  }
}

TEST(Docs, StockCsvPageDescribesEveryColumn) {
  TempDir dir("csv_doc");
  const std::string doc = read_text(source_dir / "docs" / "stock-csv.md");
  const auto r = run_coron("stock generate --seed 1 -o stock.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream in(dir.path() / "stock.csv");
  std::string format_line;
  std::string header;
  std::getline(in, format_line);
  std::getline(in, header);
  std::stringstream names(header);
  std::string name;
  std::size_t count = 0;
  while (std::getline(names, name, ',')) {
    ++count;
    EXPECT_THAT(doc, HasSubstr(std::string("| `").append(name).append("` |"))) << name;
  }
  EXPECT_GT(count, 40u);
  EXPECT_THAT(doc, HasSubstr(format_line)) << "the format table names the current first line";
}

}  // namespace
}  // namespace coron
