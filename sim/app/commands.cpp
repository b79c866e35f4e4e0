#include "app/commands.hpp"

#include "app/column_table.hpp"
#include "app/progress.hpp"
#include "app/run_summary.hpp"
#include "cluster/ranks.hpp"
#include "cluster/run_on_ranks.hpp"
#include "io/scenario_loader.hpp"
#include "setup/output_target.hpp"
#include "setup/run_footprint.hpp"
#include "setup/run_setup.hpp"
#include "setup/run_to_file.hpp"
#include "stock/stock_csv.hpp"
#include "stock/summary.hpp"
#include "util/human_size.hpp"
#include "util/partial_file.hpp"

#include "coron/columns.hpp"
#include "coron/engine.hpp"

#include <fmt/core.h>
#include <tbb/info.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace coron::app {

namespace {

/// The worker threads a run gets: every core for 0, and never more than the cores.
/// Results do not depend on the count (the determinism contract), but more workers
/// than cores only share them, and TBB warns on its own when asked for more than it
/// allows; so the request is clamped, said once, and the number that ran is recorded.
int resolved_threads(int requested, bool quiet) {
  const int cores = tbb::info::default_concurrency();
  if (requested <= 0) return cores;
  if (requested <= cores) return requested;
  if (!quiet)
    fmt::print(stderr, "notice: --threads {}: this machine runs {} thread{} at once; running on {}\n",
               requested, cores, cores == 1 ? "" : "s", cores);
  return cores;
}

/// Fails now, as bad input, if `file` cannot be written: better than after the work. A full or
/// failing disk is no bad input: it fails the command (exit 1) naming the file.
/// `key` names where the path came from ("output.file"; "" for a command-line option).
void check_writable(const std::filesystem::path& file, const std::string& key) {
  std::error_code ec;
  Diagnostics diag;
  if (std::error_code ignored; std::filesystem::is_directory(file, ignored)) {
    diag.add(file.string(), 0, 0, key, "cannot write here: it is a folder");
    diag.throw_if_any();
  }
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  util::PartialFile probe(file);
  // A folder the user may not write to is bad input (exit 2); a disk that is full or failing is
  // not the user's path and fails like any later write would (exit 1, naming the file).
  const int fd = ec ? -1 : ::open(probe.path().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  const int open_error = errno;
  const bool closed = fd >= 0 && ::close(fd) == 0;
  const int close_error = errno;
  probe.discard();
  if (fd >= 0 && !closed)
    throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), std::strerror(close_error)));
  if (fd < 0 && util::is_storage_failure(open_error))
    throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), std::strerror(open_error)));
  if (fd < 0) {
    diag.add(file.string(), 0, 0, key, "cannot write here (is the folder writable?)");
    diag.throw_if_any();
  }
}

/// Refuses, before it starts, a run whose results file or memory cannot fit in what
/// this machine leaves it (setup/run_footprint.hpp).
void check_room(const setup::RunSetup& setup, int threads, const std::filesystem::path& scenario_file,
                std::size_t slices) {
  const setup::RunShape shape = setup::run_shape(setup, static_cast<std::size_t>(threads));
  const setup::MachineRoom room = setup::machine_room(setup.scenario.output.file);
  Diagnostics diag;
  if (slices <= 1) {
    setup::check_footprint(shape, setup::estimate_footprint(shape), room, setup.scenario.output.file,
                           scenario_file, diag);
  } else {
    // The file is the whole run's; a rank's memory, its slice's and the stock it reads whole.
    setup::check_file_room(shape, setup::estimate_footprint(shape), room, setup.scenario.output.file, diag);
    const setup::RunShape slice = setup::slice_shape(shape, slices);
    setup::RunFootprint memory = setup::estimate_footprint(slice);
    memory.memory_bytes += setup::whole_stock_bytes(shape);
    setup::check_memory_room(slice, memory, room, scenario_file, diag);
  }
  diag.throw_if_any();
}

/// Notices (an older stock CSV format, ...) go to stderr; they never stop a run.
void print_notices(const std::vector<Diagnostic>& notices) {
  for (const Diagnostic& d : notices) fmt::print(stderr, "notice: {}\n", d.format());
}

Stock stock_for(const StockCommand& cmd) {
  StockSource source;
  source.kind = cmd.file.empty() ? StockSource::Kind::generate : StockSource::Kind::file;
  source.seed = cmd.seed;
  source.file = cmd.file;
  Diagnostics diag;
  std::vector<Diagnostic> notices;
  Stock stock = setup::load_stock(source, cmd.data_dir, diag, &notices);
  diag.throw_if_any();
  print_notices(notices);
  return stock;
}

/// Refuses, before the data and the stock are read, an output file that would replace
/// an input of the run or cannot be a results file at all.
void check_run_output(const RunCommand& cmd) {
  const Scenario scenario = io::load_scenario(cmd.scenario);  // a few ms; throws on any scenario problem
  Diagnostics target;
  setup::check_output_target(cmd.output.empty() ? scenario.output.file : cmd.output, "output.file", ".h5",
                             setup::run_inputs(scenario), target);
  target.throw_if_any();
}

