// Write failures at every point of a real run, by fault injection: the preloaded shim
// (tests/fault/write_fault_shim.cpp) makes the N-th low-level call on an output file fail
// (open, write, close, rename). A small run's calls are counted once, then the run is repeated
// with the failure at each N of a sample that always holds the first and last calls and those
// around every close and rename. Whatever N, the command must exit 1 naming its output, leave
// no partial file, and leave the previous result byte for byte.
#include "app/cli_runner.hpp"
#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace coron {
namespace {

using ::testing::HasSubstr;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The environment that fails call `n` with `error`; n = 0 fails none.
std::string fault_at(long n, const std::string& error = "ENOSPC", const std::string& log = {}) {
  std::string env = "LD_PRELOAD='" + std::string(CORON_WRITE_FAULT_SHIM) +
                    "' CORON_WRITE_FAULT_AT=" + std::to_string(n) + " CORON_WRITE_FAULT_ERRNO=" + error;
  if (!log.empty()) env += " CORON_WRITE_FAULT_LOG='" + log + "'";
  return env;
}

/// The calls the shim counted, in order: "open", "pwrite", "close", "rename", ...
std::vector<std::string> counted_calls(const std::filesystem::path& log) {
  std::vector<std::string> calls;
  std::ifstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    long n = 0;
    std::string call;
    fields >> n >> call;
    calls.push_back(call);
  }
  return calls;
}

/// The N (1-based) to try: every one of a short list; of a long one, the first and last
/// eight, two either side of every open, close and rename, and an even spread up to `most`.
std::vector<long> sample(const std::vector<std::string>& calls, std::size_t most) {
  const long count = static_cast<long>(calls.size());
  std::set<long> picked;
  const auto add = [&](long n) {
    if (n >= 1 && n <= count) picked.insert(n);
  };
  if (calls.size() <= most) {
    for (long n = 1; n <= count; ++n) add(n);
    return {picked.begin(), picked.end()};
  }
  for (long n = 1; n <= 8; ++n) {
    add(n);
    add(count + 1 - n);
  }
  for (long n = 1; n <= count; ++n) {
    const std::string& call = calls[static_cast<std::size_t>(n - 1)];
    if (call == "open" || call == "fopen" || call == "close" || call == "fclose" || call == "rename")
      for (long d = -2; d <= 2; ++d) add(n + d);
  }
  const long left = static_cast<long>(most) - static_cast<long>(picked.size());
  for (long i = 1; i <= left; ++i) add(i * count / (left + 1));
  return {picked.begin(), picked.end()};
}

