#include "app/compare_export.hpp"

#include "app/json_text.hpp"

#include <fmt/core.h>

#include <cmath>

namespace coron::app {

namespace {

/// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

/// Shortest form that reads back to the same double; JSON has no NaN nor infinity.
std::string json_number(double value) {
  return std::isfinite(value) ? fmt::format("{}", value + 0.0) : "null";
}

std::string_view pairing_name(Pairing pairing) {
  switch (pairing) {
    case Pairing::reference:
      return "reference";
    case Pairing::paired:
      return "paired";
    case Pairing::unpaired:
      return "unpaired";
  }
  return "";
}

std::string json_cell(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::missing:
      return "null";
    case Cell::Kind::median_difference:
      return fmt::format("{{\"median_difference\": {}}}", json_number(cell.spread.p50));
    case Cell::Kind::spread:
      break;
  }
  return fmt::format("{{\"p10\": {}, \"p50\": {}, \"p90\": {}, \"replicates\": {}}}",
                     json_number(cell.spread.p10), json_number(cell.spread.p50), json_number(cell.spread.p90),
                     cell.sample);
}

}  // namespace

std::string comparison_csv(const Comparison& c) {
  std::string out = "indicator,unit,year,scenario,file,statistic,value\n";
  for (const ComparisonRow& row : c.rows) {
    for (std::size_t f = 0; f < row.cells.size(); ++f) {
      const Cell& cell = row.cells[f];
      if (cell.kind == Cell::Kind::missing) continue;
      const std::string lead =
          fmt::format("{},{},{},{},{},", csv_field(row.indicator.id), csv_field(row.indicator.unit), row.year,
                      csv_field(c.files[f].scenario), csv_field(c.files[f].file));
      if (cell.kind == Cell::Kind::median_difference) {
        out += fmt::format("{}median_difference,{}\n", lead, cell.spread.p50 + 0.0);
        continue;
      }
      out += fmt::format("{}p10,{}\n", lead, cell.spread.p10 + 0.0);
      out += fmt::format("{}p50,{}\n", lead, cell.spread.p50 + 0.0);
      out += fmt::format("{}p90,{}\n", lead, cell.spread.p90 + 0.0);
    }
  }
  return out;
}

std::string comparison_json(const Comparison& c) {
  std::string out = "{\n  \"format\": \"coron-compare\",\n  \"format_version\": 1,\n  \"reference\": 0,\n";
  out +=
      "  \"relative_to_reference\": \"reference value minus this file's value at the same year\",\n"
      "  \"files\": [\n";
  for (std::size_t f = 0; f < c.files.size(); ++f) {
    const ComparedFile& file = c.files[f];
    out += fmt::format(
        "    {{\"file\": {}, \"scenario\": {}, \"replicates\": {}, \"seed\": {}, \"first_year\": {}, "
        "\"last_year\": {}, \"pairing\": \"{}\"}}{}\n",
        json_string(file.file), json_string(file.scenario), file.replicates, file.seed, file.first_year,
        file.last_year, pairing_name(file.pairing), f + 1 < c.files.size() ? "," : "");
  }
  out += "  ],\n  \"years\": [";
  for (std::size_t y = 0; y < c.years.size(); ++y) out += fmt::format("{}{}", y == 0 ? "" : ", ", c.years[y]);
  out += "],\n  \"indicators\": [\n";
  for (std::size_t k = 0; k < c.rows.size(); ++k) {
    const ComparisonRow& row = c.rows[k];
    out += fmt::format(
        "    {{\"id\": {}, \"label\": {}, \"unit\": {}, \"year\": {}, \"relative\": {}, \"values\": [",
        json_string(row.indicator.id), json_string(row.indicator.label), json_string(row.indicator.unit),
        row.year, row.indicator.relative ? "true" : "false");
    for (std::size_t f = 0; f < row.cells.size(); ++f) out += (f == 0 ? "" : ", ") + json_cell(row.cells[f]);
    out += fmt::format("]}}{}\n", k + 1 < c.rows.size() ? "," : "");
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace coron::app
