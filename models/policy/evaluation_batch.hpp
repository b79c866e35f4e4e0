#pragma once
#include "coron/thermal.hpp"
#include "coron/works.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

// A few hypothetical versions of one dwelling as kernel columns: the package search
// writes one row per combination it wants to know about, then evaluates them all in
// one call of the 3CL kernel (which runs several dwellings side by side).

namespace coron::detail {

/// Rows evaluated per kernel call. The kernel folds its system tables once per call
/// (a fixed cost) and runs 4 rows per AVX2 lane group; 16 keeps the rows a search
/// evaluates past the cheapest reaching one few.
inline constexpr std::size_t batch_rows = 16;

/// About 5 KiB: lives on the stack of the search.
struct EvaluationBatch {
#define CORON_BATCH_COLUMN(T, name, unit, spec, text) std::array<T, batch_rows> name;
  CORON_THERMAL_COLUMNS(CORON_BATCH_COLUMN)
#undef CORON_BATCH_COLUMN
  std::array<double, batch_rows> need, final_energy, heating_final, heating_backup_final, dhw_final,
      electricity_other, cep, eges;
  std::array<std::uint8_t, batch_rows> label;
  std::size_t size = 0;

  void clear() noexcept { size = 0; }
  [[nodiscard]] bool full() const noexcept { return size == batch_rows; }

  /// Appends `row`; returns its slot.
  std::size_t add(const ThermalRow& row) noexcept {
    const std::size_t r = size++;
#define CORON_BATCH_SET(T, name, unit, spec, text) name[r] = row.name;
    CORON_THERMAL_COLUMNS(CORON_BATCH_SET)
#undef CORON_BATCH_SET
    return r;
  }

  /// Row `r` back as a ThermalRow.
  [[nodiscard]] ThermalRow row(std::size_t r) const noexcept {
    ThermalRow out;
#define CORON_BATCH_GET(T, name, unit, spec, text) out.name = name[r];
    CORON_THERMAL_COLUMNS(CORON_BATCH_GET)
#undef CORON_BATCH_GET
    return out;
  }

  /// Runs the kernel over the rows added since the last clear().
  void evaluate(const ThermalParams& params, const YearFactors& year) noexcept {
    ThermalInputs in;
#define CORON_BATCH_SPAN(T, name, unit, spec, text) in.name = std::span<const T>(name.data(), size);
    CORON_THERMAL_COLUMNS(CORON_BATCH_SPAN)
#undef CORON_BATCH_SPAN
    const ThermalOutputs out{
        std::span<double>(need.data(), size),          std::span<double>(final_energy.data(), size),
        std::span<double>(heating_final.data(), size), std::span<double>(heating_backup_final.data(), size),
        std::span<double>(dhw_final.data(), size),     std::span<double>(electricity_other.data(), size),
        std::span<double>(cep.data(), size),           std::span<double>(eges.data(), size),
        std::span<std::uint8_t>(label.data(), size)};
    evaluate_thermal(in, params, year, out, 0, size);
  }
};

}  // namespace coron::detail
