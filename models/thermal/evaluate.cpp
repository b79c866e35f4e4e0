#include "boiler_efficiency.hpp"
#include "circulator.hpp"
#include "dpe_class.hpp"
#include "gains.hpp"
#include "heat_loss.hpp"
#include "heat_pump_scop.hpp"
#include "kernel.hpp"
#include "monthly_need.hpp"
#include "systems.hpp"

#include "coron/thermal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

// One dwelling-year of the 3CL-DPE method, for a range of dwellings.
//
// Layout for speed: everything that does not depend on the dwelling (efficiency products,
// primary and GHG factors per system) is folded once per call; what depends on the climate
// (packed months, heating hours, hot-water need per occupant) once per climate met, kept
// from one chunk to the next while the climate stays the same (a whole stock in one zone
// packs it once). The range is then taken in chunks of `chunk` dwellings, each
// in five passes over small stack arrays (structure of arrays; 20 KiB, plus the slots of the
// month columns the chunk's climates use, in L1):
//   0. the system constants of each dwelling, looked up by its ids;
//   1. per-dwelling invariants: GV and 1/GV, solar collecting areas, internal gains,
//      N_adeq, intermittence, alpha and 1/alpha;
//   2. the heating months, over the chunk's dwellings grouped by climate (zone and altitude
//      class, then variant ilpa 0 or 1; each group padded to a multiple of 4 lanes) so that
//      each group's loop has its climate's month constants as invariants;
//   3. final energy by use and in all, primary energy and GHG, written to the output columns;
//   4. the labels.
// Passes 1-3 are straight-line code over contiguous arrays of doubles (selects, no branch, no call,
// fast_math's log and expm1), which the compiler runs 2 (SSE2) or 4 (AVX2) dwellings at
// a time. Each dwelling's result depends only on its own row, through the same
// operations in the same order whatever its lane, chunk or range: results are
// bit-identical for any split of the stock and any thread count. No allocation, no
// virtual call; rows outside [begin, end) are never touched.

