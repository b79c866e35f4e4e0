#pragma once
#include "engine/allocation.hpp"
#include "engine/cite_grouping.hpp"
#include "engine/reach_cache.hpp"
#include "policy/package_search.hpp"

#include "coron/engine.hpp"
#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

// What the works steps need for a whole run (WorksPlan, the same for every
// replicate) and for one replicate (ReplicateBooks: the funders' money left, the
// cost draws, the year's works). The plan turns the scenario's renovation section
// into per-dwelling facts once: which operation a dwelling belongs to and in which
// year its turn comes.

namespace coron::engine {

struct SlicedCandidates;  // engine/sliced_funding.hpp

struct WorksPlan {
  /// `shared`: reach sets kept from other runs (RunOptions::reach_sets), used when they
  /// answer this run's questions; otherwise the run's own, when `cache_reach_sets` and
  /// the scenario has ReachCache::min_replicates replicates or more. `slices`: `stock` is
  /// this process's slice (the operations' turns are counted over every slice; collective).
  WorksPlan(const Scenario& scenario, const Stock& stock, const ModelParams& params, bool cache_reach_sets,
            std::shared_ptr<const ReachCache> shared = {}, const SliceExchange* slices = nullptr);

  const RenovationOptions& options;
  const WorksParams& works;
  const FundingParams& funding;
  const EconomicsParams& economics;
  bool rental_bans = true;
  PackageSearch search;
  /// One of a candidate's packages: an explicit list of measures, or the cheapest
  /// allowed measures reaching a target.
  struct Package {
    std::optional<PackageTarget> target;  ///< `reach:` packages
    std::int32_t listed_measures = 0;     ///< explicit packages: their measures
    /// `reach:` searches of dwellings still in their initial state, shared by the
    /// replicates (and, for the renovation's package, by other runs of the same
    /// questions, when given). Never null.
    std::shared_ptr<const ReachCache> reach_sets;
  };
  /// The renovation's package, then the allocation's alternatives: every candidate is
  /// priced for each, in this order.
  std::vector<Package> packages;
  std::int32_t allowed = 0;  ///< measures a `reach:` search may combine
  /// Per dwelling: the operation it belongs to (-1: none) and the year its works are due.
  std::vector<std::int16_t> operation;
  std::vector<std::int16_t> due_year;
};

/// One replicate's running accounts. Built at the replicate's start; the works step
/// fills `year_works` each year and the ledger carries money from year to year.
struct ReplicateBooks {
  ReplicateBooks(const WorksPlan& plan, const Stock& stock, std::uint64_t seed, std::uint32_t replicate);

  FundingLedger ledger;
  /// Cost uncertainty factor of measure k in cité c: [c * measures + k], drawn once per replicate.
  std::vector<double> cost_factor;
  std::vector<std::uint8_t> operation_done;   ///< per dwelling: its operation's turn has been taken
  WorksTable year_works;                      ///< this year's rows
  std::vector<std::int32_t> year_works_cite;  ///< their dwellings' cités
  AllocationTotals allocation;                ///< this year's budget and what it bought
  /// The allocation's running sums since the first year, for the stage gate.
  struct FirstStage {
    double budget_eur = 0.0;
    double spent_eur = 0.0;
    double objective = 0.0;
    std::int64_t out_of_efg = 0;  ///< funded dwellings whose works take them out of E-G
    /// What the gate decided once its year came (continue_ until then).
    AllocationSpec::StageGate::Action action = AllocationSpec::StageGate::Action::continue_;
  };
  FirstStage first_stage;
  /// With an envelope for the run (budget_eur_total): what the years so far have left.
  double envelope_left_eur = 0.0;
  // Scratch reused from year to year.
  std::vector<std::size_t> candidates;
  /// Candidate c's package k (WorksPlan::packages) at [c * packages + k]; once the
  /// allocation has chosen, the chosen one at [c].
  std::vector<PackageChoice> choices;
  std::vector<std::optional<std::size_t>> reach_slots;  ///< per package: its reach cache's factor set
  /// The packages priced in earlier years. A candidate left out by the budget comes back
  /// the next year with the same row, rules, costs and, most years, factors: its packages
  /// are those of the year before, so they are priced once, not each year. Every entry
  /// was priced under `factors`; a change of factors clears them, and a dwelling's entry
  /// is dropped when its works start (its row changes).
  struct PricedPackages {
    YearFactors factors;
    std::vector<std::int32_t> slot;      ///< per dwelling: its entry, -1 for none
    std::vector<PackageChoice> choices;  ///< entry e's package k at [e * packages + k]
    std::vector<std::size_t> to_price;   ///< this year's candidates without an entry
  };
  PricedPackages priced;
  AllocationScratch allocation_scratch;
  CiteGrouping cite_grouping;
  std::vector<std::size_t> kept_candidates;
  std::vector<PackageChoice> kept_choices;
  /// With slices (YearContext::slices): every slice's candidates of the year, gathered
  /// (engine/sliced_funding.cpp); made on the first year that needs it.
  std::shared_ptr<SlicedCandidates> sliced;
};

}  // namespace coron::engine
