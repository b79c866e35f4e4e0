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

/// A table read back: its header and rows as records {column: text}.
struct ReadTable {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> records;
};

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

/// A French number with its decimal comma turned into a point; any other text as it is.
std::string english_number(const std::string& field) {
  std::string value = field;
  std::replace(value.begin(), value.end(), ',', '.');
  char* end = nullptr;
  std::strtod(value.c_str(), &end);
  return !value.empty() && end != value.c_str() && *end == '\0' ? value : field;
}

ReadTable read_csv_table(const std::filesystem::path& file, bool french) {
  std::string text = read_text(file);
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(text.rfind(bom, 0) == 0, french) << file << ": a BOM in French only";
  if (french && text.rfind(bom, 0) == 0) text.erase(0, bom.size());
  const auto rows = parse_csv(text, french ? ';' : ',');
  ReadTable table;
  if (rows.empty()) {
    ADD_FAILURE() << file << " is empty";
    return table;
  }
  for (std::string name : rows.front()) {
    if (french && english_of.count(name) != 0) name = english_of.at(name);
    table.header.push_back(name);
  }
  for (std::size_t k = 1; k < rows.size(); ++k) {
    EXPECT_EQ(rows[k].size(), table.header.size()) << file << " row " << k;
    std::map<std::string, std::string> record;
    for (std::size_t c = 0; c < std::min(rows[k].size(), table.header.size()); ++c) {
      record[table.header[c]] = french ? english_number(rows[k][c]) : rows[k][c];
    }
    table.records.push_back(std::move(record));
  }
  return table;
}

/// A JSON table flattened by Python into English CSV (floats by repr, the shortest
/// round-trip form; null as an empty field), so that the CSV check reads it too.
ReadTable read_json_table(const std::filesystem::path& file) {
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
  return read_csv_table(flat, false);
}

// ---- the tables expected from the HDF5 file -----------------------------------------

/// Expected cells: {key of the row -> {column -> value}}; a value is a number or a text.
struct Expected {
  std::vector<std::string> header;
  std::vector<std::string> keys;  ///< columns whose values, joined, name a row
  std::map<std::string, std::map<std::string, std::string>> texts;
  std::map<std::string, std::map<std::string, double>> numbers;
  std::size_t rows = 0;
};

/// Every cell of `read` equals the expected one: texts as written, numbers exactly once parsed.
void expect_table(const ReadTable& read, const Expected& expected, const std::string& what) {
  EXPECT_EQ(read.header, expected.header) << what;
  EXPECT_EQ(read.records.size(), expected.rows) << what;
  std::size_t checked = 0;
  std::set<std::string> seen;
  for (const auto& record : read.records) {
    std::string key;
    for (const std::string& column : expected.keys)
      key += (record.count(column) ? record.at(column) : "?") + "|";
    EXPECT_TRUE(seen.insert(key).second) << what << ": row " << key << " twice";
    const auto numbers = expected.numbers.find(key);
    const auto texts = expected.texts.find(key);
    if (numbers == expected.numbers.end() && texts == expected.texts.end()) {
      ADD_FAILURE() << what << ": unexpected row " << key;
      continue;
    }
    if (numbers != expected.numbers.end())
      for (const auto& [column, value] : numbers->second) {
        const std::string& field = record.at(column);
        char* end = nullptr;
        const double got = std::strtod(field.c_str(), &end);
        EXPECT_TRUE(end != field.c_str() && *end == '\0')
            << what << " " << key << column << ": '" << field << "'";
        EXPECT_EQ(got, value) << what << " " << key << column;
        ++checked;
      }
    if (texts != expected.texts.end())
      for (const auto& [column, value] : texts->second) {
        EXPECT_EQ(record.at(column), value) << what << " " << key << column;
        ++checked;
      }
  }
  EXPECT_GT(checked, 0u) << what;
}

