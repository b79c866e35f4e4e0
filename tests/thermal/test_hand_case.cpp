#include "fixtures/data_params.hpp"
#include "io/thermal_data.hpp"
#include "reference_3cl.hpp"
#include "thermal_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

// Hand cases of the 3CL method (zone H1a below 400 m unless named, 2025 factors: electricity 2.3), with the
// real data/thermal parameters. The expected numbers come from tests/thermal/hand_cases.py, which recomputes
// each case from first principles (Python standard library, the data values copied, math.pow, calendar order)
// and prints these constants:
//   python3 tests/thermal/hand_cases.py
// ctest ThermalHandCasesScript runs `hand_cases.py --check` on this file: it fails when a
// constant below no longer matches the script. Both the kernel and the independent scalar
// reference (reference_3cl.cpp) must reproduce them.
//
// coron70: the unrenovated coron of thermal_fixture.hpp (Dwelling{}): S_h 70 m2, heavy brick,
//   so ilpa = 1 (May and September shortened) and the heavy-inertia I0 row (0.93); GV =
//   465.08836 W/K (walls 150, roof 90, floor 64, windows 53.9, door 7, bridges 10, H_vent 53.074,
//   H_perm 37.11436); N_adeq 1.75; gas hot water R_g = 1/(1/0.8676 + (1790 x 288 + 6970 x 0.5 x
//   120)/B) with B = 1145.61 kWh: 0.5082, x R_d 0.93 = 0.4726. Energy G, climate F -> G.
// electric45: an electric 45 m2 house, one exposed facade (e = 0.02, f = 20) glazed east only,
//   mechanical ventilation before 1982 (fan 569.4 kWh), medium inertia (ilpa 0), electric tank
//   150 L; N_adeq in the 30-70 m2 branch: 1.75 - 0.01875 x 25 = 1.28125. Energy E, climate B.
// coal_ghg: a heavy brick coal-stove house (ilpa 1, I0 0.86) glazed on four sides, electric tank;
//   coal's 0.385 kg/kWh makes the climate class (F) worse than the energy class (E).
// small28: a 28 m2 dwelling: N_adeq first branch (1), light inertia, glazing south and west,
//   label limits of the 2024 table row 28: Cep 343.5 is E there (F with the general limits).
// coron70_h1c_high: the same coron in zone H1c above 800 m (climate-zones.yaml): ilpa 1 heats ten
//   months there (June 748.3 K.h, September 1612.4), sum DH19 82,411.7 K.h against H1a's 57,369.5,
//   so the need rises from 22,030 to 32,354 kWh; water at 0.4-14.8 degC lowers the boiler's hot-water
//   efficiency to 0.4954 (x R_d); lighting 0.9 x 1.4 x 1476 h = 1.85976 kWh/m2. Energy G, climate G.
// Every case recovers part of its hot-water losses (3CL 9.1.1): 0.48/8760 of 0.1 B_ecs per heating
//   hour (coron70: B_ecs 1145.61 kWh, 6.2773 W, 32.91 kWh), plus an own tank's Q_gw inside the
//   heated volume (electric45: 150 L, Q_gw 555.795 kWh, 35.0504 W, 203.01 kWh over 5792 h).
// electric45_tank_outside: the same house, its tank in an unheated cellar: the loop's 4.5959 W only,
//   so the need is 176.39 kWh higher (= 0.48 x 555.795 / 8760 x 5792 h).
// electric45_own_dhw: the electric house with a certificate's own hot water (format 9): a 200 L
//   category-B tank (Q_gw 708.84 kWh) and a network of R_d 0.85 in place of its class's 150 L and
//   0.93: R 1, the tank's Q_gw R_d = 602.514 kWh apart, so its hot water is (B_ecs + 602.514) /
//   0.85 = 1695.60 kWh, the class formula's B / (R_s R_d); the tank recovers 43.4364 W.
// coron70_collective: the coron on a collective hot-water loop, Tau 0.212: 13.3079 W, 69.77 kWh.
// Circulators (3CL §15.2.1), P = max(30, 6.44 (dP_nom Q)^0.676) W on the default network (dP_em
//   35 kPa, F_cot 0.802, one level, dT 15 K): coron70 66.985 W (Q 0.7865 m3/h, L_em 37.56 m,
//   dP_nom 40.63 kPa), coron70_h1c_high 72.998 W (T_base -13.5), small28 at the 30 W floor.
// insulated_clipped: a 90 m2 house of GV 93.32 W/K glazed south, its tank inside (37.27 W):
//   in two shoulder months the recovered losses exceed what the gains leave, and those months
//   add 0 to the need, not a negative amount.

