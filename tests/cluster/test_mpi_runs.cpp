// The MPI build under mpirun against the ordinary build: `mpirun -n 1`, `-n 2` and `-n 4`
// (more ranks than this machine's cores: oversubscribed) write the datasets of the ordinary
// run, bit for bit; a sweep's points over ranks give its frontier; bad input is said once
// and every rank ends with exit code 2.
#include "app/cli_runner.hpp"
#include "fixtures/short_scenario.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using testing::run_coron;

/// `mpirun` with K ranks on this machine: as root too (CI), with more ranks than cores.
std::string mpirun(int ranks) {
  return fmt::format("'{}' --allow-run-as-root --oversubscribe -n {} '{}'", CORON_MPIEXEC, ranks,
                     CORON_BINARY);
}

/// The ordinary build's coron (not MPI) on `arguments`, in `dir`.
testing::CommandResult run_ordinary(const std::string& arguments, const std::filesystem::path& dir) {
  return run_coron(arguments, dir, {}, fmt::format("'{}'", CORON_SERIAL_BINARY));
}

/// The MPI build's coron over K ranks.
testing::CommandResult run_ranks(int ranks, const std::string& arguments, const std::filesystem::path& dir) {
  return run_coron(arguments, dir, {}, mpirun(ranks));
}

std::string quoted(const std::filesystem::path& p) { return fmt::format("'{}'", p.string()); }

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every dataset of `b` holds what `a`'s does, bit for bit (strings as strings), and they
/// hold the same datasets.
void expect_same_datasets(const std::filesystem::path& a, const std::filesystem::path& b,
                          std::size_t at_least) {
  const io::ResultsReader ra(a), rb(b);
  const std::vector<std::string> datasets = ra.datasets();
  EXPECT_EQ(rb.datasets(), datasets) << b;
  EXPECT_GE(datasets.size(), at_least);
  for (const std::string& dataset : datasets) {
    if (ra.type_name(dataset) == "string") {
      EXPECT_EQ(rb.read_strings(dataset), ra.read_strings(dataset)) << dataset << " in " << b;
      continue;
    }
    EXPECT_TRUE(rb.raw_bytes(dataset) == ra.raw_bytes(dataset)) << dataset << " differs in " << b;
  }
}

TEST(MpiRuns, OneTwoAndFourRanksWriteTheDatasetsOfTheOrdinaryRun) {
  ASSERT_TRUE(std::filesystem::exists(CORON_SERIAL_BINARY))
      << CORON_SERIAL_BINARY << ": build the ordinary preset first (make test does)";
  TempDir dir("mpi-run");
  // Works at vacancy, funded from shared envelopes, rental bans; five replicates, the first
  // three recording every dwelling and its works: ranks 1 to 3 send records of both kinds.
  std::filesystem::path scenario = fixtures::short_scenario(dir.path(), "at-vacancy", 6);
  std::string yaml = text_of(scenario);
  const std::string one = "dwelling_replicates: 1";
  ASSERT_NE(yaml.find(one), std::string::npos);
  yaml.replace(yaml.find(one), one.size(), "dwelling_replicates: 3");
  std::ofstream(scenario) << yaml;

  const auto ordinary =
      run_ordinary("run -q --replicates 5 " + quoted(scenario) + " -o ordinary.h5", dir.path());
  ASSERT_EQ(ordinary.exit_code, 0) << ordinary.output;
  for (const int ranks : {1, 2, 4}) {
    const std::string name = fmt::format("ranks{}.h5", ranks);
    const auto r = run_ranks(
        ranks, fmt::format("run --threads 1 --replicates 5 {} -o {}", quoted(scenario), name), dir.path());
    ASSERT_EQ(r.exit_code, 0) << ranks << " ranks\n" << r.output;
    if (ranks > 1) {
      EXPECT_THAT(r.output, HasSubstr(fmt::format("ran on {} ranks of 1 thread", ranks)));
      // Rank 0 alone speaks: one summary.
      const std::string summary = fmt::format("wrote {}", name);
      EXPECT_EQ(r.output.find(summary), r.output.rfind(summary)) << r.output;
    }
    expect_same_datasets(dir.path() / "ordinary.h5", dir.path() / name, 40);
    EXPECT_EQ(io::ResultsReader(dir.path() / name).int_attribute("/meta", "ranks"), ranks);
  }
  EXPECT_EQ(io::ResultsReader(dir.path() / "ordinary.h5").int_attribute("/meta", "ranks"), 1);
  // Nothing but the files: no partial left by any rank.
  EXPECT_EQ(testing::count_files(dir.path()), 5u);  // the scenario and four results
}

/// `scenario` with `from` replaced by `to` (which must be there).
void amend(const std::filesystem::path& scenario, const std::string& from, const std::string& to) {
  std::string yaml = text_of(scenario);
  const std::size_t at = yaml.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  yaml.replace(at, from.size(), to);
  std::ofstream(scenario) << yaml;
}

