#include "stock/stock_csv.hpp"

#include "io/input_file.hpp"
#include "io/input_limits.hpp"
#include "util/csv_split.hpp"
#include "util/nearest_name.hpp"
#include "util/parse_number.hpp"
#include "util/partial_file.hpp"
#include "util/utf8.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace coron::stock {

namespace {

using util::csv_escape;
using util::CsvField;
using util::CsvRecord;
using Buffer = fmt::memory_buffer;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Numbers are read by the parser shared with the YAML files (util/parse_number.hpp):
// same texts accepted, same reasons given. A text that is not a number of the right
// kind gets the parser's word for what was expected, then the column's description;
// one out of range gets the description, which holds the range.
template <class T>
std::string expected_instead(util::NumberError error, const std::string& description) {
  if (error == util::NumberError::out_of_range) return description;
  return fmt::format("{} ({})", util::expected_number<T>(error), description);
}

std::string one_of(std::span<const std::string_view> names) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) out += fmt::format("{}{}", i ? ", " : "", names[i]);
  return out;
}

template <std::size_t N>
std::string one_of(const std::array<std::string_view, N>& names) {
  return one_of(std::span<const std::string_view>(names));
}

/// What a registry column accepts, for "expected ..." messages.
std::string expected_of(const ColumnInfo& column) {
  if (column.spec.kind == ValueKind::enumeration) return one_of(column.spec.names);
  return std::string(column.spec.expected);
}

/// Reads `text` into row i of `column` as the registry says; nothing when it
/// fits, else what was expected.
template <class T>
std::optional<std::string> read_value(const ColumnInfo& info, std::vector<T>& column, std::size_t i,
                                      std::string_view text) {
  const ColumnSpec& spec = info.spec;
  if (spec.kind == ValueKind::enumeration) {
    const std::string_view name = trim(text);
    for (std::size_t k = 0; k < spec.names.size(); ++k)
      if (spec.names[k] == name) {
        column[i] = static_cast<T>(k);
        return std::nullopt;
      }
    return expected_of(info);
  }
  if (spec.kind == ValueKind::real) {
    const util::Parsed<double> v = util::parse_double(text);
    if (!v) return expected_instead<double>(v.error(), expected_of(info));
    if (v.value() > spec.max || v.value() < spec.min || (spec.min_open && v.value() == spec.min))
      return expected_of(info);
    column[i] = static_cast<T>(v.value());
    return std::nullopt;
  }
  const util::Parsed<std::int64_t> v = util::parse_integer<std::int64_t>(text);
  if (!v) return expected_instead<std::int64_t>(v.error(), expected_of(info));
  if (static_cast<double>(v.value()) < spec.min || static_cast<double>(v.value()) > spec.max)
    return expected_of(info);
  column[i] = static_cast<T>(v.value());
  return std::nullopt;
}

/// Writes row i of `column` as the registry says: enumerations by name, doubles
/// in their shortest round-trip form, integers in decimal.
template <class T>
void write_value(const ColumnInfo& info, const std::vector<T>& column, std::size_t i, Buffer& b) {
  if (info.spec.kind == ValueKind::enumeration) {
    b.append(info.spec.names[static_cast<std::size_t>(column[i])]);
  } else if constexpr (std::is_floating_point_v<T>) {
    fmt::format_to(std::back_inserter(b), "{}", column[i]);
  } else {
    fmt::format_to(std::back_inserter(b), "{}", static_cast<std::int64_t>(column[i]));
  }
}

// The cité columns follow dwelling_id in the file.
constexpr std::array<std::string_view, 6> cite_columns = {
    "cite_name", "cite_communes", "cite_epci", "cite_category", "cite_heritage_unesco", "cite_qpv"};

/// The first line of a file this build writes; files without it are format 1.
constexpr std::string_view format_prefix = "# coron stock, format ";

}  // namespace

const std::vector<std::string_view>& stock_csv_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const ColumnInfo& c : stock_columns()) {
      if (!c.spec.in_csv) continue;
      out.push_back(c.name);
      if (c.name == "dwelling_id") out.insert(out.end(), cite_columns.begin(), cite_columns.end());
    }
    return out;
  }();
  return names;
}

