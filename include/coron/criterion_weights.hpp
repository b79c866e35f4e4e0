#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

// The criteria of the weighted ranking (docs/model-rankings.md) and their weights: read
// from a scenario's `renovation.allocation.weights` and handed as they are to the
// ranking, so that both speak of one type.

namespace coron {

/// The criteria of the weighted rule; for each, a higher value means a more urgent candidate.
enum class Criterion : std::uint8_t {
  poverty,
  fuel_poverty,
  qpv,
  label,
  primary_energy,
  heritage,
  condition
};
inline constexpr std::size_t criterion_count = 7;
inline constexpr std::array<std::string_view, criterion_count> criterion_names = {
    "poverty", "fuel_poverty", "qpv", "label", "primary_energy", "heritage", "condition"};

/// Weights of the criteria in the weighted rule, in no unit (only their ratios matter to
/// the order). 0 ignores a criterion (its column may then be empty); a negative weight
/// turns a criterion into a reason to wait.
struct CriterionWeights {
  double poverty = 0.0;
  double fuel_poverty = 0.0;
  double qpv = 0.0;
  double label = 0.0;
  double primary_energy = 0.0;
  double heritage = 0.0;
  double condition = 0.0;

  /// The weight of criterion c. Thread-safe.
  [[nodiscard]] double operator[](Criterion c) const noexcept;
  friend bool operator==(const CriterionWeights&, const CriterionWeights&) = default;
};

}  // namespace coron
