#pragma once
#include "rc_network.hpp"

#include <cstddef>
#include <span>
#include <vector>

// Ideal heating and cooling to set-points with power limits, hour by hour, as ISO 13790:2008
// Annex C.4.2 does it (thermal-reference.md §1.4):
//   1. free float (no power): theta_0. Between the heating and cooling set-points: no need.
//   2. otherwise a trial power of 10 W per m2 of floor: theta_10; the network is linear, so
//      the power that brings the controlled node to the set-point is exactly
//      Phi_un = Phi_10 (theta_set - theta_0) / (theta_10 - theta_0)   (C.13);
//   3. Phi_un capped to [-cooling limit, heating limit]; the hour is recomputed with it.
// Linearity also means the trial and final steps need not rerun the network: the response of
// every node and state to a watt of heating is a column of the factorised step, so
// theta_10 = theta_0 + Phi_10 d(theta)/d(Phi) and the final hour is the free-float hour plus
// Phi times that column (superposition, exact up to rounding).

namespace coron::hourly {

/// Heating and cooling set-points of one hour (degC), heating_c <= cooling_c.
struct SetPoints {
  double heating_c, cooling_c;
};

/// The most power the system gives (heating_max_w >= 0) and takes out (cooling_max_w >= 0).
struct PowerLimits {
  double heating_max_w, cooling_max_w;
};

/// Outcome of one hour: the power delivered (W; > 0 heating, < 0 cooling) and the controlled
/// node's temperature over the hour (degC).
struct HourLoad {
  double power_w, controlled_c;
};

/// Set-points hour by hour, the profile repeated: 24 values are a daily set-back schedule,
/// 168 a weekly one, 8760 a whole year.
class SetPointSchedule {
 public:
  /// Throws std::invalid_argument if the profiles are empty, of different lengths, not finite,
  /// or if a heating set-point exceeds the cooling set-point of the same hour.
  SetPointSchedule(std::vector<double> heating_c, std::vector<double> cooling_c);
  /// The same set-points at every hour.
  [[nodiscard]] static SetPointSchedule constant(double heating_c, double cooling_c);
  /// Set-points of hour `hour` counted from the start of the profile.
  [[nodiscard]] SetPoints at(std::size_t hour) const noexcept {
    const std::size_t i = hour % heating_c_.size();
    return {heating_c_[i], cooling_c_[i]};
  }
  [[nodiscard]] std::size_t period_h() const noexcept { return heating_c_.size(); }

 private:
  std::vector<double> heating_c_, cooling_c_;
};

/// An ideal system on a network: which node's temperature it controls and which input of the
/// network receives its power (for the 5R1C network with a convective emitter, the air node
/// and the air node's heat input). Holds a reference to the network: keep the network alive.
/// Immutable, shareable across dwellings and threads like the network itself.
class IdealLoads {
 public:
  /// Throws std::invalid_argument if the node or input is out of range, the floor area is not
  /// positive, or the power input does not move the controlled node.
  IdealLoads(const RcNetwork& network, std::size_t controlled_node, std::size_t power_input,
             double floor_area_m2);

  /// One hour from state_begin with the free-float inputs (the power input's entry is the
  /// heat from other sources, the system's power is added to it). Writes the end state and
  /// every node's temperature over the hour, as RcNetwork::step. No allocation; thread-safe.
  HourLoad step(std::span<const double> state_begin, std::span<const double> free_float_inputs, SetPoints set,
                PowerLimits limits, std::span<double> state_end,
                std::span<double> node_mean_c) const noexcept;

  [[nodiscard]] const RcNetwork& network() const noexcept { return *network_; }

 private:
  const RcNetwork* network_;
  std::size_t node_, input_;
  double trial_w_;           // Phi_HC,nd10 = 10 W/m2 x floor area
  double controlled_per_w_;  // d(controlled node over the hour)/d(power)
  std::vector<double> state_per_w_, node_per_w_;
};

}  // namespace coron::hourly
