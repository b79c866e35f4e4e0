#pragma once
#include "app/bestest_run.hpp"

#include <optional>
#include <string>
#include <vector>

// The figures of a BESTEST run beside those of the reference programs of ASHRAE 140-2020
// (thermal-reference.md §2.2): their range, their mean where the reference gives it, and the
// standard's acceptance range for the annual loads of cases 600 and 900.

namespace coron::bestest {

struct Range {
  double min, max;
  [[nodiscard]] bool contains(double v) const noexcept { return v >= min && v <= max; }
};

/// One figure of one case, with what it is compared to.
struct ReportRow {
  std::string case_name;
  std::string quantity;  ///< "annual heating (MWh)", ...
  double value = 0.0;
  std::string when;  ///< for a peak or an extreme: the date and hour it happened; else empty
  Range reference;   ///< min-max of the reference programs
  std::optional<double> reference_mean;
  std::optional<Range> acceptance;  ///< 140-2020 acceptance range, annual loads of 600 and 900 only

  /// Inside the acceptance range where there is one, else inside the reference programs' range.
  [[nodiscard]] bool in_range() const noexcept {
    return acceptance ? acceptance->contains(value) : reference.contains(value);
  }
};

/// The rows of case `case_name` (a name of bestest_case_names()) run over `weather`:
/// annual heating and cooling and their peaks, or the free-float temperatures.
[[nodiscard]] std::vector<ReportRow> report_rows(const std::string& case_name, const BestestResult& r,
                                                 const HourlyWeather& weather);

/// A plain-text table of the rows, out-of-range figures marked, then a line on how many.
[[nodiscard]] std::string format_report(const std::vector<ReportRow>& rows);

}  // namespace coron::bestest