// Each scenario takes a path of the slices' exchanges: the operations' turns counted over
// the whole stock (mission-2017), the works capacity shared in stock order and the funders'
// envelopes (at-vacancy), a budget for the run shared between cités, ranked, then switched
// at its stage gate in 2023 (social-first amended). Three slices; then four of two threads
// each, which step their slices block by block.
TEST(MpiRuns, DwellingSlicesWriteTheDatasetsOfTheOrdinaryRun) {
  TempDir dir("mpi-slices");
  const std::filesystem::path cites = fixtures::short_scenario(dir.path(), "social-first", 6);
  amend(cites, "budget_eur_per_yr: {2018: 16100000, 2028: 0}",
        "budget_eur_total: 80500000\n    candidates: cites");
  for (const std::filesystem::path& scenario :
       {fixtures::short_scenario(dir.path(), "mission-2017", 6),
        fixtures::short_scenario(dir.path(), "at-vacancy", 4), cites}) {
    amend(scenario, "dwelling_replicates: 1", "dwelling_replicates: 2");
    const std::string name = scenario.stem().string();
    const auto ordinary =
        run_ordinary(fmt::format("run -q --replicates 2 {} -o {}.h5", quoted(scenario), name), dir.path());
    ASSERT_EQ(ordinary.exit_code, 0) << ordinary.output;
    std::vector<std::pair<int, int>> shapes{{3, 1}};  // ranks, threads
    if (scenario == cites) shapes.emplace_back(4, 2);
    for (const auto& [ranks, threads] : shapes) {
      const std::string sliced = fmt::format("{}-slices{}.h5", name, ranks);
      const auto r = run_ranks(
          ranks,
          fmt::format("run --slices --threads {} --replicates 2 {} -o {}", threads, quoted(scenario), sliced),
          dir.path());
      ASSERT_EQ(r.exit_code, 0) << name << ", " << ranks << " slices\n" << r.output;
      EXPECT_THAT(r.output, HasSubstr(fmt::format("ran on {} ranks of {} thread", ranks, threads)));
      EXPECT_THAT(r.output, HasSubstr("one dwelling slice each"));
      expect_same_datasets(dir.path() / (name + ".h5"), dir.path() / sliced, 40);
    }
  }
}

TEST(MpiRuns, SlicesRefuseAStockOutOfCiteOrderAndTheHourlyModelBeforeWritingAnything) {
  TempDir dir("mpi-slices-bad");
  ASSERT_EQ(run_ordinary("stock generate --seed 2017 -o stock.csv", dir.path()).exit_code, 0);
  // The first dwelling (of the first cité) moved to the end: the stock is no longer in cité order.
  {
    std::istringstream lines(text_of(dir.path() / "stock.csv"));
    std::string header, first, line, rest;
    while (std::getline(lines, line) && line.starts_with('#')) header += line + "\n";
    header += line;
    std::getline(lines, first);
    while (std::getline(lines, line)) rest += line + "\n";
    std::ofstream(dir.path() / "stock.csv") << header << "\n" << rest << first << "\n";
  }
  const std::filesystem::path scenario = fixtures::short_scenario(dir.path(), "baseline", 2);
  amend(scenario, "  generate: {seed: 2017}", "  file: stock.csv");
  amend(
      scenario, "\noutput:",
      fmt::format("\nthermal:\n  model: hourly\n  weather: {}\noutput:",
                  (std::filesystem::path(CORON_SOURCE_DIR) / "data" / "climate" / "lille-lesquin-typical.epw")
                      .string()));
  const auto r = run_ranks(2, "run --slices " + quoted(scenario) + " -o out.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("thermal.model: --slices: the hourly model"));
  EXPECT_THAT(r.output, HasSubstr("stock: --slices: the stock is not in cité order"));
  EXPECT_THAT(r.output, HasSubstr("2 problems found; nothing was written"));
  EXPECT_EQ(testing::count_files(dir.path()), 2u);  // the scenario and the stock only
}

TEST(MpiRuns, SweepPointsOverRanksGiveTheFrontierOfTheOrdinarySweep) {
  TempDir dir("mpi-sweep");
  const std::filesystem::path scenario = fixtures::short_scenario(dir.path(), "worst-first", 2);
  const std::string sweep = "sweep -q --replicates 2 --budget 4e6:12e6:4e6 " + quoted(scenario);
  const auto ordinary = run_ordinary(sweep + " -o ordinary.h5", dir.path());
  ASSERT_EQ(ordinary.exit_code, 0) << ordinary.output;
  // Three points over two ranks (rank 0 runs two) and over four (rank 3 runs none).
  for (const int ranks : {2, 4}) {
    const std::string name = fmt::format("ranks{}.h5", ranks);
    const auto r = run_ranks(ranks, fmt::format("{} -o {}", sweep, name), dir.path());
    ASSERT_EQ(r.exit_code, 0) << ranks << " ranks\n" << r.output;
    expect_same_datasets(dir.path() / "ordinary.h5", dir.path() / name, 12);
    EXPECT_EQ(text_of(dir.path() / fmt::format("ranks{}.csv", ranks)), text_of(dir.path() / "ordinary.csv"));
  }
}

TEST(MpiRuns, BadInputIsSaidOnceAndEveryRankEndsWithExitCode2) {
  TempDir dir("mpi-bad");
  const std::filesystem::path scenario = dir.path() / "bad.yaml";
  std::ofstream(scenario) << "name: bad\nstart_year: 2018\nyears: forty\n";
  const auto r = run_ranks(2, "run " + quoted(scenario) + " -o out.h5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  const std::string said = "problem";
  EXPECT_NE(r.output.find(said), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("nothing was written"), r.output.rfind("nothing was written")) << r.output;
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // the scenario only
}

}  // namespace
}  // namespace coron
