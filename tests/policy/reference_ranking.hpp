#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

// Plain reference rankings and cité facts, written from docs/model-rankings.md: one
// candidate or dwelling as a struct, minima and maxima found again for every candidate,
// orders built by picking the best remaining candidate. Shares no code with
// models/policy/ranking.cpp or cite_facts.cpp; quadratic, for tests only.

namespace coron::reference {

/// One candidate, the criteria in the order of the Criterion enum.
struct Candidate {
  double criteria[7] = {};  ///< poverty, fuel poverty, qpv, label, primary energy, heritage, condition
  double outcome = 0.0, cost_eur = 0.0;
};

/// The weighted score of every candidate: sum over criteria (in order) of weight x
/// (x - min) / (max - min), 0 when max == min.
std::vector<double> weighted_scores(const std::vector<Candidate>& candidates, const double (&weights)[7]);

/// The candidates by decreasing weighted score, ties to the lower index.
std::vector<std::int32_t> weighted_order(const std::vector<Candidate>& candidates,
                                         const double (&weights)[7]);

/// The candidates by decreasing label, then primary energy, then increasing index.
std::vector<std::int32_t> worst_first_order(const std::vector<Candidate>& candidates);

/// Free with a gain first (larger gain first), then outcome per euro decreasing (free with
/// no outcome at 0), then free with a loss (smaller loss first); ties to the lower index.
std::vector<std::int32_t> cost_effectiveness_order(const std::vector<Candidate>& candidates);

struct Dwelling {
  std::int32_t cite = 0;
  bool occupied = false, fuel_poor = false, qpv = false, heritage = false, unfit = false;
  double income_per_cu_eur = 0.0, primary_energy_kwh_m2 = 0.0, floor_area_m2 = 0.0;
  std::uint8_t label = 0;
};

struct Cite {
  double dwellings = 0, households = 0, floor_area_m2 = 0, poor_share = 0, fuel_poor_share = 0, qpv_share = 0,
         label_mean = 0, label_worst = 0, primary_energy_kwh_m2 = 0, heritage_share = 0, unfit_share = 0;
};

/// Each cité's facts, its dwellings visited in their order.
std::vector<Cite> cite_facts(const std::vector<Dwelling>& dwellings, std::size_t cite_count,
                             double poverty_line_per_cu_eur);

}  // namespace coron::reference
