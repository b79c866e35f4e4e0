#pragma once
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

// What a run produces, in memory, before the HDF5 writer stores it.
// Per-dwelling columns are [replicate][year][dwelling], flattened row-major.

namespace coron {

struct Results {
  std::size_t replicates = 0;
  std::size_t years = 0;
  std::size_t dwellings = 0;
  std::vector<std::int32_t> year;  ///< [Y] calendar years

  std::vector<double> heating_need_kwh;       ///< [R][Y][N]
  std::vector<double> final_energy_kwh;       ///< [R][Y][N]
  std::vector<double> primary_energy_kwh_m2;  ///< [R][Y][N]
  std::vector<double> ghg_kg_m2;              ///< [R][Y][N]
  std::vector<std::uint8_t> label;            ///< [R][Y][N], 0 = A ... 6 = G

  std::vector<std::int64_t> label_count;  ///< [R][Y][7]
  std::vector<double> final_energy_gwh;   ///< [R][Y]
  std::vector<double> ghg_kt;             ///< [R][Y]

  /// Allocates every array for R x Y x N.
  void allocate(std::size_t r, std::size_t y, std::size_t n);
  /// Offset of row (r, y) in the per-dwelling arrays.
  [[nodiscard]] std::size_t row(std::size_t r, std::size_t y) const noexcept {
    return (r * years + y) * dwellings;
  }
};

}  // namespace coron
