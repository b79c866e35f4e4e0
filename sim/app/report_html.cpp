#include "app/report_html.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>

namespace coron::app {

namespace {

// The colours of the French DPE label scale, A (green) to G (red).
constexpr std::array<std::string_view, 7> label_colours = {"#009c6d", "#52b153", "#a5cc74", "#f4e70f",
                                                           "#f0b40f", "#eb8235", "#d7221f"};
constexpr std::array<std::string_view, 7> label_names = {"A", "B", "C", "D", "E", "F", "G"};
// One colour per scenario or funder, distinct enough side by side (Tableau 10).
constexpr std::array<std::string_view, 10> palette = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                                      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

std::string_view colour(std::size_t k) { return palette[k % palette.size()]; }

/// A chart's title and its Chart.js configuration (JSON).
struct ChartSpec {
  std::string title;
  std::string config;
};

/// A JSON number; null for NaN or infinity (Chart.js leaves a gap).
std::string json_number(double value) { return std::isfinite(value) ? fmt::format("{}", value) : "null"; }

std::string json_numbers(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out += ',';
    out += json_number(values[k]);
  }
  return out + "]";
}

std::string json_years(const std::vector<int>& years) {
  std::string out = "[";
  for (std::size_t k = 0; k < years.size(); ++k) out += fmt::format("{}\"{}\"", k ? "," : "", years[k]);
  return out + "]";
}

/// The years of every run, in order: shared axes span the longest horizon, and a run
/// that did not simulate a year leaves a gap there.
std::vector<int> axis_years(std::span<const ReportRun> runs) {
  std::vector<int> years;
  for (const ReportRun& run : runs) years.insert(years.end(), run.years.begin(), run.years.end());
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

/// A run's yearly values placed on `axis` (NaN, drawn as a gap, where it has none).
std::vector<double> on_axis(const std::vector<int>& axis, const ReportRun& run,
                            const std::vector<double>& values) {
  std::vector<double> placed(axis.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t y = 0; y < run.years.size() && y < values.size(); ++y) {
    const auto at = std::lower_bound(axis.begin(), axis.end(), run.years[y]);
    placed[static_cast<std::size_t>(at - axis.begin())] = values[y];
  }
  return placed;
}

// Bars start at zero (their length is the figure); lines need not, so that a trajectory's
// few percent of change over a short run stays visible.
std::string axis_options(std::string_view y_title, const ReportWords& w, bool stacked, bool from_zero) {
  return fmt::format(R"("scales":{{"x":{{"stacked":{0},"title":{{"display":true,"text":{1}}}}},)"
                     R"("y":{{"stacked":{0},"beginAtZero":{3},"title":{{"display":true,"text":{2}}}}}}})",
                     stacked ? "true" : "false", json_string(w.year), json_string(y_title),
                     from_zero ? "true" : "false");
}

std::string config(std::string_view type, const std::vector<int>& years, const std::string& datasets,
                   std::string_view y_title, const ReportWords& w, bool stacked) {
  return fmt::format(R"({{"type":"{}","data":{{"labels":{},"datasets":[{}]}},"options":{{"locale":{},)"
                     R"("animation":false,"responsive":true,"maintainAspectRatio":false,{}}}}})",
                     type, json_years(years), datasets, json_string(w.js_locale),
                     axis_options(y_title, w, stacked, type == "bar"));
}

/// A scenario's P50 line, preceded by its P10-P90 band when it has several replicates.
std::string spread_datasets(const std::vector<int>& axis, const ReportRun& run, const YearlySpread& spread,
                            std::string_view name, std::string_view line_colour, const ReportWords& w) {
  std::string out;
  if (run.replicates > 1) {
    // P10 carries no legend (empty label); P90 fills down to it ("-1": the dataset before).
    out += fmt::format(R"({{"label":"","data":{},"borderWidth":0,"pointRadius":0,"fill":false}},)",
                       json_numbers(on_axis(axis, run, spread.p10)));
    out += fmt::format(
        R"({{"label":{},"data":{},"borderWidth":0,"pointRadius":0,"fill":"-1","backgroundColor":"{}33"}},)",
        json_string(fmt::format("{} {}", name, w.band)), json_numbers(on_axis(axis, run, spread.p90)),
        line_colour);
  }
  out +=
      fmt::format(R"({{"label":{},"data":{},"borderColor":"{}","backgroundColor":"{}","fill":false}})",
                  json_string(name), json_numbers(on_axis(axis, run, spread.p50)), line_colour, line_colour);
  return out;
}

/// One line (with its band) per scenario holding the figure; nullopt when none does.
std::optional<ChartSpec> trajectory_chart(std::span<const ReportRun> runs,
                                          std::optional<YearlySpread> ReportRun::*figure,
                                          std::string_view title, std::string_view unit,
                                          const ReportWords& w) {
  const std::vector<int> axis = axis_years(runs);
  std::string datasets;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const std::optional<YearlySpread>& spread = runs[k].*figure;
    if (!spread) continue;
    if (!datasets.empty()) datasets += ',';
    datasets += spread_datasets(axis, runs[k], *spread, runs[k].scenario_name, colour(k), w);
  }
  if (datasets.empty()) return std::nullopt;
  return ChartSpec{fmt::format("{} ({})", title, unit), config("line", axis, datasets, unit, w, false)};
}

ChartSpec label_chart(const ReportRun& run, const ReportWords& w) {
  std::string datasets;
  for (std::size_t b = 0; b < label_names.size(); ++b) {
    std::vector<double> counts;
    for (const std::array<double, 7>& year : *run.labels) counts.push_back(year[b]);
    datasets += fmt::format(R"({}{{"label":"{}","data":{},"backgroundColor":"{}"}})", b ? "," : "",
                            label_names[b], json_numbers(counts), label_colours[b]);
  }
  return {fmt::format("{}: {}", w.labels_title, run.scenario_name),
          config("bar", run.years, datasets, w.dwellings, w, true)};
}

ChartSpec spend_chart(const ReportRun& run, const ReportWords& w) {
  std::string datasets;
  for (std::size_t f = 0; f < run.spend_by_funder.size(); ++f)
    datasets += fmt::format(R"({}{{"label":{},"data":{},"backgroundColor":"{}"}})", f ? "," : "",
                            json_string(run.spend_by_funder[f].funder),
                            json_numbers(run.spend_by_funder[f].meur), colour(f));
  return {fmt::format("{} ({}): {}", w.spend_title, w.spend_unit, run.scenario_name),
          config("bar", run.years, datasets, w.spend_unit, w, true)};
}

std::optional<ChartSpec> started_chart(std::span<const ReportRun> runs, const ReportWords& w) {
  const std::vector<int> axis = axis_years(runs);
  std::string datasets;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    if (!runs[k].started) continue;
    datasets += fmt::format(R"({}{{"label":{},"data":{},"backgroundColor":"{}"}})",
                            datasets.empty() ? "" : ",", json_string(runs[k].scenario_name),
                            json_numbers(on_axis(axis, runs[k], runs[k].started->p50)), colour(k));
  }
  if (datasets.empty()) return std::nullopt;
  return ChartSpec{std::string(w.started_title), config("bar", axis, datasets, w.renovations, w, false)};
}

