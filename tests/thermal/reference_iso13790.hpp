#pragma once

// ISO 13790:2008 Annex C, equations C.1-C.13, transcribed one by one as scalar code: the
// independent reference for the hourly model (it shares nothing with models/thermal).
// Source: thermal-reference.md §1.2-1.4.

namespace coron::test {

struct Iso13790Reference {
  double a_f, a_m, a_t;                            // m2
  double h_tr_is, h_tr_w, h_tr_ms, h_tr_em, h_ve;  // W/K
  double c_m;                                      // J/K
};

struct ReferenceHour {
  double theta_m_t, theta_m, theta_s, theta_air, phi_hc;
};

/// C.1-C.11 for one hour, the heating/cooling power phi_hc (W) on the air node.
ReferenceHour reference_step(const Iso13790Reference& p, double theta_e, double theta_sup,
                             double theta_m_prev, double phi_int, double phi_sol, double phi_hc);

/// C.4.2: free float, the 10 W/m2 trial, C.13, the limits (max_cooling as a positive number).
ReferenceHour reference_hour_with_loads(const Iso13790Reference& p, double theta_e, double theta_sup,
                                        double theta_m_prev, double phi_int, double phi_sol,
                                        double set_heating, double set_cooling, double max_heating,
                                        double max_cooling);

}  // namespace coron::test
