// `coron export` as a user meets it: a short real run (2 replicates, works, funders,
// every dwelling column of two replicates) exported as CSV in English and French and as
// JSON, each read back and compared value by value with the HDF5 file read by
// ResultsReader; and the refusals (exit code 2, nothing written).
//
// The expected tables are rebuilt here from the datasets with plain loops over their
// row-major elements, sharing nothing with the exporter's blocks.
#include "app/cli_runner.hpp"
#include "app/hand_results.hpp"
#include "fixtures/short_scenario.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using testing::run_coron;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string quoted(const std::filesystem::path& p) {
  std::string text(1, '\'');  // appended piecewise: g++ 12 warns falsely on "'" + string
  text.append(p.string()).push_back('\'');
  return text;
}

// ---- reading the files back -------------------------------------------------------

/// Rows of a CSV text (RFC 4180: quoted fields may hold the separator, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char sep) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted_field = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted_field) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted_field = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted_field = true;
    } else if (ch == sep) {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (ch == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += ch;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

/// French headers and numbers turned back into the English ones, so that one check serves both.
const std::map<std::string, std::string> english_of = {
    {"scénario", "scenario"},
    {"réplique", "replicate"},
    {"année", "year"},
    {"indicateur", "indicator"},
    {"classe", "bin"},
    {"valeur", "value"},
    {"unité", "unit"},
    {"cité", "cite"},
    {"indice_cité", "cite_index"},
    {"financeur", "funder"},
    {"id_logement", "dwelling_id"},
    {"colonne", "column"},
    {"attribut", "attribute"},
};

// ---- the tables expected from the HDF5 file -----------------------------------------
//
// Each expected table is streamed row by row, in the export's documented order (datasets
// in name order, then their elements in row-major order), and compared with the file's
// row at the same place: 280,000 dwelling rows are checked without holding either side.

/// One expected cell: a number (compared exactly once parsed) or a text (compared as is).
struct Want {
  bool number = false;
  double value = 0.0;
  std::string text;
};
Want number(double v) { return {true, v, {}}; }
Want text(std::string t) { return {false, 0.0, std::move(t)}; }
using Row = std::vector<Want>;
using Emit = std::function<void(const Row&)>;

/// A CSV or flattened-JSON file read a row at a time and checked against expected rows.
class RowChecker {
 public:
  RowChecker(const std::filesystem::path& file, bool french)
      : french_(french), what_(file.filename().string()) {
    text_ = read_text(file);
    const std::string bom = "\xEF\xBB\xBF";
    EXPECT_EQ(text_.rfind(bom, 0) == 0, french) << what_ << ": a BOM in French only";
    if (text_.rfind(bom, 0) == 0) at_ = bom.size();
  }

  void header(const std::vector<std::string>& english) {
    std::vector<std::string> got;
    ASSERT_TRUE(next(got)) << what_ << " has no header";
    for (std::string& name : got)
      if (french_ && english_of.count(name) != 0) name = english_of.at(name);
    EXPECT_EQ(got, english) << what_;
  }

  void operator()(const Row& want) {
    ++rows_;
    if (!next(fields_)) {
      fail(fmt::format("row {}: missing", rows_));
      return;
    }
    if (fields_.size() != want.size()) {
      fail(fmt::format("row {}: {} fields, expected {}", rows_, fields_.size(), want.size()));
      return;
    }
    for (std::size_t c = 0; c < want.size(); ++c) {
      std::string field = fields_[c];
      if (!want[c].number) {
        if (field != want[c].text)
          fail(fmt::format("row {} column {}: '{}', expected '{}'", rows_, c, field, want[c].text));
        continue;
      }
      if (french_ && field.find('.') != std::string::npos)
        fail(fmt::format("row {} column {}: '{}' has a decimal point", rows_, c, field));
      if (french_) std::replace(field.begin(), field.end(), ',', '.');  // decimal comma
      char* end = nullptr;
      const double got = std::strtod(field.c_str(), &end);
      if (field.empty() || *end != '\0' || got != want[c].value)
        fail(fmt::format("row {} column {}: '{}', expected {}", rows_, c, fields_[c], want[c].value));
    }
  }

  /// Every row was expected, none more; returns the rows checked.
  std::size_t finish() {
    std::vector<std::string> extra;
    if (next(extra)) fail(fmt::format("more rows than the {} expected", rows_));
    EXPECT_EQ(failures_, 0u) << what_;
    return rows_;
  }

 private:
  /// The next record (RFC 4180: quoted fields may hold the separator, quotes and line breaks).
  bool next(std::vector<std::string>& fields) {
    fields.clear();
    if (at_ >= text_.size()) return false;
    const char sep = french_ ? ';' : ',';
    std::string field;
    bool in_quotes = false;
    for (; at_ < text_.size(); ++at_) {
      const char ch = text_[at_];
      if (in_quotes) {
        if (ch == '"' && at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
          field += '"';
          ++at_;
        } else if (ch == '"') {
          in_quotes = false;
        } else {
          field += ch;
        }
      } else if (ch == '"') {
        in_quotes = true;
      } else if (ch == sep) {
        fields.push_back(std::move(field));
        field.clear();
      } else if (ch == '\n') {
        ++at_;
        break;
      } else {
        field += ch;
      }
    }
    fields.push_back(std::move(field));
    return true;
  }

  void fail(const std::string& message) {
    if (++failures_ <= 10) ADD_FAILURE() << what_ << ": " << message;
  }

  bool french_;
  std::string what_;
  std::string text_;
  std::size_t at_ = 0;
  std::size_t rows_ = 0;
  std::size_t failures_ = 0;
  std::vector<std::string> fields_;
};

/// The records of a small CSV table, {column: text}, for looking values up by name.
std::vector<std::map<std::string, std::string>> read_records(const std::filesystem::path& file) {
  const auto rows = parse_csv(read_text(file), ',');
  std::vector<std::map<std::string, std::string>> records;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    std::map<std::string, std::string> record;
    for (std::size_t c = 0; c < rows[k].size() && c < rows[0].size(); ++c) record[rows[0][c]] = rows[k][c];
    records.push_back(std::move(record));
  }
  return records;
}

/// A JSON table flattened by Python into English CSV (floats by repr, the shortest
/// round-trip form; null as an empty field), so that the CSV checker reads it too.
std::filesystem::path flatten_json(const std::filesystem::path& file) {
  const std::filesystem::path flat = file.string() + ".flat.csv";
  const std::string command =
      "python3 -c 'import json,sys,csv\n"
      "rows = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
      "assert isinstance(rows, list)\n"
      "w = csv.writer(open(sys.argv[2], \"w\", encoding=\"utf-8\", newline=\"\"), lineterminator=\"\\n\")\n"
      "keys = list(rows[0].keys()) if rows else []\n"
      "w.writerow(keys)\n"
      "def cell(v):\n"
      "    return \"\" if v is None else repr(v) if isinstance(v, float) else v\n"
      "for r in rows:\n"
      "    assert list(r.keys()) == keys\n"
      "    w.writerow([cell(r[k]) for k in keys])\n"
      "' " +
      quoted(file) + " " + quoted(flat) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string said;
  std::array<char, 512> buffer{};
  while (pipe != nullptr && std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) said += buffer.data();
  EXPECT_EQ(pipe == nullptr ? -1 : pclose(pipe), 0) << file << ": " << said;
  return flat;
}

bool has_attribute(const io::ResultsReader& in, const std::string& object, const std::string& name) {
  const auto names = in.attribute_names(object);
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Direct numeric data datasets of `group` (no subgroups, no coordinates), as {name -> path},
/// in name order.
std::map<std::string, std::string> numeric_datasets(const io::ResultsReader& in, const std::string& group) {
  std::map<std::string, std::string> found;
  for (const std::string& path : in.datasets())
    if (path.rfind(group, 0) == 0 && path.find('/', group.size()) == std::string::npos &&
        in.type_name(path) != "string" && !in.is_coordinate(path))
      found[path.substr(group.size())] = path;
  return found;
}

struct FileAxes {
  std::string scenario;
  std::vector<std::int32_t> years;
  std::vector<std::string> cites;
  std::size_t replicates = 0;
};

FileAxes axes_of(const io::ResultsReader& in) {
  return {in.string_attribute("/meta", "scenario_name"), in.read_int32("/years"),
          in.read_strings("/cites/name"), static_cast<std::size_t>(in.int_attribute("/meta", "replicates"))};
}

std::vector<std::string> bin_names(const io::ResultsReader& in, const std::string& path, std::size_t bins,
                                   const std::string& attribute, bool has_axis) {
  if (!has_axis) return {""};
  if (has_attribute(in, path, attribute)) return in.string_array_attribute(path, attribute);
  std::vector<std::string> numbers;
  for (std::size_t b = 0; b < bins; ++b) numbers.push_back(std::to_string(b));
  return numbers;
}

/// An expected table: its English header and its rows, streamed.
struct ExpectedTable {
  std::string name;
  std::vector<std::string> header;
  std::function<void(const Emit&)> rows;
};

/// aggregates (by_cite false) or aggregates_by_cite (true); with `spend`, the
/// spend_by_funder ones.
ExpectedTable expected_per_replicate(const io::ResultsReader& in, bool by_cite, bool spend) {
  ExpectedTable t;
  t.name = std::string(spend ? "spend_by_funder" : "aggregates") + (by_cite ? "_by_cite" : "");
  t.header = {"scenario", "replicate", "year"};
  if (by_cite) t.header.insert(t.header.end(), {"cite", "cite_index"});
  if (spend)
    t.header.insert(t.header.end(), {"funder", "value", "unit"});
  else
    t.header.insert(t.header.end(), {"indicator", "bin", "value", "unit"});
  t.rows = [&in, by_cite, spend](const Emit& emit) {
    const FileAxes a = axes_of(in);
    const std::size_t C = by_cite ? a.cites.size() : 1;
    for (const auto& [name, path] : numeric_datasets(in, by_cite ? "/aggregate/by_cite/" : "/aggregate/")) {
      if ((name == "spend_by_funder") != spend) continue;
      const auto shape = in.shape(path);
      const bool has_axis = shape.size() > (by_cite ? 3u : 2u);
      const std::size_t W = has_axis ? shape.back() : 1;
      const auto bins = bin_names(in, path, W, spend ? "funders" : "names", has_axis);
      const std::vector<double> v = in.read_double(path);
      const std::string unit = in.string_attribute(path, "units");
      for (std::size_t r = 0; r < a.replicates; ++r)
        for (std::size_t y = 0; y < a.years.size(); ++y)
          for (std::size_t c = 0; c < C; ++c)
            for (std::size_t b = 0; b < W; ++b) {
              Row row = {text(a.scenario), number(double(r)), number(a.years[y])};
              if (by_cite) row.insert(row.end(), {text(a.cites[c]), number(double(c))});
              if (!spend) row.push_back(text(name));
              row.push_back(text(bins[b]));
              row.push_back(number(v[((r * a.years.size() + y) * C + c) * W + b]));
              row.push_back(text(unit));
              emit(row);
            }
    }
  };
  return t;
}

ExpectedTable expected_quantiles(const io::ResultsReader& in, bool spend) {
  ExpectedTable t;
  t.name = spend ? "spend_by_funder_quantiles" : "quantiles";
  t.header =
      spend ? std::vector<std::string>{"scenario", "year", "funder", "p10", "p50", "p90", "unit"}
            : std::vector<std::string>{"scenario", "year", "indicator", "bin", "p10", "p50", "p90", "unit"};
  t.rows = [&in, spend](const Emit& emit) {
    const FileAxes a = axes_of(in);
    for (const auto& [name, path] : numeric_datasets(in, "/aggregate/quantiles/")) {
      if ((name == "spend_by_funder") != spend) continue;
      const auto shape = in.shape(path);
      const bool has_axis = shape.size() > 2;
      const std::size_t W = has_axis ? shape.back() : 1;
      const auto bins = bin_names(in, path, W, spend ? "funders" : "names", has_axis);
      const std::vector<double> v = in.read_double(path);
      const std::size_t Y = a.years.size();
      for (std::size_t y = 0; y < Y; ++y)
        for (std::size_t b = 0; b < W; ++b) {
          Row row = {text(a.scenario), number(a.years[y])};
          if (!spend) row.push_back(text(name));
          row.push_back(text(bins[b]));
          for (std::size_t q = 0; q < 3; ++q) row.push_back(number(v[(q * Y + y) * W + b]));
          row.push_back(text(in.string_attribute(path, "units")));
          emit(row);
        }
    }
  };
  return t;
}

ExpectedTable expected_dwellings(const io::ResultsReader& in) {
  ExpectedTable t;
  t.name = "dwellings";
  t.header = {"replicate", "year", "dwelling_id", "cite"};
  for (const auto& entry : numeric_datasets(in, "/dwelling/")) t.header.push_back(entry.first);
  t.rows = [&in](const Emit& emit) {
    const FileAxes a = axes_of(in);
    const std::vector<std::int64_t> ids = in.read_int64("/stock/dwelling_id");
    const std::vector<std::int32_t> cite_of = in.read_int32("/stock/cite_id");
    struct Column {
      std::vector<double> values;
      std::vector<std::string> names;
      bool real = false;
    };
    std::vector<Column> columns;
    std::size_t replicates = 0;
    for (const auto& [name, path] : numeric_datasets(in, "/dwelling/")) {
      replicates = in.shape(path)[0];
      columns.push_back({in.read_double(path),
                         has_attribute(in, path, "names") ? in.string_array_attribute(path, "names")
                                                          : std::vector<std::string>{},
                         in.type_name(path) == "float64"});
    }
    for (std::size_t r = 0; r < replicates; ++r)
      for (std::size_t y = 0; y < a.years.size(); ++y)
        for (std::size_t d = 0; d < ids.size(); ++d) {
          Row row = {number(double(r)), number(a.years[y]), text(std::to_string(ids[d])),
                     text(a.cites.at(static_cast<std::size_t>(cite_of[d])))};
          for (const Column& column : columns) {
            const double v = column.values[(r * a.years.size() + y) * ids.size() + d];
            if (!column.names.empty())
              row.push_back(text(column.names.at(static_cast<std::size_t>(v))));
            else if (column.real)
              row.push_back(number(v));
            else
              row.push_back(text(fmt::format("{}", static_cast<std::int64_t>(v))));  // no ".0"
          }
          emit(row);
        }
  };
  return t;
}

// ---- the run --------------------------------------------------------------------------

/// The shipped at-vacancy scenario cut to 2 years with 2 replicates, both of them recorded
/// per dwelling: works, funders and rental bans, at a test's cost. Run once for the suite.
class ExportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("export_run");
    const std::filesystem::path scenario = fixtures::short_scenario(dir_->path(), "at-vacancy", 2);
    std::string yaml = read_text(scenario);
    const std::string from = "dwelling_replicates: 1";
    ASSERT_NE(yaml.find(from), std::string::npos);
    yaml.replace(yaml.find(from), from.size(), "dwelling_replicates: 2");
    std::ofstream(scenario) << yaml;
    const auto r = run_coron("run -q --replicates 2 " + quoted(scenario) + " -o run.h5", dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::filesystem::path results() { return dir_->path() / "run.h5"; }
  static const std::filesystem::path& dir() { return dir_->path(); }

  /// Every table the export wrote into `out` against the file's values; `json`: the
  /// files are JSON, flattened by Python first (without the dwellings: the same writer as
  /// the other tables, and 280,000 rows would take Python most of the test's time).
  /// Returns the rows checked.
  static std::size_t expect_every_table(const std::filesystem::path& out, bool french, bool json) {
    const io::ResultsReader in(results());
    EXPECT_TRUE(in.exists("/aggregate/spend_by_funder"));
    EXPECT_EQ(in.shape("/aggregate/label_count")[0], 2u);
    std::size_t rows = 0;
    for (const ExpectedTable& table :
         {expected_per_replicate(in, false, false), expected_per_replicate(in, true, false),
          expected_quantiles(in, false), expected_per_replicate(in, false, true),
          expected_per_replicate(in, true, true), expected_quantiles(in, true), expected_dwellings(in)}) {
      if (json && table.name == "dwellings") continue;
      const std::filesystem::path file = out / (table.name + (json ? ".json" : ".csv"));
      RowChecker check(json ? flatten_json(file) : file, french);
      check.header(table.header);
      table.rows([&check](const Row& row) { check(row); });
      rows += check.finish();
    }
    return rows;
  }

  static TempDir* dir_;
};

TempDir* ExportCli::dir_ = nullptr;

TEST_F(ExportCli, EnglishCsvHoldsEveryValueOfTheFileExactly) {
  const auto r = run_coron("export run.h5 --to csv en --dwellings", dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("aggregates.csv: "));
  // 132 + 71,676 + 66 + 28 + 15,204 + 14 + 280,000 rows (printed by the export).
  EXPECT_GT(expect_every_table(dir() / "en", false, false), 280'000u);
  EXPECT_EQ(read_text(dir() / "en" / "aggregates.csv")
                .rfind("scenario,replicate,year,indicator,bin,value,unit\n", 0),
            0u);
  // The units and descriptions of the dwelling columns, one row each.
  const auto units = read_records(dir() / "en" / "dwellings_units.csv");
  ASSERT_EQ(units.size(), 11u);  // the scenario's dwelling_columns
  const auto label = std::find_if(units.begin(), units.end(),
                                  [](const auto& rec) { return rec.at("column") == "energy_bill_eur"; });
  ASSERT_NE(label, units.end());
  EXPECT_EQ(label->at("unit"), "EUR/yr");
  // Provenance: the file's own /meta.
  const io::ResultsReader in(results());
  std::map<std::string, std::string> meta;
  for (const auto& rec : read_records(dir() / "en" / "meta.csv")) meta[rec.at("attribute")] = rec.at("value");
  EXPECT_EQ(meta.at("scenario_name"), "at-vacancy");
  EXPECT_EQ(meta.at("seed"), std::to_string(in.uint64_attribute("/meta", "seed")));
  EXPECT_EQ(meta.at("schema_version"), std::to_string(in.int_attribute("/meta", "schema_version")));
  EXPECT_EQ(meta.at("created_utc"), in.string_attribute("/meta", "created_utc"));
  EXPECT_EQ(meta.at("coron_version"), in.string_attribute("/meta", "coron_version"));
  EXPECT_EQ(meta.at("scenario"), in.string_attribute("/meta", "scenario"));  // many lines, quoted
}

/// True when some `;`-separated field of `text` is digits, `separator`, digits (no std::regex:
/// g++ 12 warns inside it under the sanitizers).
bool has_field_with_separator(const std::string& text, char separator) {
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of(";\n", begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view field(text.data() + begin, end - begin);
    const std::size_t at = field.find(separator);
    const auto digits = [](std::string_view d) {
      return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (at != std::string_view::npos && digits(field.substr(0, at)) && digits(field.substr(at + 1)))
      return true;
    begin = end + 1;
  }
  return false;
}

TEST_F(ExportCli, FrenchCsvHasSemicolonsDecimalCommasABomAndTheSameValues) {
  const auto r = run_coron("export run.h5 --to csv fr --lang fr --dwellings -q", dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "");
  EXPECT_EQ(read_text(dir() / "fr" / "aggregates.csv")
                .rfind("\xEF\xBB\xBFscénario;réplique;année;indicateur;classe;valeur;unité\n", 0),
            0u);
  // Some value has a decimal comma and none a decimal point.
  const std::string text = read_text(dir() / "fr" / "aggregates.csv");
  EXPECT_TRUE(has_field_with_separator(text, ',')) << "no decimal comma";
  EXPECT_FALSE(has_field_with_separator(text, '.')) << "a decimal point";
  EXPECT_GT(expect_every_table(dir() / "fr", true, false), 280'000u);
}

TEST_F(ExportCli, JsonParsedByPythonHoldsTheSameValues) {
  const auto r = run_coron("export run.h5 --to json js", dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_GT(expect_every_table(dir() / "js", false, true), 80'000u);
  const std::string check =
      "python3 -c 'import json,sys\n"
      "m = json.load(open(sys.argv[1]))\n"
      "assert m[\"scenario_name\"] == \"at-vacancy\" and m[\"schema_version\"] in (3, 4), m\n"
      "assert isinstance(m[\"seed\"], int) and m[\"replicates\"] == 2, m\n"
      "a = json.load(open(sys.argv[2]))\n"
      "g = [x for x in a if x[\"indicator\"] == \"label_count\" and x[\"bin\"] == \"G\"]\n"
      "assert len(g) == 4 and all(isinstance(x[\"value\"], int) for x in g), g\n"
      "e = [x for x in a if x[\"indicator\"] == \"final_energy_gwh\"]\n"
      "assert len(e) == 4 and e[0][\"bin\"] is None and isinstance(e[0][\"value\"], float), e[0]\n"
      "print(\"json ok\")' " +
      quoted(dir() / "js" / "meta.json") + " " + quoted(dir() / "js" / "aggregates.json") + " 2>&1";
  FILE* pipe = popen(check.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string said;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) said += buffer.data();
  EXPECT_EQ(pclose(pipe), 0) << said;
  EXPECT_THAT(said, HasSubstr("json ok"));
}

TEST_F(ExportCli, AFolderWithFilesIsRefusedUnlessForced) {
  const std::filesystem::path out = dir() / "busy";
  std::filesystem::create_directories(out);
  std::ofstream(out / "notes.txt") << "mine\n";
  const auto refused = run_coron("export run.h5 --to csv busy", dir());
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("busy: folder already holds files"));
  EXPECT_EQ(testing::count_files(out), 1u);
  const auto forced = run_coron("export run.h5 --to csv busy --force -q", dir());
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_TRUE(std::filesystem::exists(out / "aggregates.csv"));
  EXPECT_EQ(read_text(out / "notes.txt"), "mine\n");
  EXPECT_FALSE(std::filesystem::exists(out / "dwellings.csv"));  // only with --dwellings
  for (const auto& entry : std::filesystem::directory_iterator(out))
    EXPECT_NE(entry.path().extension(), ".partial") << entry.path();
}

TEST(ExportCliBadInput, EachIsRefusedNamingTheFileAndNothingIsWritten) {
  TempDir dir("export_bad");
  std::ofstream(dir.path() / "notes.h5") << "not HDF5\n";
  testing::write_hand_run(dir.path() / "older.h5", testing::HandRun{});  // schema version 2
  testing::HandRun newer;
  newer.schema_version = 3;
  newer.counts("households", {{1, 2, 3}, {4, 5, 6}});  // 2 replicates where /meta says 3
  testing::write_hand_run(dir.path() / "bad_shape.h5", newer);
  const struct {
    std::string arguments;
    std::string said;
  } cases[] = {
      {"export gone.h5 --to csv out", "gone.h5: no such file"},
      {"export notes.h5 --to csv out", "notes.h5: cannot be read as a coron results file"},
      {"export older.h5 --to json out",
       "older.h5: /meta schema_version: schema version 2; this coron exports "
       "results files of versions 3 and 4 only"},
      {"export bad_shape.h5 --to csv out",
       "bad_shape.h5: /aggregate/households: expected shape [3, 3(, bins)]"},
      {"export older.h5 --to xlsx out", "--to: xlsx not in {csv,json}"},
      {"export older.h5 --to csv out --lang de", "--lang: de not in {en,fr}"},
  };
  for (const auto& c : cases) {
    const auto r = run_coron(c.arguments, dir.path());
    EXPECT_EQ(r.exit_code, 2) << c.arguments << "\n" << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.said)) << c.arguments;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out")) << c.arguments;
  }
  std::ofstream(dir.path() / "taken") << "a file\n";
  const auto r = run_coron("export notes.h5 --to csv taken", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("taken: exists and is not a folder"));
  EXPECT_THAT(r.output, HasSubstr("notes.h5: cannot be read"));  // every problem at once
  EXPECT_THAT(r.output, HasSubstr("2 problems found"));
}

}  // namespace
}  // namespace coron
