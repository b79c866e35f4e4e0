// Results file round trips: what write_results stores is what report tools read.

#include "fixtures/temp_dir.hpp"
#include "io/h5_file.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"
#include "coron/vocabulary.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

// Four dwellings in two cités, two replicates, three years.
Stock tiny_stock() {
  Stock s;
  s.resize(4);
  s.dwelling_id = {1001, 1002, 2001, 2002};
  s.cite_id = {0, 0, 1, 1};
  s.owner = {0, 1, 2, 0};
  s.archetype = {0, 1, 4, 3};
  s.year_built = {1880, 1905, 1955, 1925};
  s.floor_area_m2 = {62.5, 71.25, 80.0, 55.125};
  s.heritage_unesco = {1, 1, 0, 0};
  s.qpv = {0, 1, 1, 0};
  s.structurally_unfit = {0, 0, 0, 1};
  s.cites.name = {"Cité Bruno", "Cité des Provinces — Lens"};
  s.cites.communes = {"Dourges", "Lens;Liévin"};
  s.cites.epci = {"CA Hénin-Carvin", "CA Lens-Liévin"};
  s.cites.category = {0, 2};
  s.cites.dwellings = {2, 2};
  s.cites.heritage_unesco = {1, 0};
  s.cites.qpv = {1, 1};
  return s;
}

Results tiny_results() {
  Results r;
  r.allocate(2, 3, 4);
  r.year = {2018, 2019, 2020};
  for (std::size_t i = 0; i < r.heating_need_kwh.size(); ++i) {
    const double x = static_cast<double>(i);
    r.heating_need_kwh[i] = 10000.0 + 0.1 * x;
    r.final_energy_kwh[i] = 14000.0 + 0.3 * x;
    r.primary_energy_kwh_m2[i] = 250.0 + x / 3.0;
    r.ghg_kg_m2[i] = 40.0 + x / 7.0;
    r.label[i] = static_cast<std::uint8_t>(i % 7);
  }
  for (std::size_t i = 0; i < r.label_count.size(); ++i) r.label_count[i] = static_cast<std::int64_t>(i);
  for (std::size_t i = 0; i < r.final_energy_gwh.size(); ++i) {
    r.final_energy_gwh[i] = 0.056 + 0.001 * static_cast<double>(i);
    r.ghg_kt[i] = 0.0123 * static_cast<double>(i + 1);
  }
  return r;
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

  EXPECT_THAT(in.shape("/stock/dwelling_id"), ElementsAre(4));
  EXPECT_EQ(in.read_int64("/stock/dwelling_id"), stock_.dwelling_id);
  EXPECT_EQ(in.read_int32("/stock/cite_id"), stock_.cite_id);
  EXPECT_EQ(in.read_uint8("/stock/owner"), stock_.owner);
  EXPECT_EQ(in.read_uint8("/stock/archetype"), stock_.archetype);
  EXPECT_EQ(in.read_int32("/stock/year_built"), stock_.year_built);
  EXPECT_EQ(in.read_double("/stock/floor_area_m2"), stock_.floor_area_m2);
  EXPECT_EQ(in.read_uint8("/stock/heritage_unesco"), stock_.heritage_unesco);
  EXPECT_EQ(in.read_uint8("/stock/qpv"), stock_.qpv);
  EXPECT_EQ(in.read_uint8("/stock/structurally_unfit"), stock_.structurally_unfit);

  EXPECT_THAT(in.shape("/cites/name"), ElementsAre(2));
  EXPECT_EQ(in.read_uint8("/cites/category"), stock_.cites.category);
  EXPECT_EQ(in.read_int32("/cites/dwellings"), stock_.cites.dwellings);
  EXPECT_EQ(in.read_uint8("/cites/heritage_unesco"), stock_.cites.heritage_unesco);
  EXPECT_EQ(in.read_uint8("/cites/qpv"), stock_.cites.qpv);

  for (const char* name :
       {"heating_need_kwh", "final_energy_kwh", "primary_energy_kwh_m2", "ghg_kg_m2", "label"})
    EXPECT_THAT(in.shape(std::string("/dwelling/") + name), ElementsAre(2, 3, 4)) << name;
  EXPECT_EQ(in.read_double("/dwelling/heating_need_kwh"), results_.heating_need_kwh);
  EXPECT_EQ(in.read_double("/dwelling/final_energy_kwh"), results_.final_energy_kwh);
  EXPECT_EQ(in.read_double("/dwelling/primary_energy_kwh_m2"), results_.primary_energy_kwh_m2);
  EXPECT_EQ(in.read_double("/dwelling/ghg_kg_m2"), results_.ghg_kg_m2);
  EXPECT_EQ(in.read_uint8("/dwelling/label"), results_.label);

  EXPECT_THAT(in.shape("/aggregate/label_count"), ElementsAre(2, 3, 7));
  EXPECT_EQ(in.read_int64("/aggregate/label_count"), results_.label_count);
  EXPECT_THAT(in.shape("/aggregate/final_energy_gwh"), ElementsAre(2, 3));
  EXPECT_EQ(in.read_double("/aggregate/final_energy_gwh"), results_.final_energy_gwh);
  EXPECT_THAT(in.shape("/aggregate/ghg_kt"), ElementsAre(2, 3));
  EXPECT_EQ(in.read_double("/aggregate/ghg_kt"), results_.ghg_kt);
}

