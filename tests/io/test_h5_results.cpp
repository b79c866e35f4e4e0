// Results file round trips: what write_results stores is what report tools read.

#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/h5_file.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"
#include "io/run_provenance.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/vocabulary.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <variant>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// Four dwellings in two cités, two replicates, three years. Every registry
// column gets distinct values, so a column written from the wrong member shows.
Stock tiny_stock() {
  Stock s;
  s.resize(4);
  std::size_t k = 0;
  for_each_column(s, [&k](const ColumnInfo& column, auto& values) {
    using T = typename std::decay_t<decltype(values)>::value_type;
    ++k;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double span = column.spec.max - column.spec.min;
      const double x = column.spec.min + span * static_cast<double>((k * 7 + i * 3) % 11 + 1) / 13.0;
      values[i] = static_cast<T>(column.spec.kind == ValueKind::real ? x : std::floor(x));
    }
  });
  s.dwelling_id = {1001, 1002, 2001, 2002};
  s.cite_id = {0, 0, 1, 1};
  s.cites.name = {"Cité Bruno", "Cité des Provinces — Lens"};
  s.cites.communes = {"Dourges", "Lens;Liévin"};
  s.cites.epci = {"CA Hénin-Carvin", "CA Lens-Liévin"};
  s.cites.category = {0, 2};
  s.cites.dwellings = {2, 2};
  s.cites.heritage_unesco = {1, 0};
  s.cites.qpv = {1, 1};
  return s;
}

/// Every state column recorded, each value distinct.
Results tiny_results(const std::vector<std::string>& names = known_dwelling_columns()) {
  Results r;
  r.aggregates.allocate(2, 3, 2018);
  for (std::size_t rep = 0; rep < 2; ++rep) {
    ReplicateRecord record;
    record.allocate(recorded_columns(names), 3, 4, 2);
    for (std::size_t k = 0; k < record.values.size(); ++k)
      std::visit(
          [&](auto& values) {
            using T = typename std::decay_t<decltype(values)>::value_type;
            for (std::size_t i = 0; i < values.size(); ++i)
              values[i] =
                  static_cast<T>(std::is_floating_point_v<T> ? 1000.0 * static_cast<double>(k) +
                                                                   0.1 * static_cast<double>(i + 12 * rep)
                                                             : static_cast<double>((i + k + rep) % 7));
          },
          record.values[k]);
    for (std::size_t a = 0; a < record.by_cite.size(); ++a)
      for (std::size_t i = 0; i < record.by_cite[a].size(); ++i)
        record.by_cite[a][i] = aggregate_columns[a].is_count()
                                   ? static_cast<double>(i + 3 * rep)
                                   : 0.25 * static_cast<double>(i) + 0.1 * static_cast<double>(rep);
    r.replicates.push_back(std::move(record));
  }
  for (std::size_t a = 0; a < r.aggregates.values.size(); ++a)
    for (std::size_t i = 0; i < r.aggregates.values[a].size(); ++i)
      r.aggregates.values[a][i] = aggregate_columns[a].is_count()
                                      ? static_cast<double>(i * 7 % 11)
                                      : 0.056 + 0.001 * static_cast<double>(i * 5 % 6);
  return r;
}

/// The values of a recorded column over all replicates, as /dwelling holds them.
template <class T>
std::vector<T> all_replicates(const Results& r, std::string_view name) {
  std::vector<T> out;
  for (const ReplicateRecord& record : r.replicates) {
    const auto& values = std::get<std::vector<T>>(*record.find(name));
    out.insert(out.end(), values.begin(), values.end());
  }
  return out;
}

RunMetadata tiny_meta() {
  RunMetadata m;
  m.coron_version = "0.1.0";
  m.scenario_name = "tiny";
  m.scenario_text = "name: tiny\nseed: 42\n# é, ü and — survive\n";
  m.seed = 0xFFFF'FFFF'FFFF'FFF0ULL;  // above INT64_MAX: must keep all 64 bits
  m.threads = 2;
  m.replicates = 2;
  m.start_year = 2018;
  m.end_year = 2020;
  m.created_utc = "2024-05-01T12:34:56Z";
  m.data_dir = "/opt/coron/data";
  return m;
}

