#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"
#include "stock/stock_csv.hpp"
#include "stock_fixture.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace coron::stock {
namespace {

using testing::default_stock;
using ::testing::HasSubstr;

template <class T>
void expect_bitwise(const std::vector<T>& a, const std::vector<T>& b, const char* name) {
  ASSERT_EQ(a.size(), b.size()) << name;
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(T)), 0) << name;
}

// Every registry column, bit for bit, and the cité table.
void expect_identical(const Stock& a, const Stock& b) {
  std::vector<const void*> b_columns;
  for_each_column(b, [&](const ColumnInfo&, const auto& values) { b_columns.push_back(&values); });
  std::size_t k = 0;
  for_each_column(a, [&](const ColumnInfo& column, const auto& values) {
    const auto& other = *static_cast<const std::decay_t<decltype(values)>*>(b_columns[k++]);
    expect_bitwise(values, other, std::string(column.name).c_str());
  });
  EXPECT_EQ(k, stock_columns().size());
  expect_bitwise(a.cites.category, b.cites.category, "cites.category");
  expect_bitwise(a.cites.dwellings, b.cites.dwellings, "cites.dwellings");
  expect_bitwise(a.cites.heritage_unesco, b.cites.heritage_unesco, "cites.heritage_unesco");
  expect_bitwise(a.cites.qpv, b.cites.qpv, "cites.qpv");
  EXPECT_EQ(a.cites.name, b.cites.name);
  EXPECT_EQ(a.cites.communes, b.cites.communes);
  EXPECT_EQ(a.cites.epci, b.cites.epci);
}

TEST(StockCsv, RoundTripIsBitwiseIdentical) {
  const Stock& s = default_stock();
  std::ostringstream out;
  write_stock_csv(s, out);
  const Stock back = parse_stock_csv(out.str(), "memory.csv");
  expect_identical(s, back);
}

TEST(StockCsv, RoundTripOfAwkwardDoubles) {
  // Values with no short decimal form must come back bit for bit too.
  Stock s = default_stock();
  s.floor_area_m2[0] = 0.1 + 0.2;
  s.u_wall_w_per_m2k[1] = 1.0 / 3.0;
  s.income_per_cu_eur[2] = 16800.000000000004;
  s.g_window[3] = 2.2250738585072014e-308;  // the smallest normal: subnormals are refused
  std::ostringstream out;
  write_stock_csv(s, out);
  expect_identical(s, parse_stock_csv(out.str(), "memory.csv"));
}

TEST(StockCsv, FileRoundTripAndHeader) {
  const Stock& s = default_stock();
  const std::filesystem::path path = fixtures::unique_temp_path("stock_roundtrip.csv");
  write_stock_csv_file(s, path);
  EXPECT_TRUE(fixtures::partials_of(path).empty());
  std::ifstream in(path);
  std::string format_line;
  std::string header;
  std::getline(in, format_line);
  std::getline(in, header);
  EXPECT_EQ(format_line, "# coron stock, format " + std::to_string(stock_csv_format));
  EXPECT_EQ(header.rfind("dwelling_id,cite_name,cite_communes,cite_epci,cite_category,", 0), 0u);
  // Every registry column the CSV holds, once, and the six cité columns.
  std::size_t in_csv = 0;
  for (const ColumnInfo& c : stock_columns()) {
    if (!c.spec.in_csv) continue;
    ++in_csv;
    const std::string framed = std::string(",").append(header).append(",");
    EXPECT_NE(framed.find(std::string(",").append(c.name).append(",")), std::string::npos) << c.name;
  }
  EXPECT_EQ(stock_csv_columns().size(), in_csv + 6);
  EXPECT_EQ(static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1, in_csv + 6);
  std::vector<Diagnostic> notices;
  expect_identical(s, read_stock_csv(path, &notices));
  EXPECT_TRUE(notices.empty());
  std::filesystem::remove(path);
}

