#include "app/bestest_report.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace coron::bestest {

namespace {

// thermal-reference.md §2.2: ASHRAE 140-2020 with weather 725650TYCST, RESULTS5-2A.xlsx
// (Tables B8-1 to B8-5) and Modelica ISO13790/Validation/BESTEST/UsersGuide.mo. Ranges are
// min-max of the six reference programs (BSIMAC, CSE, DeST, EnergyPlus, ESP-r, TRNSYS).
struct LoadReference {
  Range heating, cooling, peak_heating, peak_cooling;
  double heating_mean, cooling_mean, peak_heating_mean, peak_cooling_mean;
  Range heating_acceptance, cooling_acceptance;
};
constexpr LoadReference case_600{{3.993, 4.504}, {5.432, 6.162}, {3.020, 3.359}, {5.422, 6.481}, 4.213, 5.856,
                                 3.184,          6.024,          {3.75, 4.98},   {5.00, 6.83}};
constexpr LoadReference case_900{{1.379, 1.814}, {2.267, 2.714}, {2.443, 2.778}, {2.556, 3.376}, 1.626, 2.467,
                                 2.591,          2.975,          {1.04, 2.28},   {2.35, 2.60}};
// Free float: max, min and mean air temperature (degC); the reference gives no means of these.
struct FreeFloatReference {
  Range max, min, mean;
};
constexpr FreeFloatReference case_600ff{{62.4, 68.4}, {-13.8, -9.9}, {24.3, 26.1}};
constexpr FreeFloatReference case_900ff{{43.3, 46.0}, {0.6, 2.2}, {24.5, 25.7}};

std::string when(const HourlyWeather& w, std::size_t i) {
  if (i >= w.size()) return "";
  return fmt::format("{:02}-{:02} {:02}h", w.month[i], w.day[i], w.hour[i]);
}

std::string range_text(Range r) { return fmt::format("{:.3f}-{:.3f}", r.min, r.max); }

}  // namespace

std::vector<ReportRow> report_rows(const std::string& case_name, const BestestResult& r,
                                   const HourlyWeather& weather) {
  if (case_name == "600" || case_name == "900") {
    const LoadReference& ref = case_name == "600" ? case_600 : case_900;
    return {
        {case_name, "annual heating (MWh)", r.heating_mwh, "", ref.heating, ref.heating_mean,
         ref.heating_acceptance},
        {case_name, "annual cooling (MWh)", r.cooling_mwh, "", ref.cooling, ref.cooling_mean,
         ref.cooling_acceptance},
        {case_name, "peak heating (kW)", r.peak_heating_kw, when(weather, r.peak_heating_hour),
         ref.peak_heating, ref.peak_heating_mean, std::nullopt},
        {case_name, "peak cooling (kW)", r.peak_cooling_kw, when(weather, r.peak_cooling_hour),
         ref.peak_cooling, ref.peak_cooling_mean, std::nullopt},
    };
  }
  if (case_name == "600FF" || case_name == "900FF") {
    const FreeFloatReference& ref = case_name == "600FF" ? case_600ff : case_900ff;
    return {
        {case_name, "max air temperature (C)", r.max_air_c, when(weather, r.max_air_hour), ref.max,
         std::nullopt, std::nullopt},
        {case_name, "min air temperature (C)", r.min_air_c, when(weather, r.min_air_hour), ref.min,
         std::nullopt, std::nullopt},
        {case_name, "mean air temperature (C)", r.mean_air_c, "", ref.mean, std::nullopt, std::nullopt},
    };
  }
  throw std::invalid_argument("BESTEST case '" + case_name + "': expected 600, 900, 600FF or 900FF");
}

std::string format_report(const std::vector<ReportRow>& rows) {
  std::string out =
      fmt::format("{:<6} {:<26} {:>8} {:<11} {:<15} {:>7} {:>8} {:<13} {}\n", "case", "quantity", "coron",
                  "when", "ref. range", "mean", "vs mean", "acceptance", "");
  int outside = 0;
  for (const ReportRow& row : rows) {
    const std::string mean = row.reference_mean ? fmt::format("{:.3f}", *row.reference_mean) : "-";
    const std::string distance =
        row.reference_mean ? fmt::format("{:+.1f}%", 100.0 * (row.value / *row.reference_mean - 1.0)) : "-";
    const std::string acceptance = row.acceptance ? range_text(*row.acceptance) : "-";
    const bool in = row.in_range();
    if (!in) ++outside;
    const char* mark = in ? "" : (row.acceptance ? "OUT of acceptance" : "outside ref. range");
    out += fmt::format("{:<6} {:<26} {:>8.3f} {:<11} {:<15} {:>7} {:>8} {:<13} {}\n", row.case_name,
                       row.quantity, row.value, row.when.empty() ? "-" : row.when, range_text(row.reference),
                       mean, distance, acceptance, mark);
  }
  out += fmt::format(
      "{} of {} figures outside their range (acceptance range for annual loads, "
      "reference programs' range otherwise)\n",
      outside, rows.size());
  return out;
}

}  // namespace coron::bestest