namespace coron::detail {
namespace {

/// Dwellings per chunk: large enough to amortise each loop's set-up, small enough for the
/// chunk's 40 arrays (20 KiB) to stay in L1 next to the input rows.
constexpr std::size_t chunk = 64;
/// Dwellings whose circulator power is computed side by side (a divisor of chunk).
constexpr std::size_t circulator_batch = 8;
static_assert(chunk % circulator_batch == 0);

/// Heating months evaluated side by side in pass 2: all 9 of H1a below 400 m at once. Fewer (3) leave
/// the processor waiting on the chains' latency; measured 30 vs 37 ns per dwelling.
constexpr std::size_t months_together = 9;

/// Per-system constants folded once per call, one column per quantity, indexed by the
/// dwelling's system id.
struct SystemTables {
  std::array<double, ventilation_count> q_varep{}, q_vasouf{}, s_mea{};
  /// Fan electricity by dwelling type (house, flat): 3CL §5 counts a flat's per m2 of flow.
  std::array<std::array<double, ventilation_count>, dwelling_type_count> vent_aux_per_dwelling{},
      vent_aux_per_m2{};
  std::array<std::array<double, inertia_count>, heating_system_count> i0{};
  std::array<double, heating_system_count> water_network{}, heat_input_per_need{}, heat_pef{}, heat_ghg{},
      heat_aux_per_kwh_need{}, heat_aux_per_m2{};
  /// 1 / (R_e R_d R_r): what a per-dwelling R_g divides.
  std::array<double, heating_system_count> heat_input_per_generated{};
  /// 1 / R_g: what a per-dwelling R_e R_d R_r divides.
  std::array<double, heating_system_count> inv_generation{};
  std::array<bool, heating_system_count> part_load{}, scop{};
  std::array<double, dhw_system_count> dhw_inv_nominal{}, dhw_fixed_loss_kwh{}, dhw_storage_loss_wh{},
      dhw_inv_distribution{}, dhw_pef{}, dhw_ghg{};
  std::array<double, inertia_count> alpha{}, inv_alpha{}, ilpa{};
};

SystemTables fold_systems(const ThermalParams& p, const YearFactors& y) noexcept {
  SystemTables t;
  for (std::size_t s = 0; s < ventilation_count; ++s) {
    const VentilationParams& v = p.ventilation[s];
    t.q_varep[s] = v.q_varep_m3_per_h_m2;
    t.q_vasouf[s] = v.q_vasouf_m3_per_h_m2;
    t.s_mea[s] = v.s_mea_m3_per_h_m2;
    t.vent_aux_per_dwelling[0][s] = v.auxiliary_kwh_per_dwelling;
    t.vent_aux_per_m2[0][s] = v.auxiliary_kwh_per_m2;
    t.vent_aux_per_m2[1][s] = v.flat_auxiliary_kwh_per_m2;
  }
  for (std::size_t s = 0; s < heating_system_count; ++s) {
    const HeatingSystemParams& h = p.heating[s];
    const auto c = static_cast<std::size_t>(h.carrier);
    t.i0[s] = h.intermittence_i0;
    t.water_network[s] = h.water_network ? 1.0 : 0.0;
    t.heat_input_per_need[s] = heating_input_per_output(h);
    t.inv_generation[s] = 1.0 / h.generation_efficiency;
    t.heat_input_per_generated[s] =
        1.0 / (h.emission_efficiency * h.distribution_efficiency * h.regulation_efficiency);
    t.part_load[s] = h.part_load.enabled && h.part_load.period_count > 0;
    t.scop[s] = h.scop.period_count > 0;
    t.heat_pef[s] = y.primary_energy_factor[c];
    t.heat_ghg[s] = p.ghg_heating_kg_per_kwh[c];
    t.heat_aux_per_kwh_need[s] = h.auxiliary_kwh_per_kwh_need;
    t.heat_aux_per_m2[s] = h.auxiliary_kwh_per_m2;
  }
  for (std::size_t s = 0; s < dhw_system_count; ++s) {
    const auto c = static_cast<std::size_t>(p.dhw[s].carrier);
    const DhwGeneration g = dhw_generation(p.dhw[s]);
    t.dhw_inv_nominal[s] = g.inv_nominal;
    t.dhw_fixed_loss_kwh[s] = g.fixed_loss_wh / 1000.0;
    t.dhw_storage_loss_wh[s] = g.storage_loss_wh;
    t.dhw_inv_distribution[s] = 1.0 / p.dhw[s].distribution_efficiency;
    t.dhw_pef[s] = y.primary_energy_factor[c];
    t.dhw_ghg[s] = p.ghg_dhw_kg_per_kwh[c];
  }
  for (std::size_t k = 0; k < inertia_count; ++k) {
    t.alpha[k] = p.gain_exponent_alpha[k];
    t.inv_alpha[k] = 1.0 / p.gain_exponent_alpha[k];
    t.ilpa[k] = p.ilpa_by_inertia[k] != 0 ? 1.0 : 0.0;
  }
  return t;
}

/// Climate groups of pass 2: one per (climate_index, ilpa), numbered climate_index . 2 + ilpa.
constexpr std::size_t climate_group_count = climate_count * climate_variant_count;

/// What depends on one climate, folded when a chunk first meets it.
struct ClimateConstants {
  HeatingMonths months;
  std::array<double, climate_variant_count> heating_hours{};  ///< sum_j N_ref19,j by variant
  double dhw_need_per_occupant_kwh = 0.0;
};

void fold_climate(const ThermalParams& p, const ClimateTable& c, ClimateConstants& out) noexcept {
  out.months = pack_heating_months(c);
  for (std::size_t v = 0; v < climate_variant_count; ++v) {
    double hours = 0.0;
    for (std::size_t j = 0; j < months; ++j) hours += c.variant[v].nref19_h[j];
    out.heating_hours[v] = hours;
  }
  out.dhw_need_per_occupant_kwh = detail::dhw_need_per_occupant_kwh(p, c);
}

/// One chunk's columns: the system constants of each dwelling (pass 0), its invariants
/// (pass 1), its need (pass 2) and results (pass 3).
struct ChunkArrays {
  using Column = std::array<double, chunk>;
  Column q_varep, q_vasouf, s_mea, exposure_e, exposure_f_over_e, i0, flat;
  Column heat_input_per_need, heat_pef, heat_ghg, backup_share, backup_input_per_need, backup_pef, backup_ghg,
      heat_aux_per_kwh_need, heat_aux_per_dwelling, heat_aux_per_m2, vent_aux_per_dwelling, vent_aux_per_m2,
      dhw_inv_nominal, dhw_fixed_loss_kwh, dhw_storage_loss_wh, dhw_collective, dhw_storage_in_heated_volume,
      dhw_inv_distribution, dhw_pef, dhw_ghg, lighting_kwh_per_m2, dhw_need_per_occupant_kwh;
  Column base_temperature_c;                    ///< T_base of the dwelling's climate
  Column circulator_load, circulator_networks;  ///< dP_nom Q_nom / f and f (circulator.hpp)
  Column gv_w_per_k, inv_gv, solar_south_m2, solar_east_m2, solar_west_m2, solar_north_m2, internal_w, n_adeq,
      intermittence, need_wh, need_kwh, final_kwh, heating_final_kwh, backup_final_kwh, dhw_final_kwh,
      electricity_kwh, cep, eges, label;
  /// The slot of each dwelling in the month columns (MonthColumns): the dwellings of each
  /// climate group together, groups in order, each starting at a multiple of lane_pad.
  std::array<std::uint8_t, chunk> slot;
  std::array<std::uint8_t, chunk> group;  ///< climate group of each dwelling
};

/// What the month loop reads and writes, grouped by climate group (ChunkArrays::slot), so
/// that the loop over one group's dwellings has that climate's month constants as loop
/// invariants. Each group is padded up to a multiple of `lane_pad` slots with harmless
/// values, so that the vectorised month loop never falls into its scalar remainder (the
/// groups' odd ends would otherwise cost a few dwellings at scalar speed per chunk). At most
/// every group is met in a chunk, each with lane_pad - 1 slots of padding.
inline constexpr std::size_t lane_pad = 4;
inline constexpr std::size_t month_slots = chunk + (lane_pad - 1) * climate_group_count;
static_assert(month_slots <= 256, "slots are bytes");
struct MonthColumns {
  using Column = std::array<double, month_slots>;
  Column solar_south_m2, solar_east_m2, solar_west_m2, solar_north_m2, internal_w, inv_gv, alpha, inv_alpha,
      need_wh;
  /// The hot-water losses recovered per heating hour, over GV (recovered_w / GV, K): they
  /// depend on the climate's hot-water need, so are set per climate group.
  Column recovered_per_gv;
  /// What recovered_per_gv is made of: N_adeq and the hot-water installation.
  Column n_adeq, dhw_storage_loss_wh, dhw_collective, dhw_storage_in_heated_volume;
};

/// X = (A_s + A_i) / (GV DH19) of slot `s` in month `m`.
[[gnu::always_inline]] inline double gain_ratio(const MonthColumns& a, std::size_t s,
                                                const MonthClimate& m) noexcept {
  const double gains_wh = a.solar_south_m2[s] * m.sun_south_wh_m2 + a.solar_east_m2[s] * m.sun_east_wh_m2 +
                          a.solar_west_m2[s] * m.sun_west_wh_m2 + a.solar_north_m2[s] * m.sun_north_wh_m2 +
                          a.internal_w[s] * m.nref19_h;
  return gains_wh * a.inv_gv[s] * m.inv_dh19_per_kh;
}

/// One month's need over GV (Wh/K): the losses not covered by gains, less the hot-water
/// losses recovered, never below 0 (3CL §9.1.1).
[[gnu::always_inline]] inline double month_need(double unutilised, const MonthClimate& m,
                                                double recovered_per_gv) noexcept {
  const double need = unutilised * m.dh19_kh - recovered_per_gv * m.nref19_h;
  return select(need > 0.0, need, 0.0);
}

/// B_ch (Wh/K, before the factor GV) of slots [first, last), all of one climate variant:
/// sum_j max((1 - F_j) DH19_j - N_ref19,j recovered / GV, 0). The months together in one loop over the slots:
/// each month's utilisation is a long chain of dependent operations (two divisions, log, expm1), and
/// independent chains side by side keep the processor busy where one would leave it
/// waiting. The months are still added in calendar order, and each gives the same bits
/// whatever its group.
[[gnu::always_inline]] inline void accumulate_need(MonthColumns& a, std::size_t first, std::size_t last,
                                                   const std::array<MonthClimate, months>& climate,
                                                   std::size_t count) noexcept {
  for (std::size_t s = first; s < last; ++s) a.need_wh[s] = 0.0;
  std::size_t k = 0;
  for (; k + months_together <= count; k += months_together) {
    std::array<MonthClimate, months_together> m{};
    for (std::size_t j = 0; j < months_together; ++j) m[j] = climate[k + j];
    for (std::size_t s = first; s < last; ++s) {
      Batch<months_together> x{};
      for (std::size_t j = 0; j < months_together; ++j) x[j] = gain_ratio(a, s, m[j]);
      const Batch<months_together> u = unutilised_fraction(x, a.alpha[s], a.inv_alpha[s]);
      double need_wh = a.need_wh[s];
      for (std::size_t j = 0; j < months_together; ++j)
        need_wh += month_need(u[j], m[j], a.recovered_per_gv[s]);
      a.need_wh[s] = need_wh;
    }
  }
  for (; k < count; ++k) {
    const MonthClimate m = climate[k];
    for (std::size_t s = first; s < last; ++s)
      a.need_wh[s] += month_need(unutilised_fraction(gain_ratio(a, s, m), a.alpha[s], a.inv_alpha[s]), m,
                                 a.recovered_per_gv[s]);
  }
}

/// The whole kernel, inlined into one function per instruction set.
[[gnu::always_inline]] inline void evaluate_range(const ThermalInputs& in, const ThermalParams& params,
                                                  const YearFactors& year, const ThermalOutputs& out,
                                                  std::size_t begin, std::size_t end) noexcept {
  const SystemTables sys = fold_systems(params, year);
  const double c_4_50 = std::cbrt((4.0 / 50.0) * (4.0 / 50.0));  // (4/50)^(2/3)
  const double pef_electricity = year.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)];
  const double occupant_gain_w = params.occupant_gain_wh;  // Wh per heating hour = W
  const double internal_gain_w_per_m2 = params.internal_gain_w_per_m2;
  const double collect_factor = params.window_shading_factor;
  const double ghg_lighting = params.ghg_electricity_lighting_kg_per_kwh;
  const double ghg_auxiliary = params.ghg_electricity_auxiliary_kg_per_kwh;
  const std::array<double, 6> cep_limits = params.cep_limits_kwh_m2;
  const std::array<double, 6> eges_limits = params.eges_limits_kg_m2;

