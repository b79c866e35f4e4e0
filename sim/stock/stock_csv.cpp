#include "stock/stock_csv.hpp"

#include "io/yaml_reader.hpp"
#include "stock/csv_text.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace coron::stock {

namespace {

using Buffer = fmt::memory_buffer;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_double(std::string_view text) {
  text = trim(text);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  text = trim(text);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

template <std::size_t N>
std::string one_of(const std::array<std::string_view, N>& names) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < N; ++i) out += fmt::format("{}{}", i ? ", " : "", names[i]);
  return out;
}

/// One dwelling column: how to write it and how to read it back (nothing, or what was expected).
struct Column {
  std::string_view name;
  std::function<void(const Stock&, std::size_t, Buffer&)> write;
  std::function<std::optional<std::string>(Stock&, std::size_t, std::string_view)> read;
};

Column real(std::string_view name, std::vector<double> Stock::*member, double lo, bool lo_open, double hi,
            std::string expected) {
  return {name,
          [member](const Stock& s, std::size_t i, Buffer& b) {
            fmt::format_to(std::back_inserter(b), "{}", (s.*member)[i]);
          },
          [member, lo, lo_open, hi, expected](Stock& s, std::size_t i,
                                              std::string_view text) -> std::optional<std::string> {
            const std::optional<double> v = parse_double(text);
            if (!v || *v > hi || *v < lo || (lo_open && *v == lo)) return expected;
            (s.*member)[i] = *v;
            return std::nullopt;
          }};
}

template <class T>
Column integer(std::string_view name, std::vector<T> Stock::*member, std::int64_t lo, std::int64_t hi,
               std::string expected) {
  return {name,
          [member](const Stock& s, std::size_t i, Buffer& b) {
            fmt::format_to(std::back_inserter(b), "{}", static_cast<std::int64_t>((s.*member)[i]));
          },
          [member, lo, hi, expected](Stock& s, std::size_t i,
                                     std::string_view text) -> std::optional<std::string> {
            const std::optional<std::int64_t> v = parse_integer(text);
            if (!v || *v < lo || *v > hi) return expected;
            (s.*member)[i] = static_cast<T>(*v);
            return std::nullopt;
          }};
}

Column flag(std::string_view name, std::vector<std::uint8_t> Stock::*member) {
  return integer(name, member, 0, 1, "0 or 1");
}

template <std::size_t N>
Column enumeration(std::string_view name, std::vector<std::uint8_t> Stock::*member,
                   const std::array<std::string_view, N>& names) {
  return {name,
          [member, &names](const Stock& s, std::size_t i, Buffer& b) { b.append(names[(s.*member)[i]]); },
          [member, &names](Stock& s, std::size_t i, std::string_view text) -> std::optional<std::string> {
            const auto v = index_of(names, trim(text));
            if (!v) return one_of(names);
            (s.*member)[i] = *v;
            return std::nullopt;
          }};
}

