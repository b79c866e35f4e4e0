// `coron run` against the room the machine leaves it: a run whose results file or
// memory cannot fit is refused before it starts (exit 2, the estimate and the limit
// named, nothing written), and the memory estimate is checked against the peak a
// real run reaches. The limits are the process's own (ulimit -f, ulimit -v), which a
// test can set; free disk and free memory go through the same check
// (tests/engine/test_run_footprint.cpp).
#include "app/cli_runner.hpp"
#include "setup/run_footprint.hpp"

#include "coron/scenario.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CORON_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CORON_SANITIZED 1
#endif
#endif

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

const std::filesystem::path data_dir = std::filesystem::path(CORON_SOURCE_DIR) / "data";

/// A run of the generated stock recording `columns` over `years` for `replicates`, all recorded.
std::filesystem::path write_scenario(const std::filesystem::path& dir, int years, const std::string& columns,
                                     int replicates = 1) {
  const std::filesystem::path file = dir / "room.yaml";
  std::ofstream(file)
      << "coron: 1\nname: room\nseed: 1\nstart_year: 2018\nyears: " << years << "\nreplicates: " << replicates
      << "\ndata: " << data_dir.string()
      << "\nstock:\n  generate: {seed: 1}\nenergy:\n  electricity_primary_factor: {2018: 2.3}\n"
      << "output:\n  file: room.h5\n  dwelling_replicates: " << replicates
      << "\n  dwelling_columns: " << columns << "\n";
  return file;
}

/// Eight float64 columns: values that change from dwelling to dwelling, and deflate little.
const std::string eight_reals =
    "[heating_need_kwh, final_energy_kwh, primary_energy_kwh_m2, ghg_kg_m2, actual_final_energy_kwh, "
    "energy_bill_eur, income_per_cu_eur, rent_eur]";

/// Every column of the state, as a YAML list.
std::string every_column() {
  std::string list = "[";
  for (const std::string& name : known_dwelling_columns()) list += (list.size() > 1 ? ", " : "") + name;
  return list + "]";
}

TEST(RunRoom, AFileLargerThanTheFileSizeLimitIsRefusedBeforeTheRun) {
  TempDir dir("room_fsize");
  write_scenario(dir.path(), 1, "[label]");
  // 1 block (512 bytes in dash, 1 KiB in bash): less than any results file, even deflated.
  const auto r = run_coron("run room.yaml", dir.path(), "ulimit -f 1;");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("room.h5: output.file: the results file cannot be smaller than "));
  EXPECT_THAT(r.output, HasSubstr("this process's file size limit of "));
  EXPECT_THAT(r.output, HasSubstr("(ulimit -f)"));
  EXPECT_THAT(r.output, HasSubstr("/dwelling is 1 replicate x 1 year x 70000 dwellings x 1 column"));
  EXPECT_THAT(r.output, HasSubstr("nothing was written"));
  EXPECT_THAT(r.output, Not(HasSubstr("running")));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // room.yaml
  // Without the limit the same run goes through.
  const auto ok = run_coron("run room.yaml --quiet", dir.path());
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
}

TEST(RunRoom, AnUncompressedFileIsRefusedOnItsWholeSize) {
  TempDir dir("room_fsize_uncompressed");
  write_scenario(dir.path(), 1, "[label]");
  std::ofstream(dir.path() / "room.yaml", std::ios::app) << "  compression: 0\n";
  // 16 MiB: more than the deflated file's smallest size, less than the stock alone uncompressed.
  const auto r = run_coron("run room.yaml", dir.path(), "ulimit -f 32768;");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("room.h5: output.file: the results file will be "));
  EXPECT_THAT(r.output, HasSubstr("uncompressed, more than this process's file size limit of"));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);
}

TEST(RunRoom, ACompressedFileProjectedBeyondTheLimitIsRefusedAfterItsFirstReplicate) {
  TempDir dir("room_projection");
  // 20 recorded replicates of one year: about 4 MiB each deflated, 88 MiB in all, while
  // the smallest a deflated file could be (1032:1) is far below the limit.
  write_scenario(dir.path(), 1, eight_reals, 20);
  // 40 MB (/bin/sh counts 512-byte blocks): above the stock and the first replicate.
  const auto r = run_coron("run room.yaml", dir.path(), "ulimit -f 78125;");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("room.h5: output.file: its first replicate took "));
  EXPECT_THAT(r.output, HasSubstr("with its 20 recorded replicates it would reach "));
  EXPECT_THAT(r.output, HasSubstr("more than this process's file size limit of 38.1 MiB (40000000 bytes)"));
  EXPECT_THAT(r.output, HasSubstr("nothing was written"));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // room.yaml: the partial is gone
}