OutputSpec all_columns(int compression = 1) {
  OutputSpec spec;
  spec.dwelling_columns = known_dwelling_columns();
  spec.dwelling_replicates = 2;  // both replicates of tiny_results
  spec.compression = compression;
  return spec;
}

class H5Results : public ::testing::Test {
 protected:
  // One empty folder per test, removed afterwards.
  fixtures::TempDir tmp_{"h5_results_" +
                         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())};
  const fs::path dir_ = tmp_.path();
  Stock stock_ = tiny_stock();
  Results results_ = tiny_results();
  RunMetadata meta_ = tiny_meta();
};

TEST_F(H5Results, ShapesAndValuesReadBackExactly) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);

  EXPECT_THAT(in.shape("/years"), ElementsAre(3));
  EXPECT_THAT(in.read_int32("/years"), ElementsAre(2018, 2019, 2020));
  EXPECT_EQ(read_stock(in), stock_);  // every stock column and the cité table

  for (const ColumnInfo& column : state_columns()) {
    const std::string path = "/dwelling/" + std::string(column.name);
    EXPECT_THAT(in.shape(path), ElementsAre(2, 3, 4)) << path;
    switch (column.type) {
      case ColumnType::f64:
        EXPECT_EQ(in.read_double(path), all_replicates<double>(results_, column.name)) << path;
        break;
      case ColumnType::i64:
        EXPECT_EQ(in.read_int64(path), all_replicates<std::int64_t>(results_, column.name)) << path;
        break;
      case ColumnType::i32:
        EXPECT_EQ(in.read_int32(path), all_replicates<std::int32_t>(results_, column.name)) << path;
        break;
      case ColumnType::i16:
        EXPECT_EQ(in.read_int16(path), all_replicates<std::int16_t>(results_, column.name)) << path;
        break;
      case ColumnType::u8:
        EXPECT_EQ(in.read_uint8(path), all_replicates<std::uint8_t>(results_, column.name)) << path;
        break;
    }
  }

  const Aggregates& a = results_.aggregates;
  for (const AggregateInfo& info : aggregate_columns) {
    const std::string name(info.name);
    const bool binned = info.kind == AggregateKind::histogram;
    const std::vector<std::size_t> per_replicate =
        binned ? std::vector<std::size_t>{2, 3, info.bins} : std::vector<std::size_t>{2, 3};
    std::vector<std::size_t> per_cite =
        binned ? std::vector<std::size_t>{2, 3, 2, info.bins} : std::vector<std::size_t>{2, 3, 2};
    std::vector<std::size_t> quantiles =
        binned ? std::vector<std::size_t>{3, 3, info.bins} : std::vector<std::size_t>{3, 3};
    EXPECT_EQ(in.shape("/aggregate/" + name), per_replicate) << name;
    EXPECT_EQ(in.shape("/aggregate/by_cite/" + name), per_cite) << name;
    EXPECT_EQ(in.shape("/aggregate/quantiles/" + name), quantiles) << name;
    // Counts are stored as integers, sums as doubles; both read back as the values kept.
    EXPECT_EQ(in.type_name("/aggregate/" + name), info.is_count() ? "int64" : "float64") << name;
    EXPECT_EQ(in.read_double("/aggregate/" + name), a.of(name)) << name;
    std::vector<double> cites;
    for (const ReplicateRecord& record : results_.replicates) {
      const auto& v = record.by_cite[aggregate_index(name)];
      cites.insert(cites.end(), v.begin(), v.end());
    }
    EXPECT_EQ(in.read_double("/aggregate/by_cite/" + name), cites) << name;
    const std::vector<double> q = in.read_double("/aggregate/quantiles/" + name);
    const std::size_t width = info.width();
    for (std::size_t k = 0; k < 3; ++k)
      for (std::size_t y = 0; y < 3; ++y)
        for (std::size_t b = 0; b < width; ++b)
          EXPECT_EQ(q[(k * 3 + y) * width + b], a.quantile(name, aggregate_quantiles[k], y, b)) << name;
  }
}

