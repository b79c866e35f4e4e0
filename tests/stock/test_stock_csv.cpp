#include "fixtures/temp_dir.hpp"
#include "stock/stock_csv.hpp"
#include "stock_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace coron::stock {
namespace {

using testing::default_stock;
using ::testing::HasSubstr;

template <class T>
void expect_bitwise(const std::vector<T>& a, const std::vector<T>& b, const char* name) {
  ASSERT_EQ(a.size(), b.size()) << name;
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(T)), 0) << name;
}

void expect_identical(const Stock& a, const Stock& b) {
#define CORON_SAME(c) expect_bitwise(a.c, b.c, #c)
  CORON_SAME(dwelling_id);
  CORON_SAME(cite_id);
  CORON_SAME(owner);
  CORON_SAME(archetype);
  CORON_SAME(year_built);
  CORON_SAME(heritage_unesco);
  CORON_SAME(qpv);
  CORON_SAME(structurally_unfit);
  CORON_SAME(floor_area_m2);
  CORON_SAME(ceiling_height_m);
  CORON_SAME(wall_area_m2);
  CORON_SAME(u_wall_w_per_m2k);
  CORON_SAME(roof_area_m2);
  CORON_SAME(u_roof_w_per_m2k);
  CORON_SAME(b_roof);
  CORON_SAME(ground_floor_area_m2);
  CORON_SAME(u_floor_w_per_m2k);
  CORON_SAME(b_floor);
  CORON_SAME(window_south_m2);
  CORON_SAME(window_east_m2);
  CORON_SAME(window_west_m2);
  CORON_SAME(window_north_m2);
  CORON_SAME(u_window_w_per_m2k);
  CORON_SAME(g_window);
  CORON_SAME(door_area_m2);
  CORON_SAME(u_door_w_per_m2k);
  CORON_SAME(thermal_bridges_w_per_k);
  CORON_SAME(q4pa_conv_m3_per_h_m2);
  CORON_SAME(multiple_exposed_facades);
  CORON_SAME(ventilation);
  CORON_SAME(inertia);
  CORON_SAME(heating_system);
  CORON_SAME(dhw_system);
  CORON_SAME(occupied);
  CORON_SAME(rights_holder);
  CORON_SAME(head_age);
  CORON_SAME(head_sex);
  CORON_SAME(household_size);
  CORON_SAME(income_per_cu_eur);
  CORON_SAME(cites.category);
  CORON_SAME(cites.dwellings);
  CORON_SAME(cites.heritage_unesco);
  CORON_SAME(cites.qpv);
#undef CORON_SAME
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
  s.g_window[3] = 5e-324;
  std::ostringstream out;
  write_stock_csv(s, out);
  expect_identical(s, parse_stock_csv(out.str(), "memory.csv"));
}

TEST(StockCsv, FileRoundTripAndHeader) {
  const Stock& s = default_stock();
  const std::filesystem::path path = fixtures::unique_temp_path("stock_roundtrip.csv");
  write_stock_csv_file(s, path);
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
  std::ifstream in(path);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("dwelling_id,cite_name,cite_communes,cite_epci,cite_category,", 0), 0u);
  EXPECT_EQ(stock_csv_columns().size(), 44u);  // 38 dwelling columns + 6 cité columns
  expect_identical(s, read_stock_csv(path));
  std::filesystem::remove(path);
}

