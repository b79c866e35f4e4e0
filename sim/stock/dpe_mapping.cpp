#include "stock/dpe_mapping.hpp"

#include "stock/dpe_emitters.hpp"
#include "stock/dpe_heat_networks.hpp"
#include "stock/dpe_heating.hpp"
#include "stock/dpe_hot_water.hpp"
#include "stock/dpe_intermittence.hpp"
#include "stock/dpe_network.hpp"
#include "stock/dpe_solar.hpp"
#include "stock/dpe_systems.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace coron::stock {

namespace {

/// Sums of b.U.A, b.A and A over the elements that lose heat (b > 0).
struct Losses {
  double bua_w_per_k = 0.0, ba_m2 = 0.0, area_m2 = 0.0;
};

Losses losses_of(const std::vector<io::DpeSurface>& surfaces) {
  Losses l;
  for (const io::DpeSurface& s : surfaces) {
    if (s.b <= 0.0) continue;  // between heated spaces: no loss, and no area for infiltration
    l.bua_w_per_k += s.b * s.u_w_per_m2k * s.area_m2;
    l.ba_m2 += s.b * s.area_m2;
    l.area_m2 += s.area_m2;
  }
  return l;
}

// A U-value column must be positive even under an area of zero; the product is what counts.
constexpr double u_of_nothing = 1.0;

/// Walls, windows and doors have no b column: b goes into U, so that U.A = sum b.U.A.
double folded_u(const Losses& l) { return l.area_m2 > 0.0 ? l.bua_w_per_k / l.area_m2 : u_of_nothing; }

/// Roof and floor keep b apart: b = sum b.A / A, U = sum b.U.A / sum b.A.
void set_with_b(const Losses& l, double share, double& area, double& u, double& b) {
  area = l.area_m2 * share;
  b = l.area_m2 > 0.0 ? l.ba_m2 / l.area_m2 : 0.0;
  u = l.ba_m2 > 0.0 ? l.bua_w_per_k / l.ba_m2 : u_of_nothing;
}

// The whole-building methods: 6-9 (existing buildings), 17 and 21 (RT 2012 / RE 2020
// building studies), 26-30 (mixed collective and individual systems). Open3CL enums.js.
constexpr int whole_building_methods[] = {6, 7, 8, 9, 17, 21, 26, 27, 28, 29, 30};
constexpr int house_methods[] = {1, 14, 18};
// Flats "generated from the building's DPE" (10-13, 33, 34) and flats of a new building's
// study (15, 16, 19, 20, 22-25): their envelope elements are the building's.
constexpr int building_envelope_flat_methods[] = {10, 11, 12, 13, 33, 34, 15, 16, 19, 20, 22, 23, 24, 25};

template <std::size_t N>
bool contains(const int (&ids)[N], int id) noexcept {
  return std::find(std::begin(ids), std::end(ids), id) != std::end(ids);
}

DpeMapping refuse(const io::DpeCertificate& c, int line, std::string path, std::string reason) {
  DpeMapping m;
  m.refused = true;
  m.refusal = {c.file, line, std::move(path), std::move(reason)};
  return m;
}

/// The generator that consumes the most (the first of equals); notes the others.
const io::DpeGenerator& main_generator(const std::vector<io::DpeGenerator>& generators, std::string_view use,
                                       std::vector<std::string>& notes) {
  const auto it = std::max_element(generators.begin(), generators.end(), [](const auto& a, const auto& b) {
    return a.consumption_kwh < b.consumption_kwh;
  });
  if (generators.size() > 1)
    notes.push_back(fmt::format("approximated: {} {} generators, the row holds the one consuming most ({})",
                                generators.size(), use, it->where.path));
  return *it;
}

/// The GHG content of a generator drawing on a heat network (enum_type_energie_id 8) that the
/// certificate names: the network's own in the DPE's list its arrêté points to; 0 (its class's
/// carrier) for any other generator, or a network no list has (noted).
double heat_network_content(const io::DpeCertificate& c, const io::DpeGenerator& g,
                            std::vector<std::string>& notes) {
  constexpr int heat_network_energy = 8;  // enum_type_energie_id: réseau de chauffage urbain
  if (g.energy_id != heat_network_energy || g.heat_network.empty()) return 0.0;
  const int year = heat_network_list_year(g.heat_network_arrete_year, c.established_year);
  const double content = heat_network_ghg(g.heat_network, year);
  if (content == 0.0)
    notes.push_back(
        fmt::format("approximated: heat network {} in no list of 2022 to 2024, its class's carrier ({})",
                    g.heat_network, g.where.path));
  return content;
}

/// I0 (3CL §8) and R_e R_d R_r (§9.1 tables) of the emitter a heating generator heats through;
/// 0 and 0 when its installation names none.
EmitterChain emitter_chain(const io::DpeCertificate& c, const io::DpeGenerator& g) {
  if (g.emission_id <= 0) return {};
  return {intermittence_i0({c.method_id, g.installation_type_id, g.heating_type_id,
                            g.intermittence_equipment_id, g.regulation_type_id, g.emission_id,
                            c.inertia_class_id, intermittence_row_meters(g.intermittence_row)})
              .i0,
          emitter_efficiencies(g.emission_id, g.network_insulated).product()};
}

}  // namespace

