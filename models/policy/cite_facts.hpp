#pragma once
#include "policy/ranking.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

// A cité's facts for ranking it as one candidate (the 2017 mission's integrated
// operations), summed from its dwellings' columns (docs/model-rankings.md). Pure: no
// files, no threads, no allocation (the caller gives the output columns).

namespace coron {

/// The per-dwelling columns the cité facts are built from (stock and state columns of the
/// same names), one value per dwelling.
struct DwellingFactColumns {
  std::span<const std::int32_t> cite_id;  ///< row of the dwelling's cité, in [0, cité count)
  std::span<const std::uint8_t> occupied;
  std::span<const double> income_per_cu_eur;  ///< EUR/yr per consumption unit
  std::span<const std::uint8_t> fuel_poor;
  std::span<const std::uint8_t> qpv;
  std::span<const std::uint8_t> label;  ///< 0 = A ... 6 = G
  std::span<const double> primary_energy_kwh_m2;
  std::span<const double> floor_area_m2;
  std::span<const std::uint8_t> heritage_unesco;
  std::span<const std::uint8_t> structurally_unfit;
};

/// One value per cité in each column; every column holds the cité count.
struct CiteFactColumns {
  std::span<double> dwellings;              ///< dwellings of the cité
  std::span<double> households;             ///< its occupied dwellings
  std::span<double> floor_area_m2;          ///< m2, its dwellings' floor area
  std::span<double> poor_share;             ///< of households, income per CU below the poverty line
  std::span<double> fuel_poor_share;        ///< of households
  std::span<double> qpv_share;              ///< of dwellings
  std::span<double> label_mean;             ///< mean over dwellings, 0 = A ... 6 = G
  std::span<double> label_worst;            ///< highest over dwellings
  std::span<double> primary_energy_kwh_m2;  ///< the cité's primary energy over its floor area
  std::span<double> heritage_share;         ///< of dwellings
  std::span<double> unfit_share;            ///< of dwellings
};

/// Which of a cité's labels the ranking sees.
enum class CiteLabel : std::uint8_t { worst, mean };

/// Fills `cites` from the dwellings: counts, shares and means, summed in dwelling order
/// (so the same columns give the same bits). A dwelling is poor when occupied with an
/// income per CU strictly below `poverty_line_per_cu_eur` (EUR/yr). Shares of households
/// are 0 in a cité with none; every fact of a cité without dwellings is 0. Primary
/// energy is weighted by floor area (0 when the cité has no floor area). Asserts sizes,
/// cite_id in range, finite values. Thread-safe.
void aggregate_cite_facts(const DwellingFactColumns& dwellings, double poverty_line_per_cu_eur,
                          const CiteFactColumns& cites);

/// The candidate facts of the cités, their label the worst or the mean; outcome and
/// cost_eur are left empty for the caller.
[[nodiscard]] CandidateFacts cite_candidates(const CiteFactColumns& cites, CiteLabel label) noexcept;

}  // namespace coron
