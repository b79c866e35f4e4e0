#include "stock/generator.hpp"

#include "stock/distributions.hpp"

#include "coron/rng.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace coron::stock {

namespace {

using detail::categorical;
using detail::open_uniform;
using detail::within;

// Draw numbers (the k of RngKey::uniform) of each stream. Fixed once and for all:
// adding a draw takes a new number, so that the others do not move.
namespace cite_draw {
constexpr std::uint32_t size = 0, archetype = 1, year = 2, azimuth = 3, commune = 4, sia_order = 5,
                        other_order = 6, unesco_order = 7, qpv_order = 8, unesco_alone = 9, qpv_alone = 10;
}
namespace dwelling_draw {
constexpr std::uint32_t floor_area = 0, ceiling_height = 1, azimuth = 2;
}
namespace envelope_draw {
constexpr std::uint32_t level = 0, walls_done = 1, roof_done = 2, floor_done = 3, windows_done = 4,
                        doors_done = 5, u_wall = 6, u_roof = 7, u_floor = 8, u_window = 9, u_door = 10,
                        g_window = 11;
}
namespace system_draw {
constexpr std::uint32_t heating = 0, dhw = 1, ventilation = 2;
}
namespace household_draw {
constexpr std::uint32_t occupied = 0, rights_holder = 1, age = 2, sex = 3, size = 4, income = 5, spouse = 6,
                        spouse_age = 7, entry = 8;
}
namespace flag_draw {
constexpr std::uint32_t unfit = 0;
}

RngKey key(std::uint64_t seed, std::uint64_t id, Stream stream) { return RngKey{seed, 0, 0, id, stream}; }

/// Integer sizes proportional to `weights`, each at least `min_size`, adding up to `total`
/// exactly (largest remainders, ties to the lower index).
std::vector<std::int32_t> allocate(const std::vector<double>& weights, std::int64_t total,
                                   std::int32_t min_size) {
  const auto n = static_cast<std::int64_t>(weights.size());
  std::vector<std::int32_t> sizes(weights.size(), 0);
  if (n == 0) return sizes;
  const std::int64_t floor_size = std::min<std::int64_t>(min_size, total / n);
  const std::int64_t spread = total - floor_size * n;
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> remainder(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(spread) * weights[i] / weight_sum;
    const double whole = std::floor(exact);
    sizes[i] = static_cast<std::int32_t>(floor_size + static_cast<std::int64_t>(whole));
    remainder[i] = exact - whole;
    given += static_cast<std::int64_t>(whole);
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&remainder](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < spread; ++k, ++given) ++sizes[order[k % order.size()]];
  return sizes;
}

/// A weighted random order without replacement (Efraimidis & Spirakis 2006): sort by -ln(u) / w.
std::vector<std::size_t> weighted_order(const std::vector<double>& weights, std::uint64_t seed,
                                        std::uint32_t draw) {
  std::vector<double> rank(weights.size());
  for (std::size_t c = 0; c < weights.size(); ++c) {
    const double u = open_uniform(key(seed, c, Stream::stock_cite), draw);
    rank[c] = weights[c] > 0.0 ? -std::log(u) / weights[c] : HUGE_VAL;
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&rank](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
  return order;
}

std::string_view first_commune(std::string_view communes) { return communes.substr(0, communes.find(';')); }

/// The glazing bin (0 south, 1 east, 2 west, 3 north) of a facade facing `azimuth_deg` (0 = north,
/// clockwise): the four orientations of the 3CL C1 table.
int orientation_bin(double azimuth_deg) {
  double a = std::fmod(azimuth_deg, 360.0);
  if (a < 0.0) a += 360.0;
  if (a >= 135.0 && a <= 225.0) return 0;
  if (a <= 45.0 || a >= 315.0) return 3;
  return a < 180.0 ? 1 : 2;
}

/// `value` to the nearest 1/parts (a division by an exact integer: the double nearest the decimal).
double round_to(double value, double parts) { return std::round(value * parts) / parts; }

/// A draw from the truncated normal N(mean, sd) on [lo, hi] by inversion.
double truncated_normal(double mean, double sd, double lo, double hi, double u) {
  const double a = detail::normal_cdf((lo - mean) / sd);
  const double b = detail::normal_cdf((hi - mean) / sd);
  const double p = std::clamp(a + u * (b - a), 1e-12, 1.0 - 1e-12);
  return mean + sd * detail::normal_quantile(p);
}

/// The spouse's age for a head of `sex` and `age`: a uniform gap of the given mean and sd
/// (half-width sd.sqrt(3)), the man older; at least 18.
std::int16_t spouse_age_for(const HouseholdParameters& h, std::uint8_t sex, std::int32_t age, double u) {
  const double gap = h.spouse_age_gap_mean + h.spouse_age_gap_sd * std::sqrt(12.0) * (u - 0.5);
  const std::int32_t spouse = age + static_cast<std::int32_t>(std::lround(sex == 0 ? -gap : gap));
  return static_cast<std::int16_t>(std::clamp(spouse, 18, 120));
}

/// Share of households of `size` persons living with a spouse.
double spouse_share(const std::vector<double>& by_size, std::size_t size) {
  if (by_size.empty() || size < 2) return 0.0;
  return by_size[std::min(size, by_size.size()) - 1];
}

/// A head age from bands: the band by its share, the age uniformly within it (one draw).
std::int16_t age_from_bands(const HouseholdParameters& h, double u) {
  const std::size_t band = categorical(h.tenant_age_band_share, u);
  double total = 0.0;
  double before = 0.0;
  for (std::size_t i = 0; i < h.tenant_age_band_share.size(); ++i) {
    if (i < band) before += h.tenant_age_band_share[i];
    total += h.tenant_age_band_share[i];
  }
  const double within_band =
      std::clamp((u * total - before) / h.tenant_age_band_share[band], 0.0, 1.0 - 1e-12);
  const std::int32_t lo = h.tenant_age_band_lower[band];
  const std::int32_t hi = h.tenant_age_band_upper[band];
  const auto age = lo + static_cast<std::int32_t>(within_band * static_cast<double>(hi - lo + 1));
  return static_cast<std::int16_t>(std::min(age, hi));
}

struct CiteLayout {
  std::vector<std::int32_t> first_dwelling;  ///< row of the cité's first dwelling
  std::vector<std::uint8_t> archetype;
  std::vector<std::int32_t> year_built;
  std::vector<double> azimuth_deg;
  std::vector<std::int32_t> sia_dwellings;    ///< the cité's first dwellings go to SIA Habitat ...
  std::vector<std::int32_t> other_dwellings;  ///< ... the next ones to other landlords, the rest to M&C
};

/// Reassigns `target` dwellings of Maisons et Cités to another owner, whole cités first in
/// `order`; the last cité is split. `taken` is the count already moved (a prefix of each cité).
void assign_owner(const std::vector<std::size_t>& order, const std::vector<std::int32_t>& dwellings,
                  std::int64_t target, std::vector<std::int32_t>& taken,
                  const std::vector<std::int32_t>& other_taken) {
  for (const std::size_t c : order) {
    if (target <= 0) return;
    if (other_taken[c] > 0) continue;  // one cité never mixes three owners
    const std::int64_t take = std::min<std::int64_t>(target, dwellings[c] - taken[c]);
    taken[c] += static_cast<std::int32_t>(take);
    target -= take;
  }
}

/// Flags whole cités in weighted random order until `share` of the Maisons et Cités dwellings
/// is reached without going over; cités without any are flagged with probability `share`.
std::vector<std::uint8_t> flag_cites(const std::vector<double>& weights, const std::vector<std::int32_t>& mc,
                                     double share, std::uint64_t seed, std::uint32_t order_draw,
                                     std::uint32_t alone_draw) {
  const std::int64_t mc_total = std::accumulate(mc.begin(), mc.end(), std::int64_t{0});
  const auto target = static_cast<std::int64_t>(std::llround(share * static_cast<double>(mc_total)));
  std::vector<std::uint8_t> flag(mc.size(), 0);
  std::int64_t reached = 0;
  for (const std::size_t c : weighted_order(weights, seed, order_draw)) {
    if (mc[c] == 0) {
      flag[c] = key(seed, c, Stream::stock_cite).uniform(alone_draw) < share ? 1 : 0;
    } else if (reached + mc[c] <= target) {
      flag[c] = 1;
      reached += mc[c];
    }
  }
  return flag;
}

Stock generate(const StockParameters& p, std::uint64_t seed, std::vector<std::uint8_t>* levels) {
  CORON_ASSERT(p.cite_count > static_cast<std::int32_t>(p.named_cites.size()));
  CORON_ASSERT(!p.communes.empty());
  const auto n_cites = static_cast<std::size_t>(p.cite_count);
  Stock s;
  CiteTable& t = s.cites;

  // --- cités: names, communes, categories ---
  std::unordered_map<std::string_view, std::string_view> epci_of;
  for (const Commune& c : p.communes) epci_of.emplace(c.name, c.epci);
  for (const NamedCite& named : p.named_cites) {
    t.name.push_back(named.name);
    t.communes.push_back(named.communes);
    t.category.push_back(static_cast<std::uint8_t>(named.category));
  }
  for (std::size_t c = p.named_cites.size(); c < n_cites; ++c) {
    const double u = key(seed, c, Stream::stock_cite).uniform(cite_draw::commune);
    const Commune& commune = p.communes[std::min(
        p.communes.size() - 1, static_cast<std::size_t>(u * static_cast<double>(p.communes.size())))];
    t.name.push_back(fmt::format("Cité n°{}, {}", c + 1, commune.name));
    t.communes.push_back(commune.name);
    t.category.push_back(static_cast<std::uint8_t>(CiteCategory::unnamed));
  }
  for (std::size_t c = 0; c < n_cites; ++c) {
    const auto found = epci_of.find(first_commune(t.communes[c]));
    t.epci.emplace_back(found == epci_of.end() ? std::string_view{} : found->second);
  }

  // --- cité sizes: three groups with exact totals, lognormal weights within each ---
  std::array<std::vector<std::size_t>, 3> group;  // priority, other named, unnamed
  for (std::size_t c = 0; c < n_cites; ++c) {
    const auto category = static_cast<CiteCategory>(t.category[c]);
    group[category == CiteCategory::priority ? 0 : category == CiteCategory::unnamed ? 2 : 1].push_back(c);
  }
  const std::array<std::int64_t, 3> group_total = {
      p.priority_dwellings, p.other_named_dwellings,
      std::int64_t{p.dwelling_count} - p.priority_dwellings - p.other_named_dwellings};
  const std::array<std::int32_t, 3> group_min = {p.priority_min_dwellings, p.other_named_min_dwellings,
                                                 p.unnamed_min_dwellings};
  t.dwellings.assign(n_cites, 0);
  for (std::size_t g = 0; g < group.size(); ++g) {
    std::vector<double> weights;
    for (const std::size_t c : group[g]) {
      const double z =
          detail::normal_quantile(open_uniform(key(seed, c, Stream::stock_cite), cite_draw::size));
      weights.push_back(std::exp(p.cite_size_sigma * z));
    }
    const std::vector<std::int32_t> sizes = allocate(weights, group_total[g], group_min[g]);
    for (std::size_t i = 0; i < sizes.size(); ++i) t.dwellings[group[g][i]] = sizes[i];
  }

  // --- each cité one form, built in one programme, one orientation ---
  CiteLayout layout;
  std::array<double, archetype_names.size()> archetype_share{};
  for (std::size_t a = 0; a < archetype_share.size(); ++a) archetype_share[a] = p.archetypes[a].cite_share;
  std::int32_t row = 0;
  for (std::size_t c = 0; c < n_cites; ++c) {
    const RngKey k = key(seed, c, Stream::stock_cite);
    const auto a = static_cast<std::uint8_t>(categorical(archetype_share, k.uniform(cite_draw::archetype)));
    const ArchetypeParameters& ap = p.archetypes[a];
    const auto years = static_cast<double>(ap.year_built_max - ap.year_built_min + 1);
    layout.first_dwelling.push_back(row);
    layout.archetype.push_back(a);
    layout.year_built.push_back(
        std::min(ap.year_built_max,
                 ap.year_built_min + static_cast<std::int32_t>(k.uniform(cite_draw::year) * years)));
    layout.azimuth_deg.push_back(360.0 * k.uniform(cite_draw::azimuth));
    row += t.dwellings[c];
  }

  // --- owners: SIA Habitat, then other landlords, take whole unnamed cités (SIA's EPCIs first) ---
  {
    std::vector<double> sia_weight(n_cites, 0.0);
    std::vector<double> other_weight(n_cites, 0.0);
    for (std::size_t c = 0; c < n_cites; ++c) {
      if (t.category[c] != static_cast<std::uint8_t>(CiteCategory::unnamed)) continue;
      const bool sia_area = std::find(p.sia_habitat_epcis.begin(), p.sia_habitat_epcis.end(), t.epci[c]) !=
                            p.sia_habitat_epcis.end();
      // Weights far apart make the race an ordering: every cité of SIA's area comes first.
      sia_weight[c] = sia_area ? 1e6 : 1.0;
      other_weight[c] = 1.0;
    }
    const auto keep_positive = [](std::vector<std::size_t> order, const std::vector<double>& w) {
      std::erase_if(order, [&w](std::size_t c) { return w[c] <= 0.0; });
      return order;
    };
    layout.sia_dwellings.assign(n_cites, 0);
    layout.other_dwellings.assign(n_cites, 0);
    assign_owner(keep_positive(weighted_order(sia_weight, seed, cite_draw::sia_order), sia_weight),
                 t.dwellings, p.sia_habitat_dwellings, layout.sia_dwellings, layout.other_dwellings);
    assign_owner(keep_positive(weighted_order(other_weight, seed, cite_draw::other_order), other_weight),
                 t.dwellings, p.other_landlord_dwellings, layout.other_dwellings, layout.sia_dwellings);
  }
  std::vector<std::int32_t> mc(n_cites);
  for (std::size_t c = 0; c < n_cites; ++c)
    mc[c] = t.dwellings[c] - layout.sia_dwellings[c] - layout.other_dwellings[c];

  // --- UNESCO listing and QPV: whole cités ---
  {
    std::vector<double> unesco_weight(n_cites);
    std::vector<double> qpv_weight(n_cites);
    for (std::size_t c = 0; c < n_cites; ++c) {
      unesco_weight[c] = p.unesco_category_weight[t.category[c]];
      qpv_weight[c] = p.qpv_category_weight[t.category[c]];
    }
    t.heritage_unesco =
        flag_cites(unesco_weight, mc, p.unesco_share, seed, cite_draw::unesco_order, cite_draw::unesco_alone);
    t.qpv = flag_cites(qpv_weight, mc, p.qpv_share, seed, cite_draw::qpv_order, cite_draw::qpv_alone);
  }

  // The unfit probability is scaled so that its mean over M&C dwellings is unfit_share whatever
  // the archetype mix: relative risks shift unfit houses between forms, not their number.
  double mean_risk = 0.0;
  {
    double weighted = 0.0;
    double total = 0.0;
    for (std::size_t c = 0; c < n_cites; ++c) {
      weighted += static_cast<double>(mc[c]) * p.archetypes[layout.archetype[c]].unfit_relative_risk;
      total += static_cast<double>(mc[c]);
    }
    mean_risk = total > 0.0 && weighted > 0.0 ? weighted / total : 1.0;
  }

  // --- dwellings ---
  const auto n = static_cast<std::size_t>(p.dwelling_count);
  s.resize(n);
  if (levels) levels->assign(n, 0);
  const HouseholdParameters& h = p.households;
  for (std::size_t c = 0; c < n_cites; ++c) {
    const ArchetypeParameters& ap = p.archetypes[layout.archetype[c]];
    for (std::int32_t j = 0; j < t.dwellings[c]; ++j) {
      const auto i = static_cast<std::size_t>(layout.first_dwelling[c] + j);
      const std::uint64_t id = i;
      s.dwelling_id[i] = static_cast<std::int64_t>(id);
      s.cite_id[i] = static_cast<std::int32_t>(c);
      s.owner[i] = static_cast<std::uint8_t>(j < layout.sia_dwellings[c] ? Owner::sia_habitat
                                             : j < layout.sia_dwellings[c] + layout.other_dwellings[c]
                                                 ? Owner::other_landlord
                                                 : Owner::maisons_et_cites);
      s.archetype[i] = layout.archetype[c];
      s.year_built[i] = layout.year_built[c];
      s.heritage_unesco[i] = t.heritage_unesco[c];
      s.qpv[i] = t.qpv[c];

      // geometry: TABULA ratios times the drawn floor area; glazing by facade orientation
      const RngKey kd = key(seed, id, Stream::stock_dwelling);
      const double floor_m2 = round_to(
          within(ap.floor_area_m2.min, ap.floor_area_m2.max, kd.uniform(dwelling_draw::floor_area)), 10.0);
      s.floor_area_m2[i] = floor_m2;
      s.ceiling_height_m[i] = round_to(
          within(ap.ceiling_height_m.min, ap.ceiling_height_m.max, kd.uniform(dwelling_draw::ceiling_height)),
          100.0);
      s.wall_area_m2[i] = round_to(ap.wall_area_per_floor_m2 * floor_m2, 100.0);
      s.roof_area_m2[i] = round_to(ap.roof_area_per_floor_m2 * floor_m2, 100.0);
      s.ground_floor_area_m2[i] = round_to(ap.ground_floor_area_per_floor_m2 * floor_m2, 100.0);
      s.door_area_m2[i] = ap.door_area_m2;
      {
        const double window_m2 = ap.window_area_per_floor_m2 * floor_m2;
        const double azimuth = layout.azimuth_deg[c] +
                               ap.orientation_jitter_deg * (2.0 * kd.uniform(dwelling_draw::azimuth) - 1.0);
        std::array<double, 4> by_bin{};
        const double front_back = 0.5 * ap.window_front_back_share * window_m2;
        const double side = 0.5 * (1.0 - ap.window_front_back_share) * window_m2;
        by_bin[static_cast<std::size_t>(orientation_bin(azimuth))] += front_back;
        by_bin[static_cast<std::size_t>(orientation_bin(azimuth + 180.0))] += front_back;
        by_bin[static_cast<std::size_t>(orientation_bin(azimuth + 90.0))] += side;
        by_bin[static_cast<std::size_t>(orientation_bin(azimuth + 270.0))] += side;
        s.window_south_m2[i] = round_to(by_bin[0], 100.0);
        s.window_east_m2[i] = round_to(by_bin[1], 100.0);
        s.window_west_m2[i] = round_to(by_bin[2], 100.0);
        s.window_north_m2[i] = round_to(by_bin[3], 100.0);
      }
      const double envelope_m2 = s.wall_area_m2[i] + s.roof_area_m2[i] + s.ground_floor_area_m2[i] +
                                 s.window_south_m2[i] + s.window_east_m2[i] + s.window_west_m2[i] +
                                 s.window_north_m2[i] + s.door_area_m2[i];
      s.thermal_bridges_w_per_k[i] = round_to(ap.thermal_bridge_w_per_m2k * envelope_m2, 100.0);
      s.b_roof[i] = ap.b_roof;
      s.b_floor[i] = ap.b_floor;
      s.multiple_exposed_facades[i] = 1;  // every house has at least a front and a back facade

      // condition, then the earlier programmes' works (an unfit house was left out of them)
      const double unfit_p = p.unfit_share * ap.unfit_relative_risk / mean_risk;
      s.structurally_unfit[i] =
          key(seed, id, Stream::stock_flags).uniform(flag_draw::unfit) < unfit_p ? 1 : 0;
      const RngKey ke = key(seed, id, Stream::stock_envelope);
      const std::size_t level =
          s.structurally_unfit[i] ? 0 : categorical(ap.prior_works_share, ke.uniform(envelope_draw::level));
      if (levels) (*levels)[i] = static_cast<std::uint8_t>(level);
      const PriorWorksParameters& w = p.prior_works[level];
      const auto u_of = [&ke](const PriorMeasure& m, const Range& original, std::uint32_t done_draw,
                              std::uint32_t u_draw, bool& done) {
        done = ke.uniform(done_draw) < m.probability;
        const Range& r = done ? m.u_w_per_m2k : original;
        return round_to(within(r.min, r.max, ke.uniform(u_draw)), 100.0);
      };
      bool walls_done = false, roof_done = false, floor_done = false, windows_done = false,
           doors_done = false;
      s.u_wall_w_per_m2k[i] =
          u_of(w.walls, ap.u_wall_w_per_m2k, envelope_draw::walls_done, envelope_draw::u_wall, walls_done);
      s.u_roof_w_per_m2k[i] =
          u_of(w.roof, ap.u_roof_w_per_m2k, envelope_draw::roof_done, envelope_draw::u_roof, roof_done);
      s.u_floor_w_per_m2k[i] =
          u_of(w.floor, ap.u_floor_w_per_m2k, envelope_draw::floor_done, envelope_draw::u_floor, floor_done);
      s.u_window_w_per_m2k[i] = u_of(w.windows, ap.u_window_w_per_m2k, envelope_draw::windows_done,
                                     envelope_draw::u_window, windows_done);
      s.u_door_w_per_m2k[i] =
          u_of(w.doors, ap.u_door_w_per_m2k, envelope_draw::doors_done, envelope_draw::u_door, doors_done);
      s.g_window[i] =
          windows_done
              ? round_to(within(w.g_window.min, w.g_window.max, ke.uniform(envelope_draw::g_window)), 100.0)
              : ap.g_window;
      s.inertia[i] =
          static_cast<std::uint8_t>(walls_done ? std::min(static_cast<std::uint8_t>(ap.inertia),
                                                          static_cast<std::uint8_t>(w.inertia_if_walls_lined))
                                               : static_cast<std::uint8_t>(ap.inertia));
      if (layout.year_built[c] < 1948) {
        s.q4pa_conv_m3_per_h_m2[i] = walls_done || roof_done ? p.q4pa_pre1948_insulated
                                     : windows_done          ? p.q4pa_pre1948_joinery
                                                             : p.q4pa_pre1948_original;
      } else {
        s.q4pa_conv_m3_per_h_m2[i] = p.q4pa_1948_1974;
      }

      // systems: found with the level of works
      const RngKey ks = key(seed, id, Stream::stock_system);
      const std::size_t heating = categorical(w.heating_share, ks.uniform(system_draw::heating));
      s.heating_system[i] = static_cast<std::uint8_t>(heating);
      s.heating_backup_system[i] = s.heating_system[i];  // one generator: share 0
      s.dhw_system[i] = static_cast<std::uint8_t>(
          categorical(p.dhw_share_given_heating[heating], ks.uniform(system_draw::dhw)));
      s.ventilation[i] =
          static_cast<std::uint8_t>(categorical(w.ventilation_share, ks.uniform(system_draw::ventilation)));
      // Each house has its own hot-water installation, the generator and any tank inside the
      // dwelling (kitchen, bathroom): their losses are recovered by the heating (3CL §9.1.1).
      s.dhw_collective[i] = 0;
      s.dhw_storage_in_heated_volume[i] = 1;
      // The basin lies in 3CL zone H1a (Nord and Pas-de-Calais, arrêté du 31 mars 2021 annex 1,
      // Open3CL src/tv.js zoning), every commune below 400 m (the basin is a plain, under 100 m).
      s.climate_zone[i] = static_cast<std::uint8_t>(ClimateZone::h1a);
      s.altitude_class[i] = static_cast<std::uint8_t>(AltitudeClass::below_400m);

      // household on 1 January
      const RngKey kh = key(seed, id, Stream::stock_household);
      s.occupied[i] = kh.uniform(household_draw::occupied) >= h.vacancy_share ? 1 : 0;
      if (!s.occupied[i]) {
        s.vacant_years[i] = 1;  // vacant at the last year-end; every household column stays 0
        continue;
      }
      const bool rights_holder = kh.uniform(household_draw::rights_holder) < h.rights_holder_share;
      s.rights_holder[i] = rights_holder ? 1 : 0;
      const double z_income = detail::normal_quantile(open_uniform(kh, household_draw::income));
      if (rights_holder) {
        const double age =
            truncated_normal(h.rights_holder_age_mean, h.rights_holder_age_sd, h.rights_holder_age_min - 0.5,
                             h.rights_holder_age_max + 0.5, kh.uniform(household_draw::age));
        s.head_age[i] = static_cast<std::int16_t>(std::clamp(
            static_cast<std::int32_t>(std::lround(age)), h.rights_holder_age_min, h.rights_holder_age_max));
        const std::size_t size =
            categorical(h.rights_holder_size_share, kh.uniform(household_draw::size)) + 1;
        s.household_size[i] = static_cast<std::uint8_t>(size);
        const double woman_p =
            size == 1 ? h.rights_holder_single_woman_share : h.rights_holder_couple_woman_share;
        s.head_sex[i] = kh.uniform(household_draw::sex) < woman_p ? 1 : 0;
        s.income_per_cu_eur[i] =
            std::round(h.rights_holder_income_median_eur * std::exp(h.rights_holder_income_sigma * z_income));
        // Entered between the year the head turned entry_age_min and the end of recruitment.
        const std::int32_t first = h.stock_year - s.head_age[i] + h.rights_holder_entry_age_min;
        const std::int32_t last = std::max(first, std::min(h.rights_holder_entered_before, h.stock_year - 1));
        s.entry_year[i] = first + static_cast<std::int32_t>(kh.uniform(household_draw::entry) *
                                                            static_cast<double>(last - first + 1));
      } else {
        s.head_age[i] = age_from_bands(h, kh.uniform(household_draw::age));
        s.household_size[i] =
            static_cast<std::uint8_t>(categorical(h.tenant_size_share, kh.uniform(household_draw::size)) + 1);
        s.head_sex[i] = kh.uniform(household_draw::sex) < h.tenant_woman_share ? 1 : 0;
        s.income_per_cu_eur[i] =
            std::round(h.tenant_income_median_eur * std::exp(h.tenant_income_sigma * z_income));
        // Completed years in the dwelling: a band by its share, uniformly within it (one
        // draw), no earlier than the head's 18th year.
        const double u = kh.uniform(household_draw::entry);
        const std::size_t band = categorical(h.tenant_tenure_share, u);
        double total = 0.0, before = 0.0;
        for (std::size_t b = 0; b < h.tenant_tenure_share.size(); ++b) {
          if (b < band) before += h.tenant_tenure_share[b];
          total += h.tenant_tenure_share[b];
        }
        const double within =
            std::clamp((u * total - before) / h.tenant_tenure_share[band], 0.0, 1.0 - 1e-12);
        const std::int32_t lo = h.tenant_tenure_lower[band];
        const std::int32_t years =
            std::min(lo + static_cast<std::int32_t>(within * (h.tenant_tenure_upper[band] - lo + 1)),
                     std::max(0, s.head_age[i] - 18));
        s.entry_year[i] = h.stock_year - 1 - years;
      }
      const double with_spouse =
          spouse_share(rights_holder ? h.rights_holder_spouse_share_by_size : h.tenant_spouse_share_by_size,
                       s.household_size[i]);
      if (kh.uniform(household_draw::spouse) < with_spouse)
        s.spouse_age[i] =
            spouse_age_for(h, s.head_sex[i], s.head_age[i], kh.uniform(household_draw::spouse_age));
    }
  }
  return s;
}

}  // namespace

Stock generate_stock(const StockParameters& params, std::uint64_t seed) {
  return generate(params, seed, nullptr);
}

std::vector<std::uint8_t> prior_works_levels(const StockParameters& params, std::uint64_t seed) {
  std::vector<std::uint8_t> levels;
  (void)generate(params, seed, &levels);
  return levels;
}

}  // namespace coron::stock
