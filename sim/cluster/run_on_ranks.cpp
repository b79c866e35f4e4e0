#include "cluster/run_on_ranks.hpp"

#include "cluster/parallel_hdf5.hpp"
#include "cluster/record_pack.hpp"
#include "cluster/shared_file.hpp"
#include "io/replicate_slabs.hpp"
#include "setup/run_to_file.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace coron::cluster {

namespace {

/// Who runs what: rounds of K replicates, the first R_d of them recording their dwellings.
struct Shares {
  std::size_t ranks = 1;
  std::size_t replicates = 0;
  std::size_t recorded = 0;  ///< replicates with /dwelling rows and works

  [[nodiscard]] std::size_t rounds() const { return (replicates + ranks - 1) / ranks; }
  /// Whether any rank writes /dwelling rows in round j.
  [[nodiscard]] bool dwelling_round(std::size_t j) const { return j * ranks < recorded; }
};

}  // namespace

Aggregates run_to_file_on_ranks(const Ranks& ranks, const setup::RunSetup& setup, RunOptions options,
                                const std::filesystem::path& file, const io::RunMetadata& meta) {
  if (ranks.size() == 1) return setup::run_to_file(setup, options, file, meta);
  const Scenario& scenario = setup.scenario;
  Shares shares;
  shares.ranks = static_cast<std::size_t>(ranks.size());
  shares.replicates = static_cast<std::size_t>(scenario.replicates);
  shares.recorded = scenario.recorded_replicates();
  options.replicate_first = static_cast<std::size_t>(ranks.rank());
  options.replicate_stride = shares.ranks;

  std::optional<setup::ResultsFile> results;
  const std::filesystem::path partial =
      create_shared_file(ranks, results, setup, options.threads, file, meta);

  // Held apart from the unwinding of an error: closing a file opened by every rank is itself
  // collective, and the other ranks are not there to close it.
  std::unique_ptr<io::ReplicateSlabs> slabs;
  try {
    const ParallelHdf5 lists;
    slabs = std::make_unique<io::ReplicateSlabs>(partial, setup::results_layout(setup), lists.access(),
                                                 lists.transfer());
    std::size_t round = 0;
    std::vector<WorksTable> works;  // of this rank's recorded replicates, in order
    Aggregates mine = run_simulation(scenario, setup.stock, setup.params, options,
                                     [&](std::size_t r, const ReplicateRecord& record) {
                                       CORON_ASSERT(r / shares.ranks == round);
                                       slabs->write(r, &record, shares.dwelling_round(round));
                                       ++round;
                                       if (r < shares.recorded) works.push_back(record.works);
                                     });
    // A rank with fewer replicates takes part in the last rounds' writes with none.
    for (; round < shares.rounds(); ++round) slabs->write(0, nullptr, shares.dwelling_round(round));
    slabs->close();
    slabs.reset();

    if (!ranks.is_root()) {
      for (const WorksTable& w : works) ranks.send(0, pack_works(w));
      ranks.send(0, pack_totals(mine));
      return mine;
    }
    results->resume();
    for (std::size_t r = 0; r < shares.recorded; ++r) {
      const auto from = static_cast<int>(r % shares.ranks);
      if (from == 0)
        results->add_works(r, works[r / shares.ranks]);
      else
        results->add_works(r, unpack_works(ranks.receive(from), setup.params.funding.funders.size()));
    }
    for (int k = 1; k < ranks.size(); ++k)
      merge_totals(ranks.receive(k), static_cast<std::size_t>(k), shares.ranks, mine);
    results->commit(mine);
    return mine;
  } catch (const std::exception& e) {
    (void)slabs.release();  // never closed: see above
    std::fprintf(stderr, "coron: rank %d of %d: %s\n", ranks.rank(), ranks.size(), e.what());
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    ranks.abort(1);
  }
}

}  // namespace coron::cluster
