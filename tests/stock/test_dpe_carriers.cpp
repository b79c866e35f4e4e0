// What a certificate's generators burn where the row's systems burn something else
// (sim/stock/dpe_carriers.hpp): the carrier of each enum_type_energie_id (Open3CL enums.js
// type_energie), and the GHG content the shipped certificates' rows take from data/thermal.
#include "fixtures/data_params.hpp"
#include "stock/dpe_carriers.hpp"
#include "stock/dpe_systems.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace coron::stock {
namespace {

TEST(DpeCarriers, EveryEnergyOfTheCertificatesHasItsCarrier) {
  const std::pair<int, Carrier> expected[] = {
      {1, Carrier::electricity}, {2, Carrier::natural_gas},   {3, Carrier::fuel_oil},
      {4, Carrier::wood},        {5, Carrier::wood},          {6, Carrier::wood},
      {7, Carrier::wood},        {8, Carrier::district_heat}, {9, Carrier::lpg},
      {10, Carrier::lpg},        {11, Carrier::coal},         {12, Carrier::electricity},
      {13, Carrier::lpg},        {14, Carrier::fuel_oil}};
  for (const auto& [id, carrier] : expected) EXPECT_EQ(carrier_of_energy(id), carrier) << id;
  EXPECT_FALSE(carrier_of_energy(0));
  EXPECT_FALSE(carrier_of_energy(15));  // district cooling: not a heating carrier
}

const std::filesystem::path dpe_dir = std::filesystem::path(CORON_TEST_DATA_DIR) / "dpe";

/// The shipped certificates imported with every carrier's content 0 (so that the rows keep
/// their systems' carriers and their networks' own contents), then each use put at its
/// certificate's carrier.
struct Imported {
  ThermalParams params;
  DpeImport result;
  std::size_t changed = 0;
  Imported() : params(fixtures::data_thermal_params()) {
    result = import_dpe(dpe_files({dpe_dir}), {}, ThermalParams{});
    changed = apply_certificate_carriers(result, params);
  }
  [[nodiscard]] std::size_t row(const std::string& number) const {
    const auto it = std::find_if(result.imported.begin(), result.imported.end(),
                                 [&](const DpeImported& d) { return d.certificate.number == number; });
    EXPECT_NE(it, result.imported.end()) << number;
    return static_cast<std::size_t>(it - result.imported.begin());
  }
};

// 2395E2052218F: an LPG boiler (energy 13) is a gas boiler in the row, its water heater (92, LPG)
// the gas boiler: both burn LPG, 0.272 kg/kWh (factors.yaml) where gas is 0.227.
// 2373E0956150X: an oil boiler (76) is the oil boiler, at its own carrier already; its oil water
// heater (36, energy 3) is the gas boiler: 0.324. 2222E0038813S: a coal water heater (81,
// energy 11): 0.385. 2260E1364581G burns gas for both: nothing changes.
TEST(DpeCarriers, EachUseBurnsItsCertificatesCarrier) {
  const Imported x;
  const Stock& s = x.result.stock;
  const std::size_t lpg = x.row("2395E2052218F"), oil = x.row("2373E0956150X"), coal = x.row("2222E0038813S"),
                    gas = x.row("2260E1364581G");
  EXPECT_EQ(s.heating_ghg_factor[lpg], 0.272);
  EXPECT_EQ(s.dhw_ghg_factor[lpg], 0.272);
  EXPECT_EQ(s.heating_ghg_factor[oil], 0.0);
  EXPECT_EQ(s.dhw_ghg_factor[oil], 0.324);
  EXPECT_EQ(s.dhw_ghg_factor[coal], 0.385);
  EXPECT_EQ(s.heating_ghg_factor[gas], 0.0);
  EXPECT_EQ(s.dhw_ghg_factor[gas], 0.0);
  // The mapping's row says the same as the stock.
  EXPECT_EQ(x.result.imported[oil].mapping.row.dhw_ghg_factor, 0.324);
  EXPECT_GE(x.changed, 5U);
  // The import puts them there itself.
  EXPECT_EQ(import_dpe(dpe_files({dpe_dir}), {}, x.params).stock, s);
}

// A heat network's own content, which the import reads from the yearly list, is kept.
TEST(DpeCarriers, AHeatNetworksOwnContentIsKept) {
  const ThermalParams& params = fixtures::data_thermal_params();
  DpeImport result = import_dpe(dpe_files({dpe_dir}), {}, ThermalParams{});
  const Stock before = result.stock;
  (void)apply_certificate_carriers(result, params);
  std::size_t networks = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    networks += before.heating_ghg_factor[i] > 0.0 || before.dhw_ghg_factor[i] > 0.0;
    if (before.heating_ghg_factor[i] > 0.0) {
      EXPECT_EQ(result.stock.heating_ghg_factor[i], before.heating_ghg_factor[i]) << i;
    }
    if (before.dhw_ghg_factor[i] > 0.0) {
      EXPECT_EQ(result.stock.dhw_ghg_factor[i], before.dhw_ghg_factor[i]) << i;
    }
  }
  EXPECT_GT(networks, 0U);  // the shipped certificates name networks of the lists
}

}  // namespace
}  // namespace coron::stock
