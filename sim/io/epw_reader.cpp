#include "io/epw_reader.hpp"

#include "io/input_file.hpp"
#include "io/input_limits.hpp"
#include "util/parse_number.hpp"
#include "util/utf8.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace coron::io {

namespace {

// A line of the file cut at its commas. EPW has no quoting: a comma always separates
// fields (the EnergyPlus data dictionary, Auxiliary Programs, "EPW data dictionary").
struct Field {
  std::string_view text;
  int column = 0;  // 1-based byte
};

struct Line {
  int number = 0;  // 1-based
  std::vector<Field> fields;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The non-blank lines of `text`, "\n", "\r\n" and lone "\r" ending a line alike.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    const std::string_view body = text.substr(start, end - start);
    if (!trim(body).empty()) {
      Line line{number, {}};
      std::size_t from = 0;
      while (true) {
        const std::size_t comma = body.find(',', from);
        const std::size_t stop = comma == std::string_view::npos ? body.size() : comma;
        line.fields.push_back({body.substr(from, stop - from), static_cast<int>(from) + 1});
        if (comma == std::string_view::npos) break;
        from = comma + 1;
      }
      lines.push_back(std::move(line));
    }
    start = end;
    if (start < text.size() && text[start] == '\r') ++start;
    if (start < text.size() && text[start] == '\n') ++start;
  }
  return lines;
}

/// Collects problems; past `max_listed` it only counts them, so that a file of the wrong
/// kind gives a readable list rather than 300,000 lines.
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(int line, int column, std::string key, std::string message) {
    if (diag_.size() < max_listed)
      diag_.add(file_, line, column, std::move(key), std::move(message));
    else
      ++unlisted_;
  }
  [[noreturn]] void throw_now() {
    throw_if_any();
    CORON_ASSERT(false);
  }
  void throw_if_any() {
    if (unlisted_ > 0) diag_.add(file_, 0, 0, "", fmt::format("and {} more problems not listed", unlisted_));
    diag_.throw_if_any();
  }

 private:
  static constexpr std::size_t max_listed = 100;
  std::string file_;
  Diagnostics diag_;
  std::size_t unlisted_ = 0;
};

/// A number in [min, max] (bounds open where the data dictionary says "minimum>" or
/// "maximum<"); nothing and a problem otherwise.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  bool min_open = false;
  double max = std::numeric_limits<double>::infinity();
  bool max_open = false;
  [[nodiscard]] bool holds(double v) const {
    return (min_open ? v > min : v >= min) && (max_open ? v < max : v <= max);
  }
  [[nodiscard]] std::string text() const {
    const bool has_min = std::isfinite(min);
    const bool has_max = std::isfinite(max);
    if (has_min && has_max)
      return fmt::format("{}{}, {}{}", min_open ? "(" : "[", min, max, max_open ? ")" : "]");
    if (has_min) return fmt::format("{} {}", min_open ? ">" : ">=", min);
    return fmt::format("{} {}", max_open ? "<" : "<=", max);
  }
};

std::optional<double> read_number(const Field& f, int line, std::string_view key, const Range& range,
                                  std::string_view unit, Problems& problems) {
  const util::Parsed<double> v = util::parse_double(f.text);
  if (!v) {
    problems.add(line, f.column, std::string(key),
                 fmt::format("expected {} in {} {}, got '{}'", util::expected_number<double>(v.error()),
                             range.text(), unit, f.text));
    return std::nullopt;
  }
  if (!range.holds(v.value())) {
    problems.add(line, f.column, std::string(key),
                 fmt::format("expected a number in {} {}, got '{}'", range.text(), unit, f.text));
    return std::nullopt;
  }
  return v.value();
}

// --- the header records --------------------------------------------------------------

// The keywords of the header records that may stand between LOCATION and DATA PERIODS;
// their content is not used. "HOLIDAYS/DAYLIGHT SAVING" is how the data dictionary spells
// the record that files write with a final S.
constexpr std::array<std::string_view, 7> skipped_records = {"DESIGN CONDITIONS",
                                                             "TYPICAL/EXTREME PERIODS",
                                                             "GROUND TEMPERATURES",
                                                             "HOLIDAYS/DAYLIGHT SAVINGS",
                                                             "HOLIDAYS/DAYLIGHT SAVING",
                                                             "COMMENTS 1",
                                                             "COMMENTS 2"};

