#include "reference_3cl.hpp"

#include "coron/thermal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

// See reference_3cl.hpp. Equations, in the order of thermal-reference.md §4.3.

namespace coron::reference {
namespace {

/// N_adeq of a house (§4.3).
double adequate_occupants(double s_h, Trace& t) {
  double n_max = 0.0;
  if (s_h < 30.0) {
    n_max = 1.0;
    t.occupancy_branch = 0;
  } else if (s_h < 70.0) {
    n_max = 1.75 - 0.01875 * (70.0 - s_h);
    t.occupancy_branch = 1;
  } else {
    n_max = 0.025 * s_h;
    t.occupancy_branch = 2;
  }
  if (n_max < 1.75) return n_max;
  t.occupancy_damped = true;
  return 1.75 + 0.3 * (n_max - 1.75);
}

/// N_adeq of a flat (3CL §11.2 for one flat, whose mean area is its own; Open3CL 11_nadeq.js).
double adequate_occupants_flat(double s_h, Trace& t) {
  double n_max = 0.0;
  if (s_h < 10.0) {
    n_max = 1.0;
    t.occupancy_branch = 0;
  } else if (s_h < 50.0) {
    n_max = 1.75 - 0.01875 * (50.0 - s_h);
    t.occupancy_branch = 1;
  } else {
    n_max = 0.035 * s_h;
    t.occupancy_branch = 2;
  }
  if (n_max < 1.75) return n_max;
  t.occupancy_damped = true;
  return 1.75 + 0.3 * (n_max - 1.75);
}

/// DPE class (0 = A .. 6 = G) of `value` against the six upper limits, strict "<".
int class_against(const std::array<double, 6>& limits, double value) {
  for (int k = 0; k < 6; ++k)
    if (value < limits[static_cast<std::size_t>(k)]) return k;
  return 6;
}

/// The table row of a boiler (3CL generateur_combustion): among the rows of the latest
/// period begun by `year`, the first whose critere_pn admits `pn_kw`.
const BoilerPeriod& table_row(const BoilerPartLoad& b, int year, double pn_kw) {
  int period = b.periods[0].from_year;
  for (std::size_t k = 0; k < b.period_count; ++k)
    if (year >= b.periods[k].from_year && b.periods[k].from_year > period) period = b.periods[k].from_year;
  const BoilerPeriod* found = nullptr;
  for (std::size_t k = b.period_count; k-- > 0;)  // backwards: the first admitting row wins
    if (b.periods[k].from_year == period && (found == nullptr || pn_kw <= b.periods[k].max_pn_kw))
      found = &b.periods[k];
  return *found;
}

/// Loss QP(x) in kW at load x (Open3CL 13.2_generateur_combustion_ch.js QPx), PCS.
double qpx(const BoilerPartLoad& b, const BoilerPeriod& row, double pn, double x) {
  const double k = b.pcs_over_pci;
  const double lg = std::log10(pn);
  const double rpn = 100.0 * ((row.rpn_a + row.rpn_b * lg) / 100.0) / k;
  const double rpint = 100.0 * ((row.rpint_a + row.rpint_b * lg) / 100.0) / k;
  const double qp0 = (row.qp0_a + row.qp0_b * lg) / 100.0 * std::pow(pn, 1.0 + row.qp0_exponent) * k;
  if (b.kind == BoilerKind::solid_fuel) {
    const double qp50 = 0.5 * pn * (100.0 - rpint) / rpint;
    const double qp100 = pn * (100.0 - rpn) / rpn;
    if (x < 0.5) return 0.15 * qp0 + (qp50 - 0.15 * qp0) * x / 0.5;
    return 2.0 * qp50 - qp100 + (qp100 - qp50) * x / 0.5;
  }
  const double tf = b.combustion_regulation ? row.temp_fonc_30_c : b.temp_fonc_100_c;
  double a = 0.1, bb = 50.0;
  if (b.kind == BoilerKind::low_temperature) bb = 40.0;
  if (b.kind == BoilerKind::condensing) {
    a = 0.2;
    bb = 33.0;
  }
  const double qp30 = 0.3 * pn * (100.0 - (rpint + a * (bb - tf))) / (rpint + a * (bb - tf));
  const double qp100 =
      pn * (100.0 - (rpn + 0.1 * (70.0 - b.temp_fonc_100_c))) / (rpn + 0.1 * (70.0 - b.temp_fonc_100_c));
  const double qp15 = qp30 / 2.0;
  if (b.kind == BoilerKind::standard) {
    if (x < 0.3) return 0.15 * qp0 + (qp30 - 0.15 * qp0) * x / 0.3;
    return qp30 + (qp100 - qp30) * (x - 0.3) / 0.7;
  }
  if (x < 0.15) return 0.15 * qp0 + (qp15 - 0.15 * qp0) * x / 0.15;
  if (x < 0.3) return qp15 + (qp30 - qp15) * (x - 0.15) / 0.15;
  return qp30 + (qp100 - qp30) * (x - 0.3) / 0.7;
}

/// R_g (PCI) of a boiler by the load bins of 3CL §13.2.1, as Open3CL calc_generateur_combustion_ch.
double boiler_rg(const BoilerPartLoad& b, int year, double pn_kw_given, double gv, double t_base) {
  const double pn_w =
      pn_kw_given > 0.0 ? 1000.0 * pn_kw_given : 1.2 * gv * (19.0 - t_base) / std::pow(0.95, 3);
  const double cdimref = pn_w / (gv * (19.0 - t_base));
  const double pn = pn_w / 1000.0;
  const BoilerPeriod& row = table_row(b, year, pn);
  const double xs[10] = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
  const double coef[10] = {0.1, 0.25, 0.2, 0.15, 0.1, 0.1, 0.05, 0.025, 0.025, 0.0};
  double pm_fou = 0.0, pm_cons = 0.0;
  for (int j = 0; j < 10; ++j) {
    const double x_final = std::min(1.0, xs[j] / cdimref);
    const double px = pn * x_final;
    const double pfou = px * coef[j];
    pm_fou += pfou;
    pm_cons += pfou * (1.0 + qpx(b, row, pn, x_final) / px);
  }
  const double lg = std::log10(pn);
  const double qp0_kw = (row.qp0_a + row.qp0_b * lg) / 100.0 * std::pow(pn, 1.0 + row.qp0_exponent);
  return pm_fou / (pm_cons + 0.45 * qp0_kw) * b.pcs_over_pci;
}

}  // namespace

Result evaluate(const ThermalInputs& in, std::size_t i, const ThermalParams& p, const YearFactors& year,
                Trace* trace) {
  Trace local;
  Trace& t = trace ? *trace : local;
  t = Trace{};

  const double s_h = in.floor_area_m2[i];
  const double h_sp = in.ceiling_height_m[i];
  const std::size_t inertia = in.inertia[i];
  const HeatingSystemParams& heating = p.heating[in.heating_system[i]];
  const DhwSystemParams& dhw = p.dhw[in.dhw_system[i]];
  const VentilationParams& vent = p.ventilation[in.ventilation[i]];

  // --- GV (W/K) = sum b.U.A + thermal bridges + H_vent + H_perm ---
  const double window_m2 =
      in.window_south_m2[i] + in.window_east_m2[i] + in.window_west_m2[i] + in.window_north_m2[i];
  double dr = 0.0;
  dr += 1.0 * in.u_wall_w_per_m2k[i] * in.wall_area_m2[i];
  dr += in.b_roof[i] * in.u_roof_w_per_m2k[i] * in.roof_area_m2[i];
  dr += in.b_floor[i] * in.u_floor_w_per_m2k[i] * in.ground_floor_area_m2[i];
  dr += in.u_window_w_per_m2k[i] * window_m2;
  dr += in.u_door_w_per_m2k[i] * in.door_area_m2[i];
  dr += in.thermal_bridges_w_per_k[i];

  const double h_vent = 0.34 * vent.q_varep_m3_per_h_m2 * s_h;

  double s_dep = in.wall_area_m2[i] + window_m2 + in.door_area_m2[i];
  if (in.b_roof[i] > 0.0) s_dep += in.roof_area_m2[i];
  const double q4pa = in.q4pa_conv_m3_per_h_m2[i] * s_dep + 0.45 * vent.s_mea_m3_per_h_m2 * s_h;
  double e = 0.02, f = 20.0;
  if (in.multiple_exposed_facades[i] != 0) {
    e = 0.07;
    f = 15.0;
    t.several_facades = true;
  }
  double h_perm = 0.0;
  if (q4pa > 0.0) {
    const double n50 = q4pa / (std::pow(4.0 / 50.0, 2.0 / 3.0) * h_sp * s_h);
    const double ratio = (vent.q_vasouf_m3_per_h_m2 - vent.q_varep_m3_per_h_m2) / (h_sp * n50);
    const double q_vinf = h_sp * s_h * n50 * e / (1.0 + (f / e) * std::pow(ratio, 2.0));
    h_perm = 0.34 * q_vinf;
  } else {
    t.airtight = true;
  }
  const double gv = dr + h_vent + h_perm;

  // --- Climate variant: ilpa = 1 for the inertia classes the method data name ---
  const int ilpa = p.ilpa_by_inertia[inertia] != 0 ? 1 : 0;
  t.ilpa = ilpa;
  // The dwelling's zone and altitude class pick its climate table: zone-major, 3 altitudes each.
  const ClimateTable& table = p.climate[in.climate_zone[i] * 3u + in.altitude_class[i]];
  const ClimateVariant& climate = table.variant[static_cast<std::size_t>(ilpa)];

  // --- Hot-water need B_ecs (kWh), which the heating need recovers a part of ---
  const bool flat = in.dwelling_type[i] == static_cast<std::uint8_t>(DwellingType::flat);
  const double n_adeq = flat ? adequate_occupants_flat(s_h, t) : adequate_occupants(s_h, t);
  double dhw_need_kwh = 0.0;
  for (std::size_t j = 0; j < months; ++j)
    dhw_need_kwh += 1.163 * n_adeq * p.dhw_litres_per_occupant_day *
                    (p.dhw_hot_water_c - table.cold_water_c[j]) * table.days[j] / 1000.0;
  const double b_wh = dhw_need_kwh * 1000.0;
  // Storage loss Q_gw of the hot-water generator, Wh/yr (Open3CL 14_generateur_ecs.js calc_Qgw).
  double q_gw = 0.0;
  if (dhw.generator == DhwGenerator::boiler && dhw.storage_l > 0.0)
    q_gw = 67662.0 * std::pow(dhw.storage_l, 0.55);
  if (dhw.generator == DhwGenerator::electric_tank)
    q_gw = 8592.0 * 45.0 / 24.0 * dhw.storage_l * dhw.storage_loss_cr;
  // A dwelling's own generation efficiency comes with its own tanks' loss.
  const bool own_dhw = in.dhw_efficiency[i] > 0.0;
  if (own_dhw) q_gw = 1000.0 * in.dhw_storage_loss_kwh[i];

  // --- Hot-water losses recovered in month j (Wh), Open3CL 9_besoin_ch.js calc_qrec:
  //     0.48 N_ref19,j / 8760 (Tau B_ecs + Q_gw if the dwelling's own tank is inside) ---
  const bool collective = in.dhw_collective[i] != 0;
  const double tau = collective ? 0.212 : 0.1;
  double recovered_yearly_wh = tau * b_wh;
  if (!collective && in.dhw_storage_in_heated_volume[i] != 0) recovered_yearly_wh += q_gw;

  // --- Monthly need: B_ch = sum_j max(GV (1 - F_j) DH19_j - recovered_j, 0) / 1000 ---
  const double alpha = p.gain_exponent_alpha[inertia];
  const double g = in.g_window[i];
  double need_wh = 0.0;
  for (std::size_t j = 0; j < months; ++j) {
    const double dh19 = climate.dh19_kh[j];
    if (!(dh19 > 0.0)) continue;
    const double a_i = (p.internal_gain_w_per_m2 * s_h + p.occupant_gain_wh * n_adeq) * climate.nref19_h[j];
    // S_se,j = sum over glazing of A . S_w . F_e . C1 (C1 folded into the irradiation per
    // orientation), each facade's glazing at its sun factor
    const double a_s = 1000.0 * (in.window_south_m2[i] * in.window_south_sun_factor[i] * g *
                                     p.window_shading_factor * climate.sun_south_kwh_m2[j] +
                                 in.window_east_m2[i] * in.window_east_sun_factor[i] * g *
                                     p.window_shading_factor * climate.sun_east_kwh_m2[j] +
                                 in.window_west_m2[i] * in.window_west_sun_factor[i] * g *
                                     p.window_shading_factor * climate.sun_west_kwh_m2[j] +
                                 in.window_north_m2[i] * in.window_north_sun_factor[i] * g *
                                     p.window_shading_factor * climate.sun_north_kwh_m2[j]);
    const double x = (a_s + a_i) / (gv * dh19);
    double f_j = 0.0;
    if (x == 1.0) {
      f_j = (alpha - 1.0) / alpha;  // the limit of (X - X^a)/(1 - X^a) at X = 1
      t.gain_ratio_one = true;
    } else {
      f_j = (x - std::pow(x, alpha)) / (1.0 - std::pow(x, alpha));
    }
    const double bv = gv * (1.0 - f_j);
    const double recovered_wh = 0.48 * climate.nref19_h[j] / 8760.0 * recovered_yearly_wh;
    t.recovered_kwh += recovered_wh / 1000.0;
    if (recovered_wh > bv * dh19) t.recovery_clipped = true;
    need_wh += std::max(bv * dh19 - recovered_wh, 0.0);
  }
  const double need_kwh = need_wh / 1000.0;

  // --- Heating: C_ch = B_ch . INT / (R_g R_e R_d R_r), INT = I0 / (1 + 0.1 (G - 1)) ---
  const double g_vol = gv / (s_h * h_sp);
  const double i0 = in.heating_i0[i] > 0.0 ? in.heating_i0[i] : heating.intermittence_i0[inertia];
  const double intermittence = i0 / (1.0 + 0.1 * (g_vol - 1.0));
  double r_g = heating.generation_efficiency;
  const int generator_year = in.heating_generator_year[i];
  if (in.heating_generation_efficiency[i] > 0.0) {
    r_g = in.heating_generation_efficiency[i];  // the certificate's own, at its load
  } else if (generator_year > 0 && heating.part_load.enabled && heating.part_load.period_count > 0) {
    r_g = boiler_rg(heating.part_load, generator_year, in.heating_nominal_power_kw[i], gv,
                    p.base_temperature_c[climate_index(in.climate_zone[i], in.altitude_class[i])]);
    t.part_load = true;
  } else if (generator_year > 0 && heating.scop.period_count > 0) {
    // tv.js scop: the latest row whose period has begun by the generator's year; zone H3 apart.
    std::size_t row = 0;
    for (std::size_t k = 0; k < heating.scop.period_count; ++k)
      if (heating.scop.periods[k].from_year <= generator_year) row = k;
    const bool h3 = in.climate_zone[i] == 7;
    r_g = h3 ? heating.scop.periods[row].scop_h3 : heating.scop.periods[row].scop_h1_h2;
  }
  const double chain =
      in.heating_emitter_efficiency[i] > 0.0
          ? in.heating_emitter_efficiency[i]
          : heating.emission_efficiency * heating.distribution_efficiency * heating.regulation_efficiency;
  // Two generators (3CL §9.1.4): C_ch = B_ch ((1 - s) INT / (R_e R_d R_r R_g) + s INT_2 / (R_e R_d R_r
  // R_g)_2), the second one with its own R_g or its class's fixed one, through its own emitters (I0,
  // R_e R_d R_r) where given, else the main one's.
  const double share = in.heating_backup_share[i];
  const HeatingSystemParams& backup = p.heating[in.heating_backup_system[i]];
  const double r_g_backup = in.heating_backup_generation_efficiency[i] > 0.0
                                ? in.heating_backup_generation_efficiency[i]
                                : backup.generation_efficiency;
  const double i0_backup = in.heating_backup_i0[i] > 0.0 ? in.heating_backup_i0[i] : i0;
  const double intermittence_backup = i0_backup / (1.0 + 0.1 * (g_vol - 1.0));
  const double chain_backup =
      in.heating_backup_emitter_efficiency[i] > 0.0 ? in.heating_backup_emitter_efficiency[i] : chain;
  const double main_kwh = need_kwh * intermittence * (1.0 - share) / (r_g * chain);
  const double backup_kwh = need_kwh * intermittence_backup * share / (r_g_backup * chain_backup);
  const double heating_kwh = main_kwh + backup_kwh;

  // --- Hot water: the generator's efficiency for the need ---
  double generation = 1.0;
  if (own_dhw) {
    generation = in.dhw_efficiency[i];  // at the need, the tank's loss included
  } else if (dhw.generator == DhwGenerator::boiler) {
    generation = 1.0 / (1.0 / dhw.nominal_efficiency + (1790.0 * dhw.standby_loss_w + q_gw) / b_wh +
                        6970.0 * 0.5 * dhw.pilot_w / b_wh);
  } else if (dhw.generator == DhwGenerator::electric_tank) {
    generation = 1.0 / (1.0 + q_gw * dhw.distribution_efficiency / b_wh);
  } else {
    generation = dhw.nominal_efficiency;  // COP
  }
  const double r_d = in.dhw_distribution_efficiency[i] > 0.0 ? in.dhw_distribution_efficiency[i]
                                                             : dhw.distribution_efficiency;
  // A dwelling's own generation may add a loss whatever the need (an electric tank's Q_gw R_d).
  const double standing_kwh = own_dhw ? in.dhw_standing_loss_kwh[i] : 0.0;
  const double dhw_kwh = (dhw_need_kwh / generation + standing_kwh) / r_d;

  // --- Lighting, auxiliaries (electricity) ---
  const double lighting_kwh = table.lighting_kwh_per_m2 * s_h;
  double heating_hours = 0.0;
  for (std::size_t j = 0; j < months; ++j) heating_hours += climate.nref19_h[j];
  // Fans: a house's per dwelling (and m2), a flat's per m2 of flow (3CL §5).
  const double fan_kwh = flat ? vent.flat_auxiliary_kwh_per_m2 * s_h
                              : vent.auxiliary_kwh_per_dwelling + vent.auxiliary_kwh_per_m2 * s_h;
  // The circulator (3CL §15.2.1), written out as the method states it: the design power in kW,
  // the flow in m3/h, the longest run in m, the network's pressure drop in kPa.
  double circulator_w = 0.0;
  if (heating.water_network) {
    const CirculatorParams& c = p.circulator;
    const double t_base = p.base_temperature_c[climate_index(in.climate_zone[i], in.altitude_class[i])];
    const double p_nc_kw = gv * (20.0 - t_base) / 1000.0;
    const double delta_t = in.heating_design_temperature_drop_k[i] > 0.0
                               ? in.heating_design_temperature_drop_k[i]
                               : c.design_temperature_drop_k;
    const double q_m3_h = p_nc_kw / (1.163 * delta_t);
    const double l_em = 5.0 * c.length_factor * (c.levels + std::sqrt(s_h / c.levels));
    const double dp_kpa = in.heating_network_pressure_drop_kpa[i] > 0.0
                              ? in.heating_network_pressure_drop_kpa[i]
                              : 0.15 * l_em + c.emitter_pressure_drop_kpa;
    const double big = s_h > 400.0 ? s_h / 400.0 : 1.0;
    circulator_w = 6.44 * std::pow(dp_kpa * q_m3_h / big, 0.676) * big;
    if (circulator_w < c.minimum_w) circulator_w = c.minimum_w;
  }
  const double auxiliary_kwh = heating.auxiliary_kwh_per_kwh_need * need_kwh +
                               circulator_w * heating_hours / 1000.0 + heating.auxiliary_kwh_per_m2 * s_h +
                               fan_kwh;

  // --- Primary energy and GHG per m2 ---
  const auto heat_c = static_cast<std::size_t>(heating.carrier);
  const auto backup_c = static_cast<std::size_t>(backup.carrier);
  const auto dhw_c = static_cast<std::size_t>(dhw.carrier);
  const double pef_elec = year.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)];
  const double primary =
      main_kwh * year.primary_energy_factor[heat_c] + backup_kwh * year.primary_energy_factor[backup_c] +
      dhw_kwh * year.primary_energy_factor[dhw_c] + lighting_kwh * pef_elec + auxiliary_kwh * pef_elec;
  // A heat network's GHG content, when the row gives it, replaces its carrier's (main generator
  // and hot water; a second generator keeps its carrier's).
  const double heat_ghg =
      in.heating_ghg_factor[i] > 0.0 ? in.heating_ghg_factor[i] : p.ghg_heating_kg_per_kwh[heat_c];
  const double dhw_ghg = in.dhw_ghg_factor[i] > 0.0 ? in.dhw_ghg_factor[i] : p.ghg_dhw_kg_per_kwh[dhw_c];
  const double ghg = main_kwh * heat_ghg + backup_kwh * p.ghg_heating_kg_per_kwh[backup_c] +
                     dhw_kwh * dhw_ghg + lighting_kwh * p.ghg_electricity_lighting_kg_per_kwh +
                     auxiliary_kwh * p.ghg_electricity_auxiliary_kg_per_kwh;

  Result r;
  r.heating_need_kwh = need_kwh;
  r.final_energy_kwh = heating_kwh + dhw_kwh + lighting_kwh + auxiliary_kwh;
  r.heating_final_kwh = heating_kwh;
  r.heating_backup_final_kwh = backup_kwh;
  r.dhw_final_kwh = dhw_kwh;
  r.electricity_other_kwh = lighting_kwh + auxiliary_kwh;
  r.primary_energy_kwh_m2 = primary / s_h;
  r.ghg_kg_m2 = ghg / s_h;

  // --- Label: the 2024 row round(S) below 40 m2 (row 8 below 8 m2), else the general limits ---
  std::array<double, 6> cep_limits = p.cep_limits_kwh_m2;
  std::array<double, 6> eges_limits = p.eges_limits_kg_m2;
  const double rounded = std::floor(s_h + 0.5);
  if (rounded < 40.0) {
    t.small_dwelling = true;
    const double row_m2 = rounded < 8.0 ? 8.0 : rounded;
    const auto row = static_cast<std::size_t>(row_m2 - 8.0);
    cep_limits = p.small_cep_limits_kwh_m2[row];
    eges_limits = p.small_eges_limits_kg_m2[row];
  }
  r.energy_class = class_against(cep_limits, r.primary_energy_kwh_m2);
  r.climate_class = class_against(eges_limits, r.ghg_kg_m2);
  if (r.climate_class > r.energy_class) {
    r.label = r.climate_class;
    t.worse_side = 1;
  } else if (r.energy_class > r.climate_class) {
    r.label = r.energy_class;
    t.worse_side = -1;
  } else {
    r.label = r.energy_class;
  }
  return r;
}

}  // namespace coron::reference
