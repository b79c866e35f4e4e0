#include "app/bestest_command.hpp"

#include "app/bestest_report.hpp"
#include "io/epw_reader.hpp"

#include <fmt/core.h>

namespace coron::app {

int bestest_command(const BestestCommand& cmd) {
  const HourlyWeather weather = io::read_epw(cmd.weather);
  const climate::SolarHours hours = climate::solar_hours(weather);
  std::vector<std::string> names;
  if (cmd.case_name == "all")
    names = bestest::bestest_case_names();
  else
    names = {cmd.case_name};
  std::vector<bestest::ReportRow> rows;
  for (const std::string& name : names) {
    const bestest::BestestResult r = bestest::run_bestest(bestest::bestest_case(name), weather, hours);
    const std::vector<bestest::ReportRow> case_rows = bestest::report_rows(name, r, weather);
    rows.insert(rows.end(), case_rows.begin(), case_rows.end());
  }
  fmt::print("ASHRAE 140 with the ISO 13790 5R1C model, weather {} ({}, {} hours)\n", cmd.weather.string(),
             weather.station.city, weather.size());
  fmt::print("{}", bestest::format_report(rows));
  return 0;
}

}  // namespace coron::app