constexpr std::array<std::string_view, 7> week_days = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

void read_location(const Line& line, WeatherStation& station, Problems& problems) {
  constexpr std::size_t fields = 10;
  if (line.fields.size() < fields) {
    problems.add(line.number, 1, "LOCATION",
                 fmt::format("expected {} fields (LOCATION, city, region, country, source, WMO, latitude, "
                             "longitude, time zone, elevation), got {}",
                             fields, line.fields.size()));
    return;
  }
  const auto text = [&](std::size_t i) { return std::string(trim(line.fields[i].text)); };
  station.city = text(1);
  station.region = text(2);
  station.country = text(3);
  station.source = text(4);
  station.wmo = text(5);
  const auto number = [&](std::size_t i, std::string_view key, Range range, std::string_view unit) {
    return read_number(line.fields[i], line.number, key, range, unit, problems).value_or(0.0);
  };
  station.latitude_deg = number(6, "LOCATION.latitude", {-90.0, false, 90.0, false}, "deg (north positive)");
  station.longitude_deg =
      number(7, "LOCATION.longitude", {-180.0, false, 180.0, false}, "deg (east positive)");
  // The dictionary stops at +12 h; zones up to +14 h exist (Kiribati), so they are let in.
  station.time_zone_h = number(8, "LOCATION.time_zone", {-12.0, false, 14.0, false}, "h from UTC");
  station.elevation_m = number(9, "LOCATION.elevation", {-1000.0, false, 9999.9, true}, "m");
}

void read_data_periods(const Line& line, std::string& start_day, Problems& problems) {
  if (line.fields.size() < 7) {
    problems.add(line.number, 1, "DATA PERIODS",
                 fmt::format("expected 7 fields (DATA PERIODS, number of periods, records per hour, name, "
                             "start day of week, start day, end day), got {}",
                             line.fields.size()));
    return;
  }
  const auto expect_one = [&](std::size_t i, std::string_view key, std::string_view what) {
    const util::Parsed<int> v = util::parse_integer<int>(line.fields[i].text);
    if (!v || v.value() != 1)
      problems.add(line.number, line.fields[i].column, std::string(key),
                   fmt::format("expected 1 ({}), got '{}'", what, line.fields[i].text));
  };
  expect_one(1, "DATA PERIODS.periods", "one data period: the whole year");
  expect_one(2, "DATA PERIODS.records_per_hour", "hourly rows");
  const Field& day = line.fields[4];
  start_day = std::string(trim(day.text));
  if (std::find(week_days.begin(), week_days.end(), start_day) == week_days.end())
    problems.add(
        line.number, day.column, "DATA PERIODS.start_day_of_week",
        fmt::format("expected a day of the week (Sunday, Monday, ..., Saturday), got '{}'", day.text));
}

// --- the hourly rows -----------------------------------------------------------------

// A data field kept as a column: its 0-based place in the row, its name in the data
// dictionary (the key of messages), its code for "missing" (a value at or above it is
// missing), its valid range and unit.
struct ColumnField {
  std::size_t index;
  std::string_view key;
  double missing_from;
  Range range;
  std::string_view unit;
  bool may_be_missing;  // kept as NaN; otherwise a missing value is bad input
  std::vector<double> HourlyWeather::*column;
};