TEST(RunRoom, AWritePastTheFileSizeLimitFailsCleanlyInsteadOfKillingTheRun) {
  TempDir dir("room_efbig");
  // One recorded replicate of 20 years: nothing to project from; the deflated file (about
  // 52 MiB) passes the up-front check (its smallest size, about 20 MiB, grows with the
  // stock's columns) and reaches the limit, halfway between, while being written.
  write_scenario(dir.path(), 20, eight_reals);
  const auto r = run_coron("run room.yaml", dir.path(), "ulimit -f 64000;");  // 32.8 MB
  EXPECT_EQ(r.exit_code, 1) << r.output;                                      // not SIGXFSZ
  EXPECT_THAT(r.output, HasSubstr("File too large"));
  EXPECT_THAT(r.output, HasSubstr("room.h5."));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // room.yaml: the partial is gone
}

/// Exit code and peak resident memory (KiB) of `coron ARGS` run in `workdir`, output dropped.
struct Measured {
  int exit_code = -1;
  long peak_kib = 0;
};
Measured run_measured(const std::vector<std::string>& args, const std::filesystem::path& workdir) {
  std::vector<std::string> words{CORON_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    if (::chdir(workdir.c_str()) != 0 || null < 0) ::_exit(127);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Measured m;
  int status = 0;
  rusage usage{};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return m;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.peak_kib = usage.ru_maxrss;
  return m;
}

constexpr std::uint64_t mib = std::uint64_t{1} << 20;

TEST(RunRoom, TheMemoryEstimateIsThePeakARecordingRunReaches) {
#ifdef CORON_SANITIZED
  GTEST_SKIP() << "the sanitizers' shadow memory is no measure of the run's";
#endif
  TempDir dir("room_peak");
  // 40 years of every column on one thread: one record of about 700 MiB, far above what
  // the program, its libraries and HDF5 hold.
  const std::filesystem::path scenario = write_scenario(dir.path(), 40, every_column());
  const setup::RunFootprint f = setup::estimate_footprint(setup::run_shape(setup::prepare_run(scenario), 1));
  ASSERT_GT(f.record_bytes, 500 * mib);
  const Measured m = run_measured({"run", "room.yaml", "--threads", "1", "--quiet"}, dir.path());
  ASSERT_EQ(m.exit_code, 0);
  const auto peak = static_cast<std::uint64_t>(m.peak_kib) * 1024;
  RecordProperty("peak_bytes", std::to_string(peak));
  RecordProperty("estimated_bytes", std::to_string(f.memory_bytes));
  // The estimate counts the large arrays: the peak is above it by what it leaves out (the
  // program, its libraries, allocator slack), a fixed amount well below one record.
  EXPECT_GT(peak, f.memory_bytes * 95 / 100) << peak << " bytes at peak, " << f.memory_bytes << " estimated";
  EXPECT_LT(peak, f.memory_bytes + 200 * mib) << peak << " bytes at peak, " << f.memory_bytes << " estimated";
}

TEST(RunRoom, ARunLargerThanTheAddressSpaceLimitIsRefusedBeforeTheRun) {
#ifdef CORON_SANITIZED
  GTEST_SKIP() << "the sanitizers reserve terabytes of address space at start";
#endif
  TempDir dir("room_address");
  write_scenario(dir.path(), 100, every_column());
  // 1 GiB of address space (ulimit -v counts KiB): the run alone would need about 2 GiB.
  const auto r = run_coron("run room.yaml --threads 1", dir.path(), "ulimit -v 1048576;");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("room.yaml: the run needs about "));
  EXPECT_THAT(r.output, HasSubstr("1 replicate in flight recording"));
  EXPECT_THAT(r.output, HasSubstr("left under this process's address space limit (ulimit -v)"));
  EXPECT_THAT(r.output, Not(HasSubstr("running")));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);
}

}  // namespace
}  // namespace coron
