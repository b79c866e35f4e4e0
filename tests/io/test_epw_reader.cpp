#include "io/epw_reader.hpp"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

namespace coron::io {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string weather_dir = std::string(CORON_TEST_DATA_DIR) + "/weather/";
const std::string ashrae_file = weather_dir + "725650TYCST.epw";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The message of the InputError reading `path` throws, "" if it reads.
std::string error_reading(const std::string& path) {
  try {
    (void)read_epw(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

/// Same, for EPW text.
std::string error_parsing(const std::string& text, std::size_t* count = nullptr) {
  try {
    (void)parse_epw(text, "edited.epw");
  } catch (const InputError& e) {
    if (count) *count = e.diagnostics().size();
    return e.what();
  }
  return "";
}

/// The ASHRAE 140 file with field `field` (0-based) of data row `row` (0-based) set to `value`.
std::string ashrae_with(std::size_t row, std::size_t field, const std::string& value) {
  std::string text = read_text(ashrae_file);
  std::size_t at = 0;
  for (std::size_t l = 0; l < 8 + row; ++l) at = text.find('\n', at) + 1;
  for (std::size_t f = 0; f < field; ++f) at = text.find(',', at) + 1;
  const std::size_t end = text.find_first_of(",\r\n", at);
  return text.replace(at, end - at, value);
}

// The ASHRAE Standard 140-2020 weather file (Denver International Airport, TMY3), read as
// shipped (CRLF). Expected figures are read off the file itself: its first row (line 9),
// 1 January 13:00 (line 21) and the last row (line 8768), and the annual means from
//   awk -F, 'NR>8{n++; t+=$7; g+=$14} END{printf "%d %.6f %.3f\n", n, t/n, g/1000}' 725650TYCST.epw
// which prints "8760 10.875342 1670.220" (mean dry bulb degC, global horizontal kWh/m2).
TEST(EpwReader, ReadsTheAshrae140File) {
  const HourlyWeather w = read_epw(ashrae_file);
  EXPECT_EQ(w.station.city, "DENVER INTL AP");
  EXPECT_EQ(w.station.region, "CO");
  EXPECT_EQ(w.station.country, "USA");
  EXPECT_EQ(w.station.source, "TMY3");
  EXPECT_EQ(w.station.wmo, "725650");
  EXPECT_DOUBLE_EQ(w.station.latitude_deg, 39.83);
  EXPECT_DOUBLE_EQ(w.station.longitude_deg, -104.65);
  EXPECT_DOUBLE_EQ(w.station.time_zone_h, -7.0);
  EXPECT_DOUBLE_EQ(w.station.elevation_m, 1650.0);
  EXPECT_EQ(w.start_day_of_week, "Sunday");
  ASSERT_EQ(w.size(), 8760u);
  for (const auto* column : {&w.month, &w.day, &w.hour, &w.day_of_year}) EXPECT_EQ(column->size(), 8760u);

  // Line 9: 1995,1,1,1,0,...,-18.0,-19.7,85,83700,0,0,181,0,0,0,...,0,0.0,2,2,...
  EXPECT_EQ(w.month[0], 1);
  EXPECT_EQ(w.day[0], 1);
  EXPECT_EQ(w.hour[0], 1);
  EXPECT_EQ(w.day_of_year[0], 1);
  EXPECT_DOUBLE_EQ(w.dry_bulb_c[0], -18.0);
  EXPECT_DOUBLE_EQ(w.dew_point_c[0], -19.7);
  EXPECT_DOUBLE_EQ(w.relative_humidity_pct[0], 85.0);
  EXPECT_DOUBLE_EQ(w.pressure_pa[0], 83700.0);
  EXPECT_DOUBLE_EQ(w.global_horizontal_w_per_m2[0], 0.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_per_s[0], 0.0);
  EXPECT_DOUBLE_EQ(w.total_sky_cover_tenths[0], 2.0);
  EXPECT_DOUBLE_EQ(w.opaque_sky_cover_tenths[0], 2.0);

  // Line 21 (1 January, hour 13): 4.4,-8.9,34,82300,637,1415,272,362,384,189,...,20,7.2,8,5
  EXPECT_EQ(w.hour[12], 13);
  EXPECT_DOUBLE_EQ(w.dry_bulb_c[12], 4.4);
  EXPECT_DOUBLE_EQ(w.dew_point_c[12], -8.9);
  EXPECT_DOUBLE_EQ(w.relative_humidity_pct[12], 34.0);
  EXPECT_DOUBLE_EQ(w.pressure_pa[12], 82300.0);
  EXPECT_DOUBLE_EQ(w.global_horizontal_w_per_m2[12], 362.0);
  EXPECT_DOUBLE_EQ(w.direct_normal_w_per_m2[12], 384.0);
  EXPECT_DOUBLE_EQ(w.diffuse_horizontal_w_per_m2[12], 189.0);
  EXPECT_DOUBLE_EQ(w.wind_direction_deg[12], 20.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_per_s[12], 7.2);
  EXPECT_DOUBLE_EQ(w.total_sky_cover_tenths[12], 8.0);
  EXPECT_DOUBLE_EQ(w.opaque_sky_cover_tenths[12], 5.0);

  // Line 8768: 1994,12,31,24,0,...,-19.4,-21.7,80,84100,0,0,173,0,0,0,...,0,0.0,1,1,...
  const std::size_t last = 8759;
  EXPECT_EQ(w.month[last], 12);
  EXPECT_EQ(w.day[last], 31);
  EXPECT_EQ(w.hour[last], 24);
  EXPECT_EQ(w.day_of_year[last], 365);
  EXPECT_DOUBLE_EQ(w.dry_bulb_c[last], -19.4);
  EXPECT_DOUBLE_EQ(w.dew_point_c[last], -21.7);
  EXPECT_DOUBLE_EQ(w.relative_humidity_pct[last], 80.0);
  EXPECT_DOUBLE_EQ(w.pressure_pa[last], 84100.0);
  EXPECT_DOUBLE_EQ(w.total_sky_cover_tenths[last], 1.0);

  // 1 March is day 60 of a common year; hour 1 of it is row 59 x 24.
  EXPECT_EQ(w.month[59 * 24], 3);
  EXPECT_EQ(w.day[59 * 24], 1);
  EXPECT_EQ(w.day_of_year[59 * 24], 60);

  const double mean_c = std::accumulate(w.dry_bulb_c.begin(), w.dry_bulb_c.end(), 0.0) / 8760.0;
  EXPECT_NEAR(mean_c, 10.875342, 1e-6);
  const double ghi_kwh =
      std::accumulate(w.global_horizontal_w_per_m2.begin(), w.global_horizontal_w_per_m2.end(), 0.0) / 1000.0;
  EXPECT_NEAR(ghi_kwh, 1670.220, 1e-9);
}

TEST(EpwReader, ReadsLfAsCrlfAndALeapYear) {
  // The same file with LF line ends reads the same.
  std::string text = read_text(ashrae_file);
  std::string lf;
  for (char c : text)
    if (c != '\r') lf += c;
  const HourlyWeather crlf = read_epw(ashrae_file);
  const HourlyWeather unix_ends = parse_epw(lf, "lf.epw");
  EXPECT_EQ(unix_ends.dry_bulb_c, crlf.dry_bulb_c);
  EXPECT_EQ(unix_ends.opaque_sky_cover_tenths, crlf.opaque_sky_cover_tenths);

  // 8,784 rows with 29 February after 28 February: 1 March is then day 61.
  std::istringstream lines(lf);
  std::string line;
  std::string leap;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    leap += line + "\n";
    if (number == 8 + 59 * 24) {  // last hour of 28 February: insert a 29th, a copy of the 28th
      for (int h = 1; h <= 24; ++h)
        leap += "1995,2,29," + std::to_string(h) + line.substr(line.find(",0,?")) + "\n";
    }
  }
  const HourlyWeather w = parse_epw(leap, "leap.epw");
  ASSERT_EQ(w.size(), 8784u);
  EXPECT_EQ(w.month[59 * 24], 2);
  EXPECT_EQ(w.day[59 * 24], 29);
  EXPECT_EQ(w.month[60 * 24], 3);
  EXPECT_EQ(w.day_of_year[60 * 24], 61);
  EXPECT_EQ(w.day_of_year[8783], 366);
}

TEST(EpwReader, MissingSkyCoverIsNaNButAMissingRequiredValueIsBadInput) {
  // Field 23 (total sky cover) of the 2nd row set to its missing code 99: the file reads.
  const HourlyWeather w = parse_epw(ashrae_with(1, 22, "99"), "edited.epw");
  EXPECT_TRUE(std::isnan(w.total_sky_cover_tenths[1]));
  EXPECT_FALSE(std::isnan(w.total_sky_cover_tenths[0]));
  // Diffuse horizontal (field 16) of the 5,000th row at its missing code: exactly one problem,
  // on line 8 + 5000.
  std::size_t count = 0;
  const std::string message = error_parsing(ashrae_with(4999, 15, "9999"), &count);
  EXPECT_EQ(count, 1u);
  EXPECT_THAT(message, HasSubstr("edited.epw:5008:"));
  EXPECT_THAT(message, HasSubstr("diffuse_horizontal_radiation: expected a value in [0, 1500] Wh/m2, got "
                                 "'9999', the code for a missing value"));
}

TEST(EpwReader, OneEditedValueGivesOneProblemOnItsLine) {
  std::size_t count = 0;
  // Wind speed 45 m/s (above the dictionary's 40) in the last row.
  std::string message = error_parsing(ashrae_with(8759, 21, "45"), &count);
  EXPECT_EQ(count, 1u);
  EXPECT_THAT(message, HasSubstr("edited.epw:8768:"));
  EXPECT_THAT(message, HasSubstr("wind_speed: expected a number in [0, 40] m/s, got '45'"));
  // Pressure with a decimal comma in the first row splits the row: a field count problem.
  message = error_parsing(ashrae_with(0, 9, "837,00"), &count);
  EXPECT_EQ(count, 1u);
  EXPECT_THAT(message,
              HasSubstr("edited.epw:9:1: expected 35 comma-separated fields in an hourly row, got 36"));
}

TEST(EpwReader, WrongRowCountIsReportedOnTheLastLine) {
  const std::string message = error_reading(weather_dir + "bad_epw_row_count.epw");
  EXPECT_THAT(message,
              HasSubstr("bad_epw_row_count.epw:56: expected 8760 hourly rows after DATA PERIODS (8784 "
                        "in a leap year), got 48"));
}

TEST(EpwReader, WrongFieldCount) {
  const std::string message = error_reading(weather_dir + "bad_epw_field_count.epw");
  EXPECT_THAT(message,
              HasSubstr("bad_epw_field_count.epw:10:1: expected 35 comma-separated fields in an hourly "
                        "row, got 34"));
  EXPECT_THAT(message, HasSubstr("got 4"));  // and the rows are too few
}

TEST(EpwReader, NotANumber) {
  const std::string message = error_reading(weather_dir + "bad_epw_not_a_number.epw");
  EXPECT_THAT(message, HasSubstr("bad_epw_not_a_number.epw:11:65: dry_bulb_temperature: expected a number in "
                                 "(-70, 70) degC, got '-1B.3'"));
}

TEST(EpwReader, OutOfRange) {
  const std::string message = error_reading(weather_dir + "bad_epw_out_of_range.epw");
  EXPECT_THAT(message,
              HasSubstr("bad_epw_out_of_range.epw:10:77: relative_humidity: expected a number in [0, "
                        "110] %, got '150'"));
}

TEST(EpwReader, MissingValuesWhereRequiredAreAllListed) {
  const std::string message = error_reading(weather_dir + "bad_epw_missing_value.epw");
  EXPECT_THAT(message, HasSubstr("bad_epw_missing_value.epw:12:65: dry_bulb_temperature: expected a value in "
                                 "(-70, 70) degC, got '99.9', the code for a missing value"));
  EXPECT_THAT(message,
              HasSubstr("bad_epw_missing_value.epw:11:96: direct_normal_radiation: expected a value"));
  // Line 10's missing total sky cover is allowed.
  EXPECT_THAT(message, Not(HasSubstr("total_sky_cover")));
}

TEST(EpwReader, RowsOutOfCalendarOrder) {
  const std::string message = error_reading(weather_dir + "bad_epw_calendar.epw");
  EXPECT_THAT(message,
              HasSubstr("bad_epw_calendar.epw:11:6: month: expected month 1, day 1, hour 3 (hourly row "
                        "3 of a 365-day year starting on 1 January at hour 1), got month 1, day 1, "
                        "hour 4"));
}

TEST(EpwReader, BadLocation) {
  const std::string message = error_reading(weather_dir + "bad_epw_location.epw");
  EXPECT_THAT(message,
              HasSubstr("bad_epw_location.epw:1:44: LOCATION.latitude: expected a number in [-90, 90] "
                        "deg (north positive), got '95'"));
}

TEST(EpwReader, RowsBeforeDataPeriods) {
  const std::string message = error_reading(weather_dir + "bad_epw_no_data_periods.epw");
  EXPECT_THAT(message, HasSubstr("bad_epw_no_data_periods.epw:8:1: expected a header record"));
  EXPECT_THAT(message, HasSubstr("got '1995'"));
}

TEST(EpwReader, DataPeriodsMustBeOneHourlyYear) {
  std::string text = read_text(ashrae_file);
  const std::size_t at = text.find("DATA PERIODS,1,1,Data,Sunday");
  ASSERT_NE(at, std::string::npos);
  std::string quarter_hours = text;
  quarter_hours.replace(at, 28, "DATA PERIODS,1,4,Data,Sunday");
  EXPECT_THAT(error_parsing(quarter_hours),
              HasSubstr("edited.epw:8:16: DATA PERIODS.records_per_hour: expected 1 (hourly rows), got '4'"));
  std::string bad_day = text;
  bad_day.replace(at, 28, "DATA PERIODS,1,1,Data,Sonday");
  EXPECT_THAT(error_parsing(bad_day),
              HasSubstr("edited.epw:8:23: DATA PERIODS.start_day_of_week: expected a "
                        "day of the week (Sunday, Monday, ..., Saturday), got 'Sonday'"));
}

TEST(EpwReader, YearMustBeAYear) {
  std::size_t count = 0;
  EXPECT_THAT(error_parsing(ashrae_with(100, 0, "95.5"), &count),
              HasSubstr("edited.epw:109:1: year: expected a year in [1, 9999], got '95.5'"));
  EXPECT_EQ(count, 1u);
}

TEST(EpwReader, NotAWeatherFile) {
  EXPECT_THAT(error_parsing(""), HasSubstr("edited.epw: empty file"));
  EXPECT_THAT(error_parsing("dwelling_id,floor_area_m2\n1,70\n"),
              HasSubstr("edited.epw:1:1: expected the LOCATION record of an EnergyPlus weather file"));
  EXPECT_THAT(error_reading(weather_dir + "no_such_file.epw"),
              HasSubstr("no_such_file.epw: cannot read: no such file"));
}

TEST(EpwReader, AFileOfTheWrongKindListsAHundredProblemsThenCounts) {
  // Every dry bulb at the missing code: 8,760 problems, the first 100 listed.
  std::string text = read_text(ashrae_file);
  std::size_t count = 0;
  std::string edited;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    if (++number > 8) {
      std::size_t at = 0;
      for (int f = 0; f < 6; ++f) at = line.find(',', at) + 1;
      line.replace(at, line.find(',', at) - at, "99.9");
    }
    edited += line + "\n";
  }
  const std::string message = error_parsing(edited, &count);
  EXPECT_EQ(count, 101u);
  EXPECT_THAT(message, HasSubstr("and 8660 more problems not listed"));
}

}  // namespace
}  // namespace coron::io

