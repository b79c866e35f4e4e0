// The `coron` command against hostile input: an output file that would replace an
// input of the run, a device or a folder; inputs that are FIFOs, devices, folders,
// link loops or too large; a thread count above the cores. Each is refused (exit 2)
// at once, before any work, with the reason, and nothing is written.
#include "app/cli_runner.hpp"
#include "io/input_limits.hpp"
#include "io/results_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

const std::filesystem::path source_dir = CORON_SOURCE_DIR;
const std::filesystem::path data_dir = source_dir / "data";

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// A one-year scenario in `dir`, on the generated stock or on `stock_file`.
std::filesystem::path write_scenario(const std::filesystem::path& dir,
                                     const std::string& stock = "generate: {seed: 1}",
                                     const std::string& output = "short.h5") {
  const std::filesystem::path file = dir / "short.yaml";
  std::ofstream(file) << "coron: 1\nname: short\nseed: 1\nstart_year: 2018\nyears: 1\nreplicates: 1\ndata: "
                      << data_dir.string() << "\nstock:\n  " << stock
                      << "\nenergy:\n  electricity_primary_factor: {2018: 2.3}\n"
                      << "output:\n  file: " << output << "\n  dwelling_columns: [label]\n";
  return file;
}

TEST(HostileCli, AnOutputThatIsAnInputOfTheRunIsRefusedBeforeTheRun) {
  TempDir dir("output_is_input");
  const std::filesystem::path scenario = write_scenario(dir.path(), "file: stock.h5");
  std::ofstream(dir.path() / "stock.h5") << "not read: the output is refused first\n";
  std::filesystem::create_symlink(scenario, dir.path() / "link.h5");
  std::filesystem::create_symlink(data_dir / "thermal" / "method.yaml", dir.path() / "data_link.h5");
  const std::string scenario_text = read_text(scenario);
  const std::string method_text = read_text(data_dir / "thermal" / "method.yaml");
  struct Case {
    std::string output;
    std::string input;  ///< the input it names
  };
  // Inputs are named as the run names them: the scenario as given, the stock relative to it.
  for (const Case& c :
       {Case{"short.yaml", "short.yaml"}, Case{"./short.yaml", "short.yaml"}, Case{"link.h5", "short.yaml"},
        Case{"./link.h5", "short.yaml"}, Case{"stock.h5", "stock.h5"},
        Case{"data_link.h5", (data_dir / "thermal" / "method.yaml").string()}}) {
    const auto r = run_coron("run short.yaml -o " + c.output, dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.output << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.output + ": output.file: cannot write here: it is '")) << r.output;
    EXPECT_THAT(r.output, HasSubstr("it is '" + c.input + "', an input of this run")) << r.output;
    EXPECT_THAT(r.output, Not(HasSubstr("running")));
  }
  EXPECT_EQ(read_text(scenario), scenario_text);
  EXPECT_EQ(read_text(data_dir / "thermal" / "method.yaml"), method_text);
  EXPECT_EQ(read_text(dir.path() / "stock.h5"), "not read: the output is refused first\n");
  // The scenario's own output.file is checked the same way.
  write_scenario(dir.path(), "file: stock.h5", "link.h5");
  const auto r = run_coron("run short.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("link.h5: output.file: cannot write here: it is '"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "short.h5"));
  // short.yaml, stock.h5 and the two links (counted as the files they lead to): nothing added.
  EXPECT_EQ(testing::count_files(dir.path()), 4u);
}

TEST(HostileCli, AnOutputThatIsADeviceAFolderOrNotH5IsRefused) {
  TempDir dir("output_device");
  write_scenario(dir.path());
  std::filesystem::create_symlink("/dev/null", dir.path() / "null.h5");
  std::filesystem::create_directory(dir.path() / "folder.h5");
  struct Case {
    std::string output;
    std::string reason;
  };
  for (const Case& c :
       {Case{"/dev/null", "/dev/null: output.file: cannot write here: it is a device, not a file"},
        Case{"/dev/full", "/dev/full: output.file: cannot write here: it is a device, not a file"},
        Case{"/dev/null", "expected a file name ending in .h5, got '/dev/null'"},
        Case{"null.h5", "null.h5: output.file: cannot write here: it is a device, not a file"},
        Case{"folder.h5", "folder.h5: output.file: cannot write here: it is a folder"},
        Case{"out.csv", "out.csv: output.file: expected a file name ending in .h5, got 'out.csv'"},
        Case{".h5", "expected a file name ending in .h5, got '.h5'"}}) {
    const auto r = run_coron("run short.yaml -o " + c.output, dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.output << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.reason)) << r.output;
    EXPECT_THAT(r.output, HasSubstr("nothing was written"));
  }
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
  EXPECT_EQ(testing::count_files(dir.path()), 1u);  // short.yaml
}

