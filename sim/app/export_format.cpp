#include "app/export_format.hpp"

#include "app/json_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <iterator>
#include <utility>

namespace coron::app {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// French spreadsheets take `;` between fields, since `,` is their decimal mark.
char separator(ExportLanguage language) { return language == ExportLanguage::fr ? ';' : ','; }

void append_real(fmt::memory_buffer& out, double value, ExportLanguage language) {
  if (std::isnan(value)) {
    fmt::format_to(std::back_inserter(out), "NaN");
    return;
  }
  const std::size_t start = out.size();
  fmt::format_to(std::back_inserter(out), "{}", value + 0.0);
  if (language == ExportLanguage::fr)
    for (std::size_t i = start; i < out.size(); ++i)
      if (out[i] == '.') out[i] = ',';
}

/// RFC 4180: a field holding the separator, a quote or a line break is quoted, quotes doubled.
void append_csv_text(fmt::memory_buffer& out, std::string_view text, char sep) {
  const std::array<char, 4> special = {sep, '"', '\r', '\n'};
  if (text.find_first_of(std::string_view(special.data(), special.size())) == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (const char ch : text) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
}

void append_csv_cell(fmt::memory_buffer& out, const Cell& cell, ExportLanguage language) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string_view>)
          append_csv_text(out, v, separator(language));
        else if constexpr (std::is_same_v<T, double>)
          append_real(out, v, language);
        else if constexpr (!std::is_same_v<T, std::monostate>)
          fmt::format_to(std::back_inserter(out), "{}", v);
      },
      cell);
}

void append_json_cell(fmt::memory_buffer& out, const Cell& cell) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string_view>)
          append_json_string(out, v);
        else if constexpr (std::is_same_v<T, double>)
          std::isfinite(v) ? append_real(out, v, ExportLanguage::en) : out.append(std::string_view("null"));
        else if constexpr (std::is_same_v<T, std::monostate>)
          out.append(std::string_view("null"));
        else
          fmt::format_to(std::back_inserter(out), "{}", v);
      },
      cell);
}

// Rows are written in batches: one write per row would cost more than the formatting.
constexpr std::size_t flush_bytes = 1 << 16;

void flush(std::ostream& out, fmt::memory_buffer& buffer) {
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

}  // namespace

std::string column_title(std::string_view column, ExportLanguage language) {
  if (language == ExportLanguage::en) return std::string(column);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> french = {{
      {"scenario", "scénario"},
      {"replicate", "réplique"},
      {"year", "année"},
      {"indicator", "indicateur"},
      {"bin", "classe"},
      {"value", "valeur"},
      {"unit", "unité"},
      {"cite", "cité"},
      {"cite_index", "indice_cité"},
      {"funder", "financeur"},
      {"dwelling_id", "id_logement"},
      {"column", "colonne"},
      {"attribute", "attribut"},
      {"description", "description"},
  }};
  for (const auto& [english, translated] : french)
    if (english == column) return std::string(translated);
  return std::string(column);
}

std::string format_real(double value, ExportLanguage language) {
  fmt::memory_buffer out;
  append_real(out, value, language);
  return fmt::to_string(out);
}

void write_table_csv(std::ostream& out, const ExportTable& table, ExportLanguage language) {
  const char sep = separator(language);
  fmt::memory_buffer buffer;
  if (language == ExportLanguage::fr) buffer.append(utf8_bom);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) buffer.push_back(sep);
    append_csv_text(buffer, column_title(table.columns[c], language), sep);
  }
  buffer.push_back('\n');
  table.for_each_row([&](const std::vector<Cell>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) buffer.push_back(sep);
      append_csv_cell(buffer, cells[c], language);
    }
    buffer.push_back('\n');
    if (buffer.size() > flush_bytes) flush(out, buffer);
  });
  flush(out, buffer);
}

void write_table_json(std::ostream& out, const ExportTable& table, ExportLanguage language) {
  std::vector<fmt::memory_buffer> keys(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    append_json_string(keys[c], column_title(table.columns[c], language));
    keys[c].append(std::string_view(": "));
  }
  fmt::memory_buffer buffer;
  buffer.push_back('[');
  bool first = true;
  table.for_each_row([&](const std::vector<Cell>& cells) {
    buffer.append(std::string_view(first ? "\n  {" : ",\n  {"));
    first = false;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) buffer.append(std::string_view(", "));
      buffer.append(keys[c]);
      append_json_cell(buffer, cells[c]);
    }
    buffer.push_back('}');
    if (buffer.size() > flush_bytes) flush(out, buffer);
  });
  buffer.append(std::string_view(first ? "]\n" : "\n]\n"));
  flush(out, buffer);
}

ExportTable meta_table(const ExportMeta& meta) {
  std::vector<Cell> names;
  std::vector<Cell> values;
  for (const auto& [name, value] : meta.attributes) {
    names.emplace_back(std::string_view(name));
    values.push_back(value);
  }
  CellSource name_source;
  name_source.kind = CellSource::Kind::axis;
  name_source.labels = std::move(names);
  CellSource value_source;
  value_source.kind = CellSource::Kind::axis;
  value_source.labels = std::move(values);
  ExportTable table{"meta", {"attribute", "value"}, {}};
  table.blocks.push_back(
      TableBlock{{meta.attributes.size()}, {std::move(name_source), std::move(value_source)}});
  return table;
}

void write_meta_json(std::ostream& out, const ExportMeta& meta) {
  fmt::memory_buffer buffer;
  buffer.push_back('{');
  for (std::size_t k = 0; k < meta.attributes.size(); ++k) {
    buffer.append(std::string_view(k == 0 ? "\n  " : ",\n  "));
    append_json_string(buffer, meta.attributes[k].first);
    buffer.append(std::string_view(": "));
    append_json_cell(buffer, meta.attributes[k].second);
  }
  buffer.append(std::string_view("\n}\n"));
  flush(out, buffer);
}

}  // namespace coron::app
