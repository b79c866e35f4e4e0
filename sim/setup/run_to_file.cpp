#include "setup/run_to_file.hpp"

#include "setup/run_footprint.hpp"

#include <algorithm>
#include <utility>

namespace coron::setup {

io::RunMetadata metadata_for(const RunSetup& setup, int threads, std::string coron_version) {
  return {io::provenance_of(setup.scenario, std::move(coron_version)), threads,
          setup.scenario.data_dir.string()};
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
  const std::uint64_t before = writer.size();
  const RunShape shape = run_shape(setup, static_cast<std::size_t>(std::max(1, options.threads)));
  const Aggregates aggregates = run_simulation(
      scenario, setup.stock, setup.params, options, [&](std::size_t r, const ReplicateRecord& record) {
        writer.write_replicate(r, record);
        if (r != 0) return;
        // The up-front check knew only the smallest a deflated file can be; now its real
        // size per replicate is known.
        const std::uint64_t written = writer.size();
        Diagnostics diag;
        check_projection(shape, written, written - before, machine_room(file), file, diag);
        diag.throw_if_any();
      });
  writer.commit(aggregates);
  return aggregates;
}

}  // namespace coron::setup