TEST_F(H5Results, TheFileHoldsTheRegistryAndNothingElse) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  std::vector<std::pair<std::string, std::string>> expected = {{"/years", "int32"},
                                                               {"/cites/name", "string"},
                                                               {"/cites/communes", "string"},
                                                               {"/cites/epci", "string"},
                                                               {"/cites/category", "uint8"},
                                                               {"/cites/dwellings", "int32"},
                                                               {"/cites/heritage_unesco", "uint8"},
                                                               {"/cites/qpv", "uint8"}};
  for (const ColumnInfo& c : stock_columns())
    expected.emplace_back("/stock/" + std::string(c.name), std::string(column_type_name(c.type)));
  for (const AggregateInfo& a : aggregate_columns) {
    const std::string type = a.is_count() ? "int64" : "float64";
    expected.emplace_back("/aggregate/" + std::string(a.name), type);
    expected.emplace_back("/aggregate/by_cite/" + std::string(a.name), type);
    expected.emplace_back("/aggregate/quantiles/" + std::string(a.name), "float64");
  }
  for (const ColumnInfo& c : state_columns())
    expected.emplace_back("/dwelling/" + std::string(c.name), std::string(column_type_name(c.type)));
  // The funders' spending and the /works table.
  for (const char* path :
       {"/aggregate/spend_by_funder", "/aggregate/by_cite/spend_by_funder",
        "/aggregate/quantiles/spend_by_funder", "/works/cost_eur", "/works/grant_eur", "/works/loan_eur",
        "/works/landlord_eur", "/works/primary_before_kwh_m2", "/works/primary_after_kwh_m2"})
    expected.emplace_back(path, "float64");
  for (const char* path : {"/works/replicate", "/works/year", "/works/package"})
    expected.emplace_back(path, "int32");
  for (const char* path : {"/works/dwelling", "/works/dwelling_id"}) expected.emplace_back(path, "int64");
  for (const char* path : {"/works/label_before", "/works/label_after", "/works/target_reached"})
    expected.emplace_back(path, "uint8");
  // The coordinate of every axis in every group that uses it (dimension scales).
  for (const char* path : {"/year", "/aggregate/year", "/aggregate/replicate", "/aggregate/by_cite/year",
                           "/aggregate/by_cite/replicate", "/aggregate/quantiles/year", "/dwelling/year",
                           "/dwelling/replicate", "/dwelling/dwelling", "/stock/dwelling", "/works/works"})
    expected.emplace_back(path, "int64");
  expected.emplace_back("/aggregate/quantiles/quantile", "float64");
  for (const char* path :
       {"/aggregate/label", "/aggregate/funder", "/aggregate/by_cite/cite", "/aggregate/by_cite/label",
        "/aggregate/by_cite/funder", "/aggregate/quantiles/label", "/aggregate/quantiles/funder",
        "/cites/cite", "/works/funder"})
    expected.emplace_back(path, "string");
  std::vector<std::string> names;
  for (const auto& [path, type] : expected) {
    EXPECT_EQ(in.type_name(path), type) << path;
    names.push_back(path);
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(in.datasets(), names);
}

