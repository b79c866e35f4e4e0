#include "app/compare_text.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace coron::app {

namespace {

std::string number(double value, int decimals) {
  return fmt::format("{:.{}f}", value + 0.0, decimals);  // + 0.0: no "-0"
}

std::string_view section_title(Section section) {
  switch (section) {
    case Section::works:
      return "works";
    case Section::spending:
      return "spending, cumulative from the file's first year";
    case Section::versus_reference:
      return "against the reference (reference - this file, same year)";
    case Section::energy:
      return "energy and CO2";
    case Section::labels:
      return "DPE labels";
    case Section::rental_bans:
      return "rental bans";
    case Section::households:
      return "households";
  }
  return "";
}

std::string_view pairing_text(Pairing pairing) {
  switch (pairing) {
    case Pairing::reference:
      return "reference";
    case Pairing::paired:
      return "paired with the reference (same seed and replicates): differences replicate by replicate";
    case Pairing::unpaired:
      return "unpaired (seed or replicates differ from the reference's): differences of medians, no interval";
  }
  return "";
}

std::string header(const Comparison& c) {
  const ComparedFile& reference = c.files.front();
  std::string out =
      fmt::format("coron compare: {} file{}; reference (the first file): {} ({})\n", c.files.size(),
                  c.files.size() == 1 ? "" : "s", reference.scenario, reference.file);
  out +=
      "  \"against the reference\" figures are the reference's value minus this file's at the same year "
      "(positive: saved, avoided)\n";
  out +=
      "  several replicates: P50 [P10-P90] across replicates (type-7 quantiles); "
      "\"-\": not in the file or not defined\n";
  std::size_t name_width = 0;
  std::size_t file_width = 0;
  for (const ComparedFile& f : c.files) {
    name_width = std::max(name_width, f.scenario.size());
    file_width = std::max(file_width, f.file.size());
  }
  for (const ComparedFile& f : c.files)
    out += fmt::format("  {:<{}}  {:<{}}  {}-{}, {} replicate{}, seed {}: {}\n", f.scenario, name_width,
                       f.file, file_width, f.first_year, f.last_year, f.replicates,
                       f.replicates == 1 ? "" : "s", f.seed, pairing_text(f.pairing));
  return out;
}

std::string row_label(const ComparisonRow& row) {
  return fmt::format("    {} ({})", row.indicator.label, row.indicator.unit);
}

}  // namespace

std::string format_cell(const Cell& cell, int decimals) {
  switch (cell.kind) {
    case Cell::Kind::missing:
      return "-";
    case Cell::Kind::median_difference:
      return number(cell.spread.p50, decimals);
    case Cell::Kind::spread:
      break;
  }
  const Spread& s = cell.spread;
  if (cell.sample <= 1 || s.p10 == s.p90) return number(s.p50, decimals);  // nothing spreads
  return fmt::format("{} [{}{}{}]", number(s.p50, decimals), number(s.p10, decimals),
                     s.p10 < 0.0 ? ", " : "-", number(s.p90, decimals));
}

std::string format_comparison_text(const Comparison& c) {
  std::string out = header(c);
  // Every column as wide as its widest cell, over all years, so blocks line up.
  std::size_t label_width = 0;
  std::vector<std::size_t> width(c.files.size());
  for (std::size_t f = 0; f < c.files.size(); ++f) width[f] = c.files[f].scenario.size();
  for (const ComparisonRow& row : c.rows) {
    label_width = std::max(label_width, row_label(row).size());
    for (std::size_t f = 0; f < row.cells.size(); ++f)
      width[f] = std::max(width[f], format_cell(row.cells[f], row.indicator.decimals).size());
  }
  for (const int year : c.years) {
    out += fmt::format("\n{:<{}}", year, label_width);
    for (std::size_t f = 0; f < c.files.size(); ++f)
      out += fmt::format("  {:>{}}", c.files[f].scenario, width[f]);
    out += '\n';
    bool first_row = true;
    Section section = Section::works;
    for (const ComparisonRow& row : c.rows) {
      if (row.year != year) continue;
      if (first_row || row.indicator.section != section)
        out += fmt::format("  {}\n", section_title(row.indicator.section));
      first_row = false;
      section = row.indicator.section;
      out += fmt::format("{:<{}}", row_label(row), label_width);
      for (std::size_t f = 0; f < row.cells.size(); ++f)
        out += fmt::format("  {:>{}}", format_cell(row.cells[f], row.indicator.decimals), width[f]);
      out += '\n';
    }
  }
  return out;
}

}  // namespace coron::app
