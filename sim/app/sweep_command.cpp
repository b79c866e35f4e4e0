#include "app/sweep_command.hpp"

#include "app/budget_range.hpp"
#include "app/progress.hpp"
#include "app/sweep_export.hpp"
#include "app/sweep_frontier.hpp"
#include "app/sweep_run.hpp"
#include "setup/output_target.hpp"
#include "setup/run_setup.hpp"
#include "util/partial_file.hpp"

#include "coron/engine.hpp"

#include <fmt/core.h>

#include <fstream>
#include <optional>

namespace coron::app {

namespace {

void check_has_budget(const setup::RunSetup& setup, const std::filesystem::path& file) {
  const AllocationSpec& allocation = setup.scenario.renovation.allocation;
  if (!allocation.budget_eur_per_yr.empty()) return;
  throw InputError({Diagnostic{
      file.string(), 0, 0, "renovation.allocation.budget_eur_per_yr",
      allocation.budget_eur_total
          ? "the sweep sets a budget per year; the scenario has one envelope for the run (budget_eur_total)"
          : "the scenario has no works budget to sweep (docs/model-allocation.md)"}});
}

/// Fails before the runs, as bad input, when `file` cannot be written.
void check_writable(const std::filesystem::path& file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  util::PartialFile probe(file);
  const bool writable = !ec && !std::filesystem::is_directory(file, ec) && std::ofstream(probe.path()).good();
  probe.discard();
  if (!writable)
    throw InputError({Diagnostic{file.string(), 0, 0, "-o", "cannot write here (is the folder writable?)"}});
}

}  // namespace

int sweep_command(const SweepCommand& cmd) {
  // Over several ranks (mpirun), the points are shared out and rank 0 writes the files.
  const cluster::Ranks& ranks = cluster::Ranks::world();
  const bool quiet = cmd.quiet || !ranks.is_root();
  const std::vector<double> budgets = parse_budget_range(cmd.budget);
  std::vector<Diagnostic> notices;
  setup::RunSetup setup = setup::prepare_run(cmd.scenario, &notices);
  check_has_budget(setup, cmd.scenario);
  Scenario& scenario = setup.scenario;
  if (cmd.replicates) scenario.replicates = *cmd.replicates;
  // The frontier needs the stock totals only: no /dwelling columns to record.
  scenario.output.dwelling_columns.clear();
  scenario.output.dwelling_replicates = 0;
  const std::filesystem::path output =
      cmd.output.empty() ? std::filesystem::path("results") / (scenario.name + "-sweep.h5") : cmd.output;
  Diagnostics target;
  setup::check_output_target(output, "-o", ".h5", setup::run_inputs(setup.scenario), target);
  target.throw_if_any();
  if (ranks.is_root()) check_writable(output);
  if (!quiet)
    for (const Diagnostic& d : notices) fmt::print(stderr, "notice: {}\n", d.format());

  // One bar for the whole sweep: point p at fraction f of its replicates is p + f points done.
  std::optional<Progress> progress;
  progress.emplace("sweeping " + scenario.name, static_cast<double>(budgets.size()), "points", !quiet);
  SweepOptions options;
  options.ranks = &ranks;
  options.point_started = [&](std::size_t p) -> std::function<void(double)> {
    return [&progress, p](double f) { progress->update(static_cast<double>(p) + f); };
  };
  const std::vector<FrontierSeries> series = run_sweep(scenario, setup.stock, setup.params, budgets, options);
  progress.reset();
  if (!ranks.is_root()) return 0;

  const SweepMeta meta{io::provenance_of(scenario, CORON_VERSION),
                       static_cast<int>(budget_years(scenario).count)};
  write_sweep(output, meta, budgets, series);
  if (!cmd.quiet)
    fmt::print("wrote {} and {} ({} budgets, {} replicate{})\n", output.string(),
               sweep_csv_path(output).string(), budgets.size(), scenario.replicates,
               scenario.replicates == 1 ? "" : "s");
  return 0;
}

}  // namespace coron::app