TEST_F(H5Results, EveryDatasetCarriesUnitsDescriptionAndDimensions) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  for (const std::string& path : in.datasets()) {
    EXPECT_FALSE(in.string_attribute(path, "units").empty()) << path;
    EXPECT_FALSE(in.string_attribute(path, "description").empty()) << path;
    const std::string dims = in.string_attribute(path, "dimensions");
    EXPECT_EQ(static_cast<std::size_t>(std::count(dims.begin(), dims.end(), ',')) + 1, in.shape(path).size())
        << path << ": " << dims;
  }
  // ... and they are the registry's.
  for (const ColumnInfo& c : stock_columns()) {
    const std::string path = "/stock/" + std::string(c.name);
    EXPECT_EQ(in.string_attribute(path, "units"), c.unit) << path;
    EXPECT_EQ(in.string_attribute(path, "description"), c.description) << path;
    EXPECT_EQ(in.string_attribute(path, "dimensions"), "dwelling") << path;
  }
  for (const ColumnInfo& c : state_columns()) {
    const std::string path = "/dwelling/" + std::string(c.name);
    EXPECT_EQ(in.string_attribute(path, "units"), c.unit) << path;
    EXPECT_EQ(in.string_attribute(path, "description"), c.description) << path;
    EXPECT_EQ(in.string_attribute(path, "dimensions"), "replicate,year,dwelling") << path;
  }
  for (const AggregateInfo& a : aggregate_columns) {
    const std::string path = "/aggregate/" + std::string(a.name);
    EXPECT_EQ(in.string_attribute(path, "units"), a.unit) << path;
    const std::string bins = a.kind == AggregateKind::histogram ? ",label" : "";
    EXPECT_EQ(in.string_attribute(path, "dimensions"), "replicate,year" + bins) << path;
    EXPECT_EQ(in.string_attribute("/aggregate/by_cite/" + std::string(a.name), "dimensions"),
              "replicate,year,cite" + bins);
    EXPECT_EQ(in.string_attribute("/aggregate/quantiles/" + std::string(a.name), "dimensions"),
              "quantile,year" + bins);
  }
  // A few spelled out, as docs/hdf5-schema.md gives them.
  EXPECT_EQ(in.string_attribute("/dwelling/heating_need_kwh", "units"), "kWh/yr");
  EXPECT_EQ(in.string_attribute("/dwelling/primary_energy_kwh_m2", "units"), "kWh/(m2.yr)");
  EXPECT_EQ(in.string_attribute("/aggregate/final_energy_gwh", "units"), "GWh/yr");
  EXPECT_EQ(in.string_attribute("/stock/u_wall_w_per_m2k", "units"), "W/(m2.K)");
  EXPECT_EQ(in.string_attribute("/years", "units"), "year");
}

TEST_F(H5Results, EnumColumnsCarryTheirVocabulary) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_THAT(in.string_array_attribute("/stock/owner", "names"), ElementsAreArray(owner_names));
  EXPECT_THAT(in.string_array_attribute("/stock/archetype", "names"), ElementsAreArray(archetype_names));
  EXPECT_THAT(in.string_array_attribute("/stock/heating_system", "names"),
              ElementsAreArray(heating_system_names));
  EXPECT_THAT(in.string_array_attribute("/cites/category", "names"), ElementsAreArray(cite_category_names));
  for (const ColumnInfo& c : stock_columns()) {
    if (c.spec.kind != ValueKind::enumeration) continue;
    EXPECT_THAT(in.string_array_attribute("/stock/" + std::string(c.name), "names"),
                ElementsAreArray(c.spec.names))
        << c.name;
  }
  EXPECT_THAT(in.string_array_attribute("/dwelling/label", "names"),
              ElementsAre("A", "B", "C", "D", "E", "F", "G"));
  EXPECT_THAT(in.string_array_attribute("/aggregate/label_count", "names"),
              ElementsAre("A", "B", "C", "D", "E", "F", "G"));
}

TEST_F(H5Results, MetaAttributesRoundTrip) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_EQ(in.string_attribute("/meta", "coron_version"), "0.1.0");
  EXPECT_EQ(in.string_attribute("/meta", "scenario"), meta_.scenario_text);
  EXPECT_EQ(in.string_attribute("/meta", "scenario_name"), "tiny");
  EXPECT_EQ(in.uint64_attribute("/meta", "seed"), 0xFFFF'FFFF'FFFF'FFF0ULL);
  EXPECT_EQ(in.int_attribute("/meta", "threads"), 2);
  EXPECT_EQ(in.int_attribute("/meta", "ranks"), 1);
  EXPECT_EQ(in.int_attribute("/meta", "replicates"), 2);
  EXPECT_EQ(in.int_attribute("/meta", "start_year"), 2018);
  EXPECT_EQ(in.int_attribute("/meta", "end_year"), 2020);
  EXPECT_EQ(in.int_attribute("/meta", "schema_version"), 4);
  EXPECT_EQ(in.string_attribute("/meta", "created_utc"), "2024-05-01T12:34:56Z");
  EXPECT_EQ(in.string_attribute("/meta", "data_dir"), "/opt/coron/data");
  // Those and no others.
  EXPECT_THAT(File::open(file).open_group("/meta").attribute_names(),
              ElementsAre("coron_version", "created_utc", "data_dir", "end_year", "ranks", "replicates",
                          "scenario", "scenario_name", "schema_version", "seed", "start_year", "threads"));
}

