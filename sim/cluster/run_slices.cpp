#include "cluster/parallel_hdf5.hpp"
#include "cluster/rank_slices.hpp"
#include "cluster/run_on_ranks.hpp"
#include "cluster/shared_file.hpp"
#include "io/replicate_slabs.hpp"
#include "setup/run_to_file.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace coron::cluster {

Aggregates run_slices_to_file(const Ranks& ranks, setup::RunSetup& setup, RunOptions options,
                              const std::filesystem::path& file, const io::RunMetadata& meta) {
  const RankSlices slices(ranks, setup.stock);
  const std::size_t first = slices.first_dwelling(slices.slice());
  const std::size_t recorded = setup.scenario.recorded_replicates();
  options.replicate_first = 0;
  options.replicate_stride = 1;
  options.slices = &slices;

  // Rank 0 creates the file from the whole stock, every dataset in place.
  std::optional<setup::ResultsFile> results;
  const std::filesystem::path partial =
      create_shared_file(ranks, results, setup, options.threads, file, meta);
  const io::ResultsLayout layout = setup::results_layout(setup);
  const Stock mine = slice_of(setup.stock, first, slices.first_dwelling(slices.slice() + 1));
  // Rank 0 keeps the whole stock's identity for the works' rows; the others step their slice only.
  if (!ranks.is_root()) setup.stock = Stock{};

  std::unique_ptr<io::ReplicateSlabs> slabs;  // never closed on an error (run_on_ranks.cpp)
  try {
    const ParallelHdf5 lists;
    slabs = std::make_unique<io::ReplicateSlabs>(partial, layout, lists.access(), lists.transfer());
    std::vector<WorksTable> works;  // the same on every slice: rank 0 keeps them
    Aggregates totals = run_simulation(setup.scenario, mine, setup.params, options,
                                       [&](std::size_t r, const ReplicateRecord& record) {
                                         slabs->write(r, &record, r < recorded, first, ranks.is_root());
                                         if (ranks.is_root() && r < recorded) works.push_back(record.works);
                                       });
    slabs->close();
    slabs.reset();
    if (!ranks.is_root()) return totals;
    results->resume();
    for (std::size_t r = 0; r < works.size(); ++r) results->add_works(r, works[r]);
    results->commit(totals);
    return totals;
  } catch (const std::exception& e) {
    (void)slabs.release();
    std::fprintf(stderr, "coron: rank %d of %d: %s\n", ranks.rank(), ranks.size(), e.what());
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    ranks.abort(1);
  }
}

}  // namespace coron::cluster