  // Input and output columns as plain pointers. Pass 3 writes its results to the chunk's
  // arrays, then copies them out: the compiler could not otherwise prove that the output
  // columns do not overlap the inputs, and would not vectorise it.
  const double* const floor_area = in.floor_area_m2.data();
  const double* const height = in.ceiling_height_m.data();
  const double* const wall = in.wall_area_m2.data();
  const double* const u_wall = in.u_wall_w_per_m2k.data();
  const double* const roof = in.roof_area_m2.data();
  const double* const u_roof = in.u_roof_w_per_m2k.data();
  const double* const b_roof = in.b_roof.data();
  const double* const ground = in.ground_floor_area_m2.data();
  const double* const u_floor = in.u_floor_w_per_m2k.data();
  const double* const b_floor = in.b_floor.data();
  const double* const win_south = in.window_south_m2.data();
  const double* const win_east = in.window_east_m2.data();
  const double* const win_west = in.window_west_m2.data();
  const double* const win_north = in.window_north_m2.data();
  const double* const u_window = in.u_window_w_per_m2k.data();
  const double* const g_window = in.g_window.data();
  const double* const sun_south = in.window_south_sun_factor.data();
  const double* const sun_east = in.window_east_sun_factor.data();
  const double* const sun_west = in.window_west_sun_factor.data();
  const double* const sun_north = in.window_north_sun_factor.data();
  const double* const door = in.door_area_m2.data();
  const double* const u_door = in.u_door_w_per_m2k.data();
  const double* const bridges = in.thermal_bridges_w_per_k.data();
  const double* const q4pa_conv = in.q4pa_conv_m3_per_h_m2.data();
  const std::uint8_t* const facades = in.multiple_exposed_facades.data();
  const std::uint8_t* const ventilation = in.ventilation.data();
  const std::uint8_t* const dwelling_type = in.dwelling_type.data();
  const std::uint8_t* const inertia = in.inertia.data();
  const std::uint8_t* const heating = in.heating_system.data();
  const std::uint8_t* const dhw = in.dhw_system.data();
  const std::uint8_t* const zone = in.climate_zone.data();
  const std::uint8_t* const altitude = in.altitude_class.data();
  const std::int16_t* const generator_year = in.heating_generator_year.data();
  const double* const nominal_power_kw = in.heating_nominal_power_kw.data();
  const double* const dwelling_i0 = in.heating_i0.data();
  const double* const emitter_efficiency = in.heating_emitter_efficiency.data();
  const double* const generation_efficiency = in.heating_generation_efficiency.data();
  const std::uint8_t* const backup = in.heating_backup_system.data();
  const double* const backup_share = in.heating_backup_share.data();
  const double* const backup_generation_efficiency = in.heating_backup_generation_efficiency.data();
  const double* const backup_i0 = in.heating_backup_i0.data();
  const double* const backup_emitter_efficiency = in.heating_backup_emitter_efficiency.data();
  const double* const network_pressure_drop = in.heating_network_pressure_drop_kpa.data();
  const double* const design_temperature_drop = in.heating_design_temperature_drop_k.data();
  const std::uint8_t* const dhw_collective = in.dhw_collective.data();
  const std::uint8_t* const storage_in_heated_volume = in.dhw_storage_in_heated_volume.data();
  const double* const dhw_efficiency = in.dhw_efficiency.data();
  const double* const dhw_standing_loss_kwh = in.dhw_standing_loss_kwh.data();
  const double* const dhw_distribution_efficiency = in.dhw_distribution_efficiency.data();
  const double* const dhw_storage_loss_kwh = in.dhw_storage_loss_kwh.data();
  const double* const heating_ghg_factor = in.heating_ghg_factor.data();
  const double* const dhw_ghg_factor = in.dhw_ghg_factor.data();