TEST(RunProvenance, OfAScenarioIsItsNameTextSeedReplicatesAndYears) {
  Scenario s;
  s.name = "provenance";
  s.text = "name: provenance\nseed: 77\n";
  s.seed = 77;
  s.replicates = 4;
  s.start_year = 2018;
  s.years = 3;
  const RunProvenance p = provenance_of(s, "9.9.9");
  EXPECT_EQ(p.coron_version, "9.9.9");
  EXPECT_EQ(p.scenario_name, "provenance");
  EXPECT_EQ(p.scenario_text, s.text);
  EXPECT_EQ(p.seed, 77u);
  EXPECT_EQ(p.replicates, 4);
  EXPECT_EQ(p.start_year, 2018);
  EXPECT_EQ(p.end_year, 2020);  // 2018, 2019 and 2020: the last year simulated
  EXPECT_THAT(p.created_utc, MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
}

TEST_F(H5Results, StringsKeepTheirUtf8) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_EQ(in.read_strings("/cites/name"), stock_.cites.name);
  EXPECT_EQ(in.read_strings("/cites/communes"), stock_.cites.communes);
  EXPECT_EQ(in.read_strings("/cites/epci"), stock_.cites.epci);
}

TEST_F(H5Results, OnlyRequestedDwellingColumnsAreWritten) {
  const fs::path file = dir_ / "out.h5";
  OutputSpec spec = all_columns();
  spec.dwelling_columns = {"ghg_kg_m2", "label"};
  results_ = tiny_results(spec.dwelling_columns);
  write_results(file, meta_, stock_, results_, spec);
  const ResultsReader in(file);
  EXPECT_TRUE(in.exists("/dwelling/ghg_kg_m2"));
  EXPECT_TRUE(in.exists("/dwelling/label"));
  EXPECT_FALSE(in.exists("/dwelling/heating_need_kwh"));
  EXPECT_FALSE(in.exists("/dwelling/final_energy_kwh"));
  EXPECT_FALSE(in.exists("/dwelling/primary_energy_kwh_m2"));
  EXPECT_EQ(in.read_double("/dwelling/ghg_kg_m2"), all_replicates<double>(results_, "ghg_kg_m2"));

  spec.dwelling_columns.clear();
  write_results(file, meta_, stock_, tiny_results({}), spec);
  const ResultsReader none(file);
  EXPECT_TRUE(none.exists("/dwelling"));
  EXPECT_TRUE(none.file().open_group("/dwelling").dataset_paths().empty());
  EXPECT_TRUE(none.exists("/aggregate/label_count"));
}

TEST_F(H5Results, CompressionChangesStorageNotData) {
  const fs::path plain = dir_ / "plain.h5";
  const fs::path packed = dir_ / "packed.h5";
  write_results(plain, meta_, stock_, results_, all_columns(0));
  write_results(packed, meta_, stock_, results_, all_columns(6));
  const ResultsReader a(plain);
  const ResultsReader b(packed);
  ASSERT_EQ(a.datasets(), b.datasets());
  for (const std::string& path : a.datasets()) {
    if (a.type_name(path) == "string") {
      EXPECT_EQ(a.read_strings(path), b.read_strings(path)) << path;
    } else {
      EXPECT_EQ(a.raw_bytes(path), b.raw_bytes(path)) << path;
    }
  }
  const DataSet label_plain = a.file().open_dataset("/dwelling/label");
  const DataSet label_packed = b.file().open_dataset("/dwelling/label");
  EXPECT_EQ(label_plain.deflate_level(), 0);
  EXPECT_EQ(label_packed.deflate_level(), 6);
  EXPECT_THAT(label_packed.chunk(), ElementsAre(1, 3, 4));  // all years, clipped to the 4 dwellings
}

TEST_F(H5Results, SameInputsGiveByteIdenticalFiles) {
  const fs::path first = dir_ / "first.h5";
  const fs::path second = dir_ / "second.h5";
  write_results(first, meta_, stock_, results_, all_columns(4));
  write_results(second, meta_, stock_, results_, all_columns(4));
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(bytes(first), bytes(second));
}

