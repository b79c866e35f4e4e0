#pragma once
#include "coron/rng.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// The households of the stock from one year to the next (docs/model-demography.md):
// ageing, deaths from the life table times a basin multiplier, the surviving spouse
// carrying on (with the housing right), moves to care homes, moves out by age and
// tenure length, vacancy, and re-letting to new households drawn from the entrants'
// distribution. The parameters come from data/demography/*.yaml; the model itself is
// a pure function over the household columns (models/demography).

namespace coron {

/// Single ages of the life table: 0 .. 110 (older: certain death).
inline constexpr std::size_t life_table_ages = 111;

/// A step function of age: rate[i] applies from age lower[i] (ascending) to the next
/// bound; 0 below lower[0].
struct AgeRates {
  std::vector<std::int32_t> lower;
  std::vector<double> rate;
  /// The rate at `age`. Thread-safe.
  [[nodiscard]] double at(std::int32_t age) const noexcept {
    double r = 0.0;
    for (std::size_t i = 0; i < lower.size() && lower[i] <= age; ++i) r = rate[i];
    return r;
  }
};

struct DemographyParams {
  /// false: households never change (the step only clears the year's event flags).
  bool enabled = true;
  /// Annual probability of death q by [sex][age], sex 0 man, 1 woman (France, HMD 2019).
  std::array<std::array<double, life_table_ages>, 2> q{};
  /// Mining-basin excess mortality: q is multiplied by this (capped at 1).
  double mortality_multiplier = 1.3;
  /// Yearly probability that a head living without spouse moves to a care home, by age.
  AgeRates care_home;
  /// Yearly probability of moving out: by head age, times a factor by tenure length
  /// (years since entry_year; an unknown entry year counts as the longest tenure).
  AgeRates move_out_by_age;
  AgeRates move_out_factor_by_tenure;
  /// Probability that a dwelling vacated during the year is let again the same year.
  double relet_same_year = 0.85;
  /// Probability that a dwelling vacant for d year-ends is let during the year, index
  /// d - 1; the last value holds for longer vacancies.
  std::vector<double> relet_after_years;
  // New households (re-letting): size 1..N, head age by bands, sex, spouse, income.
  std::vector<double> entrant_size_share;            ///< index 0 = 1 person
  std::vector<double> entrant_spouse_share_by_size;  ///< share living with a spouse, by size
  std::vector<std::int32_t> entrant_age_lower;       ///< first age of each band
  std::vector<std::int32_t> entrant_age_upper;       ///< last age of each band
  std::vector<double> entrant_age_share;
  double entrant_woman_share_single = 0.5;  ///< head without spouse who is a woman
  double entrant_woman_share_couple = 0.1;  ///< head of a couple who is a woman
  /// Spouse age = head age + gap, gap uniform with this mean (man older) and sd (years).
  double spouse_age_gap_mean_y = 2.0;
  double spouse_age_gap_sd_y = 4.0;
  /// Lognormal income per consumption unit of entrants, EUR of `income_base_year`.
  double entrant_income_median_eur = 16000.0;
  double entrant_income_sigma = 0.34;
  std::int32_t income_base_year = 2022;
  /// Yearly growth of incomes (households in place and the entrants' median).
  double income_growth = 0.008;
};

/// Draw numbers k of RngKey::uniform under Stream::demography, fixed once and for all.
namespace demography_draw {
inline constexpr std::uint32_t head_death = 0, spouse_death = 1, care_home = 2, move_out = 3, relet = 4,
                               entrant_size = 5, entrant_age = 6, entrant_sex = 7, entrant_income = 8,
                               entrant_spouse = 9, entrant_spouse_age = 10;
}

/// Views on the columns the model reads and writes, all of the same length.
struct HouseholdColumns {
  std::span<const std::int64_t> dwelling_id;
  std::span<std::uint8_t> occupied;
  std::span<std::uint8_t> rights_holder;
  std::span<std::int16_t> head_age;
  std::span<std::uint8_t> head_sex;
  std::span<std::uint8_t> household_size;
  std::span<double> income_per_cu_eur;
  std::span<std::int16_t> spouse_age;
  std::span<std::int32_t> entry_year;
  std::span<std::int16_t> vacant_years;
  std::span<std::uint8_t> moved_in;
  std::span<std::uint8_t> died;
  std::span<std::uint8_t> moved_out;
};

/// Takes the households of rows [begin, end) through `year`: the key carries seed,
/// replicate and year; the draws use key.dwelling_id = dwelling_id[i] and
/// Stream::demography. Writes only rows [begin, end): thread-safe across disjoint ranges.
/// No allocation. The same as step_departures then step_lettings with nothing blocked.
void step_households(const DemographyParams& params, const HouseholdColumns& columns, RngKey key, int year,
                     std::size_t begin, std::size_t end) noexcept;

/// The first half of the year: deaths, moves out and ageing. A household that ends
/// leaves its dwelling vacant (occupied 0, moved_out or died set) for step_lettings.
void step_departures(const DemographyParams& params, const HouseholdColumns& columns, RngKey key, int year,
                     std::size_t begin, std::size_t end) noexcept;

/// The second half: vacant dwellings are let to new households with the probability of
/// their vacancy length (or of a departure this year), except where `blocked` is non-zero
/// (works, a rental ban): those stay vacant. An empty `blocked` blocks nothing.
void step_lettings(const DemographyParams& params, const HouseholdColumns& columns,
                   std::span<const std::uint8_t> blocked, RngKey key, int year, std::size_t begin,
                   std::size_t end) noexcept;

}  // namespace coron