const std::vector<Column>& dwelling_columns() {
  static const std::vector<Column> columns = [] {
    const std::string area = "a non-negative area in m2";
    const std::string u = "a U-value in W/m2K within (0, 10]";
    std::vector<Column> c;
    c.push_back(integer("dwelling_id", &Stock::dwelling_id, 0, INT64_MAX, "a non-negative integer id"));
    c.push_back(enumeration("owner", &Stock::owner, owner_names));
    c.push_back(enumeration("archetype", &Stock::archetype, archetype_names));
    c.push_back(integer("year_built", &Stock::year_built, 1700, 2100, "a year within [1700, 2100]"));
    c.push_back(flag("heritage_unesco", &Stock::heritage_unesco));
    c.push_back(flag("qpv", &Stock::qpv));
    c.push_back(flag("structurally_unfit", &Stock::structurally_unfit));
    c.push_back(real("floor_area_m2", &Stock::floor_area_m2, 0.0, true, 10000.0, "a positive area in m2"));
    c.push_back(real("ceiling_height_m", &Stock::ceiling_height_m, 1.5, false, 10.0,
                     "a height in m within [1.5, 10]"));
    c.push_back(real("wall_area_m2", &Stock::wall_area_m2, 0.0, false, 10000.0, area));
    c.push_back(real("u_wall_w_per_m2k", &Stock::u_wall_w_per_m2k, 0.0, true, 10.0, u));
    c.push_back(real("roof_area_m2", &Stock::roof_area_m2, 0.0, false, 10000.0, area));
    c.push_back(real("u_roof_w_per_m2k", &Stock::u_roof_w_per_m2k, 0.0, true, 10.0, u));
    c.push_back(real("b_roof", &Stock::b_roof, 0.0, false, 1.0, "a reduction factor within [0, 1]"));
    c.push_back(real("ground_floor_area_m2", &Stock::ground_floor_area_m2, 0.0, false, 10000.0, area));
    c.push_back(real("u_floor_w_per_m2k", &Stock::u_floor_w_per_m2k, 0.0, true, 10.0, u));
    c.push_back(real("b_floor", &Stock::b_floor, 0.0, false, 1.0, "a reduction factor within [0, 1]"));
    c.push_back(real("window_south_m2", &Stock::window_south_m2, 0.0, false, 10000.0, area));
    c.push_back(real("window_east_m2", &Stock::window_east_m2, 0.0, false, 10000.0, area));
    c.push_back(real("window_west_m2", &Stock::window_west_m2, 0.0, false, 10000.0, area));
    c.push_back(real("window_north_m2", &Stock::window_north_m2, 0.0, false, 10000.0, area));
    c.push_back(real("u_window_w_per_m2k", &Stock::u_window_w_per_m2k, 0.0, true, 10.0, u));
    c.push_back(real("g_window", &Stock::g_window, 0.0, false, 1.0, "a solar factor within [0, 1]"));
    c.push_back(real("door_area_m2", &Stock::door_area_m2, 0.0, false, 1000.0, area));
    c.push_back(real("u_door_w_per_m2k", &Stock::u_door_w_per_m2k, 0.0, true, 10.0, u));
    c.push_back(real("thermal_bridges_w_per_k", &Stock::thermal_bridges_w_per_k, 0.0, false, 100000.0,
                     "a non-negative heat loss in W/K"));
    c.push_back(real("q4pa_conv_m3_per_h_m2", &Stock::q4pa_conv_m3_per_h_m2, 0.0, true, 50.0,
                     "an air leakage in m3/(h.m2) within (0, 50]"));
    c.push_back(flag("multiple_exposed_facades", &Stock::multiple_exposed_facades));
    c.push_back(enumeration("ventilation", &Stock::ventilation, ventilation_names));
    c.push_back(enumeration("inertia", &Stock::inertia, inertia_names));
    c.push_back(enumeration("heating_system", &Stock::heating_system, heating_system_names));
    c.push_back(enumeration("dhw_system", &Stock::dhw_system, dhw_system_names));
    c.push_back(flag("occupied", &Stock::occupied));
    c.push_back(flag("rights_holder", &Stock::rights_holder));
    c.push_back(
        integer("head_age", &Stock::head_age, 0, 120, "an age in years within [0, 120] (0 when vacant)"));
    c.push_back(integer("head_sex", &Stock::head_sex, 0, 1, "0 (man) or 1 (woman)"));
    c.push_back(integer("household_size", &Stock::household_size, 0, 20,
                        "a number of persons within [0, 20] (0 when vacant)"));
    c.push_back(real("income_per_cu_eur", &Stock::income_per_cu_eur, 0.0, false, 1e7,
                     "a non-negative income in EUR per consumption unit"));
    return c;
  }();
  return columns;
}

// The cité columns follow dwelling_id in the file.
constexpr std::array<std::string_view, 6> cite_columns = {
    "cite_name", "cite_communes", "cite_epci", "cite_category", "cite_heritage_unesco", "cite_qpv"};

}  // namespace

const std::vector<std::string_view>& stock_csv_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    const auto& d = dwelling_columns();
    out.push_back(d[0].name);
    for (const std::string_view c : cite_columns) out.push_back(c);
    for (std::size_t i = 1; i < d.size(); ++i) out.push_back(d[i].name);
    return out;
  }();
  return names;
}

void write_stock_csv(const Stock& s, std::ostream& out) {
  const auto& columns = dwelling_columns();
  Buffer b;
  for (std::size_t k = 0; k < stock_csv_columns().size(); ++k) {
    if (k) b.push_back(',');
    b.append(stock_csv_columns()[k]);
  }
  b.push_back('\n');
  for (std::size_t i = 0; i < s.size(); ++i) {
    columns[0].write(s, i, b);
    const auto c = static_cast<std::size_t>(s.cite_id[i]);
    CORON_ASSERT(c < s.cites.size());
    fmt::format_to(std::back_inserter(b), ",{},{},{},{},{},{}", csv_escape(s.cites.name[c]),
                   csv_escape(s.cites.communes[c]), csv_escape(s.cites.epci[c]),
                   cite_category_names[s.cites.category[c]], s.cites.heritage_unesco[c], s.cites.qpv[c]);
    for (std::size_t k = 1; k < columns.size(); ++k) {
      b.push_back(',');
      columns[k].write(s, i, b);
    }
    b.push_back('\n');
    if (b.size() > (1u << 20)) {
      out.write(b.data(), static_cast<std::streamsize>(b.size()));
      b.clear();
    }
  }
  out.write(b.data(), static_cast<std::streamsize>(b.size()));
}