TEST(HostileCli, StockGenerateOntoADeviceOrADataFileIsRefused) {
  TempDir dir("stock_onto_device");
  std::filesystem::create_symlink(data_dir / "thermal" / "method.yaml", dir.path() / "method.csv");
  auto r = run_coron("stock generate -o /dev/full", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("/dev/full: cannot write here: it is a device, not a file"));
  r = run_coron("stock generate -o method.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("method.csv: cannot write here: it is '"));
  EXPECT_THAT(r.output, HasSubstr("an input of this run"));
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path() / "method.csv"));
}

TEST(HostileCli, AnInputThatIsNotARegularFileIsRefusedAtOnce) {
  TempDir dir("input_not_file");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo.yaml").c_str(), 0600), 0);
  std::filesystem::create_directory(dir.path() / "folder.yaml");
  std::filesystem::create_symlink(dir.path() / "loop_b.yaml", dir.path() / "loop_a.yaml");
  std::filesystem::create_symlink(dir.path() / "loop_a.yaml", dir.path() / "loop_b.yaml");
  struct Case {
    std::string input;
    std::string reason;
  };
  for (const Case& c : {Case{"fifo.yaml", "fifo.yaml: cannot read: is a FIFO (named pipe), not a file"},
                        Case{"/dev/zero", "/dev/zero: cannot read: is a device, not a file"},
                        Case{"folder.yaml", "folder.yaml: cannot read: is a folder, not a file"},
                        Case{"loop_a.yaml", "loop_a.yaml: cannot read: symbolic link loop"}}) {
    for (const char* command : {"validate ", "run "}) {
      const auto r = run_coron(command + c.input, dir.path());
      EXPECT_EQ(r.exit_code, 2) << command << c.input << "\n" << r.output;
      EXPECT_THAT(r.output, HasSubstr(c.reason)) << r.output;
    }
  }
  // A stock CSV that is a FIFO, named by the scenario: refused, not waited on.
  ASSERT_EQ(::mkfifo((dir.path() / "stock.csv").c_str(), 0600), 0);
  write_scenario(dir.path(), "file: stock.csv");
  const auto r = run_coron("validate short.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("stock.csv: cannot read: is a FIFO (named pipe), not a file"));
}

TEST(HostileCli, AScenarioAboveTheBoundIsRefusedWithItsSizeAndTheLimit) {
  TempDir dir("input_too_large");
  std::ofstream(dir.path() / "huge.yaml") << "coron: 1\n";
  std::filesystem::resize_file(dir.path() / "huge.yaml", io::max_yaml_bytes + 1);  // sparse
  const auto r = run_coron("validate huge.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output,
              HasSubstr("huge.yaml: cannot read: is 16.0 MiB (16777217 bytes), more than the 16 MiB "
                        "limit for a scenario or data YAML file"));
}

/// The number in "running on N" of coron's notice, or -1.
int threads_said(const std::string& output) {
  const std::size_t at = output.find("; running on ");
  if (at == std::string::npos) return -1;
  return std::stoi(output.substr(at + 13));
}

TEST(HostileCli, ThreadsAboveTheCoresAreClampedSaidAndRecorded) {
  TempDir dir("threads_clamped");
  write_scenario(dir.path());
  const auto r = run_coron("run short.yaml --threads 1000 -o many.h5", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("notice: --threads 1000: this machine runs "));
  EXPECT_THAT(r.output, Not(HasSubstr("TBB Warning")));
  const int ran = threads_said(r.output);
  EXPECT_GE(ran, 1);
  EXPECT_LE(ran, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  EXPECT_EQ(io::ResultsReader(dir.path() / "many.h5").int_attribute("/meta", "threads"), ran);
  // Quiet: clamped all the same, without a word.
  const auto quiet = run_coron("run -q short.yaml --threads 1000 -o quiet.h5", dir.path());
  ASSERT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(quiet.output, "");
  EXPECT_EQ(io::ResultsReader(dir.path() / "quiet.h5").int_attribute("/meta", "threads"), ran);
}

}  // namespace
}  // namespace coron