/// One replicate of two years on every 400th dwelling of the generated stock: a run of a
/// few hundred write calls that still writes every group of the results file.
class WriteFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::filesystem::create_directories(stock_dir());
    ASSERT_EQ(run_coron("stock generate --seed 2017 -o full.csv", stock_dir()).exit_code, 0);
    std::ifstream from(stock_dir() / "full.csv");
    std::ofstream to(stock_dir() / "sample.csv");
    std::string line;
    std::size_t row = 0;
    while (std::getline(from, line)) {
      const bool header = line.starts_with('#') || line.starts_with("dwelling_id");
      if (header || row++ % 400 == 0) to << line << '\n';
    }
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(stock_dir()); }
  static std::filesystem::path stock_dir() { return fixtures::unique_temp_path("write_faults_stock"); }

  WriteFaults() {
    std::ofstream(scenario_) << "coron: 1\nname: faults\nseed: 1\nstart_year: 2018\nyears: 2\nreplicates: 1\n"
                             << "data: " << (source_dir / "data").string()
                             << "\nstock:\n  file: " << (stock_dir() / "sample.csv").string()
                             << "\nenergy:\n  electricity_primary_factor: {2018: 2.3}\n"
                             << "output:\n  file: out.h5\n";
  }

  /// Runs once without a fault, keeping its file as the previous result; returns the calls.
  std::vector<std::string> count_run_calls() {
    const auto r = run_coron(run_args(), dir_.path(), fault_at(0, "ENOSPC", log_.string()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    previous_ = read_bytes(output_);
    return counted_calls(log_);
  }

  /// The run with call `n` failing with `error` fails cleanly.
  void expect_clean_failure(long n, const std::string& error, const std::string& call) {
    SCOPED_TRACE("call " + std::to_string(n) + " (" + call + ") failing with " + error);
    // Put back, so that one N's failure does not show again at the next.
    std::ofstream(output_, std::ios::binary) << previous_;
    const auto r = run_coron(run_args(), dir_.path(), fault_at(n, error));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_THAT(r.output, HasSubstr("out.h5"));
    EXPECT_TRUE(fixtures::partials_of(output_).empty());
    EXPECT_TRUE(read_bytes(output_) == previous_) << "the previous result changed";
  }

  std::string run_args() const { return "run -q " + scenario_.string() + " -o out.h5"; }

  fixtures::TempDir dir_{"write_faults"};
  std::filesystem::path scenario_ = dir_.path() / "faults.yaml";
  std::filesystem::path output_ = dir_.path() / "out.h5";
  std::filesystem::path log_ = dir_.path() / "calls.log";
  std::string previous_;
};

TEST_F(WriteFaults, ADiskFullAtAnyCallOfARunFailsCleanly) {
  const std::vector<std::string> calls = count_run_calls();
  // The run opens, writes, closes and renames its output at least once each.
  ASSERT_GT(calls.size(), 10u);
  EXPECT_EQ(calls.back(), "rename");
  EXPECT_NE(std::find(calls.begin(), calls.end(), "close"), calls.end());
  for (const long n : sample(calls, 40))
    expect_clean_failure(n, "ENOSPC", calls[static_cast<std::size_t>(n - 1)]);
}

TEST_F(WriteFaults, AnIoErrorMidWriteOrAtCloseFailsCleanly) {
  const std::vector<std::string> calls = count_run_calls();
  ASSERT_GT(calls.size(), 10u);
  const long close =
      static_cast<long>(std::find(calls.rbegin(), calls.rend(), "close").base() - calls.begin());
  ASSERT_GT(close, 0);
  expect_clean_failure(static_cast<long>(calls.size()) / 2, "EIO", calls[calls.size() / 2 - 1]);
  expect_clean_failure(close, "EIO", "close");
}

TEST_F(WriteFaults, AFailedRenameKeepsThePreviousResult) {
  const std::vector<std::string> calls = count_run_calls();
  ASSERT_FALSE(calls.empty());
  ASSERT_EQ(calls.back(), "rename");
  const long rename = static_cast<long>(calls.size());
  expect_clean_failure(rename, "EXDEV", "rename");
  expect_clean_failure(rename, "EACCES", "rename");
}

TEST_F(WriteFaults, ADiskFullOnTheFirstOpenIsAFailureNotBadInput) {
  (void)count_run_calls();
  expect_clean_failure(1, "ENOSPC", "open");
}

TEST(StockGenerateFaults, AFailureAtEachKindOfCallFailsCleanly) {
  // The writability check opens and closes the partial; then the CSV is written through a
  // C++ stream: fopen, a few large writev, fclose, rename. A previous stock of another seed
  // must keep its bytes whatever fails.
  fixtures::TempDir dir("stock_generate_faults");
  const std::filesystem::path log = dir.path() / "calls.log";
  ASSERT_EQ(run_coron("stock generate --seed 3 -o stock.csv", dir.path(), fault_at(0, "ENOSPC", log.string()))
                .exit_code,
            0);
  const std::vector<std::string> calls = counted_calls(log);
  ASSERT_GE(calls.size(), 6u);
  EXPECT_EQ(calls.front(), "open");
  EXPECT_EQ(calls.back(), "rename");
  const std::string previous = read_bytes(dir.path() / "stock.csv");
  const long count = static_cast<long>(calls.size());
  for (const long n : {1L, 2L, 3L, 4L, count / 2, count - 2, count - 1, count}) {
    const std::string& call = calls[static_cast<std::size_t>(n - 1)];
    SCOPED_TRACE("call " + std::to_string(n) + " (" + call + ")");
    std::ofstream(dir.path() / "stock.csv", std::ios::binary) << previous;
    const auto r = run_coron("stock generate --seed 4 -o stock.csv", dir.path(), fault_at(n));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_THAT(r.output, HasSubstr("stock.csv"));
    EXPECT_TRUE(fixtures::partials_of(dir.path() / "stock.csv").empty());
    EXPECT_TRUE(read_bytes(dir.path() / "stock.csv") == previous) << "the previous stock changed";
  }
}

/// Every file of `dir`, by name, with its bytes.
std::map<std::string, std::string> folder_bytes(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files[entry.path().filename().string()] = read_bytes(entry.path());
  return files;
}

TEST_F(WriteFaults, ExportFailsCleanlyAtEveryCallAndLeavesEachTableWhole) {
  // Two results: the tables of the first are in the folder, the export of the second fails.
  // Before the first rename nothing of the folder changes; after it, the tables already renamed
  // are the second's, whole, and the others the first's.
  (void)count_run_calls();
  std::filesystem::rename(output_, dir_.path() / "first.h5");
  const std::string second_scenario = read_bytes(scenario_);
  std::ofstream(scenario_)
      << std::string(second_scenario).replace(second_scenario.find("seed: 1"), 7, "seed: 2");
  ASSERT_EQ(run_coron(run_args(), dir_.path()).exit_code, 0);
  ASSERT_EQ(run_coron("export first.h5 --to csv tables -q", dir_.path()).exit_code, 0);
  const std::filesystem::path log = dir_.path() / "export.log";
  ASSERT_EQ(run_coron("export out.h5 --to csv fresh -q", dir_.path(), fault_at(0, "ENOSPC", log.string()))
                .exit_code,
            0);
  const std::map<std::string, std::string> first = folder_bytes(dir_.path() / "tables");
  const std::map<std::string, std::string> second = folder_bytes(dir_.path() / "fresh");
  ASSERT_EQ(first.size(), second.size());
  const std::vector<std::string> calls = counted_calls(log);
  const long first_rename =
      static_cast<long>(std::find(calls.begin(), calls.end(), "rename") - calls.begin()) + 1;
  ASSERT_LE(first_rename, static_cast<long>(calls.size()));
  for (const long n : sample(calls, 40)) {
    SCOPED_TRACE("call " + std::to_string(n) + " (" + calls[static_cast<std::size_t>(n - 1)] + ")");
    const auto r = run_coron("export out.h5 --to csv tables --force -q", dir_.path(), fault_at(n));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_THAT(r.output, HasSubstr("tables/"));
    const std::map<std::string, std::string> now = folder_bytes(dir_.path() / "tables");
    ASSERT_EQ(now.size(), first.size()) << "a partial was left or a table lost";
    for (const auto& [name, bytes] : now) {
      if (n <= first_rename) {
        EXPECT_TRUE(bytes == first.at(name)) << name << " changed before any rename";
      } else {
        EXPECT_TRUE(bytes == first.at(name) || bytes == second.at(name)) << name << " is not whole";
      }
    }
    // Back to the first tables for the next N.
    for (const auto& [name, bytes] : first)
      std::ofstream(dir_.path() / "tables" / name, std::ios::binary) << bytes;
  }
}

TEST(WriteFaultShim, CountsNothingWhenNoOutputIsWritten) {
  // The shim only sees outputs: a command that writes none counts no call and is unchanged.
  fixtures::TempDir dir("write_fault_shim");
  const std::filesystem::path log = dir.path() / "calls.log";
  const auto r = run_coron("columns stock", dir.path(), fault_at(1, "ENOSPC", log.string()));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(counted_calls(log).empty());
}

}  // namespace
}  // namespace coron
