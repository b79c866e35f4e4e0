#include "engine/works_plan.hpp"

#include "engine/slice_counts.hpp"

#include "coron/error.hpp"

#include <algorithm>

namespace coron::engine {

namespace {

/// Bit set of the measures named in `names` (the setup has checked they exist).
std::int32_t measure_bits(const WorksParams& works, const std::vector<std::string>& names) {
  std::int32_t bits = 0;
  for (const std::string& name : names) {
    const auto k = works.find(name);
    CORON_ASSERT(k.has_value());
    bits |= std::int32_t{1} << *k;
  }
  return bits;
}

/// Every measure a `reach:` search may combine: the thermal ones (structure measures
/// come with the unfit rule, never by choice).
std::int32_t thermal_measures(const WorksParams& works) {
  std::int32_t bits = 0;
  for (std::size_t k = 0; k < works.measures.size(); ++k)
    if (works.measures[k].component != Component::structure) bits |= std::int32_t{1} << k;
  return bits;
}

}  // namespace

WorksPlan::WorksPlan(const Scenario& scenario, const Stock& stock, const ModelParams& params,
                     bool cache_reach_sets, std::shared_ptr<const ReachCache> shared,
                     const SliceExchange* slices)
    : options(scenario.renovation),
      works(params.works),
      funding(params.funding),
      economics(params.economics),
      rental_bans(scenario.rental_bans),
      search(params.works, params.thermal) {
  CORON_ASSERT(params.works.measures.size() <= max_measures);
  if (!options.enabled) return;
  allowed = thermal_measures(params.works);
  const bool cache = cache_reach_sets && scenario.replicates >= ReachCache::min_replicates;
  const auto add_package = [&](const std::string& reach, const std::vector<std::string>& measures) {
    Package& package = packages.emplace_back();
    if (!reach.empty()) {
      package.target = params.works.target(reach);
      CORON_ASSERT(package.target.has_value());
    }
    package.listed_measures = measure_bits(params.works, measures);
    // The renovation's package may take the reach sets of earlier runs of the same
    // questions (the points of a sweep); the alternatives keep their own.
    const PackageTarget* target = package.target ? &*package.target : nullptr;
    if (shared && target != nullptr && cache_reach_sets && packages.size() == 1 &&
        shared->adopt(stock, ReachCache::Questions{&params.works, &params.thermal, target->name,
                                                   target->label_max, target->primary_energy_max_kwh_m2,
                                                   allowed, options.heritage_strict, options.unfit}))
      package.reach_sets = std::move(shared);
    else
      package.reach_sets = std::make_shared<const ReachCache>(stock, cache);
  };
  add_package(options.package.reach, options.package.measures);
  for (const std::string& alternative : options.allocation.alternatives) add_package(alternative, {});

  // An operation's dwellings (stock order) take their turn in equal shares over its years:
  // dwelling j of n in year start + floor(j * years / n), j and n counted over the whole
  // stock when this one is a slice of it.
  operation.assign(stock.size(), -1);
  due_year.assign(stock.size(), 0);
  std::vector<std::vector<std::size_t>> members(options.operations.size());
  std::vector<std::uint64_t> mine(options.operations.size());
  for (std::size_t o = 0; o < options.operations.size(); ++o) {
    const OperationSpec& op = options.operations[o];
    for (std::size_t i = 0; i < stock.size(); ++i)
      if (operation[i] < 0 && std::binary_search(op.cite_ids.begin(), op.cite_ids.end(), stock.cite_id[i])) {
        members[o].push_back(i);
        operation[i] = static_cast<std::int16_t>(o);
      }
    mine[o] = members[o].size();
  }
  const SliceCounts counts = slices != nullptr ? count_over_slices(*slices, mine)
                                               : SliceCounts{std::vector<std::uint64_t>(mine.size()), mine};
  for (std::size_t o = 0; o < options.operations.size(); ++o) {
    const OperationSpec& op = options.operations[o];
    const std::uint64_t n = counts.total[o];
    for (std::size_t j = 0; j < members[o].size(); ++j)
      due_year[members[o][j]] = static_cast<std::int16_t>(
          op.start_year +
          static_cast<int>((counts.before[o] + j) * static_cast<std::uint64_t>(op.years) / n));
  }
}

ReplicateBooks::ReplicateBooks(const WorksPlan& plan, const Stock& stock, std::uint64_t seed,
                               std::uint32_t replicate)
    : ledger(plan.funding) {
  const std::size_t measures = plan.works.measures.size();
  cost_factor.resize(stock.cites.size() * measures);
  for (std::size_t c = 0; c < stock.cites.size(); ++c) {
    // One key per (replicate, cité), one draw per measure: the same cité gets the same
    // prices in a scenario with works and in one without, and in any other scenario.
    const RngKey key{seed, replicate, 0, static_cast<std::uint64_t>(c), Stream::works_cost};
    for (std::size_t k = 0; k < measures; ++k) {
      const MeasureCost& cost = plan.works.measures[k].cost;
      cost_factor[c * measures + k] =
          cost.low + key.uniform(static_cast<std::uint32_t>(k)) * (cost.high - cost.low);
    }
  }
  operation_done.assign(stock.size(), 0);
  priced.slot.assign(stock.size(), -1);
  envelope_left_eur = plan.options.allocation.budget_eur_total.value_or(0.0);
  year_works.clear(plan.funding.funders.size());
}

}  // namespace coron::engine
