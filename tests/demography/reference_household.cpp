#include "demography/reference_household.hpp"

#include <cmath>
#include <vector>

namespace coron::testing {
namespace {

/// The k-th uniform of this dwelling and year, demography stream.
double draw(RngKey key, std::uint64_t id, int year, std::uint32_t k) {
  key.dwelling_id = id;
  key.year = year;
  key.stream = Stream::demography;
  return key.uniform(k);
}

double q_of(const DemographyParams& p, int sex, int age) {
  if (age >= 111) return 1.0;
  const double q = p.q[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)] * p.mortality_multiplier;
  return q > 1.0 ? 1.0 : q;
}

/// The value of the last bound at or below x, 0 below the first.
double step_at(const AgeRates& r, int x) {
  double value = 0.0;
  for (std::size_t i = 0; i < r.lower.size(); ++i)
    if (x >= r.lower[i]) value = r.rate[i];
  return value;
}

/// Smallest index whose cumulative share exceeds u.total.
std::size_t pick(const std::vector<double>& shares, double u) {
  double total = 0.0;
  for (double s : shares) total += s;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    cumulative += shares[i];
    if (u * total < cumulative) return i;
  }
  return shares.size() - 1;
}

/// Standard normal quantile by bisection on the CDF 0.5.erfc(-z / sqrt 2).
double probit(double p) {
  double lo = -40.0, hi = 40.0;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

int clamp_age(int a) { return a < 0 ? 0 : (a > 120 ? 120 : a); }

Household entrant(const DemographyParams& p, std::uint64_t id, RngKey key, int year) {
  Household h;
  h.occupied = 1;
  h.size = static_cast<int>(pick(p.entrant_size_share, draw(key, id, year, 5))) + 1;
  const double u = draw(key, id, year, 6);
  const std::size_t band = pick(p.entrant_age_share, u);
  double total = 0.0, below = 0.0;
  for (std::size_t b = 0; b < p.entrant_age_share.size(); ++b) {
    total += p.entrant_age_share[b];
    if (b < band) below += p.entrant_age_share[b];
  }
  double frac = (u * total - below) / p.entrant_age_share[band];
  if (frac < 0.0) frac = 0.0;
  if (frac > 1.0 - 1e-12) frac = 1.0 - 1e-12;
  const int width = p.entrant_age_upper[band] - p.entrant_age_lower[band] + 1;
  const int age = p.entrant_age_lower[band] + static_cast<int>(frac * width);
  h.head_age = clamp_age(age);
  double with_spouse = 0.0;
  if (h.size >= 2) {
    const std::size_t index = static_cast<std::size_t>(h.size) - 1;
    with_spouse = p.entrant_spouse_share_by_size[index < p.entrant_spouse_share_by_size.size()
                                                     ? index
                                                     : p.entrant_spouse_share_by_size.size() - 1];
  }
  const bool couple = draw(key, id, year, 9) < with_spouse;
  h.head_sex =
      draw(key, id, year, 7) < (couple ? p.entrant_woman_share_couple : p.entrant_woman_share_single);
  if (couple) {
    const double gap =
        p.spouse_age_gap_mean_y + p.spouse_age_gap_sd_y * std::sqrt(12.0) * (draw(key, id, year, 10) - 0.5);
    int spouse = age + static_cast<int>(std::lround(h.head_sex == 0 ? -gap : gap));
    if (spouse < 18) spouse = 18;
    h.spouse_age = clamp_age(spouse);
  }
  double u_income = draw(key, id, year, 8);
  if (u_income < 0x1.0p-53) u_income = 0x1.0p-53;
  const double median =
      p.entrant_income_median_eur * std::pow(1.0 + p.income_growth, year - p.income_base_year);
  h.income = median * std::exp(p.entrant_income_sigma * probit(u_income));
  h.entry_year = year;
  h.moved_in = 1;
  return h;
}

}  // namespace

Household reference_year(const DemographyParams& p, Household h, std::uint64_t id, RngKey key, int year) {
  h.moved_in = h.died = h.moved_out = 0;
  if (!p.enabled) return h;
  if (!h.occupied) {
    const int d = h.vacant_years < 1 ? 1 : h.vacant_years;
    const int n = static_cast<int>(p.relet_after_years.size());
    const double chance = p.relet_after_years[static_cast<std::size_t>((d < n ? d : n) - 1)];
    if (draw(key, id, year, 4) < chance) return entrant(p, id, key, year);
    h.vacant_years = d + 1;
    return h;
  }
  bool gone = false;
  const bool head_dies = draw(key, id, year, 0) < q_of(p, h.head_sex, h.head_age);
  bool spouse_alive = false;
  if (h.spouse_age > 0) {
    const bool spouse_dies = draw(key, id, year, 1) < q_of(p, 1 - h.head_sex, h.spouse_age);
    spouse_alive = !spouse_dies;
    if (spouse_dies) {
      h.spouse_age = 0;
      h.size = h.size > 1 ? h.size - 1 : 1;
    }
  }
  if (head_dies) {
    h.died = 1;
    if (spouse_alive) {
      h.head_age = h.spouse_age;
      h.head_sex = 1 - h.head_sex;
      h.spouse_age = 0;
      h.size = h.size > 1 ? h.size - 1 : 1;
    } else {
      gone = true;
    }
  }
  if (!gone && h.spouse_age == 0 && draw(key, id, year, 2) < step_at(p.care_home, h.head_age)) {
    gone = true;
    h.moved_out = 1;
  }
  if (!gone) {
    const double rate =
        step_at(p.move_out_by_age, h.head_age) * step_at(p.move_out_factor_by_tenure, year - h.entry_year);
    if (draw(key, id, year, 3) < rate) {
      gone = true;
      h.moved_out = 1;
    }
  }
  if (!gone) {
    h.head_age = clamp_age(h.head_age + 1);
    if (h.spouse_age > 0) h.spouse_age = clamp_age(h.spouse_age + 1);
    h.income *= 1.0 + p.income_growth;
    return h;
  }
  const int died = h.died, moved_out = h.moved_out;
  if (draw(key, id, year, 4) < p.relet_same_year) {
    h = entrant(p, id, key, year);
  } else {
    h = Household{};
    h.vacant_years = 1;
  }
  h.died = died;
  h.moved_out = moved_out;
  return h;
}

}  // namespace coron::testing