TEST_F(H5Results, ZeroDwellingsStillWritesAValidFile) {
  Stock empty;
  empty.cites = stock_.cites;
  Results none;
  none.aggregates.allocate(1, 3, 2018);
  none.replicates.resize(1);
  none.replicates[0].allocate(recorded_columns(known_dwelling_columns()), 3, 0, 2);
  const fs::path file = dir_ / "empty.h5";
  write_results(file, meta_, empty, none, all_columns(4));
  const ResultsReader in(file);
  EXPECT_THAT(in.shape("/dwelling/label"), ElementsAre(1, 3, 0));
  EXPECT_TRUE(in.read_double("/dwelling/ghg_kg_m2").empty());
  EXPECT_THAT(in.shape("/aggregate/label_count"), ElementsAre(1, 3, 7));
}

// ------------------------------------------------------------ atomic writing

TEST_F(H5Results, CreatesMissingParentFolders) {
  const fs::path file = dir_ / "results" / "nested" / "baseline.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  EXPECT_TRUE(fs::is_regular_file(file));
  EXPECT_TRUE(fixtures::partials_of(file).empty());
}

TEST_F(H5Results, ParentThatIsAFileLeavesNothingBehind) {
  const fs::path blocker = dir_ / "results";
  std::ofstream(blocker) << "not a folder";
  const fs::path file = blocker / "baseline.h5";
  EXPECT_THROW(write_results(file, meta_, stock_, results_, all_columns()), fs::filesystem_error);
  EXPECT_FALSE(fs::exists(file));
  EXPECT_TRUE(fixtures::partials_of(file).empty());
  EXPECT_TRUE(fs::is_regular_file(blocker));
}

TEST_F(H5Results, FailedRenameRemovesThePartialFile) {
  // A non-empty folder where the file should go: the .partial is complete,
  // but the rename cannot succeed.
  const fs::path file = dir_ / "baseline.h5";
  fs::create_directories(file / "occupied");
  EXPECT_THROW(write_results(file, meta_, stock_, results_, all_columns()), fs::filesystem_error);
  EXPECT_TRUE(fs::is_directory(file / "occupied"));
  EXPECT_TRUE(fixtures::partials_of(file).empty());
}

TEST(AggregateQuantiles, AreNumpysDefaultPercentiles) {
  // numpy.percentile([3, 1, 4, 1, 5], [10, 50, 90]) = [1.0, 3.0, 4.6]: sorted 1 1 3 4 5,
  // P90 at rank 0.9 x 4 = 3.6, between 4 and 5.
  Aggregates a;
  a.allocate(5, 1, 2018);
  const std::size_t k = aggregate_index("final_energy_gwh");
  a.values[k] = {3.0, 1.0, 4.0, 1.0, 5.0};
  EXPECT_DOUBLE_EQ(a.quantile("final_energy_gwh", 0.1, 0), 1.0);
  EXPECT_DOUBLE_EQ(a.quantile("final_energy_gwh", 0.5, 0), 3.0);
  EXPECT_DOUBLE_EQ(a.quantile("final_energy_gwh", 0.9, 0), 4.6);
  EXPECT_DOUBLE_EQ(a.quantile("final_energy_gwh", 0.0, 0), 1.0);
  EXPECT_DOUBLE_EQ(a.quantile("final_energy_gwh", 1.0, 0), 5.0);
  Aggregates one;
  one.allocate(1, 1, 2018);
  one.values[k] = {7.5};
  EXPECT_DOUBLE_EQ(one.quantile("final_energy_gwh", 0.1, 0), 7.5);
}

TEST_F(H5Results, OnlyTheFirstReplicatesKeepTheirDwellingRows) {
  const fs::path file = dir_ / "out.h5";
  OutputSpec spec = all_columns();
  spec.dwelling_replicates = 1;
  write_results(file, meta_, stock_, results_, spec);
  const ResultsReader in(file);
  EXPECT_THAT(in.shape("/dwelling/label"), ElementsAre(1, 3, 4));
  EXPECT_EQ(in.read_uint8("/dwelling/label"),
            std::get<std::vector<std::uint8_t>>(*results_.replicates[0].find("label")));
  EXPECT_THAT(in.shape("/aggregate/by_cite/label_count"), ElementsAre(2, 3, 2, 7));  // every replicate
  spec.dwelling_replicates = 0;
  write_results(file, meta_, stock_, results_, spec);
  EXPECT_THAT(ResultsReader(file).shape("/dwelling/label"), ElementsAre(0, 3, 4));
}

