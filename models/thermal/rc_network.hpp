#pragma once
#include <cstddef>
#include <span>
#include <vector>

// A thermal network of nodes joined by conductances (W/K), some nodes carrying a heat capacity
// (J/K), tied to boundary temperatures (outdoor air, supply air, ...) and fed heat flows (W).
// Nodes without capacity have no dynamics of their own: they are eliminated algebraically (a
// Schur complement), so the state is the temperatures of the capacitive nodes only:
//
//   C x' = -S x + B u,   u = [boundary temperatures (degC) ; heat flow into each node (W)],
//
// integrated with Crank-Nicolson (the trapezoidal rule, second order), inputs held constant
// over the step as hourly data are:
//
//   (C + dt/2 S) x1 = (C - dt/2 S) x0 + dt B u.
//
// (C + dt/2 S) is symmetric positive definite: it is factorised once (Eigen LDLT) when the
// network is built, and that factorisation is applied once and for all to the right-hand
// sides, giving the step as two small matrix products, x1 = P x0 + Q u. A step then costs a
// few multiply-adds per node, allocates nothing and calls nothing virtual. docs/model-hourly.md
// has the derivation.
//
// Sharing: an RcNetwork is immutable once built; step() is const and keeps no state of its
// own (the caller holds each dwelling's state vector). One network can therefore serve every
// dwelling that has the same parameters (an archetype, or the same house before works), from
// any number of threads at once: build it once, keep it (say, in a vector indexed by
// archetype), and hand a const reference to every dwelling's loop.

namespace coron::hourly {

/// The description of a network, node by node, before it is factorised.
class RcNetworkBuilder {
 public:
  /// Adds a node of heat capacity capacity_j_per_k (0: a node without capacity, solved
  /// algebraically; > 0: a state variable). Returns its index, from 0 in order of addition.
  std::size_t add_node(double capacity_j_per_k);
  /// Adds a boundary, a temperature imposed from outside (degC, an input). Returns its index.
  std::size_t add_boundary();
  /// Joins two nodes by a conductance (W/K, >= 0). Joining the same pair twice adds up.
  void connect_nodes(std::size_t a, std::size_t b, double conductance_w_per_k);
  /// Joins a node to a boundary by a conductance (W/K, >= 0).
  void connect_to_boundary(std::size_t node, std::size_t boundary, double conductance_w_per_k);

  [[nodiscard]] std::size_t node_count() const noexcept { return capacities_.size(); }
  [[nodiscard]] std::size_t boundary_count() const noexcept { return boundaries_; }
  [[nodiscard]] const std::vector<double>& capacities_j_per_k() const noexcept { return capacities_; }

  struct Link {
    std::size_t a, b;  ///< nodes; for a boundary link, b is the boundary index
    double conductance_w_per_k;
  };
  [[nodiscard]] const std::vector<Link>& node_links() const noexcept { return node_links_; }
  [[nodiscard]] const std::vector<Link>& boundary_links() const noexcept { return boundary_links_; }

 private:
  std::vector<double> capacities_;
  std::size_t boundaries_ = 0;
  std::vector<Link> node_links_, boundary_links_;
};

/// A network factorised for one time step: immutable, shareable across dwellings and threads.
class RcNetwork {
 public:
  /// Eliminates the nodes without capacity and factorises the Crank-Nicolson matrix for steps
  /// of step_s seconds. Throws std::invalid_argument if a capacity or conductance is negative
  /// or not finite, if there is no capacitive node, or if a node without capacity is not tied
  /// (through other such nodes) to a capacitive node or a boundary (its temperature would be
  /// undetermined).
  RcNetwork(const RcNetworkBuilder& builder, double step_s);

  /// Number of state variables: the capacitive nodes, in order of addition.
  [[nodiscard]] std::size_t state_size() const noexcept { return state_nodes_.size(); }
  /// Number of inputs: the boundaries, then one heat flow per node.
  [[nodiscard]] std::size_t input_size() const noexcept { return inputs_; }
  [[nodiscard]] std::size_t node_count() const noexcept { return nodes_; }
  [[nodiscard]] double step_s() const noexcept { return step_s_; }
  /// Index in u of boundary b's temperature.
  [[nodiscard]] static std::size_t boundary_input(std::size_t b) noexcept { return b; }
  /// Index in u of the heat flow into node n.
  [[nodiscard]] std::size_t heat_input(std::size_t node) const noexcept { return boundaries_ + node; }
  /// Index in the state of node n, which must be capacitive.
  [[nodiscard]] std::size_t state_index(std::size_t node) const;

  /// One step: from the state at the start (degC, state_size()) and the inputs held over the
  /// step (input_size()), writes the state at the end (state_size(); must not alias the
  /// start) and the temperature of every node over the step (node_count(); capacitive nodes
  /// at the mean of start and end, the others solved from that mean, as Crank-Nicolson does).
  /// No allocation; thread-safe.
  void step(std::span<const double> state_begin, std::span<const double> inputs, std::span<double> state_end,
            std::span<double> node_mean_c) const noexcept;

  /// d(end state i)/d(input k): how much a unit of input k held over a step moves state i.
  [[nodiscard]] double end_state_per_input(std::size_t i, std::size_t k) const noexcept {
    return q_[i * inputs_ + k];
  }
  /// d(node n's temperature over the step)/d(input k).
  [[nodiscard]] double node_mean_per_input(std::size_t n, std::size_t k) const noexcept {
    return y_u_[n * inputs_ + k];
  }

 private:
  std::size_t nodes_ = 0, boundaries_ = 0, inputs_ = 0;
  double step_s_ = 0.0;
  std::vector<std::size_t> state_nodes_;    // node index of each state variable
  std::vector<std::size_t> state_of_node_;  // state index of each node, or npos
  // Row-major: x1 = p_ x0 + q_ u;  node_mean = y_x_ x0 + y_u_ u.
  std::vector<double> p_, q_, y_x_, y_u_;
};

}  // namespace coron::hourly
