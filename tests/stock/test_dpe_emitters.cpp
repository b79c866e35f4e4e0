// A heating installation's R_e, R_d and R_r (sim/stock/dpe_emitters.hpp) against rows of tv.js
// rendement_emission, rendement_distribution_ch and rendement_regulation (Open3CL, commit
// bb583ee7) picked by hand.
#include "stock/dpe_emitters.hpp"

#include <gtest/gtest.h>

namespace coron::stock {
namespace {

// NFC electric convectors (emitters 1): R_e 0.95 (emission row 1), no network, R_d 1
// (distribution row 1), room-by-room control R_r 0.99 (regulation row 1): 0.9405.
TEST(DpeEmitters, ElectricConvectorsHaveNoNetwork) {
  const EmitterEfficiencies e = emitter_efficiencies(1, false);
  EXPECT_DOUBLE_EQ(e.emission, 0.95);
  EXPECT_DOUBLE_EQ(e.distribution, 1.0);
  EXPECT_DOUBLE_EQ(e.regulation, 0.99);
  EXPECT_DOUBLE_EQ(e.product(), 0.95 * 1.0 * 0.99);
  EXPECT_DOUBLE_EQ(emitter_efficiencies(1, true).product(), e.product());  // no network to insulate
}

// Radiators with thermostatic valves on an individual low-temperature water network (emitters
// 31): no emission row names them, R_e is "other equipment"'s 0.95 (row 7); R_d 0.91 on a bare
// network (row 6), 0.95 on an insulated one (row 11); R_r 0.95 (row 12).
TEST(DpeEmitters, RadiatorsOnAnIndividualNetworkDependOnItsInsulation) {
  const EmitterEfficiencies bare = emitter_efficiencies(31, false);
  EXPECT_DOUBLE_EQ(bare.emission, 0.95);
  EXPECT_DOUBLE_EQ(bare.distribution, 0.91);
  EXPECT_DOUBLE_EQ(bare.regulation, 0.95);
  EXPECT_DOUBLE_EQ(emitter_efficiencies(31, true).distribution, 0.95);
}

// A water floor of an individual low-temperature network (emitters 14): R_e 1 (row 5), R_d
// 0.91 bare (row 6), R_r 0.95 (row 7, individual floor or ceiling).
TEST(DpeEmitters, AFloorEmitsEverything) {
  const EmitterEfficiencies e = emitter_efficiencies(14, false);
  EXPECT_DOUBLE_EQ(e.emission, 1.0);
  EXPECT_DOUBLE_EQ(e.distribution, 0.91);
  EXPECT_DOUBLE_EQ(e.regulation, 0.95);
}

// An id outside the tables gives nothing (the heating class's efficiencies then apply).
TEST(DpeEmitters, AnUnknownEmitterGivesNothing) {
  EXPECT_EQ(emitter_efficiencies(0, false).product(), 0.0);
  EXPECT_EQ(emitter_efficiencies(63, false).product(), 0.0);
  EXPECT_EQ(emitter_efficiencies(-4, true).product(), 0.0);
  EXPECT_EQ(emitter_efficiencies(200, true).product(), 0.0);
}

}  // namespace
}  // namespace coron::stock
