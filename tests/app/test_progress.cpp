// Progress of long commands: the rate, the time left and the two forms (a bar on a terminal,
// plain lines in a log) against hand values; a run with replicates prints a line per tenth
// when asked for lines, and nothing with -q; so does an import of DPE certificates.
#include "app/cli_runner.hpp"
#include "app/progress.hpp"
#include "fixtures/temp_dir.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace coron {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Progress, RateAndTimeLeftAreTheWorkSoFarOverItsTime) {
  // 45 of 100 replicates in 14 s: 45/14 = 3.214.../s; 55 left at that rate = 55 x 14/45 = 17.1 s.
  const app::ProgressPoint p{45.0, 100.0, 14.0};
  EXPECT_DOUBLE_EQ(p.rate(), 45.0 / 14.0);
  EXPECT_DOUBLE_EQ(p.seconds_left(), 55.0 * 14.0 / 45.0);
  EXPECT_LT((app::ProgressPoint{0.0, 100.0, 3.0}).seconds_left(), 0.0) << "nothing done: unknown";
  EXPECT_EQ((app::ProgressPoint{100.0, 100.0, 3.0}).seconds_left(), 0.0);
}

TEST(Progress, DurationsReadAtAGlance) {
  EXPECT_EQ(app::format_duration(0.4), "0 s");
  EXPECT_EQ(app::format_duration(17.1), "17 s");
  EXPECT_EQ(app::format_duration(65.0), "1 min 05 s");
  EXPECT_EQ(app::format_duration(3599.4), "59 min 59 s");
  EXPECT_EQ(app::format_duration(7380.0), "2 h 03 min");
}

TEST(Progress, TheBarAndTheLineSayTheSame) {
  const app::ProgressPoint p{45.0, 100.0, 14.0};
  // 45 % of 24 characters: 10.8, so 10 filled.
  EXPECT_EQ(app::format_progress_bar("running x", "replicates", p),
            "running x [##########..............] 45/100 replicates, 3.2/s, 17 s left");
  EXPECT_EQ(app::format_progress_line("running x", "replicates", p),
            "running x: 45/100 replicates (45 %), 3.2/s, 17 s left");
  // A sweep's third point halfway after 50 s: 2.5 of 4 points counts 2 whole ones, 62 %;
  // 2.5/50 = 0.05 point/s, so the 1.5 left take 30 s.
  EXPECT_EQ(app::format_progress_line("sweeping y", "points", {2.5, 4.0, 50.0}),
            "sweeping y: 2/4 points (62 %), 0.05/s, 30 s left");
  EXPECT_EQ(app::format_progress_bar("z", "points", {0.0, 4.0, 1.0}),
            "z [........................] 0/4 points, -/s, time left unknown");
}

TEST(Progress, ARunWithReplicatesPrintsALinePerTenthAndNothingWithQuiet) {
  fixtures::TempDir dir("progress");
  const std::filesystem::path scenario = dir.path() / "p.yaml";
  std::ofstream(scenario) << "coron: 1\nname: progress\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 4\n"
                          << "data: " << (std::filesystem::path(CORON_SOURCE_DIR) / "data").string()
                          << "\nstock:\n  generate: {seed: 2017}\n"
                          << "energy:\n  electricity_primary_factor: {2018: 2.3}\noutput:\n  file: p.h5\n";
  const auto r = testing::run_coron("run --threads 1 p.yaml", dir.path(), "CORON_PROGRESS=lines");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* line :
       {"running progress: 1/4 replicates (25 %)", "running progress: 2/4 replicates (50 %)",
        "running progress: 3/4 replicates (75 %)", "running progress: 4/4 replicates (100 %)"})
    EXPECT_THAT(r.output, HasSubstr(line));
  const auto quiet =
      testing::run_coron("run -q --threads 1 p.yaml -o q.h5", dir.path(), "CORON_PROGRESS=lines");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_THAT(quiet.output, Not(HasSubstr("replicates")));
}

TEST(Progress, ImportDpePrintsALinePerTenthAndNothingWithQuiet) {
  const fixtures::TempDir dir("progress_dpe");
  const std::filesystem::path certificates = std::filesystem::path(CORON_TEST_DATA_DIR) / "dpe";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(certificates))
    files += entry.path().extension() == ".xml" ? 1U : 0U;
  ASSERT_GE(files, 10U);  // so that each tenth is at least one file
  const std::string command = "stock import-dpe '" + certificates.string() + "' -o s.csv";
  const auto r = testing::run_coron(command, dir.path(), "CORON_PROGRESS=lines");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output,
              HasSubstr(fmt::format("importing certificates: {0}/{0} certificates (100 %)", files)));
  std::size_t lines = 0;
  for (std::size_t at = r.output.find("importing certificates: "); at != std::string::npos;
       at = r.output.find("importing certificates: ", at + 1))
    ++lines;
  EXPECT_EQ(lines, 10U) << r.output;
  const auto quiet = testing::run_coron(command + " -q", dir.path(), "CORON_PROGRESS=lines");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_THAT(quiet.output, Not(HasSubstr("importing certificates")));
  EXPECT_THAT(quiet.output, HasSubstr("wrote s.csv"));
}

}  // namespace
}  // namespace coron
