#include "setup/run_to_file.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace coron::setup {

namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

io::RunMetadata metadata_for(const RunSetup& setup, int threads, std::string coron_version) {
  const Scenario& scenario = setup.scenario;
  io::RunMetadata meta;
  meta.coron_version = std::move(coron_version);
  meta.scenario_name = scenario.name;
  meta.scenario_text = scenario.text;
  meta.seed = scenario.seed;
  meta.threads = threads;
  meta.replicates = scenario.replicates;
  meta.start_year = scenario.start_year;
  meta.end_year = scenario.end_year();
  meta.created_utc = utc_now_iso8601();
  meta.data_dir = scenario.data_dir.string();
  return meta;
}

Aggregates run_to_file(const RunSetup& setup, const RunOptions& options, const std::filesystem::path& file,
                       const io::RunMetadata& meta) {
  const Scenario& scenario = setup.scenario;
  io::ResultsLayout layout;
  layout.replicates = static_cast<std::size_t>(scenario.replicates);
  for (int y = 0; y < scenario.years; ++y) layout.years.push_back(scenario.start_year + y);
  layout.columns = recorded_columns(scenario.output.dwelling_columns);
  layout.compression = scenario.output.compression;
  layout.dwelling_replicates = static_cast<std::size_t>(std::max(0, scenario.output.dwelling_replicates));
  for (const Funder& funder : setup.params.funding.funders) layout.funders.push_back(funder.name);
  for (const Measure& measure : setup.params.works.measures) layout.measures.push_back(measure.name);

  io::ResultsWriter writer(file, meta, setup.stock, layout);
  const Aggregates aggregates = run_simulation(
      scenario, setup.stock, setup.params, options,
      [&writer](std::size_t r, const ReplicateRecord& record) { writer.write_replicate(r, record); });
  writer.commit(aggregates);
  return aggregates;
}

}  // namespace coron::setup
