// The initial DPE labels of the synthetic stock, computed by the 3CL model with the real
// data/thermal parameters (electricity primary factor 2.3, as in 2018): the report says
// "close to 40 %" of Maisons et Cités dwellings have very low thermal performance (E, F, G).
#include "fixtures/year_factors.hpp"
#include "io/thermal_data.hpp"
#include "stock_fixture.hpp"

#include "coron/thermal.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace coron::stock {
namespace {

using testing::default_stock;
using testing::is_mc;

std::vector<std::uint8_t> initial_labels(const Stock& s) {
  Diagnostics diag;
  const ThermalParams params = io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  const YearFactors year = fixtures::factors_with_electricity(2.3);

  const ThermalInputs in{s.floor_area_m2,
                         s.ceiling_height_m,
                         s.wall_area_m2,
                         s.u_wall_w_per_m2k,
                         s.roof_area_m2,
                         s.u_roof_w_per_m2k,
                         s.b_roof,
                         s.ground_floor_area_m2,
                         s.u_floor_w_per_m2k,
                         s.b_floor,
                         s.window_south_m2,
                         s.window_east_m2,
                         s.window_west_m2,
                         s.window_north_m2,
                         s.u_window_w_per_m2k,
                         s.g_window,
                         s.window_south_sun_factor,
                         s.window_east_sun_factor,
                         s.window_west_sun_factor,
                         s.window_north_sun_factor,
                         s.door_area_m2,
                         s.u_door_w_per_m2k,
                         s.thermal_bridges_w_per_k,
                         s.q4pa_conv_m3_per_h_m2,
                         s.multiple_exposed_facades,
                         s.dwelling_type,
                         s.ventilation,
                         s.inertia,
                         s.heating_system,
                         s.dhw_system,
                         s.dhw_collective,
                         s.dhw_storage_in_heated_volume,
                         s.climate_zone,
                         s.altitude_class,
                         s.heating_generator_year,
                         s.heating_nominal_power_kw,
                         s.heating_i0,
                         s.heating_emitter_efficiency,
                         s.heating_generation_efficiency,
                         s.heating_backup_system,
                         s.heating_backup_share,
                         s.heating_backup_generation_efficiency,
                         s.heating_backup_i0,
                         s.heating_backup_emitter_efficiency,
                         s.heating_network_pressure_drop_kpa,
                         s.heating_design_temperature_drop_k,
                         s.dhw_efficiency,
                         s.dhw_standing_loss_kwh,
                         s.dhw_distribution_efficiency,
                         s.dhw_storage_loss_kwh,
                         s.heating_ghg_factor,
                         s.dhw_ghg_factor};
  const std::size_t n = s.size();
  std::vector<double> need(n), final_energy(n), heating(n), backup(n), dhw(n), electricity(n), cep(n),
      eges(n);
  std::vector<std::uint8_t> label(n);
  const ThermalOutputs out{need, final_energy, heating, backup, dhw, electricity, cep, eges, label};
  evaluate_thermal(in, params, year, out, 0, n);
  return label;
}

const std::vector<std::uint8_t>& default_labels() {
  static const std::vector<std::uint8_t> labels = initial_labels(default_stock());
  return labels;
}

/// Share of each label among the Maisons et Cités dwellings of `s`.
std::array<double, label_count> mc_label_shares(const Stock& s, const std::vector<std::uint8_t>& label) {
  std::array<std::size_t, label_count> count{};
  std::size_t mc = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_mc(s, i)) continue;
    ++mc;
    ++count[label[i]];
  }
  std::array<double, label_count> share{};
  for (std::size_t k = 0; k < label_count; ++k)
    share[k] = static_cast<double>(count[k]) / static_cast<double>(mc);
  return share;
}

// "Close to 40 %" read as 37-43 %, for the default seed and two others: the share must come
// from the parameters, not from one lucky draw. data/stock/README.md reports these figures.
TEST(InitialLabels, CloseToFortyPercentOfMaisonsEtCitesInEFGOverThreeSeeds) {
  for (const std::uint64_t seed : {testing::default_seed, std::uint64_t{2017}, std::uint64_t{2019}}) {
    const Stock other = seed == testing::default_seed ? Stock{} : generate_stock(testing::parameters(), seed);
    const Stock& s = seed == testing::default_seed ? default_stock() : other;
    const std::vector<std::uint8_t> label =
        seed == testing::default_seed ? default_labels() : initial_labels(s);
    const std::array<double, label_count> share = mc_label_shares(s, label);
    const double efg = share[4] + share[5] + share[6];
    std::printf("seed %llu, Maisons et Cités labels:", static_cast<unsigned long long>(seed));
    for (std::size_t k = 0; k < label_count; ++k)
      std::printf(" %c %.1f %%", label_letters[k], 100.0 * share[k]);
    std::printf("  -> E+F+G %.1f %%\n", 100.0 * efg);
    EXPECT_GE(efg, 0.37) << "seed " << seed;
    EXPECT_LE(efg, 0.43) << "seed " << seed;
    for (std::size_t k = 2; k < label_count; ++k)  // C to G all present
      EXPECT_GT(share[k], 0.01) << label_letters[k] << " seed " << seed;
  }
}

TEST(InitialLabels, SpreadSensiblyByFormAndWorks) {
  const Stock& s = default_stock();
  const std::vector<std::uint8_t>& label = default_labels();
  const std::vector<std::uint8_t> level = prior_works_levels(testing::parameters(), testing::default_seed);
  std::array<std::array<std::size_t, label_count>, archetype_names.size()> by_form{};
  std::array<std::array<std::size_t, label_count>, 3> by_level{};
  std::array<std::size_t, label_count> untouched_corons{};
  for (std::size_t i = 0; i < s.size(); ++i) {
    ++by_form[s.archetype[i]][label[i]];
    ++by_level[level[i]][label[i]];
    if (s.archetype[i] == static_cast<std::uint8_t>(Archetype::coron) && level[i] == 0)
      ++untouched_corons[label[i]];
  }
  const auto share = [](const std::array<std::size_t, label_count>& c, std::size_t from) {
    std::size_t total = 0, part = 0;
    for (std::size_t k = 0; k < label_count; ++k) {
      total += c[k];
      if (k >= from) part += c[k];
    }
    return total ? static_cast<double>(part) / static_cast<double>(total) : 0.0;
  };
  for (std::size_t a = 0; a < by_form.size(); ++a) {
    std::printf("%-18s", std::string(archetype_names[a]).c_str());
    for (std::size_t k = 0; k < label_count; ++k) std::printf(" %c %5zu", label_letters[k], by_form[a][k]);
    std::printf("\n");
  }
  for (std::size_t l = 0; l < by_level.size(); ++l) {
    std::printf("%-18s", std::string(prior_works_names[l]).c_str());
    for (std::size_t k = 0; k < label_count; ++k) std::printf(" %c %5zu", label_letters[k], by_level[l][k]);
    std::printf("\n");
  }
  // Untouched corons are mostly F or G; thorough earlier works mostly C or D.
  EXPECT_GT(share(untouched_corons, 5), 0.7);
  EXPECT_GT(share(by_level[0], 4), 0.8);
  EXPECT_LT(share(by_level[2], 4), 0.25);
  // Every form spans several labels.
  for (std::size_t a = 0; a < by_form.size(); ++a) {
    int present = 0;
    for (std::size_t k = 0; k < label_count; ++k) present += by_form[a][k] > 20;
    EXPECT_GE(present, 3) << archetype_names[a];
  }
}

}  // namespace
}  // namespace coron::stock
