// The `coron` command: run, validate, compare, export, report, sweep, bestest, validate-hourly,
// columns, schema, stock generate|summary|import-dpe, validate-dpe.
#include "app/bestest_command.hpp"
#include "app/commands.hpp"
#include "app/compare_command.hpp"
#include "app/dpe_commands.hpp"
#include "app/export_command.hpp"
#include "app/hourly_validation_command.hpp"
#include "app/report_command.hpp"
#include "app/scenario_schema.hpp"
#include "app/sweep_command.hpp"
#include "cluster/ranks.hpp"
#include "util/interrupt.hpp"

#include "coron/error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <optional>
#include <thread>

namespace {

constexpr int exit_bad_input = 2;
constexpr int exit_internal = 1;

/// The exit of a failed command. Over several ranks, an error on one (a folder only rank 0
/// writes to, a failing disk) would leave the others waiting for it: every rank ends.
/// `rank0_says_it`: every rank found the problem (bad input) and rank 0 says it; another
/// rank waits before ending them all, so that rank 0 has said it first.
int failed(int code, bool rank0_says_it = false) {
  const coron::cluster::Ranks& ranks = coron::cluster::Ranks::world();
  if (ranks.size() > 1) {
    if (rank0_says_it && !ranks.is_root()) std::this_thread::sleep_for(std::chrono::seconds(5));
    ranks.abort(code);
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace coron::app;
  // Under mpirun (the MPI build), this process becomes one rank of the run.
  std::optional<coron::cluster::Session> mpi;
  try {
    mpi.emplace(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "coron: {}\n", e.what());
    return exit_internal;
  }
  const coron::cluster::Ranks& ranks = coron::cluster::Ranks::world();
  // Ctrl-C and SIGTERM remove what is being written and exit 130 / 143.
  coron::util::install_interrupt_handlers();
  // A write past the file size limit (ulimit -f) then fails with EFBIG, which removes the
  // partial and names the file, instead of the kernel's SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"coron " CORON_VERSION
               ": thermal renovation of a housing stock, year by year, under YAML scenarios"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(CORON_VERSION));

  RunCommand run;
  CLI::App* run_cmd = app.add_subcommand("run", "Run a scenario and write its results (HDF5)");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("-o,--output", run.output, "HDF5 file to write (default: the scenario's output.file)");
  run_cmd->add_option("--threads", run.threads, "Worker threads (0: every core)")->check(CLI::Range(0, 1024));
  run_cmd->add_option("--replicates", run.replicates, "Replicates (default: the scenario's)")
      ->check(CLI::Range(1, 1000));
  run_cmd->add_flag("--serial", run.serial, "Run every step on one thread, block after block (same results)");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress and no summary");
  run_cmd->add_flag("--slices", run.slices,
                    "Under mpirun: cut the stock between cités into one dwelling slice per rank, each rank "
                    "stepping every replicate over its slice (same results; for stocks beyond one machine)");

  std::filesystem::path validate_file;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check a scenario, its data and its stock, run nothing");
  validate_cmd->add_option("scenario", validate_file, "Scenario YAML file")->required();

  CompareCommand compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare", "Compare results files side by side; the first is the reference (docs/compare.md)");
  compare_cmd->add_option("files", compare.files, "Results files (HDF5) of runs on the same stock")
      ->required();
  compare_cmd
      ->add_option("--years", compare.years,
                   "Years to show, comma-separated (default: the first year + 10 and the last year)")
      ->delimiter(',');
  compare_cmd->add_option("--csv", compare.csv,
                          "Also write every figure as long CSV to FILE (-: standard output)");
  compare_cmd->add_option("--json", compare.json,
                          "Also write every figure as JSON to FILE (-: standard output)");

  ExportCommand export_tables;
  CLI::App* export_cmd = app.add_subcommand(
      "export", "Write a results file's tables as tidy CSV or JSON files into a folder (docs/export.md)");
  export_cmd->add_option("file", export_tables.file, "Results file (HDF5) written by coron run")->required();
  export_cmd->add_option("--to", export_tables.to, "csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->required();
  export_cmd->add_option("dir", export_tables.dir, "Folder to write the tables into (created if absent)")
      ->required();
  export_cmd->add_flag("--dwellings", export_tables.dwellings,
                       "Also the /dwelling columns, a row per replicate, year and dwelling");
  export_cmd
      ->add_option("--lang", export_tables.lang,
                   "en, or fr: French column names, `;` and decimal commas, UTF-8 with a BOM")
      ->check(CLI::IsMember({"en", "fr"}))
      ->capture_default_str();
  export_cmd->add_flag("--force", export_tables.force, "Write into a folder that already holds files");
  export_cmd->add_flag("-q,--quiet", export_tables.quiet, "No line per file written");
  ReportCommand report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "Write one self-contained HTML page of charts from results files (docs/report.md)");
  report_cmd->add_option("files", report.files, "Results files (HDF5) of runs on the same stock")->required();
  report_cmd->add_option("-o,--output", report.output, "HTML file to write")->required();
  report_cmd->add_option("--lang", report.language, "Language of the page: en or fr")
      ->check(CLI::IsMember({"en", "fr"}))
      ->capture_default_str();

  SweepCommand sweep;
  CLI::App* sweep_cmd = app.add_subcommand(
      "sweep", "Run a scenario at a range of yearly works budgets; write the frontier (docs/sweep.md)");
  sweep_cmd->add_option("scenario", sweep.scenario, "Scenario YAML file with renovation.allocation")
      ->required();
  sweep_cmd->add_option("--budget", sweep.budget, "Budgets FIRST:LAST:STEP in EUR per year")->required();
  sweep_cmd->add_option("--replicates", sweep.replicates, "Replicates (default: the scenario's)")
      ->check(CLI::Range(1, 1000));
  sweep_cmd->add_option("-o,--output", sweep.output, "HDF5 file to write (default: results/NAME-sweep.h5)");
  sweep_cmd->add_flag("-q,--quiet", sweep.quiet, "No progress and no summary");

  BestestCommand bestest;
  bestest.weather = CORON_BESTEST_WEATHER;
  CLI::App* bestest_cmd = app.add_subcommand(
      "bestest",
      "ASHRAE 140 cases 600, 900 and free float beside the reference programs (docs/validation.md)");
  bestest_cmd->add_option("--case", bestest.case_name, "600, 900, 600FF, 900FF or all")
      ->check(CLI::IsMember({"600", "900", "600FF", "900FF", "all"}))
      ->capture_default_str();
  bestest_cmd->add_option("--weather", bestest.weather, "EPW weather file")->capture_default_str();

  HourlyValidationCommand hourly_validation;
  hourly_validation.data_dir = CORON_DATA_DIR;
  CLI::App* hourly_validation_cmd = app.add_subcommand(
      "validate-hourly",
      "Each archetype's annual heating need by the monthly 3CL and the hourly 5R1C model, before and "
      "after standard works (docs/validation.md)");
  hourly_validation_cmd->add_option("--weather", hourly_validation.weather,
                                    "EPW weather file (default: DATA/climate/lille-lesquin-typical.epw)");
  hourly_validation_cmd->add_option("--stock", hourly_validation.stock_file,
                                    "Stock CSV (default: the shipped stock, generated with seed 2017)");
  hourly_validation_cmd->add_option("--data", hourly_validation.data_dir, "Parameters folder")
      ->capture_default_str();
  hourly_validation_cmd->add_flag("--csv", hourly_validation.csv, "CSV instead of the aligned table");

  std::string columns_of = "all";
  CLI::App* columns_cmd = app.add_subcommand(
      "columns", "List the columns of the stock and of the state (what /stock and /dwelling may hold)");
  columns_cmd->add_option("which", columns_of, "stock, state or all")
      ->check(CLI::IsMember({"stock", "state", "all"}))
      ->capture_default_str();

  CLI::App* schema_cmd = app.add_subcommand(
      "schema", "Print the scenario format as a JSON Schema, for editors and checkers (docs/scenarios.md)");

  StockCommand stock;
  stock.data_dir = CORON_DATA_DIR;
  CLI::App* stock_cmd = app.add_subcommand("stock", "Generate or describe a stock");
  stock_cmd->require_subcommand(1);
  CLI::App* generate_cmd =
      stock_cmd->add_subcommand("generate", "Write the synthetic mining-basin stock as CSV");
  generate_cmd->add_option("--seed", stock.seed, "Generator seed")->capture_default_str();
  generate_cmd->add_option("-o,--output", stock.output, "CSV file to write")->required();
  generate_cmd->add_option("--data", stock.data_dir, "Parameters folder")->capture_default_str();
  CLI::App* summary_cmd =
      stock_cmd->add_subcommand("summary", "Describe a stock (generated, or read from CSV)");
  summary_cmd->add_option("--seed", stock.seed, "Generator seed")->capture_default_str();
  summary_cmd->add_option("--file", stock.file, "Stock CSV to describe instead of generating");
  summary_cmd->add_option("--data", stock.data_dir, "Parameters folder")->capture_default_str();

  DpeImportCommand import_dpe;
  CLI::App* import_dpe_cmd = stock_cmd->add_subcommand(
      "import-dpe",
      "Write a stock CSV from ADEME DPE certificates (XML), one dwelling each (docs/dpe-import.md)");
  import_dpe_cmd->add_option("inputs", import_dpe.inputs, "Certificate files or folders of them")->required();
  import_dpe_cmd->add_option("-o,--output", import_dpe.output, "CSV file to write")->required();
  import_dpe_cmd->add_option("--cites", import_dpe.cites,
                             "Cités table: CSV 'key,cite', key a certificate number or address");
  import_dpe.data_dir = CORON_DATA_DIR;
  import_dpe_cmd->add_option("--data", import_dpe.data_dir, "Parameters folder (the carriers' GHG contents)")
      ->capture_default_str();
  import_dpe_cmd->add_flag("-q,--quiet", import_dpe.quiet, "No progress display");

  DpeValidationCommand validate_dpe;
  validate_dpe.data_dir = CORON_DATA_DIR;
  CLI::App* validate_dpe_cmd = app.add_subcommand(
      "validate-dpe", "The 3CL kernel on each certificate beside its declared figures (docs/validation.md)");
  validate_dpe_cmd->add_option("inputs", validate_dpe.inputs, "Certificate files or folders of them")
      ->required();
  validate_dpe_cmd->add_option("--data", validate_dpe.data_dir, "Parameters folder")->capture_default_str();
  validate_dpe_cmd
      ->add_option(
          "--electricity-pef", validate_dpe.electricity_pef,
          "Primary energy factor of electricity for every certificate (default: the one in force on each "
          "certificate's date, 2.3 until 2025 and 1.9 from 2026)")
      ->check(CLI::Range(0.5, 5.0));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_bad_input;
  }