TEST(StockCsv, ColumnsInAnyOrder) {
  const std::string text =
      "cite_name,dwelling_id,owner,archetype,year_built,heritage_unesco,qpv,structurally_unfit,floor_area_m2,"
      "ceiling_height_m,wall_area_m2,u_wall_w_per_m2k,roof_area_m2,u_roof_w_per_m2k,b_roof,ground_floor_area_"
      "m2,"
      "u_floor_w_per_m2k,b_floor,window_south_m2,window_east_m2,window_west_m2,window_north_m2,u_window_w_"
      "per_m2k,g_"
      "window,"
      "door_area_m2,u_door_w_per_m2k,thermal_bridges_w_per_k,q4pa_conv_m3_per_h_m2,multiple_exposed_facades,"
      "ventilation,inertia,heating_system,dhw_system,occupied,rights_holder,head_age,head_sex,household_size,"
      "income_per_cu_eur,cite_communes,cite_epci,cite_category,cite_heritage_unesco,cite_qpv\n"
      "\"Cité des Fleurs, "
      "Lens\",7,maisons_et_cites,coron,1880,1,0,0,60,2.5,31.8,2.5,36,1.5,0.9,28.8,2.5,0.5,6.6,0,0,"
      "6.6,5.1,0.83,4,3.1,5.7,3.3,1,window_opening,heavy,coal_stove,electric_storage,1,1,81,1,1,15000,"
      "Lens,CA de Lens-Liévin,unnamed,1,0\n"
      "Cité du Marais,3,sia_habitat,cite_moderne,1960,0,1,0,70,2.5,63,2.7,41,1.5,0.9,43,2.4,0.5,6.5,0,0,"
      "6.5,2.7,0.76,4,3.1,8,2.2,1,natural_vents,heavy,gas_boiler_standard,gas_boiler,0,0,0,0,0,0,"
      "Douai,Douaisis Agglo,unnamed,0,1\n"
      "\"Cité des Fleurs, "
      "Lens\",9,maisons_et_cites,coron,1880,1,0,0,55,2.5,29,2.5,33,0.4,0.9,26,2.5,0.5,6,0,0,"
      "6,2.8,0.76,4,2,5.5,2,1,natural_vents,medium,gas_boiler_condensing,gas_boiler,1,0,35,0,4,17000,"
      "Lens,CA de Lens-Liévin,unnamed,1,0\n";
  const Stock s = parse_stock_csv(text, "order.csv");
  ASSERT_EQ(s.size(), 3u);
  ASSERT_EQ(s.cites.size(), 2u);
  EXPECT_EQ(s.cites.name[0], "Cité des Fleurs, Lens");
  EXPECT_EQ(s.cites.dwellings[0], 2);
  EXPECT_EQ(s.cites.dwellings[1], 1);
  EXPECT_EQ(s.cite_id[2], 0);
  EXPECT_EQ(s.cites.qpv[1], 1);
  EXPECT_EQ(s.dwelling_id[1], 3);
  EXPECT_EQ(s.heating_system[0], static_cast<std::uint8_t>(HeatingSystem::coal_stove));
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

TEST(StockCsvErrors, MissingColumn) {
  EXPECT_THAT(error_of("bad_stock_missing_column.csv"),
              HasSubstr("bad_stock_missing_column.csv:1: u_wall_w_per_m2k: missing column"));
}

TEST(StockCsvErrors, NotANumber) {
  EXPECT_THAT(
      error_of("bad_stock_not_a_number.csv"),
      HasSubstr("bad_stock_not_a_number.csv:2:127: u_wall_w_per_m2k: expected a U-value in W/m2K within "
                "(0, 10], got 'abc'"));
}

TEST(StockCsvErrors, UnknownEnumName) {
  EXPECT_THAT(
      error_of("bad_stock_unknown_enum.csv"),
      HasSubstr("bad_stock_unknown_enum.csv:2:226: heating_system: expected one of gas_boiler_standard, "
                "gas_boiler_condensing, coal_stove"));
  EXPECT_THAT(error_of("bad_stock_unknown_enum.csv"), HasSubstr("got 'gas_boiler'"));
}

TEST(StockCsvErrors, WrongFieldCount) {
  EXPECT_THAT(error_of("bad_stock_field_count.csv"),
              HasSubstr("bad_stock_field_count.csv:3:1: expected 44 fields as in the header, got 43"));
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
    EXPECT_THAT(what, HasSubstr("occupied: expected 0 or 1, got 'yes'"));
    EXPECT_THAT(what, HasSubstr("dwelling_id: expected a unique id, got '69989' a second time"));
    EXPECT_THAT(what, HasSubstr("cite_category: expected 'unnamed' as on line 2"));
  }
}

TEST(StockCsvErrors, MissingFile) {
  EXPECT_THAT(error_of("no_such_stock.csv"), HasSubstr("no_such_stock.csv: cannot open the stock file"));
}

}  // namespace
}  // namespace coron::stock
