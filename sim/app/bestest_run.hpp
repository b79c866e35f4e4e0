#pragma once
#include "app/bestest_cases.hpp"
#include "climate/solar_hours.hpp"

#include "coron/weather.hpp"

#include <cstddef>
#include <vector>

// One BESTEST case simulated hour by hour over a weather year with the 5R1C network and ideal
// loads (docs/validation.md). The year is run twice and the second pass is the one reported,
// so that the heavy case starts from a state the weather made, not from a guess.

namespace coron::bestest {

/// Net solar and sky-radiation heat into the zone each hour (W, ISO 13790 §11.3): through the
/// window g A (beam F(theta) + sky diffuse + ground), plus the sun absorbed by the opaque
/// elements alpha R_se U A I, minus their and the window's long-wave loss to the sky
/// F_r R_se U A h_r dtheta_er. Negative on clear nights. One value per hour of `weather`.
[[nodiscard]] std::vector<double> solar_gains_w(const BestestCase& c, const HourlyWeather& weather,
                                                const climate::SolarHours& hours);

/// What a case gives over the year.
struct BestestResult {
  double heating_mwh = 0.0, cooling_mwh = 0.0;                ///< ideal loads; 0 in free float
  double peak_heating_kw = 0.0, peak_cooling_kw = 0.0;        ///< hourly means, cooling counted positive
  std::size_t peak_heating_hour = 0, peak_cooling_hour = 0;   ///< row of the weather year, from 0
  double min_air_c = 0.0, mean_air_c = 0.0, max_air_c = 0.0;  ///< air node over each hour
  std::size_t min_air_hour = 0, max_air_hour = 0;
};

/// Runs `c` over `weather` (whose sun and sky are `hours`).
[[nodiscard]] BestestResult run_bestest(const BestestCase& c, const HourlyWeather& weather,
                                        const climate::SolarHours& hours);

}  // namespace coron::bestest