/// Refuses, before anything is written, a run that cannot be cut into one dwelling slice
/// per rank.
void check_slices(const setup::RunSetup& setup, const RunCommand& cmd, int ranks) {
  Diagnostics diag;
  if (setup.scenario.thermal.model == ThermalOptions::Model::hourly)
    diag.add(cmd.scenario.string(), 0, 0, "thermal.model",
             "--slices: the hourly model's peaks are of the whole stock's hourly load; run it without "
             "--slices (replicates over ranks) or with the monthly model");
  try {
    (void)slice_bounds(setup.stock, static_cast<std::size_t>(ranks));
  } catch (const std::invalid_argument& e) {
    diag.add(cmd.scenario.string(), 0, 0, "stock", std::string("--slices: ") + e.what());
  }
  diag.throw_if_any();
}

}  // namespace

int run_command(const RunCommand& cmd) {
  const auto started = std::chrono::steady_clock::now();
  // Over several ranks (mpirun), rank 0 speaks for the run and writes its file.
  const cluster::Ranks& ranks = cluster::Ranks::world();
  const bool quiet = cmd.quiet || !ranks.is_root();
  check_run_output(cmd);
  std::vector<Diagnostic> notices;
  setup::RunSetup setup = setup::prepare_run(cmd.scenario, &notices);
  if (!quiet) print_notices(notices);
  Scenario& scenario = setup.scenario;
  if (!cmd.output.empty()) scenario.output.file = cmd.output;
  if (cmd.replicates) scenario.replicates = *cmd.replicates;
  RunOptions options;
  options.threads = resolved_threads(cmd.threads, quiet);
  const bool sliced = cmd.slices && ranks.size() > 1;
  if (sliced) check_slices(setup, cmd, ranks.size());
  check_room(setup, options.threads, cmd.scenario, sliced ? static_cast<std::size_t>(ranks.size()) : 1);
  if (ranks.is_root()) check_writable(scenario.output.file, "output.file");

  options.execution = cmd.serial ? Execution::serial : Execution::parallel;
  const io::RunMetadata meta = setup::metadata_for(setup, options.threads, CORON_VERSION, ranks.size());
  Aggregates aggregates;
  {
    // Rank 0's bar counts its own replicates, a K-th of them (run_on_ranks.hpp).
    const auto replicates = static_cast<double>(scenario.replicates);
    Progress progress("running " + scenario.name, replicates, "replicates", !quiet);
    options.progress = [&progress, replicates](double f) { progress.update(f * replicates); };
    aggregates = sliced ? cluster::run_slices_to_file(ranks, setup, options, scenario.output.file, meta)
                        : cluster::run_to_file_on_ranks(ranks, setup, options, scenario.output.file, meta);
  }
  if (!quiet) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("{}", format_run_summary(scenario, setup.stock.size(), aggregates));
    if (sliced)
      fmt::print("ran on {} ranks of {} thread{}, one dwelling slice each; {:.1f} MB received by rank 0\n",
                 ranks.size(), options.threads, options.threads == 1 ? "" : "s",
                 static_cast<double>(ranks.bytes_received()) / 1e6);
    else if (ranks.size() > 1)
      fmt::print("ran on {} ranks of {} thread{}; {:.1f} MB of works tables and totals sent to rank 0\n",
                 ranks.size(), options.threads, options.threads == 1 ? "" : "s",
                 static_cast<double>(ranks.bytes_received()) / 1e6);
    fmt::print("wrote {} in {:.2f} s\n", scenario.output.file.string(), seconds);
  }
  return 0;
}

int validate_command(const std::filesystem::path& scenario_file) {
  std::vector<Diagnostic> notices;
  const setup::RunSetup setup = setup::prepare_run(scenario_file, &notices);
  print_notices(notices);
  fmt::print("{}: ok ({} dwellings in {} cités, {}-{}, {} replicate{})\n", scenario_file.string(),
             setup.stock.size(), setup.stock.cites.size(), setup.scenario.start_year,
             setup.scenario.end_year(), setup.scenario.replicates, setup.scenario.replicates == 1 ? "" : "s");
  // What `run` will check against the machine (setup/run_footprint.hpp), on every core.
  const int threads = tbb::info::default_concurrency();
  const setup::RunFootprint f =
      setup::estimate_footprint(setup::run_shape(setup, static_cast<std::size_t>(threads)));
  fmt::print("  results file: at most {} uncompressed; memory: about {} on {} thread{}\n",
             util::human_size(f.file_bytes_max), util::human_size(f.memory_bytes), threads,
             threads == 1 ? "" : "s");
  return 0;
}

int columns_command(const std::string& which) {
  if (which != "state")
    fmt::print("## Stock columns (/stock, the stock CSV)\n\n{}", column_table(stock_columns()));
  if (which == "all") fmt::print("\n");
  if (which != "stock")
    fmt::print("## State columns (/dwelling, output.dwelling_columns)\n\n{}", column_table(state_columns()));
  return 0;
}

int stock_generate_command(const StockCommand& cmd) {
  Diagnostics target;
  setup::check_output_target(cmd.output, "", "", setup::files_under(cmd.data_dir), target);
  target.throw_if_any();
  check_writable(cmd.output, "");
  const Stock stock = stock_for(cmd);
  stock::write_stock_csv_file(stock, cmd.output);
  fmt::print("wrote {} ({} dwellings, {} cités, seed {})\n", cmd.output.string(), stock.size(),
             stock.cites.size(), cmd.seed);
  return 0;
}

int stock_summary_command(const StockCommand& cmd) {
  fmt::print("{}", stock::summarize(stock_for(cmd)));
  return 0;
}

}  // namespace coron::app