/// Households in banned dwellings (solid) and dwellings banned from letting (dashed),
/// the medians of each scenario.
std::optional<ChartSpec> bans_chart(std::span<const ReportRun> runs, const ReportWords& w) {
  const std::vector<int> axis = axis_years(runs);
  std::string datasets;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const ReportRun& run = runs[k];
    const auto add = [&](const std::optional<YearlySpread>& spread, std::string_view what, bool dashed) {
      if (!spread) return;
      datasets += fmt::format(
          R"({}{{"label":{},"data":{},"borderColor":"{}","backgroundColor":"{}","borderDash":{},"fill":false}})",
          datasets.empty() ? "" : ",", json_string(fmt::format("{}: {}", run.scenario_name, what)),
          json_numbers(on_axis(axis, run, spread->p50)), colour(k), colour(k), dashed ? "[6,4]" : "[]");
    };
    add(run.households_in_banned, w.households_in_banned, false);
    add(run.banned_from_letting, w.banned_from_letting, true);
  }
  if (datasets.empty()) return std::nullopt;
  return ChartSpec{std::string(w.bans_title), config("line", axis, datasets, w.dwellings, w, false)};
}

std::vector<ChartSpec> chart_specs(std::span<const ReportRun> runs, Language language) {
  const ReportWords& w = report_words(language);
  std::vector<ChartSpec> charts;
  if (runs.empty()) return charts;
  for (const ReportRun& run : runs)
    if (run.labels) charts.push_back(label_chart(run, w));
  const auto add = [&charts](std::optional<ChartSpec> chart) {
    if (chart) charts.push_back(std::move(*chart));
  };
  add(trajectory_chart(runs, &ReportRun::final_energy_gwh, w.energy_title, w.energy_unit, w));
  add(trajectory_chart(runs, &ReportRun::ghg_kt, w.ghg_title, w.ghg_unit, w));
  add(started_chart(runs, w));
  for (const ReportRun& run : runs)
    if (!run.spend_by_funder.empty()) charts.push_back(spend_chart(run, w));
  add(trajectory_chart(runs, &ReportRun::fuel_poor, w.fuel_poor_title, w.households, w));
  add(bans_chart(runs, w));
  return charts;
}