void write_stock_csv(const Stock& s, std::ostream& out) {
  Buffer b;
  fmt::format_to(std::back_inserter(b), "{}{}\n", format_prefix, stock_csv_format);
  for (std::size_t k = 0; k < stock_csv_columns().size(); ++k) {
    if (k) b.push_back(',');
    b.append(stock_csv_columns()[k]);
  }
  b.push_back('\n');
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool first = true;
    for_each_column(s, [&](const ColumnInfo& column, const auto& values) {
      if (!column.spec.in_csv) return;
      if (!first) b.push_back(',');
      first = false;
      write_value(column, values, i, b);
      if (column.name != "dwelling_id") return;
      const auto c = static_cast<std::size_t>(s.cite_id[i]);
      CORON_ASSERT(c < s.cites.size());
      fmt::format_to(std::back_inserter(b), ",{},{},{},{},{},{}", csv_escape(s.cites.name[c]),
                     csv_escape(s.cites.communes[c]), csv_escape(s.cites.epci[c]),
                     cite_category_names[s.cites.category[c]], s.cites.heritage_unesco[c], s.cites.qpv[c]);
    });
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
  // a CSV that looks complete, and no way out but success leaves the .partial.
  const auto bad_output = [&path](std::string message) {
    Diagnostics diag;
    diag.add(path.string(), 0, 0, "", std::move(message));  // the path is the user's: bad input
    diag.throw_if_any();
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) bad_output("cannot write here: it is a folder");
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  util::PartialFile partial(path);
  std::ofstream out(partial.path(), std::ios::binary | std::ios::trunc);
  if (!out) {
    const int error = errno;
    if (util::is_storage_failure(error))
      throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
    bad_output("cannot write here (is the folder writable?)");
  }
  write_stock_csv(stock, out);
  out.close();
  if (!out) throw std::runtime_error(fmt::format("failed writing {} (is the disk full?)", path.string()));
  // The partial was written beside the target: a rename that fails now is the system's
  // failure, not the user's choice of path.
  try {
    partial.commit();
  } catch (const std::filesystem::filesystem_error& e) {
    throw std::runtime_error(fmt::format("cannot replace {}: {}", path.string(), e.code().message()));
  }
}

namespace {

/// The stock CSV format a file declares on its first line ("# coron stock,
/// format N"), or 1 for files written before the line existed. The line is
/// cut from `text` up to its line break (line numbers are kept) so the splitter never sees it.
int read_format(std::string_view& text, const std::string& file, Diagnostics& diag) {
  if (!text.starts_with(format_prefix)) return 1;
  const std::size_t eol = std::min(text.find('\n'), text.size());
  // Only what follows the prefix is trimmed: the prefix ends in a space, which trimming the
  // whole line of "# coron stock, format " would cut short of the prefix.
  const std::string_view value = trim(text.substr(0, eol).substr(format_prefix.size()));
  const util::Parsed<std::int64_t> format = util::parse_integer<std::int64_t>(value);
  int out = stock_csv_format;
  if (!format || format.value() < 1 || format.value() > stock_csv_format) {
    diag.add(file, 1, static_cast<int>(format_prefix.size()) + 1, "format",
             fmt::format("expected a stock CSV format within [1, {}] (this coron reads up to {}), got '{}'",
                         stock_csv_format, stock_csv_format, value));
  } else {
    out = static_cast<int>(format.value());
  }
  text.remove_prefix(eol);  // an empty first line: the splitter skips it and counts it
  return out;
}

/// Columns a file of `format` lacks, and the older columns it may hold instead.
struct FormatGaps {
  std::vector<const ColumnInfo*> missing;  ///< registry columns added after `format`
  std::vector<std::string_view> legacy;    ///< their legacy columns, accepted in the header
};

FormatGaps gaps_of(int format) {
  FormatGaps gaps;
  for (const ColumnInfo& c : stock_columns()) {
    if (!c.spec.in_csv || c.spec.since_format <= format) continue;
    gaps.missing.push_back(&c);
    if (!c.spec.legacy_column.empty() &&
        std::find(gaps.legacy.begin(), gaps.legacy.end(), c.spec.legacy_column) == gaps.legacy.end())
      gaps.legacy.push_back(c.spec.legacy_column);
  }
  return gaps;
}

}  // namespace

