#include "app/dpe_validation.hpp"

#include "thermal/heat_loss.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace coron::app {

double relative_error(double computed, double declared) noexcept {
  if (declared == 0.0) return computed == 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
  return std::abs(computed / declared - 1.0);
}

KernelHeatLoss kernel_heat_loss(const ThermalInputs& in, const ThermalParams& params,
                                std::size_t i) noexcept {
  const VentilationParams& v = params.ventilation[in.ventilation[i]];
  const detail::Exposure x =
      in.multiple_exposed_facades[i] != 0 ? detail::multiple_facade_exposure : detail::single_facade_exposure;
  const detail::AirFlows air{v.q_varep_m3_per_h_m2, v.q_vasouf_m3_per_h_m2, v.s_mea_m3_per_h_m2};
  const detail::Envelope env{
      in.floor_area_m2[i],
      in.ceiling_height_m[i],
      in.wall_area_m2[i],
      in.u_wall_w_per_m2k[i],
      in.roof_area_m2[i],
      in.u_roof_w_per_m2k[i],
      in.b_roof[i],
      in.ground_floor_area_m2[i],
      in.u_floor_w_per_m2k[i],
      in.b_floor[i],
      in.window_south_m2[i] + in.window_east_m2[i] + in.window_west_m2[i] + in.window_north_m2[i],
      in.u_window_w_per_m2k[i],
      in.door_area_m2[i],
      in.u_door_w_per_m2k[i],
      in.thermal_bridges_w_per_k[i],
      in.q4pa_conv_m3_per_h_m2[i],
      x.e,
      x.f_over_e};
  const double c_4_50 = std::cbrt((4.0 / 50.0) * (4.0 / 50.0));
  return {detail::transmission_w_per_k(env), detail::ventilation_w_per_k(env, air),
          detail::infiltration_w_per_k(env, air, c_4_50)};
}

double kernel_gv_w_per_k(const ThermalInputs& in, const ThermalParams& params, std::size_t i) noexcept {
  const KernelHeatLoss h = kernel_heat_loss(in, params, i);
  return h.transmission_w_per_k + h.hvent_w_per_k + h.hperm_w_per_k;
}

double electricity_pef_in_force(int year) noexcept { return year >= 2026 ? 1.9 : 2.3; }

bool small_dwelling_limits_in_force(int date) noexcept { return date >= 20240701; }

ThermalParams without_small_dwelling_limits(ThermalParams params) {
  for (auto& row : params.small_cep_limits_kwh_m2) row = params.cep_limits_kwh_m2;
  for (auto& row : params.small_eges_limits_kg_m2) row = params.eges_limits_kg_m2;
  return params;
}

