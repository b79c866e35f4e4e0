#pragma once
#include "app/report_data.hpp"
#include "app/report_text.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

// The `coron report` page: one self-contained HTML file (Chart.js inlined, no
// request leaves it) with a chart per figure the files hold, the per-cité tables
// and each scenario's text and provenance. docs/report.md describes it.

namespace coron::app {

/// The charts the page draws for these runs, in page order (each present only when
/// some run holds its data). Pure function.
[[nodiscard]] std::size_t report_chart_count(std::span<const ReportRun> runs);

/// The whole page. `chart_js` is the Chart.js library's text, inlined as it is.
/// Every text from the files is escaped. Pure function.
[[nodiscard]] std::string report_html(std::span<const ReportRun> runs, Language language,
                                      std::string_view chart_js);

}  // namespace coron::app