// A format-1 file (no format line, window_east_west_m2 pooled), written by an older coron:
// it loads, each half of the pooled glazing going to east and west, with a notice per column.
TEST(StockCsv, ColumnsInAnyOrderAndAnOlderFormatStillLoads) {
  const std::string text =
      "cite_name,dwelling_id,owner,archetype,year_built,heritage_unesco,qpv,structurally_unfit,floor_area_m2,"
      "ceiling_height_m,wall_area_m2,u_wall_w_per_m2k,roof_area_m2,u_roof_w_per_m2k,b_roof,ground_floor_area_"
      "m2,"
      "u_floor_w_per_m2k,b_floor,window_south_m2,window_east_west_m2,window_north_m2,u_window_w_per_m2k,g_"
      "window,"
      "door_area_m2,u_door_w_per_m2k,thermal_bridges_w_per_k,q4pa_conv_m3_per_h_m2,multiple_exposed_facades,"
      "ventilation,inertia,heating_system,dhw_system,occupied,rights_holder,head_age,head_sex,household_size,"
      "income_per_cu_eur,cite_communes,cite_epci,cite_category,cite_heritage_unesco,cite_qpv\n"
      "\"Cité des Fleurs, "
      "Lens\",7,maisons_et_cites,coron,1880,1,0,0,60,2.5,31.8,2.5,36,1.5,0.9,28.8,2.5,0.5,6.6,0,"
      "6.6,5.1,0.83,4,3.1,5.7,3.3,1,window_opening,heavy,coal_stove,electric_storage,1,1,81,1,1,15000,"
      "Lens,CA de Lens-Liévin,unnamed,1,0\n"
      "Cité du Marais,3,sia_habitat,cite_moderne,1960,0,1,0,70,2.5,63,2.7,41,1.5,0.9,43,2.4,0.5,6.5,0,"
      "6.5,2.7,0.76,4,3.1,8,2.2,1,natural_vents,heavy,gas_boiler_standard,gas_boiler,0,0,0,0,0,0,"
      "Douai,Douaisis Agglo,unnamed,0,1\n"
      "\"Cité des Fleurs, Lens\",9,maisons_et_cites,coron,1880,1,0,0,55,2.5,29,2.5,33,0.4,0.9,26,2.5,0.5,6,0,"
      "6,2.8,0.76,4,2,5.5,2,1,natural_vents,medium,gas_boiler_condensing,gas_boiler,1,0,35,0,4,17000,"
      "Lens,CA de Lens-Liévin,unnamed,1,0\n";
  std::vector<Diagnostic> notices;
  const Stock s = parse_stock_csv(text, "order.csv", &notices);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.window_east_m2, (std::vector<double>{0.0, 0.0, 0.0}));  // the file's window_east_west_m2 are 0
  // One notice per column the file lacks, in the registry's column order: the thermal columns
  // (glazing, dwelling type, hot-water installation, climate, generators, GHG contents) before
  // the household's; each says which format added its column.
  const std::vector<std::pair<std::string, int>> expected = {{"window_east_m2", 2},
                                                             {"window_west_m2", 2},
                                                             {"window_south_sun_factor", 13},
                                                             {"window_east_sun_factor", 13},
                                                             {"window_west_sun_factor", 13},
                                                             {"window_north_sun_factor", 13},
                                                             {"dwelling_type", 6},
                                                             {"dhw_collective", 7},
                                                             {"dhw_storage_in_heated_volume", 7},
                                                             {"climate_zone", 4},
                                                             {"altitude_class", 4},
                                                             {"heating_generator_year", 5},
                                                             {"heating_nominal_power_kw", 5},
                                                             {"heating_i0", 8},
                                                             {"heating_emitter_efficiency", 8},
                                                             {"heating_generation_efficiency", 9},
                                                             {"heating_backup_system", 10},
                                                             {"heating_backup_share", 10},
                                                             {"heating_backup_generation_efficiency", 10},
                                                             {"heating_backup_i0", 12},
                                                             {"heating_backup_emitter_efficiency", 12},
                                                             {"heating_network_pressure_drop_kpa", 14},
                                                             {"heating_design_temperature_drop_k", 14},
                                                             {"dhw_efficiency", 9},
                                                             {"dhw_standing_loss_kwh", 9},
                                                             {"dhw_distribution_efficiency", 9},
                                                             {"dhw_storage_loss_kwh", 9},
                                                             {"heating_ghg_factor", 11},
                                                             {"dhw_ghg_factor", 11},
                                                             {"spouse_age", 3},
                                                             {"entry_year", 3},
                                                             {"vacant_years", 3}};
  ASSERT_EQ(notices.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(notices[k].key, expected[k].first) << k;
    EXPECT_THAT(notices[k].format(), HasSubstr(fmt::format("(format {} added it)", expected[k].second)))
        << expected[k].first;
  }
  EXPECT_THAT(
      notices[0].format(),
      HasSubstr("order.csv:1: window_east_m2: stock CSV format 1 has no such column (format 2 added it): "
                "taken as 0.5 x window_east_west_m2"));
  // A house's own hot-water installation, its tank inside, as the generator writes them.
  EXPECT_EQ(s.dhw_collective, (std::vector<std::uint8_t>{0, 0, 0}));
  EXPECT_EQ(s.dhw_storage_in_heated_volume, (std::vector<std::uint8_t>{1, 1, 1}));
  EXPECT_EQ(s.dwelling_type, (std::vector<std::uint8_t>{0, 0, 0}));  // houses
  // The generator's year unknown and its power to be sized: every boiler keeps its fixed R_g.
  EXPECT_EQ(s.heating_generator_year, (std::vector<std::int16_t>{0, 0, 0}));
  EXPECT_EQ(s.heating_nominal_power_kw, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.heating_i0, (std::vector<double>{0.0, 0.0, 0.0}));                  // each heating class's I0
  EXPECT_EQ(s.heating_emitter_efficiency, (std::vector<double>{0.0, 0.0, 0.0}));  // and R_e R_d R_r
  EXPECT_EQ(s.heating_generation_efficiency, (std::vector<double>{0.0, 0.0, 0.0}));  // and R_g
  EXPECT_EQ(s.heating_backup_share, (std::vector<double>{0.0, 0.0, 0.0}));           // one generator
  EXPECT_EQ(s.heating_backup_i0, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.heating_backup_emitter_efficiency, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.heating_network_pressure_drop_kpa,
            (std::vector<double>{0.0, 0.0, 0.0}));  // the default network
  EXPECT_EQ(s.heating_design_temperature_drop_k, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.window_south_sun_factor, (std::vector<double>{1.0, 1.0, 1.0}));  // unshaded vertical glazing
  EXPECT_EQ(s.window_east_sun_factor, (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_EQ(s.window_west_sun_factor, (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_EQ(s.window_north_sun_factor, (std::vector<double>{1.0, 1.0, 1.0}));
  EXPECT_EQ(s.dhw_efficiency, (std::vector<double>{0.0, 0.0, 0.0}));  // each hot-water class's generator
  EXPECT_EQ(s.dhw_standing_loss_kwh, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.dhw_distribution_efficiency, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.dhw_storage_loss_kwh, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(s.heating_ghg_factor, (std::vector<double>{0.0, 0.0, 0.0}));  // each carrier's GHG content
  EXPECT_EQ(s.dhw_ghg_factor, (std::vector<double>{0.0, 0.0, 0.0}));
  // An older file is a mining-basin stock: H1a below 400 m, the 3CL climate it was evaluated in.
  EXPECT_EQ(s.climate_zone, (std::vector<std::uint8_t>{0, 0, 0}));
  EXPECT_EQ(s.altitude_class, (std::vector<std::uint8_t>{0, 0, 0}));
  EXPECT_EQ(s.spouse_age, (std::vector<std::int16_t>{0, 0, 0}));  // documented defaults
  EXPECT_EQ(s.entry_year, (std::vector<std::int32_t>{0, 0, 0}));
  EXPECT_EQ(s.vacant_years, (std::vector<std::int16_t>{0, 0, 0}));
  ASSERT_EQ(s.cites.size(), 2u);
  EXPECT_EQ(s.cites.name[0], "Cité des Fleurs, Lens");
  EXPECT_EQ(s.cites.dwellings[0], 2);
  EXPECT_EQ(s.cites.dwellings[1], 1);
  EXPECT_EQ(s.cite_id[2], 0);
  EXPECT_EQ(s.cites.qpv[1], 1);
  EXPECT_EQ(s.dwelling_id[1], 3);
  EXPECT_EQ(s.heating_system[0], static_cast<std::uint8_t>(HeatingSystem::coal_stove));
}

// The same dwelling as format 1 (pooled east/west glazing) and as format 2 (split).
TEST(StockCsv, FormatOneGlazingIsSplitEvenlyIntoEastAndWest) {
  Stock s = default_stock();
  s.resize(1);
  s.cites.dwellings = {1};
  s.cite_id = {0};
  s.cites.name.resize(1);
  s.cites.communes.resize(1);
  s.cites.epci.resize(1);
  s.cites.category.resize(1);
  s.cites.heritage_unesco.resize(1);
  s.cites.qpv.resize(1);
  s.window_east_m2 = {1.5};
  s.window_west_m2 = {1.5};
  s.spouse_age = {0};  // format 3's columns, at their values for older files
  s.entry_year = {0};
  s.vacant_years = {0};
  s.dhw_collective = {0};  // format 7's, likewise
  s.dhw_storage_in_heated_volume = {1};
  s.heating_backup_system = {0};  // format 10's, likewise
  std::ostringstream out;
  write_stock_csv(s, out);
  std::string v2 = out.str();
  // Rewrite it as format 1: no format line, one pooled column of 3 m2.
  std::string v1 = v2.substr(v2.find('\n') + 1);
  const auto replace = [&v1](const std::string& from, const std::string& to) {
    const std::size_t at = v1.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    v1.replace(at, from.size(), to);
  };
  replace("window_east_m2,window_west_m2", "window_east_west_m2");
  const std::size_t header_end = v1.find('\n');
  // the two values follow window_south_m2's in the row; find them by column position
  std::vector<std::string> fields;
  std::stringstream row(v1.substr(header_end + 1));
  std::string field;
  while (std::getline(row, field, ',')) fields.push_back(field);
  std::stringstream header(v1.substr(0, header_end));
  std::size_t column = 0;
  while (std::getline(header, field, ',') && field != "window_east_west_m2") ++column;
  ASSERT_EQ(fields[column], "1.5");
  ASSERT_EQ(fields[column + 1], "1.5");
  fields[column] = "3";
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(column) + 1);
  // and without format 3's household columns, format 4's climate, format 5's generator,
  // format 6's dwelling type, format 7's hot-water installation, format 8's I0 and emitters and
  // format 9's hot-water generation, format 10's second heating generator, format 11's
  // heat networks' GHG contents, format 12's second generator's emitters and format 13's sun
  // factors
  std::vector<std::string> names;
  std::stringstream header_again(v1.substr(0, header_end));
  while (std::getline(header_again, field, ',')) names.push_back(field);
  for (const char* added : {"spouse_age",
                            "entry_year",
                            "vacant_years",
                            "climate_zone",
                            "altitude_class",
                            "heating_generator_year",
                            "heating_nominal_power_kw",
                            "dwelling_type",
                            "dhw_collective",
                            "dhw_storage_in_heated_volume",
                            "heating_i0",
                            "heating_emitter_efficiency",
                            "heating_generation_efficiency",
                            "dhw_efficiency",
                            "dhw_standing_loss_kwh",
                            "dhw_distribution_efficiency",
                            "dhw_storage_loss_kwh",
                            "heating_backup_system",
                            "heating_backup_share",
                            "heating_backup_generation_efficiency",
                            "heating_ghg_factor",
                            "dhw_ghg_factor",
                            "heating_backup_i0",
                            "heating_backup_emitter_efficiency",
                            "heating_network_pressure_drop_kpa",
                            "heating_design_temperature_drop_k",
                            "window_south_sun_factor",
                            "window_east_sun_factor",
                            "window_west_sun_factor",
                            "window_north_sun_factor"}) {
    const auto at = std::find(names.begin(), names.end(), added) - names.begin();
    ASSERT_LT(static_cast<std::size_t>(at), names.size()) << added;
    names.erase(names.begin() + at);
    fields.erase(fields.begin() + at);
  }
  std::string rebuilt;
  for (std::size_t k = 0; k < names.size(); ++k) rebuilt.append(k ? "," : "").append(names[k]);
  rebuilt += "\n";
  for (std::size_t k = 0; k < fields.size(); ++k) rebuilt.append(k ? "," : "").append(fields[k]);
  std::vector<Diagnostic> notices;
  const Stock old = parse_stock_csv(rebuilt, "v1.csv", &notices);
  EXPECT_EQ(notices.size(), 32u);
  expect_identical(s, old);  // 0.5 x 3 = 1.5 each, every other column as written
  std::vector<Diagnostic> none;
  expect_identical(s, parse_stock_csv(v2, "v2.csv", &none));
  EXPECT_TRUE(none.empty());
}

// Found by fuzz_stock_csv (docs/reliability.md): a format line with no number after the
// prefix's space threw std::out_of_range out of the reader instead of a diagnostic.
TEST(StockCsvErrors, AFormatLineWithoutItsNumberIsBadInputNotACrash) {
  for (const std::string first :
       {"# coron stock, format ", "# coron stock, format    ", "# coron stock, format \t"}) {
    try {
      (void)parse_stock_csv(first + "\ndwelling_id\n1\n", "bare.csv");
      FAIL() << "expected InputError for '" << first << "'";
    } catch (const InputError& e) {
      EXPECT_THAT(e.what(), HasSubstr("bare.csv:1:23: format: expected a stock CSV format within [1, 14]"));
      EXPECT_THAT(e.what(), HasSubstr("got ''"));
    }
  }
}

TEST(StockCsvErrors, AFormatNewerThanThisCoronIsRefused) {
  std::ostringstream out;
  write_stock_csv(default_stock(), out);
  std::string text = out.str();
  text.replace(0, text.find('\n'), "# coron stock, format 15");
  try {
    (void)parse_stock_csv(text, "future.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("future.csv:1:23: format: expected a stock CSV format within [1, 14]"));
    EXPECT_EQ(e.diagnostics().size(), 1u);
  }
}

TEST(StockCsvErrors, FormatTwoWithThePooledColumnIsAnUnknownColumn) {
  std::ostringstream out;
  write_stock_csv(default_stock(), out);
  std::string text = out.str();
  const std::size_t at = text.find("window_east_m2");
  text.replace(at, std::string("window_east_m2").size(), "window_east_west_m2");
  try {
    (void)parse_stock_csv(text, "mixed.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("mixed.csv:2:"));
    EXPECT_THAT(e.what(), HasSubstr("window_east_west_m2: unknown column"));
    EXPECT_THAT(e.what(), HasSubstr("window_east_m2: missing column"));
  }
}

std::string error_of(const std::string& fixture) {
  try {
    (void)read_stock_csv(std::string(CORON_TEST_DATA_DIR) + "/" + fixture);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(StockCsvErrors, NegativeArea) {
  EXPECT_THAT(
      error_of("bad_stock_negative_area.csv"),
      HasSubstr(
          "bad_stock_negative_area.csv:3:111: floor_area_m2: expected a positive area in m2, got '-30'"));
}

// The generator columns refuse a fractional year and a negative power at their place, both at once.
TEST(StockCsvErrors, GeneratorYearAndPowerAreCheckedAtTheirPlace) {
  std::ostringstream out;
  write_stock_csv(default_stock(), out);
  std::istringstream in(out.str());
  std::vector<std::string> lines(4);
  for (std::string& l : lines) std::getline(in, l);                          // format line, header, two rows
  const auto field_start = [](const std::string& line, std::size_t index) {  // commas outside quotes
    std::size_t at = 0, commas = 0;
    bool quoted = false;
    for (; at < line.size() && commas < index; ++at) {
      if (line[at] == '"') quoted = !quoted;
      if (line[at] == ',' && !quoted) ++commas;
    }
    return at;
  };
  const auto replace_field = [&](std::string& line, std::size_t index, const std::string& value) {
    const std::size_t from = field_start(line, index);
    line.replace(from, line.find(',', from) - from, value);
    return from + 1;  // 1-based column
  };
  const auto& names = stock_csv_columns();
  const auto index_of_column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const std::size_t year_column =
      replace_field(lines[2], index_of_column("heating_generator_year"), "1990.5");
  const std::size_t power_column = replace_field(lines[3], index_of_column("heating_nominal_power_kw"), "-3");
  try {
    (void)parse_stock_csv(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n", "gen.csv");
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(
        e.what(),
        HasSubstr("gen.csv:3:" + std::to_string(year_column) +
                  ": heating_generator_year: expected an integer (a year within [0, 2100] (0: unknown)), got "
                  "'1990.5'"));
    EXPECT_THAT(e.what(),
                HasSubstr("gen.csv:4:" + std::to_string(power_column) +
                          ": heating_nominal_power_kw: expected a non-negative power in kW (0: sized "
                          "by the method), got '-3'"));
  }
}

TEST(StockCsvErrors, MissingColumn) {
  EXPECT_THAT(error_of("bad_stock_missing_column.csv"),
              HasSubstr("bad_stock_missing_column.csv:1: u_wall_w_per_m2k: missing column"));
}

TEST(StockCsvErrors, NotANumber) {
  EXPECT_THAT(
      error_of("bad_stock_not_a_number.csv"),
      HasSubstr("bad_stock_not_a_number.csv:2:127: u_wall_w_per_m2k: expected a number (a U-value in W/m2K "
                "within (0, 10]), got 'abc'"));
}

TEST(StockCsvErrors, UnknownEnumName) {
  EXPECT_THAT(
      error_of("bad_stock_unknown_enum.csv"),
      HasSubstr("bad_stock_unknown_enum.csv:2:224: heating_system: expected one of gas_boiler_standard, "
                "gas_boiler_condensing, coal_stove"));
  EXPECT_THAT(error_of("bad_stock_unknown_enum.csv"), HasSubstr("got 'gas_boiler'"));
}

// A format-6 file whose second dwelling is neither a house nor a flat.
TEST(StockCsvErrors, UnknownDwellingType) {
  const std::string e = error_of("bad_stock_unknown_dwelling_type.csv");
  EXPECT_THAT(e, HasSubstr("bad_stock_unknown_dwelling_type.csv:4:"));
  EXPECT_THAT(e, HasSubstr("dwelling_type: expected one of house, flat, got 'maison'"));
}

TEST(StockCsvErrors, WrongFieldCount) {
  EXPECT_THAT(error_of("bad_stock_field_count.csv"),
              HasSubstr("bad_stock_field_count.csv:3:1: expected 43 fields as in the header, got 42"));
}

TEST(StockCsvErrors, EveryProblemReported) {
  try {
    (void)read_stock_csv(std::string(CORON_TEST_DATA_DIR) + "/bad_stock_several.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.diagnostics().size(), 6u) << what;
    EXPECT_THAT(what, HasSubstr("u_wal_w_per_m2k: unknown column (did you mean 'u_wall_w_per_m2k'?)"));
    EXPECT_THAT(what, HasSubstr("u_wall_w_per_m2k: missing column"));
    EXPECT_THAT(what, HasSubstr("bad_stock_several.csv:2:"));
    EXPECT_THAT(what,
                HasSubstr("owner: expected one of maisons_et_cites, sia_habitat, other_landlord, got 'mc'"));
    EXPECT_THAT(what, HasSubstr("occupied: expected an integer (0 or 1), got 'yes'"));
    EXPECT_THAT(what, HasSubstr("dwelling_id: expected a unique id, got '69989' a second time"));
    EXPECT_THAT(what, HasSubstr("cite_category: expected 'unnamed' as on line 2"));
  }
}

TEST(StockCsvErrors, MissingFile) {
  EXPECT_THAT(error_of("no_such_stock.csv"), HasSubstr("no_such_stock.csv: cannot read: no such file"));
}

}  // namespace
}  // namespace coron::stock

namespace coron::stock {
namespace {

TEST(StockCsvErrors, NonFiniteAndSubnormalNumbersAreRefusedAtTheirPlace) {
  // A floor area of 5e-324 m2 once passed "> 0" and gave nan results with exit 0.
  const std::string what = error_of("bad_stock_not_finite.csv");
  EXPECT_THAT(what,
              HasSubstr("bad_stock_not_finite.csv:2:111: floor_area_m2: expected a number of magnitude 0 "
                        "or at least 2.2250738585072014e-308 (a positive area in m2)"));
  EXPECT_THAT(what, HasSubstr("got '5e-324'"));
  EXPECT_THAT(what, HasSubstr("bad_stock_not_finite.csv:3:127: u_wall_w_per_m2k: expected a finite number"));
  EXPECT_THAT(what, HasSubstr("bad_stock_not_finite.csv:4:259: income_per_cu_eur: expected a finite number"));
}

TEST(StockCsvErrors, AZoneAndAltitudeWithoutA3clClimateIsRefusedAtTheAltitude) {
  // Rows 2 and 3 (lines 4 and 5, after the format line and the header) placed above 800 m:
  // H2a has no such climate in the 3CL tables, H1c has one.
  Stock stock = default_stock();
  stock.climate_zone[1] = static_cast<std::uint8_t>(ClimateZone::h2a);
  stock.altitude_class[1] = static_cast<std::uint8_t>(AltitudeClass::above_800m);
  stock.climate_zone[2] = static_cast<std::uint8_t>(ClimateZone::h1c);
  stock.altitude_class[2] = static_cast<std::uint8_t>(AltitudeClass::above_800m);
  std::ostringstream csv;
  write_stock_csv(stock, csv);
  std::string what = "no error";
  try {
    (void)parse_stock_csv(csv.str(), "zones.csv");
  } catch (const InputError& e) {
    what = e.what();
  }
  EXPECT_THAT(what, HasSubstr("zones.csv:4:"));
  EXPECT_THAT(what, HasSubstr("altitude_class: expected below_400m or 400_800m in zone h2a (the 3CL tables "
                              "have no climate above 800 m there), got 'above_800m'"));
  EXPECT_THAT(what, ::testing::Not(HasSubstr("zones.csv:5:")));
}

TEST(StockCsvErrors, TextNotInUtf8IsRefusedAtEachPlace) {
  const std::string what = error_of("bad_stock_not_utf8.csv");
  EXPECT_THAT(what, HasSubstr("bad_stock_not_utf8.csv:2:11: byte 0xE9, not UTF-8"));
  EXPECT_THAT(what, HasSubstr("bad_stock_not_utf8.csv:4:35: a NUL byte"));
}

TEST(StockCsv, AUtf8ByteOrderMarkBeforeTheHeaderIsAccepted) {
  // What a spreadsheet saves as "CSV UTF-8": the mark, then the file as written. The first
  // three dwellings are enough: the mark only touches the first line.
  std::ostringstream out;
  write_stock_csv(default_stock(), out);
  const std::string text = out.str();
  std::size_t end = 0;
  for (int line = 0; line < 5; ++line) end = text.find('\n', end) + 1;  // format, header, 3 rows
  const std::string head = text.substr(0, end);
  const Stock plain = parse_stock_csv(head, "plain.csv");
  const Stock marked = parse_stock_csv("\xEF\xBB\xBF" + head, "bom.csv");
  ASSERT_EQ(marked.size(), 3u);
  expect_identical(plain, marked);
  // Not a mark anywhere else: a second one before the header is a column name gone wrong.
  EXPECT_THROW((void)parse_stock_csv("\xEF\xBB\xBF\xEF\xBB\xBF" + head, "twice.csv"), InputError);
}

TEST(StockCsvErrors, AFifoIsRefusedWithoutBlocking) {
  const fixtures::TempDir dir("stock_fifo");
  const std::filesystem::path fifo = dir.path() / "stock.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    (void)read_stock_csv(fifo);
    FAIL() << "a FIFO was read";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), fifo.string() + ": cannot read: is a FIFO (named pipe), not a file");
  }
}

}  // namespace
}  // namespace coron::stock
