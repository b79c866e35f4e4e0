// Hand cases of what a flat and the ventilation types of the 3CL table change: a flat's
// adequate occupants (3CL §11.2, Open3CL 11_nadeq.js), one of the added ventilation types'
// H_vent and fans (§4, §5; Open3CL 4_ventilation.js, 5_conso_ventilation.js), with the real
// data/thermal parameters.
#include "fixtures/data_params.hpp"
#include "gains.hpp"
#include "heat_loss.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

namespace coron::test {
namespace {

// Flat of 45 m2: N_max = 1.75 - 0.01875 x (50 - 45) = 1.65625 < 1.75, so N_adeq = 1.65625.
// The house of 45 m2: 1.75 - 0.01875 x (70 - 45) = 1.28125.
// Flat of 80 m2: N_max = 0.035 x 80 = 2.8, damped: 1.75 + 0.3 x (2.8 - 1.75) = 2.065.
// Flat of 8 m2 (below 10): 1. Flat of 10 m2: 1.75 - 0.01875 x 40 = 1.
TEST(FlatOccupancy, HandCases) {
  EXPECT_DOUBLE_EQ(detail::n_adeq_flat(45.0), 1.65625);
  EXPECT_DOUBLE_EQ(detail::n_adeq_house(45.0), 1.28125);
  EXPECT_DOUBLE_EQ(detail::n_adeq_flat(80.0), 2.065);
  EXPECT_DOUBLE_EQ(detail::n_adeq_flat(8.0), 1.0);
  EXPECT_DOUBLE_EQ(detail::n_adeq_flat(10.0), 1.0);
}

// Hybrid ventilation with humidity-controlled inlets, 2001-2012 (enum_type_ventilation_id 30,
// tv.js debits_ventilation row 30: Q_varep 1.33, Q_vasouf 0, S_mea 2), 45 m2:
//   H_vent = 0.34 x 1.33 x 45 = 20.349 W/K.
// Its fan: a house 8.76 x 65 W x 14/168 = 47.45 kWh; a flat 8.76 x 0.46 x 1.33 x 28/168
//   = 0.893228 kWh/m2, so 40.195 kWh for 45 m2.
TEST(VentilationTypes, HybridHygroHandCase) {
  const ThermalParams& p = fixtures::data_thermal_params();
  const VentilationParams& v = p.ventilation[static_cast<std::size_t>(Ventilation::hybrid_hygro_2001_2012)];
  detail::Envelope e{};
  e.floor_area_m2 = 45.0;
  const detail::AirFlows air{v.q_varep_m3_per_h_m2, v.q_vasouf_m3_per_h_m2, v.s_mea_m3_per_h_m2};
  EXPECT_NEAR(detail::ventilation_w_per_k(e, air), 20.349, 1e-9);
  EXPECT_EQ(v.q_vasouf_m3_per_h_m2, 0.0);
  EXPECT_EQ(v.s_mea_m3_per_h_m2, 2.0);
  EXPECT_NEAR(v.auxiliary_kwh_per_dwelling, 47.45, 1e-4);
  EXPECT_NEAR(v.flat_auxiliary_kwh_per_m2 * 45.0, 40.195, 1e-3);
}

}  // namespace
}  // namespace coron::test