namespace coron::test {
namespace {

// --- printed by tests/thermal/hand_cases.py ---
constexpr double coron70_need = 22030.239317201827;
constexpr double coron70_final = 30768.50408648682;
constexpr double coron70_cep = 449.5248357253752;
constexpr double coron70_eges = 98.53662963069321;
constexpr int coron70_energy_class = 6;
constexpr int coron70_climate_class = 5;
constexpr int coron70_label = 6;
constexpr double electric45_need = 4248.120150645079;
constexpr double electric45_final = 5926.477233912409;
constexpr double electric45_cep = 302.9088363999675;
constexpr double electric45_eges = 9.742060632026158;
constexpr int electric45_energy_class = 4;
constexpr int electric45_climate_class = 1;
constexpr int electric45_label = 4;
constexpr double coal_ghg_need = 12107.05212450485;
constexpr double coal_ghg_final = 20143.99720859982;
constexpr double coal_ghg_cep = 284.1638943853203;
constexpr double coal_ghg_eges = 88.98404089799952;
constexpr int coal_ghg_energy_class = 4;
constexpr int coal_ghg_climate_class = 5;
constexpr int coal_ghg_label = 5;
constexpr double small28_need = 4877.5818502153015;
constexpr double small28_final = 8775.266209230687;
constexpr double small28_cep = 330.5784826023119;
constexpr double small28_eges = 68.99816582009962;
constexpr int small28_energy_class = 4;
constexpr int small28_climate_class = 4;
constexpr int small28_label = 4;
constexpr double coron70_h1c_high_need = 32354.428004239344;
constexpr double coron70_h1c_high_final = 44087.45894232151;
constexpr double coron70_h1c_high_cep = 641.8371976539374;
constexpr double coron70_h1c_high_eges = 141.47196381369298;
constexpr int coron70_h1c_high_energy_class = 6;
constexpr int coron70_h1c_high_climate_class = 6;
constexpr int coron70_h1c_high_label = 6;
constexpr double electric45_tank_outside_need = 4424.512733658778;
constexpr double electric45_tank_outside_final = 6084.858618840126;
constexpr double electric45_tank_outside_cep = 311.00388496293976;
constexpr double electric45_tank_outside_eges = 10.020107952232594;
constexpr int electric45_tank_outside_energy_class = 4;
constexpr int electric45_tank_outside_climate_class = 1;
constexpr int electric45_tank_outside_label = 4;
constexpr double electric45_own_dhw_need = 4199.548279960148;
constexpr double electric45_own_dhw_final = 6120.7929469036035;
constexpr double electric45_own_dhw_cep = 312.84052839729526;
constexpr double electric45_own_dhw_eges = 10.009170623773255;
constexpr int electric45_own_dhw_energy_class = 4;
constexpr int electric45_own_dhw_climate_class = 1;
constexpr int electric45_own_dhw_label = 4;
constexpr double coron70_collective_need = 21993.377929656966;
constexpr double coron70_collective_final = 30721.88626987694;
constexpr double coron70_collective_cep = 448.857201361196;
constexpr double coron70_collective_eges = 98.38566354614704;
constexpr int coron70_collective_energy_class = 6;
constexpr int coron70_collective_climate_class = 5;
constexpr int coron70_collective_label = 6;
constexpr double coron70_own_network_need = 22030.239317201827;
constexpr double coron70_own_network_final = 30793.58921583504;
constexpr double coron70_own_network_cep = 450.3490614039595;
constexpr double coron70_own_network_eges = 98.55956460609731;
constexpr int coron70_own_network_energy_class = 6;
constexpr int coron70_own_network_climate_class = 5;
constexpr int coron70_own_network_label = 6;
constexpr double insulated_clipped_need = 1476.8715785372779;
constexpr double insulated_clipped_final = 3595.7708288420527;
constexpr double insulated_clipped_cep = 91.89192118151912;
constexpr double insulated_clipped_eges = 2.820986918134117;
constexpr int insulated_clipped_energy_class = 1;
constexpr int insulated_clipped_climate_class = 0;
constexpr int insulated_clipped_label = 1;
// ---

const ThermalParams& data_params() { return fixtures::data_thermal_params(); }

Dwelling electric45() {
  Dwelling d;
  d.floor_area_m2 = 45.0;
  d.wall_area_m2 = 24.0;
  d.u_wall_w_per_m2k = 0.9;
  d.roof_area_m2 = 27.0;
  d.u_roof_w_per_m2k = 0.5;
  d.ground_floor_area_m2 = 22.0;
  d.b_floor = 0.5;
  d.window_south_m2 = 0.0;
  d.window_east_m2 = 4.0;
  d.window_north_m2 = 0.0;
  d.u_window_w_per_m2k = 2.8;
  d.g_window = 0.75;
  d.u_door_w_per_m2k = 2.0;
  d.thermal_bridges_w_per_k = 5.0;
  d.q4pa_conv_m3_per_h_m2 = 2.0;
  d.multiple_exposed_facades = 0;
  d.ventilation = Ventilation::mechanical_pre1982;
  d.inertia = Inertia::medium;
  d.heating = HeatingSystem::electric_direct;
  d.dhw = DhwSystem::electric_storage;
  return d;
}

Dwelling coal_ghg() {
  Dwelling d;
  d.floor_area_m2 = 80.0;
  d.wall_area_m2 = 90.0;
  d.u_wall_w_per_m2k = 1.0;
  d.roof_area_m2 = 55.0;
  d.u_roof_w_per_m2k = 0.4;
  d.ground_floor_area_m2 = 55.0;
  d.u_floor_w_per_m2k = 1.6;
  d.b_floor = 0.5;
  d.window_south_m2 = 5.0;
  d.window_east_m2 = 2.0;
  d.window_west_m2 = 2.5;
  d.window_north_m2 = 4.0;
  d.u_window_w_per_m2k = 2.7;
  d.g_window = 0.76;
  d.u_door_w_per_m2k = 2.5;
  d.thermal_bridges_w_per_k = 12.0;
  d.q4pa_conv_m3_per_h_m2 = 2.0;
  d.heating = HeatingSystem::coal_stove;
  d.dhw = DhwSystem::electric_storage;
  return d;
}

Dwelling small28() {
  Dwelling d;
  d.floor_area_m2 = 28.0;
  d.ceiling_height_m = 2.4;
  d.wall_area_m2 = 30.0;
  d.u_wall_w_per_m2k = 1.4;
  d.roof_area_m2 = 18.0;
  d.u_roof_w_per_m2k = 0.8;
  d.ground_floor_area_m2 = 16.0;
  d.u_floor_w_per_m2k = 1.4;
  d.b_floor = 0.5;
  d.window_south_m2 = 2.0;
  d.window_east_m2 = 0.0;
  d.window_west_m2 = 2.5;
  d.window_north_m2 = 0.0;
  d.u_window_w_per_m2k = 2.6;
  d.g_window = 0.76;
  d.u_door_w_per_m2k = 3.0;
  d.thermal_bridges_w_per_k = 4.0;
  d.q4pa_conv_m3_per_h_m2 = 2.2;
  d.ventilation = Ventilation::mechanical_hygro;
  d.inertia = Inertia::light;
  return d;
}

struct Expected {
  double need, final_energy, cep, eges;
  int energy_class, climate_class, label;
};

void expect_rel(double actual, double expected, const std::string& what) {
  EXPECT_LE(std::fabs(actual - expected), 1e-12 * std::fmax(1.0, std::fabs(expected)))
      << what << ": actual " << actual << " expected " << expected;
}

void check(const Dwelling& d, const Expected& x) {
  const ThermalParams& p = data_params();
  const Columns c = evaluate_one(d, p, factors_2025());
  expect_rel(c.need[0], x.need, "kernel need");
  expect_rel(c.final_energy[0], x.final_energy, "kernel final energy");
  expect_rel(c.cep[0], x.cep, "kernel Cep");
  expect_rel(c.eges[0], x.eges, "kernel EGES");
  EXPECT_EQ(energy_class(p, c.cep[0], d.floor_area_m2), x.energy_class);
  EXPECT_EQ(climate_class(p, c.eges[0], d.floor_area_m2), x.climate_class);
  EXPECT_EQ(c.label[0], x.label);

  const reference::Result r = reference::evaluate(c.inputs(), 0, p, factors_2025());
  expect_rel(r.heating_need_kwh, x.need, "reference need");
  expect_rel(r.final_energy_kwh, x.final_energy, "reference final energy");
  expect_rel(r.primary_energy_kwh_m2, x.cep, "reference Cep");
  expect_rel(r.ghg_kg_m2, x.eges, "reference EGES");
  EXPECT_EQ(r.energy_class, x.energy_class);
  EXPECT_EQ(r.climate_class, x.climate_class);
  EXPECT_EQ(r.label, x.label);
}

TEST(ThermalHandCase, UnrenovatedCoronMatchesHandArithmetic) {
  check(Dwelling{}, {coron70_need, coron70_final, coron70_cep, coron70_eges, coron70_energy_class,
                     coron70_climate_class, coron70_label});
}

TEST(ThermalHandCase, Electric45SingleFacadeMechanicalVentilation) {
  check(electric45(), {electric45_need, electric45_final, electric45_cep, electric45_eges,
                       electric45_energy_class, electric45_climate_class, electric45_label});
}

TEST(ThermalHandCase, CoalStoveClimateClassWorseThanEnergyClass) {
  check(coal_ghg(), {coal_ghg_need, coal_ghg_final, coal_ghg_cep, coal_ghg_eges, coal_ghg_energy_class,
                     coal_ghg_climate_class, coal_ghg_label});
  EXPECT_GT(coal_ghg_climate_class, coal_ghg_energy_class);
}

TEST(ThermalHandCase, CoronInZoneH1cAbove800mFollowsItsClimate) {
  Dwelling d;
  d.zone = ClimateZone::h1c;
  d.altitude = AltitudeClass::above_800m;
  check(d, {coron70_h1c_high_need, coron70_h1c_high_final, coron70_h1c_high_cep, coron70_h1c_high_eges,
            coron70_h1c_high_energy_class, coron70_h1c_high_climate_class, coron70_h1c_high_label});
  EXPECT_GT(coron70_h1c_high_need, 1.4 * coron70_need);
}

TEST(ThermalHandCase, DwellingUnder40m2UsesItsOwnLimits) {
  check(small28(), {small28_need, small28_final, small28_cep, small28_eges, small28_energy_class,
                    small28_climate_class, small28_label});
  // The same Cep would be F with the limits of 40 m2 and more.
  EXPECT_EQ(energy_class(data_params(), small28_cep, 40.0), 5);
}

Dwelling insulated_clipped() {
  Dwelling d;
  d.floor_area_m2 = 90.0;
  d.wall_area_m2 = 80.0;
  d.u_wall_w_per_m2k = 0.12;
  d.roof_area_m2 = 50.0;
  d.u_roof_w_per_m2k = 0.12;
  d.ground_floor_area_m2 = 50.0;
  d.u_floor_w_per_m2k = 0.2;
  d.window_south_m2 = 16.0;
  d.window_east_m2 = 3.0;
  d.window_west_m2 = 3.0;
  d.window_north_m2 = 2.0;
  d.u_window_w_per_m2k = 0.9;
  d.g_window = 0.6;
  d.u_door_w_per_m2k = 1.2;
  d.thermal_bridges_w_per_k = 8.0;
  d.q4pa_conv_m3_per_h_m2 = 0.6;
  d.ventilation = Ventilation::mechanical_hygro;
  d.inertia = Inertia::medium;
  d.heating = HeatingSystem::electric_direct;
  d.dhw = DhwSystem::electric_storage;
  return d;
}

TEST(ThermalHandCase, TankOutsideTheHeatedVolumeRecoversOnlyTheLoopsLosses) {
  Dwelling d = electric45();
  d.dhw_storage_in_heated_volume = 0;
  check(d, {electric45_tank_outside_need, electric45_tank_outside_final, electric45_tank_outside_cep,
            electric45_tank_outside_eges, electric45_tank_outside_energy_class,
            electric45_tank_outside_climate_class, electric45_tank_outside_label});
  // The tank's share: 0.48 Q_gw / 8760 over the 5792 heating hours of ilpa 0.
  EXPECT_NEAR(electric45_tank_outside_need - electric45_need, 0.48 * 555.795 / 8760.0 * 5792.0, 1e-9);
}

TEST(ThermalHandCase, ACertificatesOwnHotWaterGenerationTankAndNetwork) {
  Dwelling d = electric45();
  d.dhw_efficiency = 1.0;
  d.dhw_standing_loss_kwh = 708.84 * 0.85;
  d.dhw_distribution_efficiency = 0.85;
  d.dhw_storage_loss_kwh = 708.84;
  check(d,
        {electric45_own_dhw_need, electric45_own_dhw_final, electric45_own_dhw_cep, electric45_own_dhw_eges,
         electric45_own_dhw_energy_class, electric45_own_dhw_climate_class, electric45_own_dhw_label});
  const Columns c = evaluate_one(d, data_params(), factors_2025());
  const double b_ecs = 838.7499303750001;
  expect_rel(c.dhw_final[0], b_ecs / ((1.0 / (1.0 + 708.84 * 0.85 / b_ecs)) * 0.85),
             "hot water B / (R_s R_d)");
  // The tank's loss is the row's only with the row's efficiency: without it, the class's 150 L.
  Dwelling tank_alone = electric45();
  tank_alone.dhw_storage_loss_kwh = 708.84;
  expect_rel(evaluate_one(tank_alone, data_params(), factors_2025()).need[0], electric45_need,
             "a loss without an efficiency");
}

TEST(ThermalHandCase, CollectiveHotWaterLoopRecoversTauPoint212AndNoTank) {
  Dwelling d;
  d.dhw_collective = 1;
  check(d,
        {coron70_collective_need, coron70_collective_final, coron70_collective_cep, coron70_collective_eges,
         coron70_collective_energy_class, coron70_collective_climate_class, coron70_collective_label});
  EXPECT_LT(coron70_collective_need, coron70_need);
  // A collective installation's tank is not the dwelling's: electric45 on a collective loop
  // recovers the same whether its tank is said to be inside or not.
  Dwelling inside = electric45(), outside = electric45();
  inside.dhw_collective = outside.dhw_collective = 1;
  outside.dhw_storage_in_heated_volume = 0;
  const ThermalParams& p = data_params();
  EXPECT_EQ(evaluate_one(inside, p, factors_2025()).need[0],
            evaluate_one(outside, p, factors_2025()).need[0]);
}

// The coron's boiler on a certificate's own low-temperature network (dP_nom 22.5 kPa, dT 7.5 K):
// 71.770 W against the default network's 66.985 W (40.63 kPa, 15 K) at GV 465.09 W/K; the
// difference, 4.785 W over the 5243 heating hours of ilpa 1, is all that moves.
TEST(ThermalHandCase, ACertificatesOwnNetworkSizesTheCirculator) {
  Dwelling d;
  d.heating_network_pressure_drop_kpa = 22.5;
  d.heating_design_temperature_drop_k = 7.5;
  check(d, {coron70_own_network_need, coron70_own_network_final, coron70_own_network_cep,
            coron70_own_network_eges, coron70_own_network_energy_class, coron70_own_network_climate_class,
            coron70_own_network_label});
  EXPECT_EQ(coron70_own_network_need, coron70_need);
  expect_rel(coron70_own_network_final - coron70_final,
             (71.76977926697138 - 66.98528005884312) * 5243.0 / 1000.0, "the circulator's electricity alone");
}

TEST(ThermalHandCase, RecoveredLossesNeverMakeAMonthsNeedNegative) {
  check(insulated_clipped(),
        {insulated_clipped_need, insulated_clipped_final, insulated_clipped_cep, insulated_clipped_eges,
         insulated_clipped_energy_class, insulated_clipped_climate_class, insulated_clipped_label});
}

}  // namespace
}  // namespace coron::test
