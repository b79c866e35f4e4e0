#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace coron::app {

/// Where Debian's libjs-chart.js package installs Chart.js 3.9, minified.
inline constexpr const char* debian_chart_js = "/usr/share/javascript/chart.js/chart.min.js";

struct ReportCommand {
  std::vector<std::filesystem::path> files;  ///< results files, one scenario each
  std::filesystem::path output;              ///< the HTML page to write
  std::string language = "en";               ///< "en" or "fr"
  std::filesystem::path chart_js = debian_chart_js;
};

/// `coron report`: reads every file (refusing, with InputError and exit code 2,
/// missing or unreadable files, files of other stocks or schema versions, a missing
/// Chart.js, an output that would replace an input: all problems at once), then
/// writes the page as OUTPUT.partial and renames it, so that nothing is written on
/// failure. Returns 0.
int report_command(const ReportCommand& cmd);

}  // namespace coron::app
