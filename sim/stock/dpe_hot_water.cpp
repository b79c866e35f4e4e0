#include "stock/dpe_hot_water.hpp"

#include "coron/thermal.hpp"

#include <fmt/core.h>

#include <vector>

namespace coron::stock {

namespace {

// tv.js pertes_stockage (Open3CL commit bb583ee): C_r of an electric tank by enum_type_generateur_ecs_id
// (68 horizontal, 69 vertical of unknown category, 70 category B, 71 category C) and volume
// (up to 100 L, 100-200, 200-300, above 300). Id 118 is named by every row: the table's first
// match for its volume, the horizontal tank's, as the method's lookup takes it.
// clang-format off
constexpr double tank_cr[4][4] = {
    {0.39, 0.33, 0.30, 0.30},  // 68 (and 118)
    {0.32, 0.23, 0.22, 0.22},  // 69
    {0.27, 0.22, 0.20, 0.18},  // 70
    {0.25, 0.20, 0.18, 0.16},  // 71
};
// clang-format on

constexpr int no_storage = 1;  // enum_type_stockage_ecs_id: instantaneous production

int electric_tank_row(int type_id) noexcept {
  if (type_id >= 68 && type_id <= 71) return type_id - 68;
  return type_id == 118 ? 0 : -1;
}

int volume_class(double volume_l) noexcept {
  if (volume_l <= 100.0) return 0;
  if (volume_l <= 200.0) return 1;
  return volume_l <= 300.0 ? 2 : 3;
}

/// An individual electric tank (3CL §14): R_s = f / (1 + Q_gw R_d / B), f 1.08 for a category C
/// tank (Open3CL 14_generateur_ecs.js), else 1, its generation R_g 1.
bool is_individual_electric_tank(const io::DpeGenerator& g) noexcept {
  return g.installation_type_id == 1 && electric_tank_row(g.type_id) >= 0 &&
         g.storage_type_id != no_storage && g.storage_volume_l > 0.0;
}
double category_c_factor(const io::DpeGenerator& g) noexcept { return g.type_id == 71 ? 1.08 : 1.0; }

/// R_g R_s of one generator as the certificate computed it; 0 when it gives none.
double generator_efficiency(const io::DpeGenerator& g) noexcept {
  if (is_individual_electric_tank(g)) return category_c_factor(g);  // its Q_gw apart
  if (g.generation_storage_efficiency > 0.0) return g.generation_storage_efficiency;
  const double generation = g.generation_efficiency > 0.0 ? g.generation_efficiency : g.cop;
  return generation * (g.storage_efficiency > 0.0 ? g.storage_efficiency : 1.0);
}

}  // namespace

double tank_loss_kwh(int generator_type_id, int storage_type_id, double volume_l) noexcept {
  if (storage_type_id == no_storage || volume_l <= 0.0) return 0.0;
  const int row = electric_tank_row(generator_type_id);
  const double wh = row >= 0 ? electric_tank_loss_wh(volume_l, tank_cr[row][volume_class(volume_l)])
                             : combustion_tank_loss_wh(volume_l);
  return wh / 1000.0;
}

DhwChain dhw_chain(std::span<const io::DpeGenerator> generators) {
  DhwChain chain;
  if (generators.empty()) return chain;
  // Per installation: its need, the sum of its generators' ratios, 1/R_d and (1 - F_ecs).
  struct Installation {
    double need = 0.0, ratio_sum = 0.0, inv_distribution = 0.0, solar_share = 1.0;
    double inv_generation = 0.0;  ///< sum of ratio_j / R_j, before normalising the ratios
    double standing_kwh = 0.0;    ///< its electric tanks' Q_gw R_d / f, before the solar share
  };
  std::vector<Installation> installations;
  for (const io::DpeGenerator& g : generators) {
    const auto k = static_cast<std::size_t>(g.installation_index);
    if (installations.size() <= k) installations.resize(k + 1);
    Installation& in = installations[k];
    in.need = g.installation_need;
    in.inv_distribution =
        g.installation_distribution_efficiency > 0.0 ? 1.0 / g.installation_distribution_efficiency : 0.0;
    in.solar_share = 1.0 - g.installation_solar_fraction;
    const double r = generator_efficiency(g);
    if (!(r > 0.0)) {
      chain.why = fmt::format("a hot-water generator (line {}) gives no efficiency", g.where.line);
      return chain;
    }
    const double ratio = g.need_ratio > 0.0 ? g.need_ratio : 0.0;
    in.ratio_sum += ratio;
    in.inv_generation += ratio / r;
    if (is_individual_electric_tank(g))
      in.standing_kwh += tank_loss_kwh(g.type_id, g.storage_type_id, g.storage_volume_l) *
                         g.installation_distribution_efficiency / category_c_factor(g);
  }
  // The installations' weights: their shares of the need, or equal when one gives none.
  double need_sum = 0.0;
  bool needs_known = true;
  for (const Installation& in : installations) {
    needs_known = needs_known && in.need > 0.0;
    need_sum += in.need;
  }
  double inv_chain = 0.0, inv_distribution = 0.0, standing_over_distribution = 0.0;
  for (const Installation& in : installations) {
    if (in.ratio_sum <= 0.0 || in.inv_distribution <= 0.0 || !(in.solar_share > 0.0)) {
      chain.why =
          "a hot-water installation gives no need share, distribution efficiency or solar fraction below 1";
      return chain;
    }
    const double w = needs_known ? in.need / need_sum : 1.0 / static_cast<double>(installations.size());
    inv_chain += w * in.solar_share * (in.inv_generation / in.ratio_sum) * in.inv_distribution;
    inv_distribution += w * in.inv_distribution;
    // The sun spares a tank's loss as it spares the need: Open3CL's R_s is the whole need's,
    // and its consumption (1 - F) B / (R_s R_d).
    standing_over_distribution += in.solar_share * in.standing_kwh * in.inv_distribution;
  }
  // B / (R R_d) + S / R_d is then the sum of the installations' consumptions.
  chain.distribution_efficiency = 1.0 / inv_distribution;
  chain.efficiency = inv_distribution / inv_chain;
  chain.standing_loss_kwh = standing_over_distribution * chain.distribution_efficiency;
  for (const io::DpeGenerator& g : generators)
    if (g.installation_type_id == 1)
      chain.storage_loss_kwh += tank_loss_kwh(g.type_id, g.storage_type_id, g.storage_volume_l);
  return chain;
}

}  // namespace coron::stock
