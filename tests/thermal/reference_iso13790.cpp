#include "reference_iso13790.hpp"

namespace coron::test {

ReferenceHour reference_step(const Iso13790Reference& p, double theta_e, double theta_sup,
                             double theta_m_prev, double phi_int, double phi_sol, double phi_hc) {
  const double phi_ia = 0.5 * phi_int + phi_hc;                                                        // C.1
  const double phi_m = p.a_m / p.a_t * (0.5 * phi_int + phi_sol);                                      // C.2
  const double phi_st = (1.0 - p.a_m / p.a_t - p.h_tr_w / (9.1 * p.a_t)) * (0.5 * phi_int + phi_sol);  // C.3
  const double h_tr_1 = 1.0 / (1.0 / p.h_ve + 1.0 / p.h_tr_is);                                        // C.6
  const double h_tr_2 = h_tr_1 + p.h_tr_w;                                                             // C.7
  const double h_tr_3 = 1.0 / (1.0 / h_tr_2 + 1.0 / p.h_tr_ms);                                        // C.8
  const double phi_m_tot =
      phi_m + p.h_tr_em * theta_e +
      h_tr_3 * (phi_st + p.h_tr_w * theta_e + h_tr_1 * (phi_ia / p.h_ve + theta_sup)) / h_tr_2;  // C.5
  const double theta_m_t = (theta_m_prev * (p.c_m / 3600.0 - 0.5 * (h_tr_3 + p.h_tr_em)) + phi_m_tot) /
                           (p.c_m / 3600.0 + 0.5 * (h_tr_3 + p.h_tr_em));  // C.4
  const double theta_m = 0.5 * (theta_m_t + theta_m_prev);                 // C.9
  const double theta_s =
      (p.h_tr_ms * theta_m + phi_st + p.h_tr_w * theta_e + h_tr_1 * (theta_sup + phi_ia / p.h_ve)) /
      (p.h_tr_ms + p.h_tr_w + h_tr_1);  // C.10
  const double theta_air =
      (p.h_tr_is * theta_s + p.h_ve * theta_sup + phi_ia) / (p.h_tr_is + p.h_ve);  // C.11
  return {theta_m_t, theta_m, theta_s, theta_air, phi_hc};
}

ReferenceHour reference_hour_with_loads(const Iso13790Reference& p, double theta_e, double theta_sup,
                                        double theta_m_prev, double phi_int, double phi_sol,
                                        double set_heating, double set_cooling, double max_heating,
                                        double max_cooling) {
  const ReferenceHour free_float = reference_step(p, theta_e, theta_sup, theta_m_prev, phi_int, phi_sol, 0.0);
  if (free_float.theta_air >= set_heating && free_float.theta_air <= set_cooling) return free_float;
  const double phi_10 = 10.0 * p.a_f;
  const ReferenceHour trial = reference_step(p, theta_e, theta_sup, theta_m_prev, phi_int, phi_sol, phi_10);
  const double set = free_float.theta_air < set_heating ? set_heating : set_cooling;
  double phi = phi_10 * (set - free_float.theta_air) / (trial.theta_air - free_float.theta_air);  // C.13
  if (phi > max_heating) phi = max_heating;
  if (phi < -max_cooling) phi = -max_cooling;
  return reference_step(p, theta_e, theta_sup, theta_m_prev, phi_int, phi_sol, phi);
}

}  // namespace coron::test
