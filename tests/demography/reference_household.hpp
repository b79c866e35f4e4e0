#pragma once
#include "coron/demography.hpp"
#include "coron/rng.hpp"

#include <cstdint>

// An independent, plain implementation of one household-year of the demography model,
// written from docs/model-demography.md and sharing no code with models/demography:
// the tests run both over the same households and draws and compare the outcomes.

namespace coron::testing {

struct Household {
  int occupied = 0;
  int rights_holder = 0;
  int head_age = 0;
  int head_sex = 0;
  int size = 0;
  double income = 0.0;
  int spouse_age = 0;
  int entry_year = 0;
  int vacant_years = 0;
  int moved_in = 0;
  int died = 0;
  int moved_out = 0;
};

/// The household of dwelling `id` after `year`, under the draws of `key` (seed and
/// replicate set).
[[nodiscard]] Household reference_year(const DemographyParams& p, Household h, std::uint64_t id, RngKey key,
                                       int year);

}  // namespace coron::testing