/// A count or an amount for the table: whole numbers without decimals (a median of
/// an even number of replicates may end in .5).
std::string table_number(double value, int decimals, Language language) {
  if (decimals == 0 && value != std::floor(value)) return format_number(value, 1, language);
  return format_number(value, decimals, language);
}

void write_cite_table(std::string& out, const ReportRun& run, Language language) {
  const ReportWords& w = report_words(language);
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<h3>{}</h3>\n<table class=\"sortable\">\n<thead><tr>", escape_html(run.scenario_name));
  fmt::format_to(it, "<th>{}</th><th>{}</th><th>{}</th><th>{} {}</th><th>{} {}</th><th>{} {}</th>",
                 escape_html(w.cite), escape_html(w.renovated), escape_html(w.works_cost),
                 escape_html(w.energy_first), run.years.front(), escape_html(w.energy_last), run.years.back(),
                 escape_html(w.fuel_poor_last), run.years.back());
  out += "</tr></thead>\n<tbody>\n";
  for (const CiteRow& row : run.cites) {
    // data-v holds the number itself, so that sorting does not depend on the format.
    fmt::format_to(it, "<tr><td>{}</td>", escape_html(row.name));
    const auto cell = [&](double value, int decimals) {
      fmt::format_to(it, "<td data-v=\"{}\">{}</td>", json_number(value),
                     table_number(value, decimals, language));
    };
    cell(row.renovated, 0);
    cell(row.works_cost_meur, 2);
    cell(row.final_energy_first_gwh, 2);
    cell(row.final_energy_last_gwh, 2);
    cell(row.fuel_poor, 0);
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void write_provenance(std::string& out, const ReportRun& run, Language language) {
  const ReportWords& w = report_words(language);
  auto it = std::back_inserter(out);
  fmt::format_to(it, "<h3>{}</h3>\n<dl>\n", escape_html(run.scenario_name));
  const auto item = [&](std::string_view term, const std::string& value) {
    fmt::format_to(it, "<dt>{}</dt><dd>{}</dd>\n", escape_html(term), escape_html(value));
  };
  item(w.file, run.file);
  item(w.version, run.coron_version);
  item(w.seed, fmt::format("{}", run.seed));
  item(w.created, run.created_utc);
  item(w.replicates, fmt::format("{}", run.replicates));
  fmt::format_to(it, "</dl>\n<details open><summary>{}</summary><pre>{}</pre></details>\n",
                 escape_html(w.scenario_text), escape_html(run.scenario_yaml));
}

// Records script errors on the page itself, so that a headless browser's dumped DOM
// tells whether the page ran cleanly (data-errors stays absent when it did).
constexpr std::string_view error_hook = R"js(<script>
window.coronErrors = [];
function coronRecord(message) {
  window.coronErrors.push(String(message));
  document.body.dataset.errors = window.coronErrors.join(" | ");
}
window.onerror = function (message, source, line) { coronRecord(message + " (line " + line + ")"); };
const coronConsoleError = console.error;
console.error = function () {
  coronRecord(Array.prototype.join.call(arguments, " "));
  coronConsoleError.apply(console, arguments);
};
</script>
)js";

