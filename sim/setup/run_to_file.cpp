#include "setup/run_to_file.hpp"

#include "setup/machine_room.hpp"

#include <algorithm>
#include <utility>

namespace coron::setup {

io::ResultsLayout results_layout(const RunSetup& setup) {
  const Scenario& scenario = setup.scenario;
  io::ResultsLayout layout;
  layout.replicates = static_cast<std::size_t>(scenario.replicates);
  for (int y = 0; y < scenario.years; ++y) layout.years.push_back(scenario.start_year + y);
  layout.columns = recorded_columns(scenario.output.dwelling_columns);
  layout.compression = scenario.output.compression;
  layout.dwelling_replicates = static_cast<std::size_t>(std::max(0, scenario.output.dwelling_replicates));
  for (const Funder& funder : setup.params.funding.funders) layout.funders.push_back(funder.name);
  for (const Measure& measure : setup.params.works.measures) layout.measures.push_back(measure.name);
  return layout;
}

io::RunMetadata metadata_for(const RunSetup& setup, int threads, std::string coron_version, int ranks) {
  io::RunMetadata meta;
  static_cast<io::RunProvenance&>(meta) = io::provenance_of(setup.scenario, std::move(coron_version));
  meta.threads = threads;
  meta.ranks = ranks;
  meta.data_dir = setup.scenario.data_dir.string();
  return meta;
}

ResultsFile::ResultsFile(const RunSetup& setup, std::size_t threads, const std::filesystem::path& file,
                         const io::RunMetadata& meta)
    : file_(file),
      writer_(file, meta, setup.stock, results_layout(setup)),
      empty_bytes_(writer_.size()),
      shape_(run_shape(setup, std::max<std::size_t>(1, threads))) {}

void ResultsFile::write(std::size_t r, const ReplicateRecord& record) {
  writer_.write_replicate(r, record);
  if (r != 0) return;
  // The up-front check knew only the smallest a deflated file can be; now its real
  // size per replicate is known.
  const std::uint64_t written = writer_.size();
  Diagnostics diag;
  check_projection(shape_, written, written - empty_bytes_, machine_room(file_), file_, diag);
  diag.throw_if_any();
}

Aggregates run_to_file(const RunSetup& setup, const RunOptions& options, const std::filesystem::path& file,
                       const io::RunMetadata& meta) {
  ResultsFile results(setup, static_cast<std::size_t>(std::max(1, options.threads)), file, meta);
  const Aggregates aggregates =
      run_simulation(setup.scenario, setup.stock, setup.params, options,
                     [&](std::size_t r, const ReplicateRecord& record) { results.write(r, record); });
  results.commit(aggregates);
  return aggregates;
}

}  // namespace coron::setup
