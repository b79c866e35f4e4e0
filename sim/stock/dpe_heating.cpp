#include "stock/dpe_heating.hpp"

#include "stock/dpe_systems.hpp"

#include <fmt/format.h>

#include <array>

namespace coron::stock {
namespace {

/// The R_g a generator's certificate computed at its load: rendement_generation, or a heat
/// pump's scop; 0 when it gives neither, or a value no generator has. Where solar heating covers
/// F_ch of the need, the generators burn for the rest only (3CL §9.1.4, Open3CL 9_conso_ch.js:
/// configurations 2 and 7 weigh each generator by 1 - F_ch): R_g / (1 - F_ch) per kWh of need, as
/// the hot water's solar fraction divides its efficiency.
double stated_efficiency(const io::DpeGenerator& g) noexcept {
  double r = g.generation_efficiency > 0.0 ? g.generation_efficiency : g.cop;
  if (g.heating_solar_fraction > 0.0 && g.heating_solar_fraction < 1.0) r /= 1.0 - g.heating_solar_fraction;
  return r > 0.0 && r <= 10.0 ? r : 0.0;
}

}  // namespace

constexpr int electricity_energy = 1;  // enum_type_energie_id: électricité

HeatingGenerators heating_generators(std::span<const io::DpeGenerator> generators,
                                     std::span<const EmitterChain> chains) {
  HeatingGenerators out;
  // The need each kWh of a generator's heat covers, up to INT's common factor in G (3CL §8:
  // INT = I0 / (1 + 0.1 (G - 1))): R_e R_d R_r / I0 of its emitters, when all are known.
  bool every_chain = chains.size() == generators.size();
  for (const EmitterChain& e : chains) every_chain = every_chain && e.i0 > 0.0 && e.efficiency > 0.0;
  const auto need_per_heat = [&](std::size_t i) {
    return every_chain ? chains[i].efficiency / chains[i].i0 : 1.0;
  };
  // Consumption, heat and need of each class; one generator without a stated R_g leaves the heat
  // unknown, and the row with the generator consuming most alone.
  std::array<double, heating_system_count> consumption{}, heat{}, need{};
  std::array<bool, heating_system_count> electric{};
  bool every_efficiency = true;
  for (std::size_t i = 0; i < generators.size(); ++i) {
    const io::DpeGenerator& g = generators[i];
    const auto k = static_cast<std::size_t>(heating_system_of(g.type_id)->value);
    const double r = stated_efficiency(g);
    every_efficiency = every_efficiency && (r > 0.0 || g.consumption_kwh <= 0.0);
    consumption[k] += g.consumption_kwh;
    heat[k] += g.consumption_kwh * r;
    need[k] += g.consumption_kwh * r * need_per_heat(i);
    electric[k] = electric[k] || g.energy_id == electricity_energy;
  }
  // The main generator: the one giving most heat (the method's base), or consuming most.
  const auto weight = [every_efficiency](const io::DpeGenerator& g) {
    return every_efficiency ? g.consumption_kwh * stated_efficiency(g) : g.consumption_kwh;
  };
  for (std::size_t i = 1; i < generators.size(); ++i)
    if (weight(generators[i]) > weight(generators[out.main])) out.main = i;
  out.main_system = heating_system_of(generators[out.main].type_id)->value;
  out.backup_system = out.main_system;
  const auto m = static_cast<std::size_t>(out.main_system);
  if (!every_efficiency) {
    if (generators.size() > 1)
      out.notes.push_back(fmt::format(
          "approximated: {} heating generators, one without rendement_generation: the row holds the one "
          "consuming most ({})",
          generators.size(), generators[out.main].where.path));
    out.main_efficiency = stated_efficiency(generators[out.main]);
    return out;
  }

  // The second: the other class giving most heat, one burning the other kind of carrier than
  // the main's (electricity against fuels, whose primary factors differ: 2.3 or 1.9 against 1)
  // before any of the main's kind, so that a third class keeps its primary factor by joining
  // the kept generator of its kind (the second, when both are of the main's kind).
  const auto preferred = [&](std::size_t k, std::size_t than) {
    if (electric[k] != electric[than]) return electric[k] != electric[m];
    return heat[k] > heat[than];
  };
  std::size_t second = heating_system_count, others = 0;
  for (std::size_t k = 0; k < heating_system_count; ++k) {
    if (k == m || heat[k] <= 0.0) continue;
    ++others;
    if (second == heating_system_count || preferred(k, second)) second = k;
  }
  if (second == heating_system_count) {
    if (consumption[m] > 0.0) out.main_efficiency = heat[m] / consumption[m];
    if (generators.size() > 1)
      out.notes.push_back(
          fmt::format("approximated: {} heating generators of one class, as one", generators.size()));
    return out;
  }
  double main_heat = heat[m], main_consumption = consumption[m], main_need = need[m], second_heat = 0.0,
         second_consumption = 0.0, second_need = 0.0;
  for (std::size_t k = 0; k < heating_system_count; ++k) {
    if (k == m || heat[k] <= 0.0) continue;
    const bool joins_main = k != second && electric[k] == electric[m] && electric[second] != electric[m];
    (joins_main ? main_heat : second_heat) += heat[k];
    (joins_main ? main_consumption : second_consumption) += consumption[k];
    (joins_main ? main_need : second_need) += need[k];
  }
  out.main_efficiency = main_heat / main_consumption;
  out.backup_system = static_cast<HeatingSystem>(second);
  out.backup_share = second_need / (main_need + second_need);
  bool found = false;
  for (std::size_t i = 0; i < generators.size(); ++i) {
    if (static_cast<std::size_t>(heating_system_of(generators[i].type_id)->value) != second) continue;
    if (!found || weight(generators[i]) > weight(generators[out.backup])) out.backup = i;
    found = true;
  }
  out.backup_efficiency = second_heat / second_consumption;
  if (others > 1)
    out.notes.push_back(
        fmt::format("approximated: heating generators of {} classes, the third and further "
                    "counted with the kept one of their carrier's kind (second: {})",
                    others + 1, heating_system_names[second]));
  return out;
}

}  // namespace coron::stock