  ChunkArrays a;
  MonthColumns m;
  ClimateConstants climate;            // of climate `folded`
  std::size_t folded = climate_count;  // none yet
  std::array<double, climate_group_count> group_hours{}, group_dhw_need{};
  for (std::size_t c0 = begin; c0 < end; c0 += chunk) {
    const std::size_t n = end - c0 < chunk ? end - c0 : chunk;

    // The chunk's dwellings by climate group: each group's slots from the next multiple of
    // lane_pad after the previous group's, in row order within a group.
    std::array<std::uint8_t, climate_group_count> count{}, first{}, next{};
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = c0 + i;
      const std::size_t ilpa = sys.ilpa[inertia[r]] != 0.0 ? 1 : 0;
      const std::size_t g = climate_index(zone[r], altitude[r]) * climate_variant_count + ilpa;
      a.group[i] = static_cast<std::uint8_t>(g);
      ++count[g];
    }
    {
      std::size_t offset = 0;
      for (std::size_t g = 0; g < climate_group_count; ++g) {
        first[g] = next[g] = static_cast<std::uint8_t>(offset);
        offset += (count[g] + lane_pad - 1) / lane_pad * lane_pad;
      }
      for (std::size_t i = 0; i < n; ++i) a.slot[i] = next[a.group[i]]++;
    }

