#include "rc_network.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace coron::hourly {

namespace {

constexpr std::size_t no_state = std::numeric_limits<std::size_t>::max();

void require_conductance(double h, const char* what) {
  if (!std::isfinite(h) || h < 0.0) {
    throw std::invalid_argument(std::string("RC network: ") + what +
                                ": conductance must be finite and >= 0 W/K, got " + std::to_string(h));
  }
}

// A node without capacity has a determined temperature only if a path of non-zero
// conductances leads from it to a capacitive node or a boundary: then its block of the
// conductance matrix is positive definite and the elimination is well posed.
void require_anchored(const RcNetworkBuilder& b) {
  const std::size_t n = b.node_count();
  std::vector<bool> anchored(n, false);
  std::vector<std::size_t> frontier;
  for (std::size_t i = 0; i < n; ++i) {
    if (b.capacities_j_per_k()[i] > 0.0) anchored[i] = true;
  }
  for (const auto& link : b.boundary_links()) {
    if (link.conductance_w_per_k > 0.0) anchored[link.a] = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (anchored[i]) frontier.push_back(i);
  }
  while (!frontier.empty()) {
    const std::size_t i = frontier.back();
    frontier.pop_back();
    for (const auto& link : b.node_links()) {
      if (link.conductance_w_per_k <= 0.0) continue;
      const std::size_t other = link.a == i ? link.b : link.b == i ? link.a : n;
      if (other < n && !anchored[other]) {
        anchored[other] = true;
        frontier.push_back(other);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!anchored[i]) {
      throw std::invalid_argument("RC network: node " + std::to_string(i) +
                                  " has no capacity and no path of conductances to a capacitive node or a "
                                  "boundary: its temperature is undetermined");
    }
  }
}

std::vector<double> row_major(const Eigen::MatrixXd& m) {
  std::vector<double> out(static_cast<std::size_t>(m.size()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    for (Eigen::Index c = 0; c < m.cols(); ++c) out[static_cast<std::size_t>(r * m.cols() + c)] = m(r, c);
  }
  return out;
}

}  // namespace

std::size_t RcNetworkBuilder::add_node(double capacity_j_per_k) {
  if (!std::isfinite(capacity_j_per_k) || capacity_j_per_k < 0.0) {
    throw std::invalid_argument("RC network: capacity must be finite and >= 0 J/K, got " +
                                std::to_string(capacity_j_per_k));
  }
  capacities_.push_back(capacity_j_per_k);
  return capacities_.size() - 1;
}

std::size_t RcNetworkBuilder::add_boundary() { return boundaries_++; }

void RcNetworkBuilder::connect_nodes(std::size_t a, std::size_t b, double conductance_w_per_k) {
  require_conductance(conductance_w_per_k, "node link");
  if (a >= node_count() || b >= node_count() || a == b) {
    throw std::invalid_argument("RC network: a link joins two distinct existing nodes");
  }
  node_links_.push_back({a, b, conductance_w_per_k});
}

void RcNetworkBuilder::connect_to_boundary(std::size_t node, std::size_t boundary,
                                           double conductance_w_per_k) {
  require_conductance(conductance_w_per_k, "boundary link");
  if (node >= node_count() || boundary >= boundaries_) {
    throw std::invalid_argument("RC network: a boundary link joins an existing node to an existing boundary");
  }
  boundary_links_.push_back({node, boundary, conductance_w_per_k});
}

RcNetwork::RcNetwork(const RcNetworkBuilder& builder, double step_s)
    : nodes_(builder.node_count()),
      boundaries_(builder.boundary_count()),
      inputs_(builder.boundary_count() + builder.node_count()),
      step_s_(step_s) {
  if (!std::isfinite(step_s) || step_s <= 0.0) {
    throw std::invalid_argument("RC network: the time step must be > 0 s");
  }
  require_anchored(builder);
  const auto& capacity = builder.capacities_j_per_k();
  std::vector<std::size_t> algebraic;
  state_of_node_.assign(nodes_, no_state);
  for (std::size_t i = 0; i < nodes_; ++i) {
    if (capacity[i] > 0.0) {
      state_of_node_[i] = state_nodes_.size();
      state_nodes_.push_back(i);
    } else {
      algebraic.push_back(i);
    }
  }
  if (state_nodes_.empty()) throw std::invalid_argument("RC network: no node has a heat capacity");

  // Heat balance of every node: C theta' = -K theta + B_full u, u = [boundaries ; node heat flows].
  const auto n = static_cast<Eigen::Index>(nodes_);
  const auto m = static_cast<Eigen::Index>(inputs_);
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(n, n);
  Eigen::MatrixXd b_full = Eigen::MatrixXd::Zero(n, m);
  for (const auto& link : builder.node_links()) {
    const auto a = static_cast<Eigen::Index>(link.a), b = static_cast<Eigen::Index>(link.b);
    k(a, a) += link.conductance_w_per_k;
    k(b, b) += link.conductance_w_per_k;
    k(a, b) -= link.conductance_w_per_k;
    k(b, a) -= link.conductance_w_per_k;
  }
  for (const auto& link : builder.boundary_links()) {
    const auto a = static_cast<Eigen::Index>(link.a);
    k(a, a) += link.conductance_w_per_k;
    b_full(a, static_cast<Eigen::Index>(link.b)) += link.conductance_w_per_k;
  }
  for (Eigen::Index i = 0; i < n; ++i) b_full(i, static_cast<Eigen::Index>(boundaries_) + i) = 1.0;

  // Partition into capacitive (c) and algebraic (a) nodes and eliminate the latter:
  // theta_a = -R_ac theta_c + R_au u, with R_ac = K_aa^-1 K_ac and R_au = K_aa^-1 B_a; then
  // C theta_c' = -(K_cc - K_ca R_ac) theta_c + (B_c - K_ca R_au) u.
  const auto nc = static_cast<Eigen::Index>(state_nodes_.size());
  const auto na = static_cast<Eigen::Index>(algebraic.size());
  Eigen::MatrixXd k_cc(nc, nc), k_ca(nc, na), k_aa(na, na), b_c(nc, m), b_a(na, m);
  for (Eigen::Index i = 0; i < nc; ++i) {
    const auto ni = static_cast<Eigen::Index>(state_nodes_[static_cast<std::size_t>(i)]);
    for (Eigen::Index j = 0; j < nc; ++j)
      k_cc(i, j) = k(ni, static_cast<Eigen::Index>(state_nodes_[static_cast<std::size_t>(j)]));
    for (Eigen::Index j = 0; j < na; ++j)
      k_ca(i, j) = k(ni, static_cast<Eigen::Index>(algebraic[static_cast<std::size_t>(j)]));
    b_c.row(i) = b_full.row(ni);
  }
  for (Eigen::Index i = 0; i < na; ++i) {
    const auto ni = static_cast<Eigen::Index>(algebraic[static_cast<std::size_t>(i)]);
    for (Eigen::Index j = 0; j < na; ++j)
      k_aa(i, j) = k(ni, static_cast<Eigen::Index>(algebraic[static_cast<std::size_t>(j)]));
    b_a.row(i) = b_full.row(ni);
  }
  Eigen::MatrixXd r_ac = Eigen::MatrixXd::Zero(na, nc), r_au = Eigen::MatrixXd::Zero(na, m);
  if (na > 0) {
    const Eigen::LDLT<Eigen::MatrixXd> k_aa_ldlt(k_aa);
    r_ac = k_aa_ldlt.solve(k_ca.transpose());
    r_au = k_aa_ldlt.solve(b_a);
  }
  const Eigen::MatrixXd s = k_cc - k_ca * r_ac;
  const Eigen::MatrixXd b_reduced = b_c - k_ca * r_au;

  // Crank-Nicolson, factorised once: (C + dt/2 S) x1 = (C - dt/2 S) x0 + dt B u.
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(nc, nc);
  for (Eigen::Index i = 0; i < nc; ++i) c(i, i) = capacity[state_nodes_[static_cast<std::size_t>(i)]];
  const Eigen::LDLT<Eigen::MatrixXd> implicit_ldlt(c + 0.5 * step_s * s);
  const Eigen::MatrixXd p = implicit_ldlt.solve(c - 0.5 * step_s * s);
  const Eigen::MatrixXd q = implicit_ldlt.solve(step_s * b_reduced);

  // Temperatures over the step: capacitive nodes at the mean (x0 + x1)/2, the others from it.
  const Eigen::MatrixXd mean_x = 0.5 * (Eigen::MatrixXd::Identity(nc, nc) + p);
  const Eigen::MatrixXd mean_u = 0.5 * q;
  Eigen::MatrixXd y_x(n, nc), y_u(n, m);
  for (Eigen::Index i = 0; i < nc; ++i) {
    const auto ni = static_cast<Eigen::Index>(state_nodes_[static_cast<std::size_t>(i)]);
    y_x.row(ni) = mean_x.row(i);
    y_u.row(ni) = mean_u.row(i);
  }
  for (Eigen::Index i = 0; i < na; ++i) {
    const auto ni = static_cast<Eigen::Index>(algebraic[static_cast<std::size_t>(i)]);
    y_x.row(ni) = -r_ac.row(i) * mean_x;
    y_u.row(ni) = -r_ac.row(i) * mean_u + r_au.row(i);
  }
  p_ = row_major(p);
  q_ = row_major(q);
  y_x_ = row_major(y_x);
  y_u_ = row_major(y_u);
}

std::size_t RcNetwork::state_index(std::size_t node) const {
  if (node >= nodes_ || state_of_node_[node] == no_state) {
    throw std::invalid_argument("RC network: node " + std::to_string(node) +
                                " has no capacity, hence no state");
  }
  return state_of_node_[node];
}

namespace {

// The step's two matrix products with sizes known at compile time (0: known at run time only),
// so that the compiler unrolls the small loops of the common networks.
template <std::size_t NC, std::size_t M, std::size_t N>
void step_products(std::size_t nc_runtime, std::size_t m_runtime, std::size_t n_runtime, const double* p,
                   const double* q, const double* y_x, const double* y_u, const double* x0, const double* u,
                   double* x1, double* node_mean) noexcept {
  const std::size_t nc = NC != 0 ? NC : nc_runtime;
  const std::size_t m = M != 0 ? M : m_runtime;
  const std::size_t n = N != 0 ? N : n_runtime;
  for (std::size_t i = 0; i < nc; ++i) {
    double x = 0.0;
    for (std::size_t j = 0; j < nc; ++j) x += p[i * nc + j] * x0[j];
    for (std::size_t k = 0; k < m; ++k) x += q[i * m + k] * u[k];
    x1[i] = x;
  }
  for (std::size_t i = 0; i < n; ++i) {
    double t = 0.0;
    for (std::size_t j = 0; j < nc; ++j) t += y_x[i * nc + j] * x0[j];
    for (std::size_t k = 0; k < m; ++k) t += y_u[i * m + k] * u[k];
    node_mean[i] = t;
  }
}

}  // namespace

void RcNetwork::step(std::span<const double> state_begin, std::span<const double> inputs,
                     std::span<double> state_end, std::span<double> node_mean_c) const noexcept {
  const std::size_t nc = state_nodes_.size();
  // The ISO 13790 5R1C network (one state, five inputs, three nodes) takes the unrolled path;
  // both paths do the same operations in the same order, hence the same bits.
  if (nc == 1 && inputs_ == 5 && nodes_ == 3) {
    step_products<1, 5, 3>(nc, inputs_, nodes_, p_.data(), q_.data(), y_x_.data(), y_u_.data(),
                           state_begin.data(), inputs.data(), state_end.data(), node_mean_c.data());
  } else {
    step_products<0, 0, 0>(nc, inputs_, nodes_, p_.data(), q_.data(), y_x_.data(), y_u_.data(),
                           state_begin.data(), inputs.data(), state_end.data(), node_mean_c.data());
  }
}

}  // namespace coron::hourly
