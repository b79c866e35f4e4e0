#pragma once
#include "coron/thermal.hpp"

#include <array>
#include <cmath>
#include <cstddef>

// A combustion boiler's seasonal generation efficiency by the 3CL method (arrêté du 31 mars
// 2021 §13.2.1; Open3CL 13.2_generateur_combustion.js for Pn and the table row,
// 13.2_generateur_combustion_ch.js for the load bins, 9_chauffage.js for the load factor).
//
// The season is ten load bins x = 0.05 ... 0.95 weighted by the time spent in each. The
// boiler delivers P_x = Pn min(1, x / C_dimref) and loses QP(P_x / Pn), a piecewise-linear
// curve through 0.15 QP0 (at no load), QP30 and QP100 (from R_pint and R_pn at the operating
// temperatures), with QP15 for low-temperature and condensing boilers and QP50 for solid fuel.
// C_dimref = Pn / (GV (19 - T_base)) is how oversized the boiler is against the design loss.
// R_g = sum w P_x / (sum w (P_x + QP) + 0.45 QP0 + P_veil), on the higher heating value (PCS),
// then times K = PCS/PCI. A pilot light (P_veil) is counted only where the certificate says
// there is one; the stock never does, so P_veil = 0 here.
//
// Called once per dwelling whose generator year is known: no allocation, no virtual call.

namespace coron::detail {

/// The weights of the ten load bins x = 0.05, 0.15, ..., 0.95 (coef_pond).
inline constexpr std::array<double, 10> load_bin_weights = {0.1, 0.25, 0.2,   0.15,  0.1,
                                                            0.1, 0.05, 0.025, 0.025, 0.0};

/// The default nominal power, W, of a boiler whose Pn is unknown: 1.2 GV (19 - T_base) / 0.95^3.
[[nodiscard]] inline double default_boiler_power_w(double gv_w_per_k, double base_temperature_c) noexcept {
  return 1.2 * gv_w_per_k * (19.0 - base_temperature_c) / (0.95 * 0.95 * 0.95);
}

/// The table row of a boiler installed in `year` with nominal power `pn_kw`: the period is the
/// last whose from_year is not after `year` (the first when `year` precedes them all), and within
/// it the first row whose max_pn_kw holds Pn (its last row when none does).
[[nodiscard]] inline const BoilerPeriod& boiler_period(const BoilerPartLoad& b, int year,
                                                       double pn_kw) noexcept {
  int period_year = b.periods[0].from_year;
  for (std::size_t k = 0; k < b.period_count; ++k)
    if (b.periods[k].from_year <= year) period_year = b.periods[k].from_year;
  std::size_t last = 0;
  for (std::size_t k = 0; k < b.period_count; ++k) {
    if (b.periods[k].from_year != period_year) continue;
    if (pn_kw <= b.periods[k].max_pn_kw) return b.periods[k];
    last = k;
  }
  return b.periods[last];
}

/// R_g (on the lower heating value) of a boiler of class parameters `b`, installed in `year`,
/// of nominal power `pn_kw` (0: sized by the method), heating a dwelling of loss `gv_w_per_k`.
[[nodiscard]] inline double boiler_generation_efficiency(const BoilerPartLoad& b, int year, double pn_kw,
                                                         double gv_w_per_k,
                                                         double base_temperature_c) noexcept {
  const double design_dt = 19.0 - base_temperature_c;
  const double pn_w = pn_kw > 0.0 ? pn_kw * 1000.0 : default_boiler_power_w(gv_w_per_k, base_temperature_c);
  const double pn = pn_w / 1000.0;
  const double cdimref = pn_w / (gv_w_per_k * design_dt);
  const BoilerPeriod& row = boiler_period(b, year, pn);
  const double k = b.pcs_over_pci;
  const double log_pn = std::log10(pn);
  // Table efficiencies are on the lower heating value, the losses on the higher one.
  const double rpn = (row.rpn_a + row.rpn_b * log_pn) / k;
  const double rpint = (row.rpint_a + row.rpint_b * log_pn) / k;
  const double qp0_kw = pn * (row.qp0_a + row.qp0_b * log_pn) / 100.0 * std::pow(pn, row.qp0_exponent);
  const double qp0 = qp0_kw * k;

  // Loss at full load and at the curve's corner points, kW. R_pn is corrected to the full-load
  // operating temperature, except for solid fuel.
  const double tf100 = b.temp_fonc_100_c;
  const double qp100_r = b.kind == BoilerKind::solid_fuel ? rpn : rpn + 0.1 * (70.0 - tf100);
  const double qp100 = pn * (100.0 - qp100_r) / qp100_r;
  double corner_x = 0.3, corner_qp = 0.0, knee_qp = 0.0;  // QP30 (or QP50), QP15
  bool has_knee = false;
  switch (b.kind) {
    case BoilerKind::standard:
    case BoilerKind::low_temperature:
    case BoilerKind::condensing: {
      const double a = b.kind == BoilerKind::condensing ? 0.2 : 0.1;
      const double t = b.kind == BoilerKind::standard ? 50.0 : b.kind == BoilerKind::condensing ? 33.0 : 40.0;
      const double tf = b.combustion_regulation ? row.temp_fonc_30_c : tf100;
      const double r30 = rpint + a * (t - tf);
      corner_qp = 0.3 * pn * (100.0 - r30) / r30;
      knee_qp = corner_qp / 2.0;
      has_knee = b.kind != BoilerKind::standard;
      break;
    }
    case BoilerKind::solid_fuel:
      corner_x = 0.5;
      corner_qp = 0.5 * pn * (100.0 - rpint) / rpint;
      break;
  }

  double delivered = 0.0, consumed = 0.0;
  for (std::size_t bin = 0; bin < load_bin_weights.size(); ++bin) {
    const double x = 0.05 + 0.1 * static_cast<double>(bin);
    const double load = std::fmin(1.0, x / cdimref);
    double qp = 0.0;
    if (has_knee && load < 0.15)
      qp = 0.15 * qp0 + (knee_qp - 0.15 * qp0) * load / 0.15;
    else if (has_knee && load < 0.3)
      qp = knee_qp + (corner_qp - knee_qp) * (load - 0.15) / 0.15;
    else if (load < corner_x)
      qp = 0.15 * qp0 + (corner_qp - 0.15 * qp0) * load / corner_x;
    else if (b.kind == BoilerKind::solid_fuel)
      qp = 2.0 * corner_qp - qp100 + (qp100 - corner_qp) * load / 0.5;
    else
      qp = corner_qp + (qp100 - corner_qp) * (load - 0.3) / 0.7;
    const double p = pn * load;
    delivered += load_bin_weights[bin] * p;
    consumed += load_bin_weights[bin] * (p + qp);
  }
  return delivered / (consumed + 0.45 * qp0_kw) * k;
}

}  // namespace coron::detail