    // Pass 0: each dwelling's system constants, looked up by id. Kept apart so that the
    // arithmetic passes read only doubles, contiguous (no gather, no byte-sized lanes).
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = c0 + i;
      const std::size_t v = ventilation[r], h = heating[r], w = dhw[r], k = inertia[r], d = dwelling_type[r];
      const Exposure x = facades[r] != 0 ? multiple_facade_exposure : single_facade_exposure;
      a.q_varep[i] = sys.q_varep[v];
      a.q_vasouf[i] = sys.q_vasouf[v];
      a.s_mea[i] = sys.s_mea[v];
      a.vent_aux_per_dwelling[i] = sys.vent_aux_per_dwelling[d][v];
      a.vent_aux_per_m2[i] = sys.vent_aux_per_m2[d][v];
      a.flat[i] = static_cast<double>(d);
      a.exposure_e[i] = x.e;
      a.exposure_f_over_e[i] = x.f_over_e;
      // The dwelling's own I0 (its emitters, control and programmer, 3CL section 8) when the stock
      // knows it, else its heating class's by inertia.
      a.i0[i] = dwelling_i0[r] > 0.0 ? dwelling_i0[r] : sys.i0[h][k];
      // The dwelling's own R_e R_d R_r (its emitters and network, 3CL section 9.1) and R_g (its
      // certificate's, §12-13) when the stock knows them, else its heating class's.
      const bool own_generation = generation_efficiency[r] > 0.0;
      const double inv_generation = own_generation ? 1.0 / generation_efficiency[r] : sys.inv_generation[h];
      if (emitter_efficiency[r] > 0.0)
        a.heat_input_per_need[i] = inv_generation / emitter_efficiency[r];
      else if (own_generation)
        a.heat_input_per_need[i] = inv_generation * sys.heat_input_per_generated[h];
      else
        a.heat_input_per_need[i] = sys.heat_input_per_need[h];
      a.heat_pef[i] = sys.heat_pef[h];
      // A heat network's own GHG content (the DPE's yearly list) when the stock knows it.
      a.heat_ghg[i] = heating_ghg_factor[r] > 0.0 ? heating_ghg_factor[r] : sys.heat_ghg[h];
      // A second generator covers its share of the need with its own R_g, in its own carrier,
      // through its own emitters and network where the stock knows them, else the main's (3CL
      // section 9.1.4: C_ch = sum_g share_g INT_g B_ch / (R_e R_d R_r R_g)_g). INT = I0 / (1 +
      // 0.1 (G - 1)) shares G, so its INT is the main's times I0_2 / I0.
      // Most dwellings have none: their share, input and factors stay 0 without the divisions.
      a.backup_share[i] = backup_share[r];
      if (backup_share[r] > 0.0) {
        const std::size_t b = backup[r];
        const double per_generated = backup_emitter_efficiency[r] > 0.0 ? 1.0 / backup_emitter_efficiency[r]
                                     : emitter_efficiency[r] > 0.0      ? 1.0 / emitter_efficiency[r]
                                                                        : sys.heat_input_per_generated[h];
        const double intermittence_ratio = backup_i0[r] > 0.0 ? backup_i0[r] / a.i0[i] : 1.0;
        a.backup_input_per_need[i] =
            intermittence_ratio * per_generated *
            (backup_generation_efficiency[r] > 0.0 ? 1.0 / backup_generation_efficiency[r]
                                                   : sys.inv_generation[b]);
        a.backup_pef[i] = sys.heat_pef[b];
        a.backup_ghg[i] = sys.heat_ghg[b];
      } else {
        a.backup_input_per_need[i] = 0.0;
        a.backup_pef[i] = 0.0;
        a.backup_ghg[i] = 0.0;
      }
      a.heat_aux_per_kwh_need[i] = sys.heat_aux_per_kwh_need[h];
      // 1 for a water network: its circulator's power once GV is known (pass 1), then times the
      // heating hours (after pass 2).
      a.heat_aux_per_dwelling[i] = sys.water_network[h];
      a.heat_aux_per_m2[i] = sys.heat_aux_per_m2[h];
      // The dwelling's own hot-water generation and storage efficiency at its need, the loss it
      // adds whatever the need (an electric tank's) and its tanks' loss the heating recovers (an
      // imported certificate's, 3CL sections 11-14) when the stock knows them, else its hot-water
      // class's generator, whose efficiency follows the need.
      const bool own_dhw = dhw_efficiency[r] > 0.0;
      a.dhw_inv_nominal[i] = own_dhw ? 1.0 / dhw_efficiency[r] : sys.dhw_inv_nominal[w];
      a.dhw_fixed_loss_kwh[i] = own_dhw ? dhw_standing_loss_kwh[r] : sys.dhw_fixed_loss_kwh[w];
      a.dhw_storage_loss_wh[i] = own_dhw ? 1000.0 * dhw_storage_loss_kwh[r] : sys.dhw_storage_loss_wh[w];
      a.dhw_collective[i] = static_cast<double>(dhw_collective[r]);
      a.dhw_storage_in_heated_volume[i] = static_cast<double>(storage_in_heated_volume[r]);
      a.dhw_inv_distribution[i] = dhw_distribution_efficiency[r] > 0.0 ? 1.0 / dhw_distribution_efficiency[r]
                                                                       : sys.dhw_inv_distribution[w];
      a.dhw_pef[i] = sys.dhw_pef[w];
      a.dhw_ghg[i] = dhw_ghg_factor[r] > 0.0 ? dhw_ghg_factor[r] : sys.dhw_ghg[w];
      const std::size_t climate_of = climate_index(zone[r], altitude[r]);
      a.lighting_kwh_per_m2[i] = params.climate[climate_of].lighting_kwh_per_m2;
      a.base_temperature_c[i] = params.base_temperature_c[climate_of];
      m.alpha[a.slot[i]] = sys.alpha[k];  // read only by the month loop: straight to its slot
      m.inv_alpha[a.slot[i]] = sys.inv_alpha[k];
    }

    // Pass 1: per-dwelling invariants.
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = c0 + i;
      const AirFlows air{a.q_varep[i], a.q_vasouf[i], a.s_mea[i]};
      const Envelope env{floor_area[r],
                         height[r],
                         wall[r],
                         u_wall[r],
                         roof[r],
                         u_roof[r],
                         b_roof[r],
                         ground[r],
                         u_floor[r],
                         b_floor[r],
                         win_south[r] + win_east[r] + win_west[r] + win_north[r],
                         u_window[r],
                         door[r],
                         u_door[r],
                         bridges[r],
                         q4pa_conv[r],
                         a.exposure_e[i],
                         a.exposure_f_over_e[i]};
      const double s_h = env.floor_area_m2;
      const double gv =
          transmission_w_per_k(env) + ventilation_w_per_k(env, air) + infiltration_w_per_k(env, air, c_4_50);
      // Gains: A_s,j = 1000 sum_o A_o g F_e f_o E_o,j (f_o: the facade's sun factor); A_i,j = ((3.18 + 0.34)
      // S_h + 132/168 N_adeq 90) N_ref19,j.
      const double n_adeq = select(a.flat[i] != 0.0, n_adeq_flat(s_h), n_adeq_house(s_h));
      const double collect = g_window[r] * collect_factor;
      a.gv_w_per_k[i] = gv;
      a.solar_south_m2[i] = win_south[r] * collect * sun_south[r];
      a.solar_east_m2[i] = win_east[r] * collect * sun_east[r];
      a.solar_west_m2[i] = win_west[r] * collect * sun_west[r];
      a.solar_north_m2[i] = win_north[r] * collect * sun_north[r];
      a.internal_w[i] = internal_gain_w(s_h, n_adeq, internal_gain_w_per_m2, occupant_gain_w);
      a.n_adeq[i] = n_adeq;
    }
    // Split from the loop above, which ends on a chain of three divisions: two short loops
    // overlap their iterations better than one long one.
    for (std::size_t i = 0; i < n; ++i) {
      const double gv = a.gv_w_per_k[i];
      a.inv_gv[i] = 1.0 / gv;
      a.intermittence[i] = intermittence(a.i0[i], gv, floor_area[c0 + i], height[c0 + i]);
    }
    // A generator whose installation year is known: a boiler's part-load R_g (3CL §13.2.1), which
    // needs GV, hence here, or a heat pump's SCOP of its period and zone (§12.4). Few dwellings
    // take this branch; the others keep the class's R_g, or their own.
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = c0 + i, h = heating[r];
      if (generator_year[r] <= 0 || generation_efficiency[r] > 0.0) continue;
      const double per_generated =
          emitter_efficiency[r] > 0.0 ? 1.0 / emitter_efficiency[r] : sys.heat_input_per_generated[h];
      if (sys.part_load[h])
        a.heat_input_per_need[i] =
            per_generated /
            boiler_generation_efficiency(params.heating[h].part_load, generator_year[r], nominal_power_kw[r],
                                         a.gv_w_per_k[i],
                                         params.base_temperature_c[climate_index(zone[r], altitude[r])]);
      else if (sys.scop[h])
        a.heat_input_per_need[i] =
            per_generated / heat_pump_scop(params.heating[h].scop, generator_year[r],
                                           zone[r] == static_cast<std::uint8_t>(ClimateZone::h3));
    }

    // The circulator of a water network carries the design load GV (20 - T_base) (3CL §15.2.1):
    // the dwelling's own network when its row gives one, else the default network for its area.
    // Its power over batches of circulator_batch, the chunk's end padded with harmless loads.
    const CirculatorParams& pump = params.circulator;
    const detail::DefaultNetwork default_network(pump);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = c0 + i;
      const double s_h = floor_area[r];
      const double pressure_drop = detail::select(network_pressure_drop[r] > 0.0, network_pressure_drop[r],
                                                  default_network.pressure_drop_kpa(s_h));
      const double temperature_drop = detail::select(
          design_temperature_drop[r] > 0.0, design_temperature_drop[r], pump.design_temperature_drop_k);
      const double networks = detail::circulator_networks(s_h);
      a.circulator_networks[i] = networks;
      a.circulator_load[i] = detail::circulator_load(pressure_drop, temperature_drop, a.gv_w_per_k[i],
                                                     a.base_temperature_c[i], networks);
    }
    const std::size_t padded = (n + circulator_batch - 1) / circulator_batch * circulator_batch;
    for (std::size_t i = n; i < padded; ++i) a.circulator_load[i] = a.circulator_networks[i] = 1.0;
    for (std::size_t i = 0; i < padded; i += circulator_batch) {
      detail::Batch<circulator_batch> load{}, networks{};
      for (std::size_t j = 0; j < circulator_batch; ++j) {
        load[j] = a.circulator_load[i + j];
        networks[j] = a.circulator_networks[i + j];
      }
      const detail::Batch<circulator_batch> power =
          detail::circulator_power_w(load, networks, pump.minimum_w);
      for (std::size_t j = 0; j < circulator_batch; ++j) a.circulator_load[i + j] = power[j];  // now P_circ
    }
    for (std::size_t i = 0; i < n; ++i) a.heat_aux_per_dwelling[i] *= a.circulator_load[i];

    // Pass 2: B_ch = sum_j max(GV (1 - F_j) DH19_j - recovered_j, 0), X_j = (A_s,j + A_i,j) / (GV DH19_j),
    // over the dwellings of each climate group in turn, each with its own month constants as loop invariants.
    // The month loop's inputs are copied into group order and the need copied back (a few scalar moves per
    // dwelling): a per-dwelling choice of the 63 month constants inside the loop kept the compiler from
    // vectorising it.
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t t = a.slot[i];
      m.solar_south_m2[t] = a.solar_south_m2[i];
      m.solar_east_m2[t] = a.solar_east_m2[i];
      m.solar_west_m2[t] = a.solar_west_m2[i];
      m.solar_north_m2[t] = a.solar_north_m2[i];
      m.internal_w[t] = a.internal_w[i];
      m.inv_gv[t] = a.inv_gv[i];
      m.n_adeq[t] = a.n_adeq[i];
      m.dhw_storage_loss_wh[t] = a.dhw_storage_loss_wh[i];
      m.dhw_collective[t] = a.dhw_collective[i];
      m.dhw_storage_in_heated_volume[t] = a.dhw_storage_in_heated_volume[i];
    }
    for (std::size_t g = 0; g < climate_group_count; ++g) {
      if (count[g] == 0) continue;
      const std::size_t to = first[g] + (count[g] + lane_pad - 1) / lane_pad * lane_pad;
      for (std::size_t t = first[g] + count[g]; t < to; ++t) {  // padding: a dwelling with no glazing
        m.solar_south_m2[t] = m.solar_east_m2[t] = m.solar_west_m2[t] = m.solar_north_m2[t] = 0.0;
        m.internal_w[t] = m.inv_gv[t] = 1.0;
        m.alpha[t] = 2.0;
        m.inv_alpha[t] = 0.5;
        m.n_adeq[t] = m.dhw_storage_loss_wh[t] = m.dhw_collective[t] = m.dhw_storage_in_heated_volume[t] =
            0.0;
      }
    }
    for (std::size_t c = 0; c < climate_count; ++c) {
      const std::size_t g0 = c * climate_variant_count;
      if (count[g0] == 0 && count[g0 + 1] == 0) continue;
      if (c != folded) {
        fold_climate(params, params.climate[c], climate);
        folded = c;
      }
      for (std::size_t v = 0; v < climate_variant_count; ++v) {
        const std::size_t g = g0 + v;
        const std::size_t to = first[g] + (count[g] + lane_pad - 1) / lane_pad * lane_pad;
        const double dhw_need_per_occupant_wh = 1000.0 * climate.dhw_need_per_occupant_kwh;
        for (std::size_t t = first[g]; t < to; ++t)
          m.recovered_per_gv[t] =
              recovered_w(m.n_adeq[t] * dhw_need_per_occupant_wh, m.dhw_storage_loss_wh[t],
                          m.dhw_collective[t], m.dhw_storage_in_heated_volume[t]) *
              m.inv_gv[t];
        accumulate_need(m, first[g], to, climate.months.variant[v], climate.months.count);
        group_hours[g] = climate.heating_hours[v];
        group_dhw_need[g] = climate.dhw_need_per_occupant_kwh;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t g = a.group[i];
      a.need_wh[i] = m.need_wh[a.slot[i]];
      // Circulator: P . sum_j N_ref19,j / 1000 kWh, the hours of the dwelling's climate.
      a.heat_aux_per_dwelling[i] = a.heat_aux_per_dwelling[i] * group_hours[g] / 1000.0;
      a.dhw_need_per_occupant_kwh[i] = group_dhw_need[g];
    }

    // Pass 3: final energy of the five uses (no cooling in these houses: four are non-zero),
    // primary energy and GHG.
    for (std::size_t i = 0; i < n; ++i) {
      const double s_h = floor_area[c0 + i];
      const double need_kwh = a.gv_w_per_k[i] * a.need_wh[i] / 1000.0;
      const double heating_need_kwh = need_kwh * a.intermittence[i];
      const double backup_kwh = heating_need_kwh * a.backup_share[i] * a.backup_input_per_need[i];
      const double main_kwh = heating_need_kwh * (1.0 - a.backup_share[i]) * a.heat_input_per_need[i];
      const double heating_kwh = main_kwh + backup_kwh;
      // Hot water: the generation efficiency from the dwelling's own need (3CL §14).
      const double dhw_need_kwh = a.n_adeq[i] * a.dhw_need_per_occupant_kwh[i];
      // B / (R R_d) with 1/R = 1/R_nom + loss/B: (B/R_nom + loss)/R_d, without a division.
      const double dhw_kwh =
          (dhw_need_kwh * a.dhw_inv_nominal[i] + a.dhw_fixed_loss_kwh[i]) * a.dhw_inv_distribution[i];
      const double lighting_kwh = a.lighting_kwh_per_m2[i] * s_h;
      const double auxiliary_kwh = a.heat_aux_per_kwh_need[i] * need_kwh + a.heat_aux_per_dwelling[i] +
                                   a.heat_aux_per_m2[i] * s_h + a.vent_aux_per_dwelling[i] +
                                   a.vent_aux_per_m2[i] * s_h;
      const double electricity_kwh = lighting_kwh + auxiliary_kwh;
      const double primary_kwh = main_kwh * a.heat_pef[i] + backup_kwh * a.backup_pef[i] +
                                 dhw_kwh * a.dhw_pef[i] + electricity_kwh * pef_electricity;
      const double ghg_kg = main_kwh * a.heat_ghg[i] + backup_kwh * a.backup_ghg[i] + dhw_kwh * a.dhw_ghg[i] +
                            lighting_kwh * ghg_lighting + auxiliary_kwh * ghg_auxiliary;
      a.need_kwh[i] = need_kwh;
      a.final_kwh[i] = heating_kwh + dhw_kwh + electricity_kwh;
      a.heating_final_kwh[i] = heating_kwh;
      a.backup_final_kwh[i] = backup_kwh;
      a.dhw_final_kwh[i] = dhw_kwh;
      a.electricity_kwh[i] = electricity_kwh;
      a.cep[i] = primary_kwh / s_h;
      a.eges[i] = ghg_kg / s_h;
    }
    std::copy_n(a.need_kwh.data(), n, out.heating_need_kwh.data() + c0);
    std::copy_n(a.final_kwh.data(), n, out.final_energy_kwh.data() + c0);
    std::copy_n(a.heating_final_kwh.data(), n, out.heating_final_kwh.data() + c0);
    std::copy_n(a.backup_final_kwh.data(), n, out.heating_backup_final_kwh.data() + c0);
    std::copy_n(a.dhw_final_kwh.data(), n, out.dhw_final_kwh.data() + c0);
    std::copy_n(a.electricity_kwh.data(), n, out.electricity_other_kwh.data() + c0);
    std::copy_n(a.cep.data(), n, out.primary_energy_kwh_m2.data() + c0);
    std::copy_n(a.eges.data(), n, out.ghg_kg_m2.data() + c0);

    // Pass 4: the label, the worse of the energy and climate classes. The general limits
    // for every dwelling side by side (a class is a count of limits not above the value),
    // then the small-dwelling rows for the few under 40 m2.
    for (std::size_t i = 0; i < n; ++i) {
      double energy = 0.0, climate_k = 0.0;
      for (std::size_t l = 0; l < 6; ++l) {
        energy += select(a.cep[i] < cep_limits[l], 0.0, 1.0);
        climate_k += select(a.eges[i] < eges_limits[l], 0.0, 1.0);
      }
      a.label[i] = select(energy < climate_k, climate_k, energy);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double s_h = floor_area[c0 + i];
      std::uint8_t label = static_cast<std::uint8_t>(a.label[i]);
      if (small_row(s_h) >= 0) {
        const std::uint8_t e =
            class_of(limits_for(params.cep_limits_kwh_m2, params.small_cep_limits_kwh_m2, s_h), a.cep[i]);
        const std::uint8_t c =
            class_of(limits_for(params.eges_limits_kg_m2, params.small_eges_limits_kg_m2, s_h), a.eges[i]);
        label = e > c ? e : c;
      }
      out.label[c0 + i] = label;
    }
  }
}

