#include "ideal_loads.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace coron::hourly {

namespace {

// ISO 13790:2008 C.4.2 step 2: the trial power is 10 W per m2 of floor.
constexpr double trial_w_per_m2 = 10.0;

}  // namespace

SetPointSchedule::SetPointSchedule(std::vector<double> heating_c, std::vector<double> cooling_c)
    : heating_c_(std::move(heating_c)), cooling_c_(std::move(cooling_c)) {
  if (heating_c_.empty() || heating_c_.size() != cooling_c_.size()) {
    throw std::invalid_argument(
        "set-point schedule: heating and cooling profiles must be non-empty and equally long");
  }
  for (std::size_t h = 0; h < heating_c_.size(); ++h) {
    if (!std::isfinite(heating_c_[h]) || !std::isfinite(cooling_c_[h]) || heating_c_[h] > cooling_c_[h]) {
      throw std::invalid_argument("set-point schedule: hour " + std::to_string(h) +
                                  ": expected finite set-points with heating <= cooling");
    }
  }
}

SetPointSchedule SetPointSchedule::constant(double heating_c, double cooling_c) {
  return SetPointSchedule({heating_c}, {cooling_c});
}

IdealLoads::IdealLoads(const RcNetwork& network, std::size_t controlled_node, std::size_t power_input,
                       double floor_area_m2)
    : network_(&network),
      node_(controlled_node),
      input_(power_input),
      trial_w_(trial_w_per_m2 * floor_area_m2) {
  if (controlled_node >= network.node_count() || power_input >= network.input_size()) {
    throw std::invalid_argument("ideal loads: controlled node or power input out of range");
  }
  if (!(floor_area_m2 > 0.0)) throw std::invalid_argument("ideal loads: floor area must be > 0 m2");
  controlled_per_w_ = network.node_mean_per_input(node_, input_);
  if (!(controlled_per_w_ > 0.0)) {
    throw std::invalid_argument("ideal loads: the power input does not warm the controlled node");
  }
  for (std::size_t i = 0; i < network.state_size(); ++i)
    state_per_w_.push_back(network.end_state_per_input(i, input_));
  for (std::size_t n = 0; n < network.node_count(); ++n)
    node_per_w_.push_back(network.node_mean_per_input(n, input_));
}

HourLoad IdealLoads::step(std::span<const double> state_begin, std::span<const double> free_float_inputs,
                          SetPoints set, PowerLimits limits, std::span<double> state_end,
                          std::span<double> node_mean_c) const noexcept {
  network_->step(state_begin, free_float_inputs, state_end, node_mean_c);
  const double free_float_c = node_mean_c[node_];
  if (free_float_c >= set.heating_c && free_float_c <= set.cooling_c) return {0.0, free_float_c};

  const double set_c = free_float_c < set.heating_c ? set.heating_c : set.cooling_c;
  const double trial_c = free_float_c + trial_w_ * controlled_per_w_;
  double power_w = trial_w_ * (set_c - free_float_c) / (trial_c - free_float_c);
  if (power_w > limits.heating_max_w) power_w = limits.heating_max_w;
  if (power_w < -limits.cooling_max_w) power_w = -limits.cooling_max_w;

  for (std::size_t i = 0; i < state_per_w_.size(); ++i) state_end[i] += power_w * state_per_w_[i];
  for (std::size_t n = 0; n < node_per_w_.size(); ++n) node_mean_c[n] += power_w * node_per_w_[n];
  return {power_w, node_mean_c[node_]};
}

}  // namespace coron::hourly