// The ranges and missing codes of the EnergyPlus data dictionary (EnergyPlus Auxiliary
// Programs, "Weather Converter Program", EPW data dictionary; v24.1 doc source
// energyplus-weather-file-epw-data-dictionary.tex). Radiation fields have no maximum
// there; the 1,500 W/m2 used here is above any value on Earth (the solar constant is
// about 1,361 W/m2) and catches a field shifted by one.
const std::array<ColumnField, 11> column_fields = {{
    {6, "dry_bulb_temperature", 99.9, {-70.0, true, 70.0, true}, "degC", false, &HourlyWeather::dry_bulb_c},
    {7, "dew_point_temperature", 99.9, {-70.0, true, 70.0, true}, "degC", false, &HourlyWeather::dew_point_c},
    {8,
     "relative_humidity",
     999.0,
     {0.0, false, 110.0, false},
     "%",
     false,
     &HourlyWeather::relative_humidity_pct},
    {9,
     "atmospheric_station_pressure",
     999999.0,
     {31000.0, true, 120000.0, true},
     "Pa",
     false,
     &HourlyWeather::pressure_pa},
    {13,
     "global_horizontal_radiation",
     9999.0,
     {0.0, false, 1500.0, false},
     "Wh/m2",
     false,
     &HourlyWeather::global_horizontal_w_per_m2},
    {14,
     "direct_normal_radiation",
     9999.0,
     {0.0, false, 1500.0, false},
     "Wh/m2",
     false,
     &HourlyWeather::direct_normal_w_per_m2},
    {15,
     "diffuse_horizontal_radiation",
     9999.0,
     {0.0, false, 1500.0, false},
     "Wh/m2",
     false,
     &HourlyWeather::diffuse_horizontal_w_per_m2},
    {20,
     "wind_direction",
     999.0,
     {0.0, false, 360.0, false},
     "deg",
     true,
     &HourlyWeather::wind_direction_deg},
    {21, "wind_speed", 999.0, {0.0, false, 40.0, false}, "m/s", true, &HourlyWeather::wind_speed_m_per_s},
    {22,
     "total_sky_cover",
     99.0,
     {0.0, false, 10.0, false},
     "tenths",
     true,
     &HourlyWeather::total_sky_cover_tenths},
    {23,
     "opaque_sky_cover",
     99.0,
     {0.0, false, 10.0, false},
     "tenths",
     true,
     &HourlyWeather::opaque_sky_cover_tenths},
}};

constexpr std::array<int, 12> days_in_month = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/// Month, day and hour of row `r` of a year that starts on 1 January at hour 1.
struct CalendarHour {
  int month = 1;
  int day = 1;
  int hour = 1;
  int day_of_year = 1;
};

CalendarHour calendar_hour(std::size_t r, bool leap) {
  CalendarHour c;
  c.day_of_year = static_cast<int>(r / 24) + 1;
  c.hour = static_cast<int>(r % 24) + 1;
  int rest = c.day_of_year;
  for (int m = 0; m < 12; ++m) {
    const int length = days_in_month[static_cast<std::size_t>(m)] + (leap && m == 1 ? 1 : 0);
    if (rest <= length) {
      c.month = m + 1;
      c.day = rest;
      return c;
    }
    rest -= length;
  }
  return c;  // past the year: the row count is reported on its own
}

void read_row(const Line& line, std::size_t r, bool leap, HourlyWeather& w, Problems& problems,
              bool& calendar_reported) {
  const CalendarHour expected = calendar_hour(r, leap);
  w.month[r] = expected.month;
  w.day[r] = expected.day;
  w.hour[r] = expected.hour;
  w.day_of_year[r] = expected.day_of_year;
  w.year[r] = 0;
  for (const ColumnField& c : column_fields) (w.*c.column)[r] = std::numeric_limits<double>::quiet_NaN();
  if (line.fields.size() != static_cast<std::size_t>(epw_fields_per_row)) {
    problems.add(line.number, 1, "",
                 fmt::format("expected {} comma-separated fields in an hourly row, got {}",
                             epw_fields_per_row, line.fields.size()));
    return;
  }
  const util::Parsed<int> year = util::parse_integer<int>(line.fields[0].text);
  if (year && year.value() >= 1 && year.value() <= 9999) {
    w.year[r] = year.value();
  } else {
    problems.add(line.number, line.fields[0].column, "year",
                 fmt::format("expected a year in [1, 9999], got '{}'", line.fields[0].text));
  }
  // Month, day and hour must follow the calendar: rows are taken by position, so a missing
  // or repeated hour would shift every later hour. Only the first break is reported, the
  // rows after it being all off by the same amount.
  std::array<std::optional<int>, 3> when;
  constexpr std::array<std::string_view, 3> when_keys = {"month", "day", "hour"};
  for (std::size_t k = 0; k < 3; ++k) {
    const Field& f = line.fields[k + 1];
    const util::Parsed<int> v = util::parse_integer<int>(f.text);
    if (v) {
      when[k] = v.value();
    } else {
      problems.add(line.number, f.column, std::string(when_keys[k]),
                   fmt::format("expected {}, got '{}'", util::expected_number<int>(v.error()), f.text));
    }
  }
  const bool within_year = r < (leap ? 8784u : 8760u);  // rows past it: the count is reported
  if (when[0] && when[1] && when[2] && within_year && !calendar_reported &&
      (*when[0] != expected.month || *when[1] != expected.day || *when[2] != expected.hour)) {
    calendar_reported = true;
    problems.add(
        line.number, line.fields[1].column, "month",
        fmt::format("expected month {}, day {}, hour {} (hourly row {} of a {}-day year starting on 1 "
                    "January at hour 1), got month {}, day {}, hour {}",
                    expected.month, expected.day, expected.hour, r + 1, leap ? 366 : 365, *when[0], *when[1],
                    *when[2]));
  }
  for (const ColumnField& c : column_fields) {
    const Field& f = line.fields[c.index];
    const util::Parsed<double> v = util::parse_double(f.text);
    if (v && v.value() >= c.missing_from) {
      if (!c.may_be_missing)
        problems.add(
            line.number, f.column, std::string(c.key),
            fmt::format("expected a value in {} {}, got '{}', the code for a missing value (this field "
                        "is required)",
                        c.range.text(), c.unit, f.text));
      continue;  // NaN: missing
    }
    if (const auto value = read_number(f, line.number, c.key, c.range, c.unit, problems))
      (w.*c.column)[r] = *value;
  }
}

}  // namespace