Stock parse_stock_csv(std::string_view input, const std::string& file, std::vector<Diagnostic>* notices) {
  Diagnostics diag;
  // A spreadsheet's "CSV UTF-8" starts with a byte-order mark: accepted, not a column name.
  std::string_view text = util::without_utf8_bom(input);
  // Cité names go to HDF5 UTF-8 strings: the whole text must be UTF-8 without NUL.
  if (!io::check_utf8_text(text, file, diag)) diag.throw_if_any();
  const int format = read_format(text, file, diag);
  const FormatGaps gaps = gaps_of(format);
  // --- header: every column of the file's format known and present once ---
  std::vector<std::string_view> all_names;
  for (const std::string_view name : stock_csv_columns())
    if (std::none_of(gaps.missing.begin(), gaps.missing.end(),
                     [&](const ColumnInfo* c) { return c->name == name; }))
      all_names.push_back(name);
  all_names.insert(all_names.end(), gaps.legacy.begin(), gaps.legacy.end());
  std::unordered_map<std::string_view, std::size_t> position;  // column name -> field index
  const auto field_index = [&position](std::string_view name) -> std::optional<std::size_t> {
    const auto found = position.find(name);
    if (found == position.end()) return std::nullopt;
    return found->second;
  };
  std::vector<std::optional<std::size_t>> field_of_column;
  std::vector<double> legacy_values(gaps.legacy.size());
  std::optional<CsvRecord> header;
  const auto take_header = [&](const CsvRecord& record) {
    header = record;
    for (std::size_t f = 0; f < header->fields.size(); ++f) {
      const CsvField& field = header->fields[f];
      const std::string_view name = trim(field.text);
      if (std::find(all_names.begin(), all_names.end(), name) == all_names.end()) {
        std::vector<std::string> candidates(all_names.begin(), all_names.end());
        const std::string near = util::nearest_name(name, candidates);
        diag.add(file, field.line, field.column, std::string(name),
                 near.empty() ? "unknown column" : fmt::format("unknown column (did you mean '{}'?)", near));
        continue;
      }
      if (!position.emplace(name, f).second)
        diag.add(file, field.line, field.column, std::string(name), "column given twice");
    }
    for (const std::string_view name : all_names)
      if (!position.contains(name)) diag.add(file, header->line, 0, std::string(name), "missing column");
    // Field index of each registry column (none for derived columns and gaps), by registry position.
    for (const ColumnInfo& c : stock_columns())
      field_of_column.push_back(c.spec.in_csv ? field_index(c.name) : std::nullopt);
  };

  // --- rows ---
  Stock s;
  // At most as many rows as the text has lines: room for them all, cut to those read at the end.
  s.resize(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::unordered_map<std::string, std::int32_t> cite_of;
  std::vector<int> cite_first_line;
  std::unordered_set<std::int64_t> ids;
  std::size_t n = 0;
  std::size_t rows = 0;
  const auto take_row = [&](const CsvRecord& rec) {
    if (rec.fields.size() != header->fields.size()) {
      diag.add(file, rec.line, 1, "",
               fmt::format("expected {} fields as in the header, got {}", header->fields.size(),
                           rec.fields.size()));
      return;
    }
    const std::size_t i = n++;
    bool row_ok = true;
    bool id_ok = true;
    for (std::size_t k = 0; k < gaps.legacy.size(); ++k) {
      const auto f = field_index(gaps.legacy[k]);
      if (!f) continue;
      const CsvField& field = rec.fields[*f];
      const util::Parsed<double> v = util::parse_double(field.text);
      if (!v || v.value() < 0.0) {
        diag.add(file, field.line, field.column, std::string(gaps.legacy[k]),
                 fmt::format("expected a non-negative number, got '{}'", field.text));
        row_ok = false;
      }
      legacy_values[k] = v ? v.value() : 0.0;
    }
    std::size_t k = 0;
    for_each_column(s, [&](const ColumnInfo& column, auto& values) {
      const std::optional<std::size_t> f = field_of_column[k++];
      if (std::find(gaps.missing.begin(), gaps.missing.end(), &column) != gaps.missing.end()) {
        // Added after the file's format: its documented value for older files.
        const ColumnSpec& spec = column.spec;
        double value = spec.fallback;
        if (!spec.legacy_column.empty()) {
          const auto at = std::find(gaps.legacy.begin(), gaps.legacy.end(), spec.legacy_column);
          value = spec.legacy_factor * legacy_values[static_cast<std::size_t>(at - gaps.legacy.begin())];
        }
        values[i] = static_cast<typename std::decay_t<decltype(values)>::value_type>(value);
        return;
      }
      if (!f) return;
      const CsvField& field = rec.fields[*f];
      if (const auto expected = read_value(column, values, i, field.text)) {
        diag.add(file, field.line, field.column, std::string(column.name),
                 fmt::format("expected {}, got '{}'", *expected, field.text));
        row_ok = false;
        if (column.name == "dwelling_id") id_ok = false;
      }
    });
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

    // A zone and altitude the 3CL tables give no climate for (climate_is_tabulated).
    if (row_ok && field_index("climate_zone") && field_index("altitude_class") &&
        !climate_is_tabulated(s.climate_zone[i], s.altitude_class[i])) {
      const CsvField& field = rec.fields[*field_index("altitude_class")];
      diag.add(file, field.line, field.column, "altitude_class",
               fmt::format("expected below_400m or 400_800m in zone {} (the 3CL tables have no climate "
                           "above 800 m there), got '{}'",
                           climate_zone_names[s.climate_zone[i]], field.text));
    }

    // The cité: its first row defines it, later rows must repeat the same attributes.
    const auto name_f = field_index("cite_name");
    if (!name_f) return;
    const std::string name(trim(rec.fields[*name_f].text));
    if (name.empty()) {
      diag.add(file, rec.line, rec.fields[*name_f].column, "cite_name", "expected a cité name, got ''");
      return;
    }
    const auto [it, new_cite] = cite_of.emplace(name, static_cast<std::int32_t>(s.cites.size()));
    const bool inserted = new_cite;  // a plain bool: clang 14 lambdas cannot capture bindings
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
      const util::Parsed<std::int64_t> v = util::parse_integer<std::int64_t>(field->text);
      if (!v || (v.value() != 0 && v.value() != 1)) {
        if (inserted)
          diag.add(
              file, field->line, field->column, std::string(column),
              fmt::format("expected {}, got '{}'",
                          v ? "0 or 1" : expected_instead<std::int64_t>(v.error(), "0 or 1"), field->text));
        return 0;
      }
      return static_cast<std::uint8_t>(v.value());
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
  };

  // Record by record: a large stock's records are never all held at once.
  std::string split_error;
  int error_line = 0;
  int error_column = 0;
  util::for_each_csv_record(
      text,
      [&](const CsvRecord& record) {
        if (!header) {
          take_header(record);
        } else {
          ++rows;
          take_row(record);
        }
      },
      split_error, error_line, error_column);
  if (!split_error.empty()) diag.add(file, error_line, error_column, "", split_error);
  if (!header) {
    if (split_error.empty()) diag.add(file, 0, 0, "", "empty file, expected a header row of column names");
    diag.throw_if_any();
  }
  if (rows == 0) diag.add(file, header->line, 0, "", "no dwelling rows after the header");
  diag.throw_if_any();
  s.resize(n);
  if (notices && !gaps.missing.empty()) {
    for (const ColumnInfo* c : gaps.missing) {
      const std::string rule =
          c->spec.legacy_column.empty()
              ? fmt::format("set to {} in every row", c->spec.fallback)
              : fmt::format("taken as {} x {}", c->spec.legacy_factor, c->spec.legacy_column);
      notices->push_back({file, 1, 0, std::string(c->name),
                          fmt::format("stock CSV format {} has no such column (format {} added it): {} "
                                      "(docs/stock-csv.md)",
                                      format, c->spec.since_format, rule)});
    }
  }
  return s;
}

Stock read_stock_csv(const std::filesystem::path& path, std::vector<Diagnostic>* notices) {
  return parse_stock_csv(io::read_input_file(path, io::max_stock_csv_bytes, "a stock CSV"), path.string(),
                         notices);
}

}  // namespace coron::stock
