#include "app/compare_command.hpp"

#include "app/compare_export.hpp"
#include "app/compare_text.hpp"
#include "app/compared_run.hpp"
#include "app/comparison.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>

#include <fstream>

namespace coron::app {

namespace {

std::vector<ComparedRun> read_runs(const std::vector<std::filesystem::path>& files) {
  Diagnostics diag;
  std::vector<ComparedRun> runs;
  for (const std::filesystem::path& file : files)
    if (std::optional<ComparedRun> run = read_compared_run(file, diag)) runs.push_back(std::move(*run));
  // Every problem at once: the readable files are checked against the reference
  // even when another file could not be read.
  if (!runs.empty() && runs.front().file == files.front()) check_comparable(runs, diag);
  diag.throw_if_any();
  return runs;
}

void check_years(const ComparedRun& reference, const std::vector<int>& years) {
  Diagnostics diag;
  for (const int year : years)
    if (!reference.year_index(year))
      diag.add(reference.file.string(), 0, 0, "--years",
               fmt::format("{} is not a simulated year of the reference ({}-{})", year,
                           reference.years.front(), reference.years.back()));
  diag.throw_if_any();
}

void check_outputs(const CompareCommand& cmd) {
  if (cmd.csv == "-" && cmd.json == "-")
    throw InputError(
        {Diagnostic{"--json", 0, 0, "", "--csv and --json cannot both go to standard output (-)"}});
}

void write_export(const std::string& target, const std::string& text) {
  if (target.empty()) return;
  if (target == "-") {
    fmt::print("{}", text);
    return;
  }
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw InputError({Diagnostic{target, 0, 0, "", "cannot write here (is the folder writable?)"}});
}

}  // namespace

int compare_command(const CompareCommand& cmd) {
  check_outputs(cmd);
  const std::vector<ComparedRun> runs = read_runs(cmd.files);
  const std::vector<int> years = cmd.years.empty() ? default_years(runs.front()) : cmd.years;
  check_years(runs.front(), years);
  const Comparison comparison = compare_runs(runs, years);
  if (cmd.csv != "-" && cmd.json != "-") fmt::print("{}", format_comparison_text(comparison));
  write_export(cmd.csv, comparison_csv(comparison));
  write_export(cmd.json, comparison_json(comparison));
  return 0;
}

}  // namespace coron::app
