#pragma once
#include "envelope_sun.hpp"
#include "iso13790_network.hpp"

#include "coron/thermal.hpp"

#include <array>
#include <cstddef>

// A dwelling of the stock as the hourly 5R1C model sees it, from the very columns the monthly
// method reads (docs/model-hourly.md, "The stock hour by hour"): its network parameters, how
// much of the sun on each of five surfaces (the four facades and the roof) enters it, its loss
// to the sky and its internal gains.

namespace coron::hourly {

/// The surfaces whose hourly irradiance the dwellings share, in this order.
enum class Facade : std::uint8_t { south = 0, east = 1, west = 2, north = 3, roof = 4 };
inline constexpr std::size_t facade_count = 5;

/// One dwelling's 5R1C inputs (SI units). 152 bytes.
struct HourlyDwelling {
  Iso13790Parameters network;
  /// Heat into the zone per W/m2 of irradiance on each Facade (m2): windows g F_e A, opaque
  /// alpha R_se U A.
  std::array<double, facade_count> solar_aperture_m2{};
  double sky_loss_w = 0.0;  ///< long-wave loss of the envelope to the sky, every hour
  double internal_w = 0.0;  ///< 3CL's internal gains while heated, every hour
};

/// The inputs of dwelling `row` of `in` (the thermal columns of the registry) with the
/// method's parameters (ventilation flows, internal gains, window shading). No allocation,
/// no throw; thread-safe.
[[nodiscard]] HourlyDwelling hourly_dwelling(const ThermalInputs& in, std::size_t row,
                                             const ThermalParams& params,
                                             const OuterSurface& surface = {}) noexcept;

/// The solar heat of one hour (W): sum over the facades of aperture x irradiance, less the sky loss.
[[nodiscard]] inline double solar_gain_w(
    const HourlyDwelling& d, const std::array<double, facade_count>& irradiance_w_per_m2) noexcept {
  double w = -d.sky_loss_w;
  for (std::size_t f = 0; f < facade_count; ++f) w += d.solar_aperture_m2[f] * irradiance_w_per_m2[f];
  return w;
}

}  // namespace coron::hourly
