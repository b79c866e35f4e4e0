#include "coron/demography.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace coron {

namespace {

namespace draw = demography_draw;

/// The standard normal quantile (Acklam's rational approximation, relative error
/// below 1.2e-9, which is far below what an income needs).
double normal_quantile(double p) noexcept {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double low = 0.02425;
  if (p < low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  if (p > 1.0 - low) {
    const double q = std::sqrt(-2.0 * std::log(1.0 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

/// Index drawn from unnormalised shares with one uniform u in [0, 1).
std::size_t categorical(const std::vector<double>& share, double u) noexcept {
  double total = 0.0;
  for (const double s : share) total += s;
  double acc = 0.0;
  const double target = u * total;
  for (std::size_t i = 0; i + 1 < share.size(); ++i) {
    acc += share[i];
    if (target < acc) return i;
  }
  return share.empty() ? 0 : share.size() - 1;
}

/// Probability of death within the year at `age` (on 1 January) for `sex`.
double death_probability(const DemographyParams& p, std::uint8_t sex, std::int32_t age) noexcept {
  if (age < 0) return 0.0;
  if (static_cast<std::size_t>(age) >= life_table_ages) return 1.0;
  return std::min(1.0, p.mortality_multiplier * p.q[sex & 1U][static_cast<std::size_t>(age)]);
}

std::int16_t age16(std::int32_t age) noexcept { return static_cast<std::int16_t>(std::clamp(age, 0, 120)); }

/// The household after a re-letting: drawn from the entrants' distribution.
void draw_entrant(const DemographyParams& p, const HouseholdColumns& h, std::size_t i, const RngKey& k,
                  int year, double median_eur) noexcept {
  const std::size_t size = categorical(p.entrant_size_share, k.uniform(draw::entrant_size)) + 1;
  // Head age: the band by its share, then uniformly within it (one draw).
  const double u = k.uniform(draw::entrant_age);
  const std::size_t band = categorical(p.entrant_age_share, u);
  double total = 0.0, before = 0.0;
  for (std::size_t b = 0; b < p.entrant_age_share.size(); ++b) {
    if (b < band) before += p.entrant_age_share[b];
    total += p.entrant_age_share[b];
  }
  const double within = std::clamp((u * total - before) / p.entrant_age_share[band], 0.0, 1.0 - 1e-12);
  const std::int32_t lo = p.entrant_age_lower[band];
  const std::int32_t span = p.entrant_age_upper[band] - lo + 1;
  const std::int32_t age = lo + static_cast<std::int32_t>(within * span);

  const double spouse_share =
      size >= 2 && !p.entrant_spouse_share_by_size.empty()
          ? p.entrant_spouse_share_by_size[std::min(size - 1, p.entrant_spouse_share_by_size.size() - 1)]
          : 0.0;
  const bool spouse = k.uniform(draw::entrant_spouse) < spouse_share;
  const double woman_share = spouse ? p.entrant_woman_share_couple : p.entrant_woman_share_single;
  const std::uint8_t sex = k.uniform(draw::entrant_sex) < woman_share ? 1 : 0;
  std::int16_t spouse_age = 0;
  if (spouse) {
    // Uniform gap of the given mean and sd: half-width sd.sqrt(3). The man is the older.
    const double gap = p.spouse_age_gap_mean_y +
                       p.spouse_age_gap_sd_y * std::sqrt(12.0) * (k.uniform(draw::entrant_spouse_age) - 0.5);
    const double signed_gap = sex == 0 ? -gap : gap;
    spouse_age = age16(std::max(18, age + static_cast<std::int32_t>(std::lround(signed_gap))));
  }
  const double u_income = std::max(k.uniform(draw::entrant_income), 0x1.0p-53);

  h.occupied[i] = 1;
  h.rights_holder[i] = 0;  // the housing right is never created
  h.head_age[i] = age16(age);
  h.head_sex[i] = sex;
  h.household_size[i] = static_cast<std::uint8_t>(size);
  h.income_per_cu_eur[i] = median_eur * std::exp(p.entrant_income_sigma * normal_quantile(u_income));
  h.spouse_age[i] = spouse_age;
  h.entry_year[i] = year;
  h.vacant_years[i] = 0;
  h.moved_in[i] = 1;
}

void vacate(const HouseholdColumns& h, std::size_t i) noexcept {
  h.occupied[i] = 0;
  h.rights_holder[i] = 0;
  h.head_age[i] = 0;
  h.head_sex[i] = 0;
  h.household_size[i] = 0;
  h.income_per_cu_eur[i] = 0.0;
  h.spouse_age[i] = 0;
  h.entry_year[i] = 0;
}

}  // namespace

void step_households(const DemographyParams& p, const HouseholdColumns& h, RngKey key, int year,
                     std::size_t begin, std::size_t end) noexcept {
  step_departures(p, h, key, year, begin, end);
  step_lettings(p, h, {}, key, year, begin, end);
}

void step_departures(const DemographyParams& p, const HouseholdColumns& h, RngKey key, int year,
                     std::size_t begin, std::size_t end) noexcept {
  const double growth = 1.0 + p.income_growth;
  key.stream = Stream::demography;
  key.year = year;
  for (std::size_t i = begin; i < end; ++i) {
    h.moved_in[i] = 0;
    h.died[i] = 0;
    h.moved_out[i] = 0;
    if (!p.enabled || h.occupied[i] == 0) continue;
    key.dwelling_id = static_cast<std::uint64_t>(h.dwelling_id[i]);

    // Deaths over the year, at the ages of 1 January. The spouse is of the other sex.
    const std::uint8_t sex = h.head_sex[i];
    const bool head_dies = key.uniform(draw::head_death) < death_probability(p, sex, h.head_age[i]);
    const bool has_spouse = h.spouse_age[i] > 0;
    const bool spouse_dies =
        has_spouse && key.uniform(draw::spouse_death) < death_probability(p, sex ^ 1U, h.spouse_age[i]);
    bool leaves = false;
    if (has_spouse && spouse_dies) {
      h.spouse_age[i] = 0;
      h.household_size[i] = static_cast<std::uint8_t>(std::max(1, h.household_size[i] - 1));
    }
    if (head_dies) {
      h.died[i] = 1;
      if (has_spouse && !spouse_dies) {
        // The surviving spouse carries on, with the housing right if there was one.
        h.head_age[i] = h.spouse_age[i];
        h.head_sex[i] = static_cast<std::uint8_t>(sex ^ 1U);
        h.spouse_age[i] = 0;
        h.household_size[i] = static_cast<std::uint8_t>(std::max(1, h.household_size[i] - 1));
      } else {
        leaves = true;  // the last adult of the lease: the household ends
      }
    }
    // The oldest who live without spouse move to a care home; the others may move out.
    if (!leaves && h.spouse_age[i] == 0 && key.uniform(draw::care_home) < p.care_home.at(h.head_age[i])) {
      leaves = true;
      h.moved_out[i] = 1;
    }
    if (!leaves) {
      const std::int32_t tenure = year - h.entry_year[i];
      const double rate = p.move_out_by_age.at(h.head_age[i]) * p.move_out_factor_by_tenure.at(tenure);
      if (key.uniform(draw::move_out) < rate) {
        leaves = true;
        h.moved_out[i] = 1;
      }
    }
    if (!leaves) {
      // Ageing to 1 January of next year; incomes follow the general growth.
      h.head_age[i] = age16(h.head_age[i] + 1);
      if (h.spouse_age[i] > 0) h.spouse_age[i] = age16(h.spouse_age[i] + 1);
      h.income_per_cu_eur[i] *= growth;
      continue;
    }
    vacate(h, i);
  }
}

void step_lettings(const DemographyParams& p, const HouseholdColumns& h, std::span<const std::uint8_t> blocked,
                   RngKey key, int year, std::size_t begin, std::size_t end) noexcept {
  if (!p.enabled) return;
  const double median_eur =
      p.entrant_income_median_eur * std::pow(1.0 + p.income_growth, year - p.income_base_year);
  key.stream = Stream::demography;
  key.year = year;
  for (std::size_t i = begin; i < end; ++i) {
    if (h.occupied[i] != 0) continue;
    key.dwelling_id = static_cast<std::uint64_t>(h.dwelling_id[i]);
    // Left this year (the household ended), or vacant since an earlier year: let with
    // the probability of a fresh vacancy, or of the vacancy's length.
    const bool left_this_year = h.moved_out[i] != 0 || h.died[i] != 0;
    const std::size_t d = static_cast<std::size_t>(std::max<std::int16_t>(h.vacant_years[i], 1));
    const double p_let = left_this_year ? p.relet_same_year
                         : p.relet_after_years.empty()
                             ? 1.0
                             : p.relet_after_years[std::min(d, p.relet_after_years.size()) - 1];
    // The draw is taken even when a new lease is forbidden, so forbidding one dwelling never
    // shifts another's numbers (each has its own key anyway).
    const bool let = key.uniform(draw::relet) < p_let;
    if (let && (blocked.empty() || blocked[i] == 0))
      draw_entrant(p, h, i, key, year, median_eur);
    else
      h.vacant_years[i] = left_this_year ? std::int16_t{1}
                                         : static_cast<std::int16_t>(std::min<std::size_t>(d + 1, 1000));
  }
}

}  // namespace coron
