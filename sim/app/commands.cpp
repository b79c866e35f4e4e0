#include "app/commands.hpp"

#include "app/progress.hpp"
#include "app/run_summary.hpp"
#include "engine/run_setup.hpp"
#include "io/results_writer.hpp"
#include "stock/stock_csv.hpp"
#include "stock/summary.hpp"

#include "coron/engine.hpp"

#include <fmt/core.h>
#include <tbb/info.h>

#include <chrono>
#include <ctime>
#include <fstream>

namespace coron::app {

namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

int resolved_threads(int requested) { return requested > 0 ? requested : tbb::info::default_concurrency(); }

/// Fails now, as bad input, if `file` cannot be written: better than after the work.
/// `key` names where the path came from ("output.file"; "" for a command-line option).
void check_writable(const std::filesystem::path& file, const std::string& key) {
  std::error_code ec;
  Diagnostics diag;
  if (std::error_code ignored; std::filesystem::is_directory(file, ignored)) {
    diag.add(file.string(), 0, 0, key, "cannot write here: it is a folder");
    diag.throw_if_any();
  }
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  std::filesystem::path probe = file;
  probe += ".partial";
  const bool writable = !ec && std::ofstream(probe, std::ios::app).good();
  std::filesystem::remove(probe, ec);
  if (!writable) {
    diag.add(file.string(), 0, 0, key, "cannot write here (is the folder writable?)");
    diag.throw_if_any();
  }
}

Stock stock_for(const StockCommand& cmd) {
  StockSource source;
  source.kind = cmd.file.empty() ? StockSource::Kind::generate : StockSource::Kind::file;
  source.seed = cmd.seed;
  source.file = cmd.file;
  Diagnostics diag;
  Stock stock = engine::load_stock(source, cmd.data_dir, diag);
  diag.throw_if_any();
  return stock;
}

}  // namespace

int run_command(const RunCommand& cmd) {
  const auto started = std::chrono::steady_clock::now();
  engine::RunSetup setup = engine::prepare_run(cmd.scenario);
  Scenario& scenario = setup.scenario;
  if (!cmd.output.empty()) scenario.output.file = cmd.output;
  if (cmd.replicates) scenario.replicates = *cmd.replicates;
  check_writable(scenario.output.file, "output.file");

  RunOptions options;
  options.threads = cmd.threads;
  options.kernel = cmd.reference_kernel ? Kernel::reference : Kernel::parallel;
  Results results;
  {
    Progress progress("running " + scenario.name, !cmd.quiet);
    options.progress = [&progress](double f) { progress.update(f); };
    results = run_simulation(scenario, setup.stock, setup.params, options);
  }

  io::RunMetadata meta;
  meta.coron_version = CORON_VERSION;
  meta.scenario_name = scenario.name;
  meta.scenario_text = scenario.text;
  meta.seed = scenario.seed;
  meta.threads = resolved_threads(cmd.threads);
  meta.replicates = scenario.replicates;
  meta.start_year = scenario.start_year;
  meta.end_year = scenario.end_year();
  meta.created_utc = utc_now_iso8601();
  meta.data_dir = scenario.data_dir.string();
  // Writing has no fraction to report; say what is happening once the run is no longer short.
  if (!cmd.quiet && std::chrono::steady_clock::now() - started > std::chrono::seconds(1))
    fmt::print(stderr, "writing {}\n", scenario.output.file.string());
  io::write_results(scenario.output.file, meta, setup.stock, results, scenario.output);

  if (!cmd.quiet) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("{}", format_run_summary(scenario, results));
    fmt::print("wrote {} in {:.2f} s\n", scenario.output.file.string(), seconds);
  }
  return 0;
}

int validate_command(const std::filesystem::path& scenario_file) {
  const engine::RunSetup setup = engine::prepare_run(scenario_file);
  fmt::print("{}: ok ({} dwellings in {} cités, {}-{}, {} replicate{})\n", scenario_file.string(),
             setup.stock.size(), setup.stock.cites.size(), setup.scenario.start_year,
             setup.scenario.end_year(), setup.scenario.replicates, setup.scenario.replicates == 1 ? "" : "s");
  return 0;
}

int stock_generate_command(const StockCommand& cmd) {
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
