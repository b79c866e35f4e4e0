#pragma once
#include "engine/steps.hpp"
#include "thermal/hourly_dwelling.hpp"
#include "thermal/ideal_loads.hpp"

#include "coron/scenario.hpp"
#include "coron/weather.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

// The stock hour by hour (scenario `thermal: {model: hourly}`, docs/model-hourly.md): every
// dwelling's 5R1C network run over the weather year with ideal heating and cooling, each
// simulated year on the same weather and the dwelling's envelope of that year. Labels stay
// the monthly method's; this step only adds the hourly columns.

namespace coron::engine {

/// The air temperature above which an hour counts in hours_above_28 (degC).
inline constexpr double overheating_threshold_c = 28.0;

/// A weather year as every dwelling's loop reads it, computed once per run.
struct HourlyClimate {
  std::vector<double> outdoor_c;  ///< dry bulb, per hour
  /// Irradiance on each hourly::Facade, per hour (W/m2): four vertical facades and the
  /// roof taken as horizontal.
  std::vector<std::array<double, hourly::facade_count>> irradiance_w_per_m2;
  hourly::SetPoints set_points{19.0, 28.0};
  /// Hours at the end of the year run first, from the heating set-point, so that the mass
  /// enters January with a December behind it.
  std::size_t warm_up_hours = 0;
  [[nodiscard]] std::size_t size() const noexcept { return outdoor_c.size(); }
};

/// The sun on the five surfaces (Perez sky, ground albedo 0.2) and the outdoor air of
/// `weather`, with the scenario's set-points. Thread-safe.
[[nodiscard]] HourlyClimate hourly_climate(const HourlyWeather& weather, const ThermalOptions& options);

/// One dwelling's year: the hourly columns' values.
struct HourlyYear {
  double heating_kwh = 0.0, cooling_kwh = 0.0, peak_heating_w = 0.0;
  int hours_above_28 = 0;
};
/// Runs `d` over the warm-up hours then the year of `climate`. When `heating_w` is not empty
/// (one value per hour of the year), adds the dwelling's heating power of each hour into it.
/// No allocation; thread-safe as long as no two threads add into one `heating_w`.
[[nodiscard]] HourlyYear run_hourly_dwelling(const hourly::HourlyDwelling& d, const HourlyClimate& climate,
                                             std::span<double> heating_w = {}) noexcept;

/// Writes heating_need_hourly_kwh, cooling_need_hourly_kwh, peak_heating_w and
/// hours_above_28 of every dwelling, and the stock's and each cité's peak heating power
/// (state.totals.hourly_peaks), when the context carries an hourly climate; does nothing
/// otherwise (the monthly model alone).
void hourly_step(DwellingState& state, const YearContext& context);

}  // namespace coron::engine
