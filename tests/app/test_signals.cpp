// Ctrl-C and SIGTERM during a run, and two runs writing one output at once: the signal
// removes the partial file and exits 130 / 143, leaving a previous result as it was; the two
// runs both succeed, each writing its own partial, and the output is one of them, whole.
#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/results_reader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace coron {
namespace {

const std::filesystem::path source_dir = CORON_SOURCE_DIR;

/// Starts `coron ARGS...` with its output going to `log`; returns its pid.
pid_t start_coron(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<std::string> all{CORON_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int failed = posix_spawn(&pid, CORON_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return failed == 0 ? pid : -1;
}

/// The exit code of `pid`, or -signal when a signal ended it without a handler.
int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The baseline scenario with `years` years and `replicates` replicates, data made absolute.
std::filesystem::path scenario(const std::filesystem::path& dir, const std::string& name, int years,
                               int replicates) {
  const std::filesystem::path file = dir / (name + ".yaml");
  std::ofstream(file)
      << "coron: 1\nname: " << name << "\nseed: 1\nstart_year: 2018\nyears: " << years
      << "\nreplicates: " << replicates << "\ndata: " << (source_dir / "data").string()
      << "\nstock:\n  generate: {seed: 2017}\n"
      << "energy:\n  electricity_primary_factor: {2018: 2.3, 2026: 1.9}\noutput:\n  file: out.h5\n";
  return file;
}

/// Sends `signal` to a long run as soon as its partial file exists; returns its exit code.
int interrupt_a_run(const std::filesystem::path& dir, int signal) {
  const std::filesystem::path long_run = scenario(dir, "long", 30, 50);
  const std::filesystem::path output = dir / "out.h5";
  const pid_t pid = start_coron({"run", "-q", long_run.string(), "-o", output.string()}, dir / "log.txt");
  if (pid < 0) return -1000;
  // The writer creates its partial when the run starts; a run of 50 replicates of 30 years
  // lasts long after that. The loop ends when the file appears or the process has ended.
  int status = 0;
  while (fixtures::partials_of(output).empty() && waitpid(pid, &status, WNOHANG) == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, signal);
  return wait_for(pid);
}

class Signals : public ::testing::TestWithParam<int> {};

TEST_P(Signals, StopARunRemovingItsPartialAndKeepingThePreviousResult) {
  const int signal = GetParam();
  fixtures::TempDir dir(signal == SIGINT ? "sigint" : "sigterm");
  // A previous result: a short run's file, kept byte for byte.
  const std::filesystem::path output = dir.path() / "out.h5";
  const pid_t first =
      start_coron({"run", "-q", scenario(dir.path(), "short", 2, 1).string(), "-o", output.string()},
                  dir.path() / "first.txt");
  ASSERT_EQ(wait_for(first), 0) << read_text(dir.path() / "first.txt");
  const std::string before = read_text(output);

  EXPECT_EQ(interrupt_a_run(dir.path(), signal), 128 + signal) << read_text(dir.path() / "log.txt");
  EXPECT_TRUE(fixtures::partials_of(output).empty());
  EXPECT_EQ(read_text(output), before);
  EXPECT_NE(read_text(dir.path() / "log.txt").find("partial output removed"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(IntAndTerm, Signals, ::testing::Values(SIGINT, SIGTERM));

TEST(ConcurrentRuns, TwoRunsToOneOutputBothSucceedAndTheFileIsOneOfThemWhole) {
  fixtures::TempDir dir("concurrent");
  const std::filesystem::path output = dir.path() / "out.h5";
  const pid_t a = start_coron(
      {"run", "-q", "--threads", "1", scenario(dir.path(), "first", 3, 2).string(), "-o", output.string()},
      dir.path() / "a.txt");
  const pid_t b = start_coron(
      {"run", "-q", "--threads", "1", scenario(dir.path(), "second", 3, 2).string(), "-o", output.string()},
      dir.path() / "b.txt");
  EXPECT_EQ(wait_for(a), 0) << read_text(dir.path() / "a.txt");
  EXPECT_EQ(wait_for(b), 0) << read_text(dir.path() / "b.txt");
  EXPECT_TRUE(fixtures::partials_of(output).empty());
  const io::ResultsReader in(output);
  const std::string name = in.string_attribute("/meta", "scenario_name");
  EXPECT_TRUE(name == "first" || name == "second") << name;
  EXPECT_EQ(in.shape("/aggregate/final_energy_gwh"), (std::vector<std::size_t>{2, 3}));
}

}  // namespace
}  // namespace coron