TEST_F(H5Results, FailureMidRunKeepsTheOldFileAndRemovesThePartial) {
  const fs::path file = dir_ / "baseline.h5";
  write_results(file, meta_, stock_, results_, all_columns());

  // A second run streams its first replicate, then fails before the end.
  RunMetadata other = meta_;
  other.scenario_name = "second run";
  ResultsLayout layout;
  layout.replicates = 2;
  layout.years = results_.aggregates.year;
  layout.columns = recorded_columns(known_dwelling_columns());
  layout.dwelling_replicates = 2;
  {
    ResultsWriter writer(file, other, stock_, layout);
    writer.write_replicate(0, results_.replicates[0]);
    // This process's own partial: baseline.h5.<pid>.<n>.partial.
    const std::vector<fs::path> partials = fixtures::partials_of(file);
    ASSERT_EQ(partials.size(), 1u);
    EXPECT_TRUE(
        partials[0].filename().string().starts_with("baseline.h5." + std::to_string(::getpid()) + "."));
  }  // destroyed without commit(), as by an exception unwinding the run
  EXPECT_TRUE(fixtures::partials_of(file).empty());
  const ResultsReader in(file);
  EXPECT_EQ(in.string_attribute("/meta", "scenario_name"), "tiny");
}

TEST_F(H5Results, ReplicatesWrittenInAnyOrderGiveTheSameFile) {
  const fs::path forward = dir_ / "forward.h5";
  const fs::path backward = dir_ / "backward.h5";
  ResultsLayout layout;
  layout.replicates = 2;
  layout.years = results_.aggregates.year;
  layout.columns = recorded_columns(known_dwelling_columns());
  layout.dwelling_replicates = 2;
  {
    ResultsWriter writer(forward, meta_, stock_, layout);
    writer.write_replicate(0, results_.replicates[0]);
    writer.write_replicate(1, results_.replicates[1]);
    writer.commit(results_.aggregates);
  }
  {
    ResultsWriter writer(backward, meta_, stock_, layout);
    writer.write_replicate(1, results_.replicates[1]);
    writer.write_replicate(0, results_.replicates[0]);
    writer.commit(results_.aggregates);
  }
  const ResultsReader a(forward);
  const ResultsReader b(backward);
  for (const std::string& path : a.datasets()) {
    if (a.type_name(path) == "string") continue;
    EXPECT_EQ(a.raw_bytes(path), b.raw_bytes(path)) << path;
  }
}

TEST_F(H5Results, SuccessReplacesTheOldFile) {
  const fs::path file = dir_ / "baseline.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  RunMetadata other = meta_;
  other.scenario_name = "second run";
  write_results(file, other, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_EQ(in.string_attribute("/meta", "scenario_name"), "second run");
  EXPECT_TRUE(fixtures::partials_of(file).empty());
}

TEST_F(H5Results, StalePartialsOfKilledRunsAreRemovedOthersKept) {
  const fs::path file = dir_ / "baseline.h5";
  // Left by an older version, and by a killed process (no process has a pid above the
  // kernel's pid_max, 2^22 at most); the parent process (alive) may be writing its own.
  std::ofstream(fs::path(file) += ".partial") << "left over by a killed run";
  std::ofstream(fs::path(file) += ".4194305.0.partial") << "left over by a killed run";
  const fs::path alive = fs::path(file) += "." + std::to_string(::getppid()) + ".0.partial";
  std::ofstream(alive) << "being written by a running process";
  write_results(file, meta_, stock_, results_, all_columns());
  EXPECT_EQ(fixtures::partials_of(file), std::vector<fs::path>{alive});
  EXPECT_EQ(ResultsReader(file).string_attribute("/meta", "scenario_name"), "tiny");
}

}  // namespace
}  // namespace coron::io