// Draws every chart, then counts the canvases holding any visible pixel: data-charts-drawn
// = "drawn/canvases". Then makes the tables sortable by a click on a header.
constexpr std::string_view page_script = R"js(
for (const chart of coronCharts) {
  try {
    const config = chart.config;
    config.options.plugins = {legend: {labels: {filter: function (item) { return item.text !== ""; }}}};
    new Chart(document.getElementById(chart.id), config);
  } catch (e) {
    coronRecord(chart.id + ": " + e);
  }
}
function coronCountDrawn() {
  const canvases = document.querySelectorAll("canvas");
  let drawn = 0;
  for (const canvas of canvases) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let k = 3; k < pixels.length; k += 4) {
      if (pixels[k] > 0) { drawn++; break; }
    }
  }
  document.body.dataset.chartsDrawn = drawn + "/" + canvases.length;
}
window.addEventListener("load", function () { setTimeout(coronCountDrawn, 0); });
for (const th of document.querySelectorAll("table.sortable th")) {
  th.addEventListener("click", function () {
    const table = th.closest("table");
    const body = table.tBodies[0];
    const column = th.cellIndex;
    const ascending = th.dataset.order !== "asc";
    for (const other of table.querySelectorAll("th")) delete other.dataset.order;
    th.dataset.order = ascending ? "asc" : "desc";
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = a.cells[column], y = b.cells[column];
      const order = "v" in x.dataset ? Number(x.dataset.v) - Number(y.dataset.v)
                                     : x.textContent.localeCompare(y.textContent);
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
  });
}
)js";

constexpr std::string_view style = R"js(<style>
body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
.chart { position: relative; height: 340px; margin-bottom: 2em; }
table { border-collapse: collapse; margin-bottom: 2em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
td[data-v] { text-align: right; }
th { cursor: pointer; background: #f0f0f0; }
th[data-order="asc"]::after { content: " \25B2"; }
th[data-order="desc"]::after { content: " \25BC"; }
pre { background: #f7f7f7; padding: 1em; overflow-x: auto; }
dt { font-weight: bold; float: left; clear: left; width: 12em; }
dd { margin-left: 13em; }
</style>
)js";

}  // namespace

std::size_t report_chart_count(std::span<const ReportRun> runs) {
  return chart_specs(runs, Language::en).size();
}

std::string report_html(std::span<const ReportRun> runs, Language language, std::string_view chart_js) {
  const ReportWords& w = report_words(language);
  const std::vector<ChartSpec> charts = chart_specs(runs, language);
  std::string out;
  auto it = std::back_inserter(out);
  fmt::format_to(
      it, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n{}",
      w.html_lang, escape_html(w.title), style);
  out += "</head>\n<body>\n";
  out += error_hook;
  fmt::format_to(it, "<h1>{}</h1>\n<h2>{}</h2>\n<ul>\n", escape_html(w.title), escape_html(w.scenarios));
  for (const ReportRun& run : runs)
    fmt::format_to(it, "<li><strong>{}</strong>: {}-{}, {}: {}</li>\n", escape_html(run.scenario_name),
                   run.years.empty() ? 0 : run.years.front(), run.years.empty() ? 0 : run.years.back(),
                   escape_html(w.replicates), run.replicates);
  fmt::format_to(it, "</ul>\n<p>{}</p>\n", escape_html(w.replicates_note));
  for (std::size_t k = 0; k < charts.size(); ++k)
    fmt::format_to(
        it,
        "<section>\n<h2>{}</h2>\n<div class=\"chart\"><canvas id=\"chart-{}\"></canvas></div>\n</section>\n",
        escape_html(charts[k].title), k);
  bool any_cites = false;
  for (const ReportRun& run : runs) any_cites = any_cites || !run.cites.empty();
  if (any_cites) {
    fmt::format_to(it, "<section>\n<h2>{}</h2>\n<p>{}</p>\n", escape_html(w.cites_title),
                   escape_html(w.sort_hint));
    for (const ReportRun& run : runs)
      if (!run.cites.empty()) write_cite_table(out, run, language);
    out += "</section>\n";
  }
  fmt::format_to(it, "<section>\n<h2>{}</h2>\n", escape_html(w.provenance_title));
  for (const ReportRun& run : runs) write_provenance(out, run, language);
  out += "</section>\n<script>\n";
  out += chart_js;
  out += "\n</script>\n<script>\nconst coronCharts = [\n";
  for (std::size_t k = 0; k < charts.size(); ++k)
    fmt::format_to(it, "{{\"id\":\"chart-{}\",\"config\":{}}},\n", k, charts[k].config);
  out += "];\n";
  out += page_script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace coron::app