namespace coron::io {
namespace {

TEST(EpwReader, NonFiniteAndSubnormalValuesAreRefusedAtTheirPlace) {
  // Field 6 is the dry bulb temperature, in (-70, 70) degC; row r is on line 9 + r. One
  // file with one bad value per row: each is reported on its own line.
  const std::array<std::string, 8> values = {"nan", "-nan", "NAN", "inf", ".inf", "-.inf", "1e999", "5e-324"};
  std::string text = read_text(ashrae_file);
  std::size_t row_start = 0;
  for (std::size_t l = 0; l < 8; ++l) row_start = text.find('\n', row_start) + 1;
  for (const std::string& value : values) {
    std::size_t at = row_start;
    for (int f = 0; f < 6; ++f) at = text.find(',', at) + 1;
    text.replace(at, text.find(',', at) - at, value);
    row_start = text.find('\n', row_start) + 1;
  }
  std::size_t count = 0;
  const std::string message = error_parsing(text, &count);
  EXPECT_EQ(count, values.size()) << message;
  for (std::size_t r = 0; r < values.size(); ++r)
    EXPECT_THAT(message, HasSubstr(fmt::format("edited.epw:{}:", 9 + r))) << values[r];
  for (const std::string& value : values)
    EXPECT_THAT(message, HasSubstr("dry_bulb_temperature: expected a")) << value;
  EXPECT_THAT(message, HasSubstr("expected a finite number in (-70, 70) degC, got 'nan'"));
  EXPECT_THAT(message, HasSubstr("expected a number of magnitude 0 or at least 2.2250738585072014e-308 "
                                 "in (-70, 70) degC, got '5e-324'"));
}

TEST(EpwReader, AUtf8ByteOrderMarkBeforeLocationIsAccepted) {
  const HourlyWeather plain = parse_epw(read_text(ashrae_file), "plain.epw");
  const HourlyWeather marked = parse_epw("\xEF\xBB\xBF" + read_text(ashrae_file), "marked.epw");
  EXPECT_EQ(marked.station.latitude_deg, plain.station.latitude_deg);
  EXPECT_EQ(marked.dry_bulb_c, plain.dry_bulb_c);
}

TEST(EpwReader, ADeviceOrAFolderIsRefusedAtOnce) {
  EXPECT_EQ(error_reading("/dev/zero"), "/dev/zero: cannot read: is a device, not a file");
  EXPECT_THAT(error_reading(weather_dir), HasSubstr("cannot read: is a folder, not a file"));
}

}  // namespace
}  // namespace coron::io
