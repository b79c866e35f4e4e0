#include "reference_ranking.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace coron::reference {
namespace {

// The index of the best candidate not yet taken under `before` (a strict "comes before").
template <class Before>
std::vector<std::int32_t> pick_in_turn(std::size_t n, Before before) {
  std::vector<bool> taken(n, false);
  std::vector<std::int32_t> order;
  for (std::size_t round = 0; round < n; ++round) {
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (taken[i]) continue;
      if (best == n || before(i, best)) best = i;
    }
    taken[best] = true;
    order.push_back(static_cast<std::int32_t>(best));
  }
  return order;
}

}  // namespace

std::vector<double> weighted_scores(const std::vector<Candidate>& candidates, const double (&weights)[7]) {
  std::vector<double> scores;
  for (const Candidate& candidate : candidates) {
    double score = 0.0;
    for (int c = 0; c < 7; ++c) {
      if (weights[c] == 0.0) continue;
      double lowest = candidates[0].criteria[c], highest = candidates[0].criteria[c];
      for (const Candidate& other : candidates) {
        if (other.criteria[c] < lowest) lowest = other.criteria[c];
        if (other.criteria[c] > highest) highest = other.criteria[c];
      }
      if (highest == lowest) continue;
      score += weights[c] * ((candidate.criteria[c] - lowest) / (highest - lowest));
    }
    scores.push_back(score);
  }
  return scores;
}

std::vector<std::int32_t> weighted_order(const std::vector<Candidate>& candidates,
                                         const double (&weights)[7]) {
  const std::vector<double> scores = weighted_scores(candidates, weights);
  // Ties go to the lower index because the scan keeps the first best it met.
  return pick_in_turn(candidates.size(),
                      [&](std::size_t i, std::size_t best) { return scores[i] > scores[best]; });
}

std::vector<std::int32_t> worst_first_order(const std::vector<Candidate>& candidates) {
  return pick_in_turn(candidates.size(), [&](std::size_t i, std::size_t best) {
    const Candidate &a = candidates[i], &b = candidates[best];
    if (a.criteria[3] > b.criteria[3]) return true;
    return a.criteria[3] == b.criteria[3] && a.criteria[4] > b.criteria[4];
  });
}

std::vector<std::int32_t> cost_effectiveness_order(const std::vector<Candidate>& candidates) {
  // Group 2: free with a gain; 1: priced, or free with nothing; 0: free with a loss.
  auto group = [](const Candidate& c) {
    return c.cost_eur > 0 ? 1 : c.outcome > 0 ? 2 : c.outcome < 0 ? 0 : 1;
  };
  auto value = [](const Candidate& c) { return c.cost_eur > 0 ? c.outcome / c.cost_eur : c.outcome; };
  return pick_in_turn(candidates.size(), [&](std::size_t i, std::size_t best) {
    const Candidate &a = candidates[i], &b = candidates[best];
    if (group(a) != group(b)) return group(a) > group(b);
    return value(a) > value(b);
  });
}

std::vector<Cite> cite_facts(const std::vector<Dwelling>& dwellings, std::size_t cite_count,
                             double poverty_line_per_cu_eur) {
  std::vector<Cite> cites(cite_count);
  for (std::size_t k = 0; k < cite_count; ++k) {
    Cite& c = cites[k];
    double poor = 0, fuel_poor = 0, qpv = 0, labels = 0, primary_kwh = 0, heritage = 0, unfit = 0;
    for (const Dwelling& d : dwellings) {
      if (d.cite != static_cast<std::int32_t>(k)) continue;
      c.dwellings += 1;
      if (d.occupied) {
        c.households += 1;
        if (d.income_per_cu_eur < poverty_line_per_cu_eur) poor += 1;
        if (d.fuel_poor) fuel_poor += 1;
      }
      if (d.qpv) qpv += 1;
      if (d.heritage) heritage += 1;
      if (d.unfit) unfit += 1;
      labels += d.label;
      if (d.label > c.label_worst) c.label_worst = d.label;
      primary_kwh += d.primary_energy_kwh_m2 * d.floor_area_m2;
      c.floor_area_m2 += d.floor_area_m2;
    }
    if (c.households > 0) {
      c.poor_share = poor / c.households;
      c.fuel_poor_share = fuel_poor / c.households;
    }
    if (c.dwellings > 0) {
      c.qpv_share = qpv / c.dwellings;
      c.label_mean = labels / c.dwellings;
      c.heritage_share = heritage / c.dwellings;
      c.unfit_share = unfit / c.dwellings;
    }
    if (c.floor_area_m2 > 0) c.primary_energy_kwh_m2 = primary_kwh / c.floor_area_m2;
  }
  return cites;
}

}  // namespace coron::reference
