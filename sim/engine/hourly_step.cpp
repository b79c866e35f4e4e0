#include "engine/hourly_step.hpp"

#include "climate/solar_hours.hpp"
#include "thermal/zone_5r1c.hpp"

#include <algorithm>
#include <numbers>

namespace coron::engine {

namespace {

// Ground reflectance of the sun's diffuse part (thermal-reference.md §2.4, the BESTEST value,
// the usual default for grass and paving).
constexpr double ground_albedo = 0.2;
// Ideal loads of unlimited capacity: the need, not what a given system would deliver.
constexpr double unlimited_w = 1.0e9;
// Two weeks of the year's end before January 1: C_m / H of a heavy house is a few days.
constexpr std::size_t warm_up_hours = 14 * 24;

/// Where each cité's dwellings start in dwellings_by_cite(): [cites + 1] offsets.
std::vector<std::size_t> dwellings_by_cite_first(const std::vector<std::int32_t>& cite_id,
                                                 std::size_t cites) {
  std::vector<std::size_t> first(cites + 1, 0);
  for (const std::int32_t c : cite_id) ++first[static_cast<std::size_t>(c) + 1];
  for (std::size_t c = 0; c < cites; ++c) first[c + 1] += first[c];
  return first;
}

/// The stock's rows grouped by cité, in stock order within a cité.
std::vector<std::size_t> dwellings_by_cite(const std::vector<std::int32_t>& cite_id,
                                           const std::vector<std::size_t>& first) {
  std::vector<std::size_t> next(first.begin(), first.end() - 1);
  std::vector<std::size_t> members(cite_id.size());
  for (std::size_t i = 0; i < cite_id.size(); ++i) members[next[static_cast<std::size_t>(cite_id[i])]++] = i;
  return members;
}

}  // namespace

HourlyClimate hourly_climate(const HourlyWeather& weather, const ThermalOptions& options) {
  using hourly::Facade;
  const climate::SolarHours sun = climate::solar_hours(weather);
  const std::size_t n = weather.size();
  HourlyClimate c;
  c.outdoor_c = weather.dry_bulb_c;
  c.irradiance_w_per_m2.resize(n);
  c.set_points = {options.heating_set_point_c, options.cooling_set_point_c};
  c.warm_up_hours = std::min(warm_up_hours, n);
  const double vertical = 0.5 * std::numbers::pi;
  const std::array<climate::SurfaceOrientation, hourly::facade_count> surfaces = {{
      {vertical, std::numbers::pi},        // south
      {vertical, 0.5 * std::numbers::pi},  // east
      {vertical, 1.5 * std::numbers::pi},  // west
      {vertical, 0.0},                     // north
      {0.0, 0.0},                          // roof, horizontal
  }};
  std::vector<double> on_surface(n);
  for (std::size_t f = 0; f < hourly::facade_count; ++f) {
    climate::surface_irradiance_hours(weather, sun, surfaces[f], ground_albedo, on_surface);
    for (std::size_t h = 0; h < n; ++h) c.irradiance_w_per_m2[h][f] = on_surface[h];
  }
  return c;
}

HourlyYear run_hourly_dwelling(const hourly::HourlyDwelling& d, const HourlyClimate& climate,
                               std::span<double> heating_w) noexcept {
  const hourly::Zone5r1c zone = hourly::zone_5r1c(d.network);
  const hourly::PowerLimits limits{unlimited_w, unlimited_w};
  // Two runs side by side on the same inputs: with heating and cooling (the needs), and with
  // heating alone (the summer as the occupants live it, for the hours above 28 degC).
  const hourly::SetPoints heating_only{climate.set_points.heating_c, unlimited_w};
  double mass_c = climate.set_points.heating_c, uncooled_mass_c = mass_c;
  const std::size_t n = climate.size();
  HourlyYear y;
  double heating_wh = 0.0, cooling_wh = 0.0;
  for (std::size_t k = n - climate.warm_up_hours; k < n + n; ++k) {
    const bool counted = k >= n;
    const std::size_t h = counted ? k - n : k;
    const double solar_w = hourly::solar_gain_w(d, climate.irradiance_w_per_m2[h]);
    const double outdoor = climate.outdoor_c[h];
    const auto u =
        hourly::iso13790_inputs(hourly::split_gains(d.network, d.internal_w, solar_w), outdoor, outdoor);
    double free_air_c = 0.0;
    const hourly::HourLoad load = hourly::zone_hour(zone, mass_c, u, climate.set_points, limits, free_air_c);
    const hourly::HourLoad uncooled =
        hourly::zone_hour(zone, uncooled_mass_c, u, heating_only, limits, free_air_c);
    if (!counted) continue;
    if (load.power_w > 0.0) {
      heating_wh += load.power_w;
      y.peak_heating_w = std::max(y.peak_heating_w, load.power_w);
      if (!heating_w.empty()) heating_w[h] += load.power_w;
    } else {
      cooling_wh -= load.power_w;
    }
    if (uncooled.controlled_c > overheating_threshold_c) ++y.hours_above_28;
  }
  y.heating_kwh = heating_wh / 1000.0;
  y.cooling_kwh = cooling_wh / 1000.0;
  return y;
}

void hourly_step(DwellingState& state, const YearContext& context) {
  if (context.hourly == nullptr) return;
  const HourlyClimate& climate = *context.hourly;
  const ThermalInputs in = thermal_inputs(state);
  const std::size_t hours = climate.size();
  const std::size_t cites = context.stock.cites.size();
  // Cité by cité, each cité's dwellings in stock order adding into the cité's own load
  // curve: the same sums in the same order whatever thread takes which cité. Then the
  // stock's curve, cités in order. The curves are the year's only (38 MB for the basin).
  const std::vector<std::size_t> first = dwellings_by_cite_first(context.stock.cite_id, cites);
  const std::vector<std::size_t> members = dwellings_by_cite(context.stock.cite_id, first);
  std::vector<double> curves(cites * hours, 0.0);
  YearTotals::HourlyPeaks& peaks = state.totals.hourly_peaks;
  peaks.by_cite_w.assign(cites, 0.0);
  context.blocks.for_each(
      cites,
      [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
          const std::span<double> curve(curves.data() + c * hours, hours);
          for (std::size_t m = first[c]; m < first[c + 1]; ++m) {
            const std::size_t i = members[m];
            const hourly::HourlyDwelling d = hourly::hourly_dwelling(in, i, context.thermal);
            const HourlyYear y = run_hourly_dwelling(d, climate, curve);
            state.heating_need_hourly_kwh[i] = y.heating_kwh;
            state.cooling_need_hourly_kwh[i] = y.cooling_kwh;
            state.peak_heating_w[i] = y.peak_heating_w;
            state.hours_above_28[i] = static_cast<std::int16_t>(y.hours_above_28);
          }
          if (hours > 0) peaks.by_cite_w[c] = *std::max_element(curve.begin(), curve.end());
        }
      },
      1);
  std::vector<double> stock_curve(hours, 0.0);
  for (std::size_t c = 0; c < cites; ++c)
    for (std::size_t h = 0; h < hours; ++h) stock_curve[h] += curves[c * hours + h];
  peaks.stock_w = hours == 0 ? 0.0 : *std::max_element(stock_curve.begin(), stock_curve.end());
}

}  // namespace coron::engine