TEST_F(H5Results, StoredTypesAreTheDocumentedOnes) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"/years", "int32"},
      {"/stock/dwelling_id", "int64"},
      {"/stock/cite_id", "int32"},
      {"/stock/owner", "uint8"},
      {"/stock/archetype", "uint8"},
      {"/stock/year_built", "int32"},
      {"/stock/floor_area_m2", "float64"},
      {"/stock/heritage_unesco", "uint8"},
      {"/stock/qpv", "uint8"},
      {"/stock/structurally_unfit", "uint8"},
      {"/cites/name", "string"},
      {"/cites/communes", "string"},
      {"/cites/epci", "string"},
      {"/cites/category", "uint8"},
      {"/cites/dwellings", "int32"},
      {"/cites/heritage_unesco", "uint8"},
      {"/cites/qpv", "uint8"},
      {"/dwelling/heating_need_kwh", "float64"},
      {"/dwelling/final_energy_kwh", "float64"},
      {"/dwelling/primary_energy_kwh_m2", "float64"},
      {"/dwelling/ghg_kg_m2", "float64"},
      {"/dwelling/label", "uint8"},
      {"/aggregate/label_count", "int64"},
      {"/aggregate/final_energy_gwh", "float64"},
      {"/aggregate/ghg_kt", "float64"},
  };
  std::vector<std::string> names;
  for (const auto& [path, type] : expected) {
    EXPECT_EQ(in.type_name(path), type) << path;
    names.push_back(path);
  }
  // Nothing more, nothing less than the schema.
  std::sort(names.begin(), names.end());
  EXPECT_EQ(in.datasets(), names);
}

TEST_F(H5Results, EveryDatasetCarriesUnitsDescriptionAndDimensions) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  // dataset_paths() visits the whole file with H5Ovisit.
  const std::vector<std::string> datasets = in.datasets();
  ASSERT_EQ(datasets.size(), 25u);
  for (const std::string& path : datasets) {
    EXPECT_FALSE(in.string_attribute(path, "units").empty()) << path;
    EXPECT_FALSE(in.string_attribute(path, "description").empty()) << path;
    const std::string dims = in.string_attribute(path, "dimensions");
    EXPECT_EQ(static_cast<std::size_t>(std::count(dims.begin(), dims.end(), ',')) + 1, in.shape(path).size())
        << path << ": " << dims;
  }
  EXPECT_EQ(in.string_attribute("/dwelling/heating_need_kwh", "units"), "kWh/yr");
  EXPECT_EQ(in.string_attribute("/dwelling/primary_energy_kwh_m2", "units"), "kWh/(m2.yr)");
  EXPECT_EQ(in.string_attribute("/dwelling/ghg_kg_m2", "units"), "kgCO2e/(m2.yr)");
  EXPECT_EQ(in.string_attribute("/aggregate/final_energy_gwh", "units"), "GWh/yr");
  EXPECT_EQ(in.string_attribute("/aggregate/ghg_kt", "units"), "ktCO2e/yr");
  EXPECT_EQ(in.string_attribute("/stock/floor_area_m2", "units"), "m2");
  EXPECT_EQ(in.string_attribute("/years", "units"), "year");
  EXPECT_EQ(in.string_attribute("/dwelling/label", "dimensions"), "replicate,year,dwelling");
  EXPECT_EQ(in.string_attribute("/aggregate/label_count", "dimensions"), "replicate,year,label");
}