void write_stock_csv_file(const Stock& stock, const std::filesystem::path& path) {
  // Written beside its final name, then renamed: an interrupted write never leaves
  // a CSV that looks complete.
  std::filesystem::path partial = path;
  partial += ".partial";
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) {
    // The path is the user's: report it as bad input.
    Diagnostics diag;
    diag.add(path.string(), 0, 0, "", "cannot write here (is the folder writable?)");
    diag.throw_if_any();
  }
  write_stock_csv(stock, out);
  out.close();
  if (!out) {
    std::filesystem::remove(partial, ec);
    throw std::runtime_error("failed writing " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

Stock parse_stock_csv(std::string_view text, const std::string& file) {
  Diagnostics diag;
  std::string split_error;
  int error_line = 0;
  int error_column = 0;
  const std::vector<CsvRecord> records = split_csv(text, split_error, error_line, error_column);
  if (!split_error.empty()) diag.add(file, error_line, error_column, "", split_error);
  if (records.empty()) {
    if (split_error.empty()) diag.add(file, 0, 0, "", "empty file, expected a header row of column names");
    diag.throw_if_any();
  }

  // --- header: every column known, present once ---
  const auto& columns = dwelling_columns();
  const std::vector<std::string_view>& all_names = stock_csv_columns();
  std::unordered_map<std::string_view, std::size_t> position;  // column name -> field index
  const CsvRecord& header = records.front();
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    const CsvField& field = header.fields[f];
    const std::string_view name = trim(field.text);
    if (std::find(all_names.begin(), all_names.end(), name) == all_names.end()) {
      std::vector<std::string> candidates(all_names.begin(), all_names.end());
      const std::string near = io::nearest(name, candidates);
      diag.add(file, field.line, field.column, std::string(name),
               near.empty() ? "unknown column" : fmt::format("unknown column (did you mean '{}'?)", near));
      continue;
    }
    if (!position.emplace(name, f).second)
      diag.add(file, field.line, field.column, std::string(name), "column given twice");
  }
  for (const std::string_view name : all_names)
    if (!position.contains(name)) diag.add(file, header.line, 0, std::string(name), "missing column");
  const auto field_index = [&position](std::string_view name) -> std::optional<std::size_t> {
    const auto found = position.find(name);
    if (found == position.end()) return std::nullopt;
    return found->second;
  };

  // --- rows ---
  Stock s;
  s.resize(records.size() - 1);
  std::vector<int> row_line(records.size() - 1, 0);
  std::unordered_map<std::string, std::int32_t> cite_of;
  std::vector<int> cite_first_line;
  std::unordered_set<std::int64_t> ids;
  std::size_t n = 0;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.fields.size() != header.fields.size()) {
      diag.add(file, rec.line, 1, "",
               fmt::format("expected {} fields as in the header, got {}", header.fields.size(),
                           rec.fields.size()));
      continue;
    }
    const std::size_t i = n++;
    row_line[i] = rec.line;
    bool row_ok = true;
    bool id_ok = true;
    for (const Column& column : columns) {
      const auto f = field_index(column.name);
      if (!f) continue;
      const CsvField& field = rec.fields[*f];
      if (const auto expected = column.read(s, i, field.text)) {
        diag.add(file, field.line, field.column, std::string(column.name),
                 fmt::format("expected {}, got '{}'", *expected, field.text));
        row_ok = false;
        if (column.name == "dwelling_id") id_ok = false;
      }
    }
    if (const auto f = field_index("dwelling_id"); f && id_ok && !ids.insert(s.dwelling_id[i]).second) {
      const CsvField& field = rec.fields[*f];
      diag.add(file, field.line, field.column, "dwelling_id",
               fmt::format("expected a unique id, got '{}' a second time", field.text));
    }
    // A vacant dwelling has no household; an occupied one has a head and at least one person.
    if (row_ok && field_index("occupied") && field_index("household_size") && field_index("head_age") &&
        field_index("rights_holder")) {
      const CsvField& size_field = rec.fields[*field_index("household_size")];
      const CsvField& age_field = rec.fields[*field_index("head_age")];
      if (s.occupied[i] == 0 && (s.household_size[i] != 0 || s.head_age[i] != 0 || s.rights_holder[i] != 0)) {
        diag.add(file, size_field.line, size_field.column, "household_size",
                 "expected 0 (with head_age 0 and rights_holder 0) for a vacant dwelling (occupied = 0)");
      } else if (s.occupied[i] == 1 && s.household_size[i] == 0) {
        diag.add(file, size_field.line, size_field.column, "household_size",
                 "expected at least 1 person in an occupied dwelling, got '0'");
      } else if (s.occupied[i] == 1 && s.head_age[i] < 16) {
        diag.add(file, age_field.line, age_field.column, "head_age",
                 fmt::format("expected a head of household aged 16 or more, got '{}'", age_field.text));
      }
    }

    // The cité: its first row defines it, later rows must repeat the same attributes.
    const auto name_f = field_index("cite_name");
    if (!name_f) continue;
    const std::string name(trim(rec.fields[*name_f].text));
    if (name.empty()) {
      diag.add(file, rec.line, rec.fields[*name_f].column, "cite_name", "expected a cité name, got ''");
      continue;
    }
    auto [it, inserted] = cite_of.emplace(name, static_cast<std::int32_t>(s.cites.size()));
    s.cite_id[i] = it->second;
    const auto text_of = [&](std::string_view column) -> std::string {
      const auto f = field_index(column);
      return f ? std::string(trim(rec.fields[*f].text)) : std::string();
    };
    const auto field_of = [&](std::string_view column) -> const CsvField* {
      const auto f = field_index(column);
      return f ? &rec.fields[*f] : nullptr;
    };
    const auto cite_flag = [&](std::string_view column) -> std::uint8_t {
      const CsvField* field = field_of(column);
      if (!field) return 0;
      const auto v = parse_integer(field->text);
      if (!v || (*v != 0 && *v != 1)) {
        if (inserted)
          diag.add(file, field->line, field->column, std::string(column),
                   fmt::format("expected 0 or 1, got '{}'", field->text));
        return 0;
      }
      return static_cast<std::uint8_t>(*v);
    };
    std::uint8_t category = static_cast<std::uint8_t>(CiteCategory::unnamed);
    if (const CsvField* field = field_of("cite_category")) {
      const auto v = index_of(cite_category_names, trim(field->text));
      if (v) {
        category = *v;
      } else if (inserted) {
        diag.add(file, field->line, field->column, "cite_category",
                 fmt::format("expected {}, got '{}'", one_of(cite_category_names), field->text));
      }
    }
    const std::uint8_t unesco = cite_flag("cite_heritage_unesco");
    const std::uint8_t qpv = cite_flag("cite_qpv");
    if (inserted) {
      s.cites.name.push_back(name);
      s.cites.communes.push_back(text_of("cite_communes"));
      s.cites.epci.push_back(text_of("cite_epci"));
      s.cites.category.push_back(category);
      s.cites.dwellings.push_back(0);
      s.cites.heritage_unesco.push_back(unesco);
      s.cites.qpv.push_back(qpv);
      cite_first_line.push_back(rec.line);
    } else {
      const auto c = static_cast<std::size_t>(it->second);
      const auto check = [&](std::string_view column, bool same, std::string_view first_value) {
        if (same) return;
        const CsvField* field = field_of(column);
        diag.add(file, field->line, field->column, std::string(column),
                 fmt::format("expected '{}' as on line {} for cité '{}', got '{}'", first_value,
                             cite_first_line[c], name, field->text));
      };
      if (field_of("cite_communes"))
        check("cite_communes", text_of("cite_communes") == s.cites.communes[c], s.cites.communes[c]);
      if (field_of("cite_epci")) check("cite_epci", text_of("cite_epci") == s.cites.epci[c], s.cites.epci[c]);
      if (field_of("cite_category"))
        check("cite_category", category == s.cites.category[c], cite_category_names[s.cites.category[c]]);
      if (field_of("cite_heritage_unesco"))
        check("cite_heritage_unesco", unesco == s.cites.heritage_unesco[c],
              s.cites.heritage_unesco[c] ? "1" : "0");
      if (field_of("cite_qpv")) check("cite_qpv", qpv == s.cites.qpv[c], s.cites.qpv[c] ? "1" : "0");
    }
    ++s.cites.dwellings[static_cast<std::size_t>(s.cite_id[i])];
  }
  if (records.size() == 1) diag.add(file, header.line, 0, "", "no dwelling rows after the header");
  diag.throw_if_any();
  s.resize(n);
  return s;
}

Stock read_stock_csv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({Diagnostic{path.string(), 0, 0, "", "cannot open the stock file"}});
  std::ostringstream text;
  text << in.rdbuf();
  return parse_stock_csv(text.str(), path.string());
}

}  // namespace coron::stock