std::string DpeRefusal::format() const { return fmt::format("{}:{}: {}: {}", file, line, path, reason); }

bool is_whole_building_method(int method_id) noexcept { return contains(whole_building_methods, method_id); }
bool is_house_method(int method_id) noexcept { return contains(house_methods, method_id); }
bool is_building_envelope_flat_method(int method_id) noexcept {
  return contains(building_envelope_flat_methods, method_id);
}

DpeMapping map_dpe_certificate(const io::DpeCertificate& c) {
  if (is_whole_building_method(c.method_id))
    return refuse(
        c, c.method_where.line, c.method_where.path,
        fmt::format("whole-building certificate (method {}): a stock row is one dwelling", c.method_id));
  if (!c.missing.empty())
    return refuse(c, c.missing.front().where.line, c.missing.front().where.path, c.missing.front().what);
  if (c.heating.empty())
    return refuse(c, c.heating_where.line, "/dpe/logement/installation_chauffage_collection",
                  "no heating generator");
  if (c.dhw.empty())
    return refuse(c, c.dhw_where.line, "/dpe/logement/installation_ecs_collection", "no hot-water generator");
  if (c.floor_area_m2 <= 0.0)
    return refuse(c, 0, "/dpe/logement/caracteristique_generale/surface_habitable_logement",
                  "the living area is not positive");

  DpeMapping m;
  m.is_house = is_house_method(c.method_id);
  std::vector<std::string>& notes = m.approximations;
  if (is_building_envelope_flat_method(c.method_id) && c.building_floor_area_m2 > c.floor_area_m2) {
    m.envelope_share = c.floor_area_m2 / c.building_floor_area_m2;
    notes.push_back(fmt::format("approximated: the building's envelope prorated by living area ({:.4f})",
                                m.envelope_share));
  }
  const double share = m.envelope_share;
  DpeThermalRow& r = m.row;
  r.dwelling_type = static_cast<std::uint8_t>(m.is_house ? DwellingType::house : DwellingType::flat);
  r.floor_area_m2 = c.floor_area_m2;
  r.ceiling_height_m = std::clamp(c.ceiling_height_m, 1.5, 10.0);
  if (r.ceiling_height_m != c.ceiling_height_m)
    notes.push_back(fmt::format("approximated: ceiling height {} m clamped to {} m", c.ceiling_height_m,
                                r.ceiling_height_m));

  const Losses walls = losses_of(c.walls);
  r.wall_area_m2 = walls.area_m2 * share;
  r.u_wall_w_per_m2k = folded_u(walls);
  set_with_b(losses_of(c.roofs), share, r.roof_area_m2, r.u_roof_w_per_m2k, r.b_roof);
  set_with_b(losses_of(c.floors), share, r.ground_floor_area_m2, r.u_floor_w_per_m2k, r.b_floor);
  const Losses doors = losses_of(c.doors);
  r.door_area_m2 = doors.area_m2 * share;
  r.u_door_w_per_m2k = folded_u(doors);

  Losses windows;
  double g_area = 0.0;
  // The facades in the order facade_of numbers them (the sun factors' order too).
  const std::array<double*, facade_count> facade_area{&r.window_south_m2, &r.window_east_m2,
                                                      &r.window_west_m2, &r.window_north_m2};
  for (const io::DpeSurface& w : c.windows) {
    if (w.b <= 0.0) continue;
    windows.bua_w_per_k += w.b * w.u_w_per_m2k * w.area_m2;
    windows.area_m2 += w.area_m2;
    g_area += w.solar_factor * w.area_m2;
    *facade_area[facade_of(w.orientation)] += w.area_m2 * share;
  }
  r.u_window_w_per_m2k = folded_u(windows);
  r.g_window = windows.area_m2 > 0.0 ? std::clamp(g_area / windows.area_m2, 0.0, 1.0) : 0.0;

  // The declared total is what the certifying software summed (its percentages and
  // partial lengths included); the sum of k.l stands in when it is absent.
  r.thermal_bridges_w_per_k =
      (c.declared.bridges_w_per_k > 0.0 ? c.declared.bridges_w_per_k : c.bridges_sum_w_per_k) * share;

  r.q4pa_conv_m3_per_h_m2 = c.q4pa_conv_m3_per_h_m2;
  r.multiple_exposed_facades = c.multiple_exposed_facades ? 1 : 0;
  if (c.ventilation_count > 1)
    notes.push_back(
        fmt::format("approximated: {} ventilation systems, the row holds the first", c.ventilation_count));

  const auto ventilation = ventilation_of(c.ventilation_type_id);
  if (!ventilation)
    return refuse(c, c.ventilation_where.line, "/dpe/logement/ventilation_collection/ventilation[1]",
                  fmt::format("unknown enum_type_ventilation_id {}", c.ventilation_type_id));
  r.ventilation = static_cast<std::uint8_t>(ventilation->value);
  if (!ventilation->exact) notes.push_back(fmt::format("approximated: {}", ventilation->why));

  const auto inertia = inertia_of(c.inertia_class_id);
  if (!inertia)
    return refuse(c, 0, "/dpe/logement/enveloppe/inertie/enum_classe_inertie_id",
                  fmt::format("unknown inertia class {}", c.inertia_class_id));
  r.inertia = static_cast<std::uint8_t>(inertia->value);
  if (!inertia->exact) notes.push_back(fmt::format("approximated: {}", inertia->why));

  for (const io::DpeGenerator& g : c.heating) {
    const auto heating = heating_system_of(g.type_id);
    if (!heating)
      return refuse(c, g.where.line, g.where.path,
                    fmt::format("unknown enum_type_generateur_ch_id {}", g.type_id));
    if (!heating->exact) notes.push_back(fmt::format("approximated: {}", heating->why));
  }
  // The main generator and a second one, each with the R_g the certificate computed for it at
  // its load (§12-13), where it gives one: the period's table is then only what a later heating
  // of the same class would take.
  // Each through its own emitters (§9.1.4), which set its share of the need.
  std::vector<EmitterChain> chains;
  chains.reserve(c.heating.size());
  for (const io::DpeGenerator& g : c.heating) chains.push_back(emitter_chain(c, g));
  const HeatingGenerators generators = heating_generators(c.heating, chains);
  notes.insert(notes.end(), generators.notes.begin(), generators.notes.end());
  const io::DpeGenerator& heater = c.heating[generators.main];
  r.heating_system = static_cast<std::uint8_t>(generators.main_system);
  r.heating_generation_efficiency = generators.main_efficiency;
  r.heating_backup_system = static_cast<std::uint8_t>(generators.backup_system);
  r.heating_backup_share = generators.backup_share;
  r.heating_backup_generation_efficiency = generators.backup_efficiency;
  if (generators.backup_share > 0.0) {
    r.heating_backup_i0 = chains[generators.backup].i0;
    r.heating_backup_emitter_efficiency = chains[generators.backup].efficiency;
  }
  r.heating_ghg_factor = heat_network_content(c, heater, notes);
  // The generator's period gives a boiler's part-load efficiency (3CL §13.2.1) or a heat pump's
  // SCOP (§12.4). A boiler's Pn is a house's own;
  // a flat's certificate may give the building's boiler, so the flat's is sized by the method.
  r.heating_generator_year = static_cast<std::int16_t>(generator_year_of(heater.type_id));
  if (r.heating_generator_year > 0 && m.is_house)
    r.heating_nominal_power_kw = heater.nominal_power_w / 1000.0;
  // The intermittence of its emitters, control and programmer (3CL §8), as the method's table
  // gives it; a certificate without an emitter keeps the heating class's, and its efficiencies.
  // And its emitters' and network's efficiencies (§9.1): 0, the class's, for an id no table names.
  // Its water network, which sizes the circulator with the dwelling's GV (§15.2.1).
  const DpeNetwork network = heating_network(heater, r.floor_area_m2);
  r.heating_network_pressure_drop_kpa = network.pressure_drop_kpa;
  r.heating_design_temperature_drop_k = network.temperature_drop_k;
  if (heater.emission_id > 0) {
    r.heating_i0 = chains[generators.main].i0;
    r.heating_emitter_efficiency = chains[generators.main].efficiency;
  } else {
    notes.push_back("approximated: no heating emitter, the heating class's intermittence and efficiencies");
  }

  const io::DpeGenerator& water = main_generator(c.dhw, "hot-water", notes);
  const auto dhw = dhw_system_of(water.type_id);
  if (!dhw)
    return refuse(c, water.where.line, water.where.path,
                  fmt::format("unknown enum_type_generateur_ecs_id {}", water.type_id));
  r.dhw_system = static_cast<std::uint8_t>(dhw->value);
  if (!dhw->exact) notes.push_back(fmt::format("approximated: {}", dhw->why));
  r.dhw_ghg_factor = heat_network_content(c, water, notes);
  m.heating_energy_id = heater.energy_id;
  m.dhw_energy_id = water.energy_id;
  // The losses of the hot-water loop and tank the heating recovers (3CL §9.1.1): a collective
  // installation's loop loses more into the dwelling, its tank nothing; a dwelling's own tank
  // only when it and its generator stand inside the heated volume.
  r.dhw_collective = water.installation_type_id > 1 ? 1 : 0;
  r.dhw_storage_in_heated_volume = water.in_heated_volume && water.storage_in_heated_volume ? 1 : 0;
  // Its generators' own efficiencies at the need, their network's and their tanks' loss (3CL
  // §11-14): the class's generator stands in where the certificate does not give them.
  // Values outside the columns' ranges (a distribution efficiency above 1, a tank of a
  // building's size) would write a stock the reader refuses: the class's stands in for them too.
  const DhwChain chain = dhw_chain(c.dhw);
  const bool chain_fits = chain.efficiency > 0.0 && chain.efficiency <= 20.0 &&
                          chain.distribution_efficiency > 0.0 && chain.distribution_efficiency <= 1.0 &&
                          chain.standing_loss_kwh >= 0.0 && chain.standing_loss_kwh <= 1e6 &&
                          chain.storage_loss_kwh >= 0.0 && chain.storage_loss_kwh <= 1e6;
  if (chain_fits) {
    r.dhw_efficiency = chain.efficiency;
    r.dhw_standing_loss_kwh = chain.standing_loss_kwh;
    r.dhw_distribution_efficiency = chain.distribution_efficiency;
    r.dhw_storage_loss_kwh = chain.storage_loss_kwh;
  } else {
    notes.push_back(fmt::format(
        "approximated: {}, the hot-water class's generator",
        chain.why.empty() ? "hot-water efficiencies or tank losses outside the stock's ranges" : chain.why));
  }

  // Open3CL src/enums.js numbers the zones 1 (h1a) .. 8 (h3) and the altitude classes 1 (below
  // 400 m) .. 3 (above 800 m), in the order of climate_zone_names and altitude_class_names.
  if (c.climate_zone_id < 1 || c.climate_zone_id > static_cast<int>(climate_zone_count))
    return refuse(c, c.meteo_line, "/dpe/logement/meteo/enum_zone_climatique_id",
                  fmt::format("unknown enum_zone_climatique_id {} (expected 1 to {})", c.climate_zone_id,
                              climate_zone_count));
  r.climate_zone = static_cast<std::uint8_t>(c.climate_zone_id - 1);
  if (c.altitude_class_id < 1 || c.altitude_class_id > static_cast<int>(altitude_class_count))
    return refuse(c, c.meteo_line, "/dpe/logement/meteo/enum_classe_altitude_id",
                  fmt::format("unknown enum_classe_altitude_id {} (expected 1 to {})", c.altitude_class_id,
                              altitude_class_count));
  r.altitude_class = static_cast<std::uint8_t>(c.altitude_class_id - 1);
  if (!climate_is_tabulated(r.climate_zone, r.altitude_class))
    return refuse(
        c, c.meteo_line, "/dpe/logement/meteo/enum_classe_altitude_id",
        fmt::format("the method has no climate for zone {} above 800 m", climate_zone_names[r.climate_zone]));

  // Masks, tilts and a veranda, folded into each facade's sun factor over the zone's heating
  // season; heavy inertia takes the ilpa 1 season (data/thermal/method.yaml ilpa_by_inertia).
  const FacadeSun sun = facade_sun(c, r.climate_zone, r.altitude_class,
                                   r.inertia == static_cast<std::uint8_t>(Inertia::heavy) ? 1 : 0);
  // A tiny window onto a large veranda could collect more than the column's range holds: the
  // bound stands in, said (a stock the reader refuses is never written).
  const std::array<double*, facade_count> facade_factor{&r.window_south_sun_factor, &r.window_east_sun_factor,
                                                        &r.window_west_sun_factor,
                                                        &r.window_north_sun_factor};
  for (std::size_t f = 0; f < facade_count; ++f) {
    double factor = sun.factor[f];
    if (!(factor >= 0.0 && factor <= 100.0)) {
      notes.push_back(fmt::format("approximated: a facade's sun factor {:.3g} bounded to [0, 100]", factor));
      factor = factor > 100.0 ? 100.0 : 0.0;
    }
    *facade_factor[f] = factor;
  }
  if (sun.horizontal)
    notes.push_back(
        "approximated: horizontal glazing (roof windows) on the south facade, at its own C1 over the season");
  if (sun.several_verandas)
    notes.push_back("approximated: several different verandas, the first one's gains");
  if (sun.veranda_elsewhere)
    notes.push_back("approximated: a veranda without a window onto it, its gains on the south facade");
  return m;
}

}  // namespace coron::stock
