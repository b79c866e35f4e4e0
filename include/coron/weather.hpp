#pragma once
#include <cstddef>
#include <string>
#include <vector>

// One year of hourly weather at one station, as an EnergyPlus weather file (EPW) gives it
// (docs/model-weather.md). Columns, one value per hour, all of the same length: 8,760 rows,
// or 8,784 for a leap year. Row i is the hour that ENDS at `hour[i]` o'clock local standard
// time (hour 1 is 00:00-01:00); irradiances are the energy received over that hour, which in
// Wh/m2 over one hour is the hour's mean power in W/m2.

namespace coron {

/// Where the weather was measured: the EPW LOCATION record.
struct WeatherStation {
  std::string city;
  std::string region;  ///< state, province or region
  std::string country;
  std::string source;          ///< the data set, e.g. "TMY3"
  std::string wmo;             ///< station number, kept as text (leading zeros)
  double latitude_deg = 0.0;   ///< north positive
  double longitude_deg = 0.0;  ///< east positive, west negative
  double time_zone_h = 0.0;    ///< of local standard time, relative to UTC (Denver -7)
  double elevation_m = 0.0;
};

/// An hourly weather year, structure of arrays.
struct HourlyWeather {
  WeatherStation station;
  std::string start_day_of_week;  ///< of 1 January, from the DATA PERIODS record ("Sunday", ...)

  /// As written in the file: in a typical year each month may come from a different year.
  std::vector<int> year;
  std::vector<int> month;        ///< 1..12
  std::vector<int> day;          ///< day of the month
  std::vector<int> hour;         ///< 1..24, the hour ending at this time (local standard time)
  std::vector<int> day_of_year;  ///< 1..365 (366 in a leap year)

  std::vector<double> dry_bulb_c;
  std::vector<double> dew_point_c;
  std::vector<double> relative_humidity_pct;
  std::vector<double> pressure_pa;  ///< station pressure
  std::vector<double> global_horizontal_w_per_m2;
  std::vector<double> direct_normal_w_per_m2;
  std::vector<double> diffuse_horizontal_w_per_m2;
  /// Wind and sky covers may be missing in a valid file (nothing in coron uses them yet; the
  /// shipped typical year has no wind): a missing hour holds NaN.
  std::vector<double> wind_direction_deg;  ///< from north, clockwise, where the wind comes from
  std::vector<double> wind_speed_m_per_s;
  /// Sky covers in tenths (0 clear .. 10 overcast).
  std::vector<double> total_sky_cover_tenths;
  std::vector<double> opaque_sky_cover_tenths;

  [[nodiscard]] std::size_t size() const noexcept { return dry_bulb_c.size(); }
};

}  // namespace coron