std::vector<DpeComparison> compare_with_certificates(const stock::DpeImport& imported,
                                                     const ThermalParams& params, double electricity_pef) {
  const Stock& s = imported.stock;
  const std::size_t n = s.size();
  ThermalInputs in;
#define CORON_DPE_SPAN(T, name, unit, spec, text) in.name = s.name;
  CORON_THERMAL_COLUMNS(CORON_DPE_SPAN)
#undef CORON_DPE_SPAN
  std::vector<double> need(n), final_kwh(n), heating(n), backup(n), dhw(n), other(n), cep(n), ghg(n);
  std::vector<std::uint8_t> label(n);
  const ThermalOutputs out{need, final_kwh, heating, backup, dhw, other, cep, ghg, label};
  // Every carrier at 1 but electricity (DPE 2021 convention), whose factor is the one each
  // certificate applied, by its date, unless one is given. The kernel writes only the rows of
  // its range, so each run of rows sharing a factor is evaluated in place.
  // Likewise the label limits: a dwelling under 40 m2 has its own only in certificates from
  // 1 July 2024 (arrêté du 25 mars 2024); before, every dwelling took the general ones.
  const auto pef = [&](std::size_t i) {
    return electricity_pef > 0.0
               ? electricity_pef
               : electricity_pef_in_force(imported.imported[i].certificate.established_year);
  };
  const auto small_limits = [&](std::size_t i) {
    return small_dwelling_limits_in_force(imported.imported[i].certificate.established_date);
  };
  const ThermalParams general_limits = without_small_dwelling_limits(params);
  for (std::size_t begin = 0, end = 0; begin < n; begin = end) {
    const double factor = pef(begin);
    const bool small = small_limits(begin);
    end = begin + 1;
    while (end < n && pef(end) == factor && small_limits(end) == small) ++end;
    YearFactors year;
    year.primary_energy_factor.fill(1.0);
    year.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] = factor;
    evaluate_thermal(in, small ? params : general_limits, year, out, begin, end);
  }

  std::vector<DpeComparison> rows;
  rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const stock::DpeImported& d = imported.imported[i];
    const io::DpeDeclared& decl = d.certificate.declared;
    const double share = d.mapping.envelope_share;
    DpeComparison r;
    r.number = d.certificate.number;
    r.is_house = d.mapping.is_house;
    r.approximated = !d.mapping.approximations.empty();
    const KernelHeatLoss loss = kernel_heat_loss(in, params, i);
    r.gv_w_per_k = loss.transmission_w_per_k + loss.hvent_w_per_k + loss.hperm_w_per_k;
    r.hvent_w_per_k = loss.hvent_w_per_k;
    r.declared_hvent_w_per_k = decl.hvent_w_per_k * share;
    r.hperm_w_per_k = loss.hperm_w_per_k;
    r.declared_hperm_w_per_k = decl.hperm_w_per_k * share;
    r.declared_gv_w_per_k = decl.gv_w_per_k * share;
    r.heating_need_kwh = need[i];
    r.declared_heating_need_kwh = decl.heating_need_kwh * share;
    r.primary_energy_kwh_m2 = cep[i];
    r.declared_primary_energy_kwh_m2 = decl.primary_energy_kwh_m2;
    r.ghg_kg_m2 = ghg[i];
    r.declared_ghg_kg_m2 = decl.ghg_kg_m2;
    r.heating_final_kwh = heating[i];
    r.declared_heating_final_kwh = decl.heating_final_kwh;
    r.dhw_final_kwh = dhw[i];
    r.declared_dhw_final_kwh = decl.dhw_final_kwh;
    r.other_final_kwh = other[i];
    r.declared_other_final_kwh = decl.other_final_kwh;
    r.label = label_letters[label[i]];
    r.declared_label = decl.label;
    rows.push_back(r);
  }
  return rows;
}

DpeErrorShares error_shares(const std::vector<DpeComparison>& rows, DpeGroup group) {
  DpeErrorShares s;
  std::array<std::vector<double>, dpe_compared.size()> errors;
  std::size_t labels = 0;
  for (const DpeComparison& r : rows) {
    if ((group == DpeGroup::houses && !r.is_house) || (group == DpeGroup::flats && r.is_house)) continue;
    ++s.count;
    errors[0].push_back(relative_error(r.gv_w_per_k, r.declared_gv_w_per_k));
    errors[1].push_back(relative_error(r.heating_need_kwh, r.declared_heating_need_kwh));
    errors[2].push_back(relative_error(r.primary_energy_kwh_m2, r.declared_primary_energy_kwh_m2));
    errors[3].push_back(relative_error(r.ghg_kg_m2, r.declared_ghg_kg_m2));
    errors[4].push_back(relative_error(r.hvent_w_per_k, r.declared_hvent_w_per_k));
    errors[5].push_back(relative_error(r.hperm_w_per_k, r.declared_hperm_w_per_k));
    errors[6].push_back(relative_error(r.heating_final_kwh, r.declared_heating_final_kwh));
    errors[7].push_back(relative_error(r.dhw_final_kwh, r.declared_dhw_final_kwh));
    errors[8].push_back(relative_error(r.other_final_kwh, r.declared_other_final_kwh));
    if (r.label == r.declared_label) ++labels;
  }
  if (s.count == 0) return s;
  const double n = static_cast<double>(s.count);
  const auto share_within = [n](const std::vector<double>& e, double limit) {
    return static_cast<double>(std::count_if(e.begin(), e.end(), [limit](double x) { return x <= limit; })) /
           n;
  };
  for (std::size_t q = 0; q < errors.size(); ++q) {
    std::vector<double>& e = errors[q];
    s.within_1_percent[q] = share_within(e, 0.01);
    s.within_5_percent[q] = share_within(e, 0.05);
    std::sort(e.begin(), e.end());
    const std::size_t m = e.size() / 2;
    s.median_abs_error[q] = e.size() % 2 == 1 ? e[m] : 0.5 * (e[m - 1] + e[m]);
  }
  s.label_exact = static_cast<double>(labels) / n;
  return s;
}