  try {
    if (*run_cmd) return run_command(run);
    if (*validate_cmd) return validate_command(validate_file);
    if (*compare_cmd) return compare_command(compare);
    if (*export_cmd) return export_command(export_tables);
    if (*report_cmd) return report_command(report);
    if (*sweep_cmd) return sweep_command(sweep);
    if (*bestest_cmd) return bestest_command(bestest);
    if (*hourly_validation_cmd) return hourly_validation_command(hourly_validation);
    if (*columns_cmd) return columns_command(columns_of);
    if (*schema_cmd) return schema_command();
    if (*generate_cmd) return stock_generate_command(stock);
    if (*summary_cmd) return stock_summary_command(stock);
    if (*import_dpe_cmd) return stock_import_dpe_command(import_dpe);
    if (*validate_dpe_cmd) return validate_dpe_command(validate_dpe);
  } catch (const coron::InputError& e) {
    // Every rank reads the same input and finds the same problems: rank 0 says them.
    if (ranks.is_root()) {
      fmt::print(stderr, "{}\n", e.what());
      fmt::print(stderr, "coron: {} problem{} found; nothing was written\n", e.diagnostics().size(),
                 e.diagnostics().size() == 1 ? "" : "s");
    }
    return failed(exit_bad_input, true);
  } catch (const std::exception& e) {
    if (ranks.size() > 1)
      fmt::print(stderr, "coron: rank {} of {}: internal error: {}\n", ranks.rank(), ranks.size(), e.what());
    else
      fmt::print(stderr, "coron: internal error: {}\n", e.what());
    return failed(exit_internal);
  }
  return exit_internal;
}