HourlyWeather parse_epw(std::string_view text, const std::string& display_path) {
  text = util::without_utf8_bom(text);  // written by some editors; not part of the LOCATION record
  Problems problems(display_path);
  HourlyWeather w;
  const std::vector<Line> lines = split_lines(text);
  if (lines.empty()) {
    problems.add(0, 0, "", "empty file, expected an EnergyPlus weather file starting with a LOCATION record");
    problems.throw_now();
  }

  // Header: LOCATION first, then known records, up to DATA PERIODS.
  std::size_t l = 0;
  if (trim(lines[0].fields[0].text) != "LOCATION") {
    problems.add(lines[0].number, 1, "",
                 fmt::format("expected the LOCATION record of an EnergyPlus weather file, got '{}'",
                             lines[0].fields[0].text));
    problems.throw_now();
  }
  read_location(lines[0], w.station, problems);
  bool data_periods = false;
  for (l = 1; l < lines.size() && !data_periods; ++l) {
    const std::string_view keyword = trim(lines[l].fields[0].text);
    if (keyword == "DATA PERIODS") {
      read_data_periods(lines[l], w.start_day_of_week, problems);
      data_periods = true;
    } else if (std::find(skipped_records.begin(), skipped_records.end(), keyword) == skipped_records.end()) {
      problems.add(lines[l].number, 1, "",
                   fmt::format("expected a header record (DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS, GROUND "
                               "TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2) or DATA "
                               "PERIODS before the hourly rows, got '{}'",
                               keyword));
      problems.throw_now();
    }
  }
  if (!data_periods) {
    problems.add(lines.back().number, 0, "", "expected a DATA PERIODS record, then the hourly rows");
    problems.throw_now();
  }

  // Hourly rows.
  const std::size_t rows = lines.size() - l;
  constexpr std::size_t year_rows = 8760;
  constexpr std::size_t leap_year_rows = 8784;
  const bool leap = rows == leap_year_rows;
  if (rows != year_rows && rows != leap_year_rows)
    problems.add(lines.back().number, 0, "",
                 fmt::format("expected {} hourly rows after DATA PERIODS ({} in a leap year), got {}",
                             year_rows, leap_year_rows, rows));
  const auto size_all = [&](std::size_t n) {
    for (std::vector<int>* c : {&w.year, &w.month, &w.day, &w.hour, &w.day_of_year}) c->resize(n);
    for (const ColumnField& c : column_fields) (w.*c.column).resize(n);
  };
  size_all(rows);
  bool calendar_reported = false;
  for (std::size_t r = 0; r < rows; ++r) read_row(lines[l + r], r, leap, w, problems, calendar_reported);
  problems.throw_if_any();
  return w;
}

HourlyWeather read_epw(const std::filesystem::path& path) {
  return parse_epw(read_input_file(path, max_weather_bytes, "an EPW weather file"), path.string());
}

}  // namespace coron::io
