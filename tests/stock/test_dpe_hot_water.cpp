// A certificate's hot-water production as the row's dhw_efficiency, dhw_distribution_efficiency
// and dhw_storage_loss_kwh (sim/stock/dpe_hot_water.hpp): tanks' losses against tv.js
// pertes_stockage rows and the formulas of Open3CL 14_generateur_ecs.js calc_Qgw (commit
// bb583ee7), combinations of generators and installations worked by hand, and shipped
// certificates read whole.
#include "io/dpe_certificate.hpp"
#include "stock/dpe_hot_water.hpp"
#include "stock/dpe_mapping.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace coron::stock {
namespace {

using ::testing::HasSubstr;

const std::string dpe_dir = CORON_TEST_DATA_DIR "/dpe";

// 8592 x 45/24 = 16110 Wh per litre and unit of C_r.
TEST(DpeHotWater, AnElectricTanksLossIsItsVolumeTimesItsCategorysCr) {
  EXPECT_NEAR(tank_loss_kwh(70, 3, 200.0), 16110.0 * 200.0 * 0.22 / 1000.0, 1e-9);  // B, 100-200 L: row 7
  EXPECT_NEAR(tank_loss_kwh(70, 3, 200.0), 708.84, 1e-9);
  EXPECT_NEAR(tank_loss_kwh(68, 2, 100.0), 16110.0 * 100.0 * 0.39 / 1000.0, 1e-9);   // horizontal, <= 100 L
  EXPECT_NEAR(tank_loss_kwh(69, 3, 150.0), 16110.0 * 150.0 * 0.23 / 1000.0, 1e-9);   // unknown category
  EXPECT_NEAR(tank_loss_kwh(71, 3, 300.0), 16110.0 * 300.0 * 0.18 / 1000.0, 1e-9);   // C, 200-300 L
  EXPECT_NEAR(tank_loss_kwh(71, 3, 301.0), 16110.0 * 301.0 * 0.16 / 1000.0, 1e-9);   // C, above 300 L
  EXPECT_NEAR(tank_loss_kwh(118, 3, 250.0), 16110.0 * 250.0 * 0.30 / 1000.0, 1e-9);  // the first row's
}

TEST(DpeHotWater, AnotherTanksLossIsTheMethodsPowerOfItsVolume) {
  EXPECT_NEAR(tank_loss_kwh(56, 3, 100.0), 67662.0 * std::pow(100.0, 0.55) / 1000.0, 1e-9);
  EXPECT_NEAR(tank_loss_kwh(56, 3, 100.0), 851.81, 0.01);
  EXPECT_EQ(tank_loss_kwh(56, 1, 100.0), 0.0);  // instantaneous: a volume named is no tank
  EXPECT_EQ(tank_loss_kwh(70, 3, 0.0), 0.0);
}

io::DpeGenerator generator(int installation, double need, double r_d) {
  io::DpeGenerator g;
  g.installation_index = installation;
  g.installation_type_id = 1;
  g.installation_need = need;
  g.installation_distribution_efficiency = r_d;
  return g;
}

// An individual electric tank is the method's: R_g 1 and its Q_gw R_d a loss whatever the need
// (R_s = 1/(1 + Q_gw R_d/B)), whatever R_s the certificate wrote; a category C tank's R_s is
// 1.08 times that (Open3CL 14_generateur_ecs.js).
TEST(DpeHotWater, AnElectricTankIsTheMethodsOwnTank) {
  io::DpeGenerator tank = generator(0, 1500.0, 0.87);
  tank.type_id = 70;
  tank.generation_efficiency = 1.0;
  tank.storage_efficiency = 0.7399;  // what the certificate wrote: not read
  tank.storage_type_id = 3;
  tank.storage_volume_l = 200.0;
  const DhwChain c = dhw_chain(std::vector{tank});
  EXPECT_DOUBLE_EQ(c.efficiency, 1.0);
  EXPECT_NEAR(c.standing_loss_kwh, 708.84 * 0.87, 1e-9);
  EXPECT_DOUBLE_EQ(c.distribution_efficiency, 0.87);
  EXPECT_NEAR(c.storage_loss_kwh, 708.84, 1e-9);
  EXPECT_TRUE(c.why.empty());

  io::DpeGenerator category_c = tank;
  category_c.type_id = 71;  // 100-200 L: C_r 0.20
  const DhwChain cc = dhw_chain(std::vector{category_c});
  EXPECT_DOUBLE_EQ(cc.efficiency, 1.08);
  EXPECT_NEAR(cc.standing_loss_kwh, 16110.0 * 200.0 * 0.20 / 1000.0 * 0.87 / 1.08, 1e-9);

  // A solar fraction spares the tank's loss as it spares the need.
  io::DpeGenerator solar = tank;
  solar.installation_solar_fraction = 0.53;
  const DhwChain s = dhw_chain(std::vector{solar});
  EXPECT_NEAR(s.efficiency, 1.0 / 0.47, 1e-12);
  EXPECT_NEAR(s.standing_loss_kwh, 0.47 * 708.84 * 0.87, 1e-9);

  // A collective installation's tank is not the dwelling's own: its written R_s stands.
  tank.installation_type_id = 2;
  const DhwChain collective = dhw_chain(std::vector{tank});
  EXPECT_EQ(collective.storage_loss_kwh, 0.0);
  EXPECT_EQ(collective.standing_loss_kwh, 0.0);
  EXPECT_DOUBLE_EQ(collective.efficiency, 0.7399);
}

// Two generators of one installation share its need by their ratios (normalised: 1.2 and 0.8
// are 0.6 and 0.4): 1/R = 0.6/0.5 + 0.4/2.5 = 1.36. A heat pump gives its COP; a combined
// generation and storage efficiency wins over the two apart.
TEST(DpeHotWater, GeneratorsOfAnInstallationShareItsNeedByTheirRatios) {
  io::DpeGenerator boiler = generator(0, 2000.0, 0.9), heat_pump = generator(0, 2000.0, 0.9);
  boiler.need_ratio = 1.2;
  boiler.generation_efficiency = 0.8;
  boiler.storage_efficiency = 0.9;
  boiler.generation_storage_efficiency = 0.5;
  heat_pump.need_ratio = 0.8;
  heat_pump.cop = 2.5;
  const DhwChain c = dhw_chain(std::vector{boiler, heat_pump});
  EXPECT_NEAR(c.efficiency, 1.0 / 1.36, 1e-12);
  EXPECT_DOUBLE_EQ(c.distribution_efficiency, 0.9);
}

// Installations weigh by their needs (1000 and 3000: 1/4 and 3/4), each with its own network:
// the consumption B / (R R_d) is the sum of theirs, and R_d the need-weighted harmonic mean.
TEST(DpeHotWater, InstallationsWeighByTheirNeeds) {
  io::DpeGenerator a = generator(0, 1000.0, 0.9), b = generator(1, 3000.0, 0.8);
  a.generation_efficiency = 0.7;
  b.generation_efficiency = 0.5;
  const DhwChain c = dhw_chain(std::vector{a, b});
  const double consumption = 1000.0 / (0.7 * 0.9) + 3000.0 / (0.5 * 0.8);
  EXPECT_NEAR(4000.0 / (c.efficiency * c.distribution_efficiency), consumption, 1e-9);
  EXPECT_NEAR(c.distribution_efficiency, 1.0 / (0.25 / 0.9 + 0.75 / 0.8), 1e-12);
}

// A solar fraction F_ecs leaves the generator 1 - F of the need.
TEST(DpeHotWater, ASolarFractionDividesTheEfficiencyByWhatItLeaves) {
  io::DpeGenerator g = generator(0, 1000.0, 0.85);
  g.generation_efficiency = 0.6;
  g.installation_solar_fraction = 0.31;
  EXPECT_NEAR(dhw_chain(std::vector{g}).efficiency, 0.6 / 0.69, 1e-12);
}

TEST(DpeHotWater, AGeneratorWithoutAnEfficiencyLeavesTheClasssGenerator) {
  io::DpeGenerator known = generator(0, 1000.0, 0.85), unknown = generator(0, 1000.0, 0.85);
  known.generation_efficiency = 0.6;
  unknown.where.line = 412;
  const DhwChain c = dhw_chain(std::vector{known, unknown});
  EXPECT_EQ(c.efficiency, 0.0);
  EXPECT_THAT(c.why, HasSubstr("line 412"));
  io::DpeGenerator no_network = known;
  no_network.installation_distribution_efficiency = 0.0;
  EXPECT_EQ(dhw_chain(std::vector{no_network}).efficiency, 0.0);
  EXPECT_EQ(dhw_chain({}).efficiency, 0.0);
}

// Shipped certificates, read whole. 2376E3241961V: a house's 200 L category-B tank (R_d 0.87),
// whose declared consumption 2138.50 kWh is B 1243.80 / (R_s R_d) with the method's R_s =
// 1/(1 + 708.84 x 0.87 / 1243.80) = 0.6685, not the 0.7399 it writes. 2492E0831922R: a flat with
// two installations, each its own tank (80 L and 45 L of category B, R_d 0.93 both). 2342E2213002E: a
// district network's hot water (R_gs 0.9, R_d 0.83) with a solar fraction of 0.31, as the certificate's own
// consumption 8676.71 x 0.69 / (0.9 x 0.83) = 8014.63 kWh has it. And the house's tank made a boiler's that
// states no efficiency: its hot-water class's generator stands in, with a note.
TEST(DpeHotWater, ShippedCertificatesHotWaterAsTheyStateIt) {
  const io::DpeCertificate certificate = io::read_dpe_certificate(dpe_dir + "/2376E3241961V.xml");
  // What it declares by use (sortie/ef_conso), which validate-dpe compares.
  EXPECT_DOUBLE_EQ(certificate.declared.heating_final_kwh, 6160.926);
  EXPECT_DOUBLE_EQ(certificate.declared.dhw_final_kwh, 2138.501);
  EXPECT_DOUBLE_EQ(certificate.declared.other_final_kwh, 170.100 + 306.600);  // lighting, fans
  const DpeMapping house = map_dpe_certificate(certificate);
  ASSERT_FALSE(house.refused);
  EXPECT_DOUBLE_EQ(house.row.dhw_efficiency, 1.0);
  EXPECT_NEAR(house.row.dhw_standing_loss_kwh, 708.84 * 0.87, 1e-9);
  EXPECT_DOUBLE_EQ(house.row.dhw_distribution_efficiency, 0.87);
  EXPECT_NEAR(house.row.dhw_storage_loss_kwh, 708.84, 1e-9);
  EXPECT_NEAR((1243.80 + house.row.dhw_standing_loss_kwh) / 0.87, 2138.50, 0.01);

  const io::DpeCertificate two = io::read_dpe_certificate(dpe_dir + "/2492E0831922R.xml");
  ASSERT_EQ(two.dhw.size(), 2u);
  const DpeMapping flat = map_dpe_certificate(two);
  ASSERT_FALSE(flat.refused);
  const double q_gw = 16110.0 * (80.0 * 0.27 + 45.0 * 0.27) / 1000.0;  // both up to 100 L
  EXPECT_DOUBLE_EQ(flat.row.dhw_efficiency, 1.0);
  EXPECT_NEAR(flat.row.dhw_standing_loss_kwh, q_gw * 0.93, 1e-9);
  EXPECT_DOUBLE_EQ(flat.row.dhw_distribution_efficiency, 0.93);
  EXPECT_NEAR(flat.row.dhw_storage_loss_kwh, q_gw, 1e-9);

  const DpeMapping solar = map_dpe_certificate(io::read_dpe_certificate(dpe_dir + "/2342E2213002E.xml"));
  ASSERT_FALSE(solar.refused);
  EXPECT_NEAR(solar.row.dhw_efficiency, 0.9 / (1.0 - 0.31), 1e-12);
  EXPECT_DOUBLE_EQ(solar.row.dhw_distribution_efficiency, 0.83);

  io::DpeCertificate bare = io::read_dpe_certificate(dpe_dir + "/2376E3241961V.xml");
  bare.dhw[0].type_id = 56;  // a gas boiler's tank, whose efficiency only the certificate gives
  bare.dhw[0].generation_efficiency = bare.dhw[0].storage_efficiency = 0.0;
  const DpeMapping unstated = map_dpe_certificate(bare);
  ASSERT_FALSE(unstated.refused);
  EXPECT_EQ(unstated.row.dhw_efficiency, 0.0);
  EXPECT_EQ(unstated.row.dhw_distribution_efficiency, 0.0);
  EXPECT_THAT(unstated.approximations, testing::Contains(HasSubstr("gives no efficiency")));
}

// Values the stock's columns cannot hold (R_d above 1, a building-sized tank counted as the
// dwelling's) would write a stock the reader refuses: the class's generator stands in, noted.
TEST(DpeHotWater, ValuesBeyondTheColumnsLeaveTheClasssGenerator) {
  for (const bool huge_tank : {false, true}) {
    io::DpeCertificate c = io::read_dpe_certificate(dpe_dir + "/2376E3241961V.xml");
    if (huge_tank)
      c.dhw[0].storage_volume_l = 1e6;  // Q_gw 3.5e6 kWh
    else
      c.dhw[0].installation_distribution_efficiency = 1.3;
    const DpeMapping m = map_dpe_certificate(c);
    ASSERT_FALSE(m.refused);
    EXPECT_EQ(m.row.dhw_efficiency, 0.0) << huge_tank;
    EXPECT_EQ(m.row.dhw_standing_loss_kwh, 0.0) << huge_tank;
    EXPECT_EQ(m.row.dhw_distribution_efficiency, 0.0) << huge_tank;
    EXPECT_EQ(m.row.dhw_storage_loss_kwh, 0.0) << huge_tank;
    EXPECT_THAT(m.approximations, testing::Contains(HasSubstr("outside the stock's ranges"))) << huge_tank;
  }
}

}  // namespace
}  // namespace coron::stock
