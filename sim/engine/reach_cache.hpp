#pragma once
#include "policy/package_search.hpp"

#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

// The reach sets of the run, shared by its replicates. A dwelling renovated from its
// initial state asks the same question in every replicate (its row, rules, allowed
// measures and target are the run's; the year's factors take a few values), only the
// costs differ: the set is computed by the first replicate to ask and priced by each.
// A dwelling whose row has changed (earlier works) is searched directly, uncached.
//
// Entries are computed at most once each (a once-flag per entry); a set is a pure
// function of its question, so what a replicate gets does not depend on which thread
// filled the entry or when. Memory: 48 bytes per dwelling for each distinct set of
// factors met (allocated when the set is first met: 3.4 MB for 70,000 dwellings), plus
// 48 bytes per kept combination of the dwellings actually asked about (22 on average
// for label C on the mining stock: about 1.1 kB per dwelling asked).
//
// Runs that differ only in their works budget (the points of `coron sweep`) ask the same
// questions: one cache may serve them all (RunOptions::reach_sets). It answers only runs
// of the questions it was first given (adopt): same stock, data, target, measures and
// rules; another run keeps a cache of its own.

namespace coron::engine {

class ReachCache {
 public:
  /// At most this many distinct factor sets are cached (the electricity factor changes
  /// once in the scenarios); questions under others are searched directly.
  static constexpr std::size_t max_factor_sets = 4;

  /// A reach set costs about 2.7 searches of one dwelling and pricing it 0.07
  /// (BM_reach_set_mining_stock, BM_cheapest_in_mining_stock, BM_package_search_mining_stock):
  /// asked in R replicates, 2.7 + 0.07 R searches against R, a gain from 3 replicates on
  /// and a clear one from 4. Runs of fewer replicates search directly.
  static constexpr int min_replicates = 4;

  /// What a set depends on besides the dwelling, its row and the year's factors: the
  /// data (by address: a run's parameters), the target, the measures allowed and the
  /// scenario's rules.
  struct Questions {
    const WorksParams* works = nullptr;
    const ThermalParams* thermal = nullptr;
    std::string target;
    std::uint8_t label_max = 0;
    double primary_energy_max_kwh_m2 = 0.0;
    std::int32_t allowed = 0;
    bool heritage_strict = true;
    RenovationOptions::Unfit unfit = RenovationOptions::Unfit::heavy;
    friend bool operator==(const Questions&, const Questions&) = default;
  };

  /// `enabled` false: every question is searched directly (to compare the two).
  ReachCache(const Stock& stock, bool enabled);

  /// Whether this cache answers a run of `stock` asking `questions`: the first run to ask
  /// fixes them, later runs must ask the same. Thread-safe.
  [[nodiscard]] bool adopt(const Stock& stock, const Questions& questions) const;

  /// Where the entries of `factors` live; nothing when they are not cached. Once per
  /// replicate-year, not per dwelling (it may allocate and takes a lock).
  [[nodiscard]] std::optional<std::size_t> factor_set(const YearFactors& factors) const;

  /// The reach set of dwelling i under factor set `slot`, computed on first use by
  /// `search`; nothing when `row` is not the dwelling's initial row.
  [[nodiscard]] const ReachSet* find(std::size_t slot, std::size_t i, const ThermalRow& row,
                                     const PackageSearch& search, const PackageRules& rules,
                                     std::int32_t allowed, const PackageTarget& target,
                                     const YearFactors& factors) const;

 private:
  struct Entry {
    std::once_flag once;
    ReachSet set;
  };
  struct FactorSet {
    YearFactors factors;
    std::unique_ptr<Entry[]> entries;
  };

  /// Whether `row` is dwelling i's row in the stock.
  [[nodiscard]] bool initial(std::size_t i, const ThermalRow& row) const noexcept;

  const Stock& stock_;
  bool enabled_;
  mutable std::mutex mutex_;  // guards the registration of factor sets, not the entries
  mutable std::array<FactorSet, max_factor_sets> sets_;
  mutable std::size_t used_ = 0;
  mutable std::optional<Questions> questions_;  // guarded by mutex_
};

}  // namespace coron::engine