bool has_attribute(const io::ResultsReader& in, const std::string& object, const std::string& name) {
  const auto names = in.attribute_names(object);
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Direct numeric datasets of `group` (no subgroups), as {name -> path}.
std::map<std::string, std::string> numeric_datasets(const io::ResultsReader& in, const std::string& group) {
  std::map<std::string, std::string> found;
  for (const std::string& path : in.datasets())
    if (path.rfind(group, 0) == 0 && path.find('/', group.size()) == std::string::npos &&
        in.type_name(path) != "string")
      found[path.substr(group.size())] = path;
  return found;
}

/// Integer-valued doubles print as integers, others in shortest round-trip form.
std::string number_text(double v) { return fmt::format("{}", v); }

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

/// aggregates.csv (by_cite false) or aggregates_by_cite.csv (by_cite true), or the
/// spend_by_funder ones (spend true).
Expected expected_per_replicate(const io::ResultsReader& in, bool by_cite, bool spend) {
  const FileAxes a = axes_of(in);
  Expected e;
  const std::string group = by_cite ? "/aggregate/by_cite/" : "/aggregate/";
  if (spend) {
    e.header = by_cite ? std::vector<std::string>{"scenario",   "replicate", "year",  "cite",
                                                  "cite_index", "funder",    "value", "unit"}
                       : std::vector<std::string>{"scenario", "replicate", "year", "funder", "value", "unit"};
    e.keys = by_cite ? std::vector<std::string>{"replicate", "year", "cite_index", "funder"}
                     : std::vector<std::string>{"replicate", "year", "funder"};
  } else {
    e.header = by_cite ? std::vector<std::string>{"scenario",  "replicate", "year",  "cite", "cite_index",
                                                  "indicator", "bin",       "value", "unit"}
                       : std::vector<std::string>{"scenario", "replicate", "year", "indicator",
                                                  "bin",      "value",     "unit"};
    e.keys = by_cite ? std::vector<std::string>{"replicate", "year", "cite_index", "indicator", "bin"}
                     : std::vector<std::string>{"replicate", "year", "indicator", "bin"};
  }
  const std::size_t C = by_cite ? a.cites.size() : 1;
  for (const auto& [name, path] : numeric_datasets(in, group)) {
    if ((name == "spend_by_funder") != spend) continue;
    const auto shape = in.shape(path);
    const std::size_t lead = by_cite ? 3 : 2;
    const bool has_axis = shape.size() > lead;
    const std::size_t W = has_axis ? shape.back() : 1;
    const auto bins = bin_names(in, path, W, spend ? "funders" : "names", has_axis);
    const std::vector<double> v = in.read_double(path);
    const std::string unit = in.string_attribute(path, "units");
    for (std::size_t r = 0; r < a.replicates; ++r)
      for (std::size_t y = 0; y < a.years.size(); ++y)
        for (std::size_t c = 0; c < C; ++c)
          for (std::size_t b = 0; b < W; ++b) {
            std::string key = std::to_string(r) + "|" + std::to_string(a.years[y]) + "|";
            if (by_cite) key += std::to_string(c) + "|";
            if (!spend) key += name + "|";
            key += bins[b] + "|";
            e.numbers[key]["value"] = v[((r * a.years.size() + y) * C + c) * W + b];
            e.texts[key] = {{"scenario", a.scenario}, {"unit", unit}};
            if (by_cite) e.texts[key]["cite"] = a.cites[c];
            ++e.rows;
          }
  }
  return e;
}

Expected expected_quantiles(const io::ResultsReader& in, bool spend) {
  const FileAxes a = axes_of(in);
  Expected e;
  e.header =
      spend ? std::vector<std::string>{"scenario", "year", "funder", "p10", "p50", "p90", "unit"}
            : std::vector<std::string>{"scenario", "year", "indicator", "bin", "p10", "p50", "p90", "unit"};
  e.keys = spend ? std::vector<std::string>{"year", "funder"}
                 : std::vector<std::string>{"year", "indicator", "bin"};
  for (const auto& [name, path] : numeric_datasets(in, "/aggregate/quantiles/")) {
    if ((name == "spend_by_funder") != spend) continue;
    const auto shape = in.shape(path);
    const bool has_axis = shape.size() > 2;
    const std::size_t W = has_axis ? shape.back() : 1;
    const auto bins = bin_names(in, path, W, spend ? "funders" : "names", has_axis);
    const std::vector<double> v = in.read_double(path);
    for (std::size_t y = 0; y < a.years.size(); ++y)
      for (std::size_t b = 0; b < W; ++b) {
        const std::string key = std::to_string(a.years[y]) + "|" + (spend ? "" : name + "|") + bins[b] + "|";
        const std::array<const char*, 3> q = {"p10", "p50", "p90"};
        for (std::size_t k = 0; k < 3; ++k) e.numbers[key][q[k]] = v[(k * a.years.size() + y) * W + b];
        e.texts[key] = {{"scenario", a.scenario}, {"unit", in.string_attribute(path, "units")}};
        ++e.rows;
      }
  }
  return e;
}

Expected expected_dwellings(const io::ResultsReader& in) {
  const FileAxes a = axes_of(in);
  Expected e;
  e.header = {"replicate", "year", "dwelling_id", "cite"};
  e.keys = {"replicate", "year", "dwelling_id"};
  const std::vector<std::int64_t> ids = in.read_int64("/stock/dwelling_id");
  const std::vector<std::int32_t> cite_of = in.read_int32("/stock/cite_id");
  std::size_t replicates = 0;
  for (const auto& [name, path] : numeric_datasets(in, "/dwelling/")) {
    e.header.push_back(name);
    const auto shape = in.shape(path);
    replicates = shape[0];
    const bool real = in.type_name(path) == "float64";
    const std::vector<double> v = in.read_double(path);
    const std::vector<std::string> names = has_attribute(in, path, "names")
                                               ? in.string_array_attribute(path, "names")
                                               : std::vector<std::string>{};
    for (std::size_t r = 0; r < shape[0]; ++r)
      for (std::size_t y = 0; y < a.years.size(); ++y)
        for (std::size_t d = 0; d < ids.size(); ++d) {
          const std::string key = fmt::format("{}|{}|{}|", r, a.years[y], ids[d]);
          const double value = v[(r * a.years.size() + y) * ids.size() + d];
          if (!names.empty())
            e.texts[key][name] = names.at(static_cast<std::size_t>(value));
          else if (real)
            e.numbers[key][name] = value;
          else
            e.texts[key][name] = number_text(value);  // integers as integers, no ".0"
          e.texts[key]["cite"] = a.cites.at(static_cast<std::size_t>(cite_of[d]));
        }
  }
  e.rows = replicates * a.years.size() * ids.size();
  return e;
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

  /// Every table the export wrote into `out` (read by `read`) against the file's values.
  template <class Read>
  static void expect_every_table(const std::filesystem::path& out, const std::string& ext, Read read) {
    const io::ResultsReader in(results());
    ASSERT_TRUE(in.exists("/aggregate/spend_by_funder"));
    ASSERT_EQ(in.shape("/aggregate/label_count")[0], 2u);
    const std::vector<std::pair<std::string, Expected>> tables = {
        {"aggregates", expected_per_replicate(in, false, false)},
        {"aggregates_by_cite", expected_per_replicate(in, true, false)},
        {"quantiles", expected_quantiles(in, false)},
        {"spend_by_funder", expected_per_replicate(in, false, true)},
        {"spend_by_funder_by_cite", expected_per_replicate(in, true, true)},
        {"spend_by_funder_quantiles", expected_quantiles(in, true)},
        {"dwellings", expected_dwellings(in)},
    };
    for (const auto& [name, expected] : tables) expect_table(read(out / (name + ext)), expected, name + ext);
  }

  static TempDir* dir_;
};

TempDir* ExportCli::dir_ = nullptr;

TEST_F(ExportCli, EnglishCsvHoldsEveryValueOfTheFileExactly) {
  const auto r = run_coron("export run.h5 --to csv en --dwellings", dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("aggregates.csv: "));
  expect_every_table(dir() / "en", ".csv",
                     [](const std::filesystem::path& f) { return read_csv_table(f, false); });
  EXPECT_EQ(read_text(dir() / "en" / "aggregates.csv")
                .rfind("scenario,replicate,year,indicator,bin,value,unit\n", 0),
            0u);
  // The units and descriptions of the dwelling columns, one row each.
  const ReadTable units = read_csv_table(dir() / "en" / "dwellings_units.csv", false);
  ASSERT_EQ(units.records.size(), 11u);  // the scenario's dwelling_columns
  const auto label = std::find_if(units.records.begin(), units.records.end(),
                                  [](const auto& rec) { return rec.at("column") == "energy_bill_eur"; });
  ASSERT_NE(label, units.records.end());
  EXPECT_EQ(label->at("unit"), "EUR/yr");
  // Provenance: the file's own /meta.
  const io::ResultsReader in(results());
  std::map<std::string, std::string> meta;
  for (const auto& rec : read_csv_table(dir() / "en" / "meta.csv", false).records)
    meta[rec.at("attribute")] = rec.at("value");
  EXPECT_EQ(meta.at("scenario_name"), "at-vacancy");
  EXPECT_EQ(meta.at("seed"), std::to_string(in.uint64_attribute("/meta", "seed")));
  EXPECT_EQ(meta.at("schema_version"), "3");
  EXPECT_EQ(meta.at("created_utc"), in.string_attribute("/meta", "created_utc"));
  EXPECT_EQ(meta.at("coron_version"), in.string_attribute("/meta", "coron_version"));
  EXPECT_EQ(meta.at("scenario"), in.string_attribute("/meta", "scenario"));  // many lines, quoted
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
  EXPECT_THAT(text, ::testing::ContainsRegex(";[0-9]+,[0-9]+;"));
  EXPECT_THAT(text, ::testing::Not(::testing::ContainsRegex(";[0-9]+\\.[0-9]+;")));
  expect_every_table(dir() / "fr", ".csv",
                     [](const std::filesystem::path& f) { return read_csv_table(f, true); });
}

TEST_F(ExportCli, JsonParsedByPythonHoldsTheSameValues) {
  const auto r = run_coron("export run.h5 --to json js --dwellings", dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_every_table(dir() / "js", ".json", read_json_table);
  const std::string check =
      "python3 -c 'import json,sys\n"
      "m = json.load(open(sys.argv[1]))\n"
      "assert m[\"scenario_name\"] == \"at-vacancy\" and m[\"schema_version\"] == 3, m\n"
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
       "results files of version 3 only"},
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