void evaluate_baseline(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                       const ThermalOutputs& out, std::size_t begin, std::size_t end) noexcept {
  evaluate_range(in, params, year, out, begin, end);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define CORON_THERMAL_HAS_AVX2 1
[[gnu::target("avx2")]] void evaluate_avx2(const ThermalInputs& in, const ThermalParams& params,
                                           const YearFactors& year, const ThermalOutputs& out,
                                           std::size_t begin, std::size_t end) noexcept {
  evaluate_range(in, params, year, out, begin, end);
}

bool cpu_has_avx2() noexcept {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}
#else
#define CORON_THERMAL_HAS_AVX2 0
#endif

}  // namespace

bool kernel_path_available(KernelPath path) noexcept {
  switch (path) {
    case KernelPath::baseline:
      return true;
    case KernelPath::avx2:
#if CORON_THERMAL_HAS_AVX2
      return cpu_has_avx2();
#else
      return false;
#endif
  }
  return false;
}

void evaluate_thermal_path(KernelPath path, const ThermalInputs& in, const ThermalParams& params,
                           const YearFactors& year, const ThermalOutputs& out, std::size_t begin,
                           std::size_t end) noexcept {
#if CORON_THERMAL_HAS_AVX2
  if (path == KernelPath::avx2) {
    evaluate_avx2(in, params, year, out, begin, end);
    return;
  }
#endif
  (void)path;
  evaluate_baseline(in, params, year, out, begin, end);
}

}  // namespace coron::detail

namespace coron {

void evaluate_thermal(const ThermalInputs& in, const ThermalParams& params, const YearFactors& year,
                      const ThermalOutputs& out, std::size_t begin, std::size_t end) noexcept {
  static const detail::KernelPath path = detail::kernel_path_available(detail::KernelPath::avx2)
                                             ? detail::KernelPath::avx2
                                             : detail::KernelPath::baseline;
  detail::evaluate_thermal_path(path, in, params, year, out, begin, end);
}

}  // namespace coron