namespace {

std::string shares_line(std::string_view who, const DpeErrorShares& s) {
  std::string line = fmt::format("  {:<7}{:>5}", who, s.count);
  for (std::size_t q = 0; q < dpe_compared.size(); ++q)
    line += fmt::format("  {:>5.1f}% {:>5.1f}% {:>6.1f}%", 100.0 * s.within_1_percent[q],
                        100.0 * s.within_5_percent[q], 100.0 * s.median_abs_error[q]);
  return line + fmt::format("  {:>5.1f}%\n", 100.0 * s.label_exact);
}

}  // namespace

std::string dpe_validation_report(const std::vector<DpeComparison>& rows) {
  std::string out = fmt::format(
      "{:<15} {:<5} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7} {:>9} {:>9} "
      "{:>7} {:>7} {:>7} {:>7}  label\n",
      "certificate", "type", "GV W/K", "declared", "need kWh", "declared", "Cep", "decl.", "GHG", "decl.",
      "Hvent", "decl.", "Hperm", "decl.", "heat kWh", "decl.", "DHW", "decl.", "other", "decl.");
  for (const DpeComparison& r : rows)
    out += fmt::format(
        "{:<15} {:<5} {:>9.1f} {:>9.1f} {:>9.0f} {:>9.0f} {:>7.1f} {:>7.1f} {:>6.1f} {:>6.1f} {:>7.1f} "
        "{:>7.1f} "
        "{:>7.1f} {:>7.1f} {:>9.0f} {:>9.0f} {:>7.0f} {:>7.0f} {:>7.0f} {:>7.0f}  {} {}{}\n",
        r.number, r.is_house ? "house" : "flat", r.gv_w_per_k, r.declared_gv_w_per_k, r.heating_need_kwh,
        r.declared_heating_need_kwh, r.primary_energy_kwh_m2, r.declared_primary_energy_kwh_m2, r.ghg_kg_m2,
        r.declared_ghg_kg_m2, r.hvent_w_per_k, r.declared_hvent_w_per_k, r.hperm_w_per_k,
        r.declared_hperm_w_per_k, r.heating_final_kwh, r.declared_heating_final_kwh, r.dhw_final_kwh,
        r.declared_dhw_final_kwh, r.other_final_kwh, r.declared_other_final_kwh, r.label, r.declared_label,
        r.approximated ? " ~" : "");
  out += "\nshare of certificates within 1 % and 5 % of the declared value, median |error|; label exact\n";
  out += fmt::format("  {:<7}{:>5}", "", "n");
  for (const std::string_view q : dpe_compared)
    out += fmt::format("  {:>22}", fmt::format("{} 1%/5%/med", q));
  out += "  label\n";
  out += shares_line("houses", error_shares(rows, DpeGroup::houses));
  out += shares_line("flats", error_shares(rows, DpeGroup::flats));
  out += shares_line("all", error_shares(rows, DpeGroup::all));
  return out;
}

}  // namespace coron::app