TEST_F(H5Results, EnumColumnsCarryTheirVocabulary) {
  const fs::path file = dir_ / "out.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_THAT(in.string_array_attribute("/stock/owner", "names"), ElementsAreArray(owner_names));
  EXPECT_THAT(in.string_array_attribute("/stock/archetype", "names"), ElementsAreArray(archetype_names));
  EXPECT_THAT(in.string_array_attribute("/cites/category", "names"), ElementsAreArray(cite_category_names));
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
  EXPECT_EQ(in.int_attribute("/meta", "replicates"), 2);
  EXPECT_EQ(in.int_attribute("/meta", "start_year"), 2018);
  EXPECT_EQ(in.int_attribute("/meta", "end_year"), 2020);
  EXPECT_EQ(in.int_attribute("/meta", "schema_version"), 1);
  EXPECT_EQ(in.string_attribute("/meta", "created_utc"), "2024-05-01T12:34:56Z");
  EXPECT_EQ(in.string_attribute("/meta", "data_dir"), "/opt/coron/data");
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
  write_results(file, meta_, stock_, results_, spec);
  const ResultsReader in(file);
  EXPECT_TRUE(in.exists("/dwelling/ghg_kg_m2"));
  EXPECT_TRUE(in.exists("/dwelling/label"));
  EXPECT_FALSE(in.exists("/dwelling/heating_need_kwh"));
  EXPECT_FALSE(in.exists("/dwelling/final_energy_kwh"));
  EXPECT_FALSE(in.exists("/dwelling/primary_energy_kwh_m2"));
  EXPECT_EQ(in.read_double("/dwelling/ghg_kg_m2"), results_.ghg_kg_m2);

  spec.dwelling_columns.clear();
  write_results(file, meta_, stock_, results_, spec);
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
  none.allocate(1, 3, 0);
  none.year = {2018, 2019, 2020};
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
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
}

TEST_F(H5Results, ParentThatIsAFileLeavesNothingBehind) {
  const fs::path blocker = dir_ / "results";
  std::ofstream(blocker) << "not a folder";
  const fs::path file = blocker / "baseline.h5";
  EXPECT_THROW(write_results(file, meta_, stock_, results_, all_columns()), fs::filesystem_error);
  EXPECT_FALSE(fs::exists(file));
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
  EXPECT_TRUE(fs::is_regular_file(blocker));
}

TEST_F(H5Results, FailedRenameRemovesThePartialFile) {
  // A non-empty folder where the file should go: the .partial is complete,
  // but the rename cannot succeed.
  const fs::path file = dir_ / "baseline.h5";
  fs::create_directories(file / "occupied");
  EXPECT_THROW(write_results(file, meta_, stock_, results_, all_columns()), fs::filesystem_error);
  EXPECT_TRUE(fs::is_directory(file / "occupied"));
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
}

TEST_F(H5Results, FailureMidWriteKeepsTheOldFileAndRemovesThePartial) {
  const fs::path file = dir_ / "baseline.h5";
  write_results(file, meta_, stock_, results_, all_columns());

  // Asking for a column twice makes HDF5 refuse the second dataset, after the
  // .partial file has been created and half written.
  RunMetadata other = meta_;
  other.scenario_name = "second run";
  OutputSpec spec = all_columns();
  spec.dwelling_columns = {"label", "ghg_kg_m2", "label"};
  try {
    write_results(file, other, stock_, results_, spec);
    FAIL() << "expected H5Error";
  } catch (const H5Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("H5Dcreate2"));
    EXPECT_THAT(e.what(), HasSubstr("/dwelling/label"));
    EXPECT_THAT(e.what(), HasSubstr("baseline.h5.partial"));
    EXPECT_THAT(e.what(), HasSubstr("HDF5 error stack"));
  }
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
  const ResultsReader in(file);
  EXPECT_EQ(in.string_attribute("/meta", "scenario_name"), "tiny");
}

TEST_F(H5Results, SuccessReplacesTheOldFile) {
  const fs::path file = dir_ / "baseline.h5";
  write_results(file, meta_, stock_, results_, all_columns());
  RunMetadata other = meta_;
  other.scenario_name = "second run";
  write_results(file, other, stock_, results_, all_columns());
  const ResultsReader in(file);
  EXPECT_EQ(in.string_attribute("/meta", "scenario_name"), "second run");
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
}

TEST_F(H5Results, StalePartialFromAKilledRunIsOverwritten) {
  const fs::path file = dir_ / "baseline.h5";
  std::ofstream(fs::path(file) += ".partial") << "left over by a killed run";
  write_results(file, meta_, stock_, results_, all_columns());
  EXPECT_FALSE(fs::exists(fs::path(file) += ".partial"));
  EXPECT_EQ(ResultsReader(file).string_attribute("/meta", "scenario_name"), "tiny");
}

}  // namespace
}  // namespace coron::io
