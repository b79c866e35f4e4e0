// The general RC network: a 1-node decay against the exact exponential, Crank-Nicolson's
// second order, steady states against the conductance network solved directly, multi-node
// steps against the whole (undiminished) system solved by plain Gaussian elimination, and
// the errors of an ill-posed network.
#include "thermal/rc_network.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using namespace coron::hourly;
using Matrix = std::vector<std::vector<double>>;

// Plain Gaussian elimination with partial pivoting: the reference solver, no Eigen.
std::vector<double> solve(Matrix a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r) {
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    }
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    for (std::size_t r = col + 1; r < n; ++r) {
      const double f = a[r][col] / a[col][col];
      for (std::size_t c = col; c < n; ++c) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t c = i + 1; c < n; ++c) s -= a[i][c] * x[c];
    x[i] = s / a[i][i];
  }
  return x;
}

// One capacity C to a boundary through H: theta' = -(theta - T)/tau, tau = C/H.
double one_node_after(double step_s, int steps) {
  RcNetworkBuilder b;
  b.add_node(1.0e6);
  b.add_boundary();
  b.connect_to_boundary(0, 0, 100.0);  // tau = 10 000 s
  const RcNetwork net(b, step_s);
  std::array<double, 1> x{10.0}, next{};
  std::array<double, 1> node{};
  const std::array<double, 2> u{0.0, 0.0};
  for (int s = 0; s < steps; ++s) {
    net.step(x, u, next, node);
    x = next;
  }
  return x[0];
}

TEST(HourlyNetwork, OneNodeStepIsTheCrankNicolsonFactor) {
  // Hand case: dt = 3600 s, tau = 10 000 s: one step multiplies the excess over the boundary by
  // (1 - 0.18)/(1 + 0.18) = 0.694915..., against exp(-0.36) = 0.697676 exactly.
  EXPECT_NEAR(one_node_after(3600.0, 1), 10.0 * 0.82 / 1.18, 1e-12);
  EXPECT_NEAR(one_node_after(3600.0, 1), 10.0 * std::exp(-0.36), 0.03);
}

TEST(HourlyNetwork, OneNodeDecayConvergesAtSecondOrder) {
  // 10 hours of decay; halving the step divides the error by about 4.
  const double exact = 10.0 * std::exp(-36000.0 / 10000.0);
  const double e1 = std::abs(one_node_after(3600.0, 10) - exact);
  const double e2 = std::abs(one_node_after(1800.0, 20) - exact);
  const double e4 = std::abs(one_node_after(900.0, 40) - exact);
  EXPECT_GT(e1, 0.0);
  EXPECT_NEAR(e1 / e2, 4.0, 0.3);
  EXPECT_NEAR(e2 / e4, 4.0, 0.1);
}

struct RandomNetwork {
  RcNetworkBuilder builder;
  Matrix k;  // conductance matrix of every node
  Matrix g;  // node x boundary conductances
  std::vector<double> capacity;
};

// Nodes 0..n-1, every other one capacitive, a chain so that every node is anchored, plus
// random extra links and boundary links.
RandomNetwork random_network(std::mt19937_64& rng, std::size_t n, std::size_t boundaries) {
  std::uniform_real_distribution<double> h(1.0, 300.0), c(2.0e5, 2.0e7), coin(0.0, 1.0);
  RandomNetwork r;
  r.k.assign(n, std::vector<double>(n, 0.0));
  r.g.assign(n, std::vector<double>(boundaries, 0.0));
  for (std::size_t i = 0; i < n; ++i) r.capacity.push_back(i % 2 == 0 ? c(rng) : 0.0);
  for (std::size_t i = 0; i < n; ++i) r.builder.add_node(r.capacity[i]);
  for (std::size_t b = 0; b < boundaries; ++b) r.builder.add_boundary();
  auto link = [&](std::size_t a, std::size_t b, double value) {
    r.builder.connect_nodes(a, b, value);
    r.k[a][a] += value;
    r.k[b][b] += value;
    r.k[a][b] -= value;
    r.k[b][a] -= value;
  };
  auto tie = [&](std::size_t a, std::size_t b, double value) {
    r.builder.connect_to_boundary(a, b, value);
    r.k[a][a] += value;
    r.g[a][b] += value;
  };
  for (std::size_t i = 0; i + 1 < n; ++i) link(i, i + 1, h(rng));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 2; j < n; ++j) {
      if (coin(rng) < 0.3) link(i, j, h(rng));
    }
    for (std::size_t b = 0; b < boundaries; ++b) {
      if (coin(rng) < 0.4) tie(i, b, h(rng));
    }
  }
  tie(n - 1, 0, h(rng));  // at least one tie to the outside
  return r;
}

std::vector<double> random_inputs(std::mt19937_64& rng, std::size_t n, std::size_t boundaries) {
  std::uniform_real_distribution<double> t(-15.0, 35.0), q(-500.0, 3000.0);
  std::vector<double> u;
  for (std::size_t b = 0; b < boundaries; ++b) u.push_back(t(rng));
  for (std::size_t i = 0; i < n; ++i) u.push_back(q(rng));
  return u;
}

TEST(HourlyNetwork, SteadyStateIsTheConductanceNetworkSolution) {
  std::mt19937_64 rng(13790);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t n = 2 + static_cast<std::size_t>(trial % 6),
                      nb = 1 + static_cast<std::size_t>(trial % 3);
    RandomNetwork r = random_network(rng, n, nb);
    const std::vector<double> u = random_inputs(rng, n, nb);
    // K theta = G T + Phi.
    std::vector<double> rhs(n);
    for (std::size_t i = 0; i < n; ++i) {
      rhs[i] = u[nb + i];
      for (std::size_t b = 0; b < nb; ++b) rhs[i] += r.g[i][b] * u[b];
    }
    const std::vector<double> expected = solve(r.k, rhs);
    // A long step (1e9 s) reaches the steady state: the Crank-Nicolson factor of every mode
    // tends to -1 there, so two such steps in a row average out; take many hourly steps instead.
    const RcNetwork net(r.builder, 3600.0);
    std::vector<double> x(net.state_size(), 0.0), next(net.state_size()), nodes(n);
    for (int s = 0; s < 20000; ++s) {
      net.step(x, u, next, nodes);
      x = next;
    }
    for (std::size_t i = 0; i < n; ++i)
      EXPECT_NEAR(nodes[i], expected[i], 1e-6 * std::max(1.0, std::abs(expected[i])));
  }
}

TEST(HourlyNetwork, StepEqualsTheWholeSystemSolvedNodeByNode) {
  // The whole system without elimination: capacitive rows by the trapezoidal rule,
  // (C/dt) (x1 - x0) = -(K theta1 + K theta0)/2 + B u, the other rows in balance at the end,
  // K_a theta1 = B_a u, the start state's algebraic nodes in balance too.
  std::mt19937_64 rng(52016);
  std::uniform_real_distribution<double> t0(5.0, 25.0);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + static_cast<std::size_t>(trial % 7),
                      nb = 1 + static_cast<std::size_t>(trial % 2);
    RandomNetwork r = random_network(rng, n, nb);
    const RcNetwork net(r.builder, 3600.0);
    const std::vector<double> u = random_inputs(rng, n, nb);
    std::vector<double> x0(net.state_size());
    for (double& v : x0) v = t0(rng);
    auto source = [&](std::size_t i) {
      double s = u[nb + i];
      for (std::size_t b = 0; b < nb; ++b) s += r.g[i][b] * u[b];
      return s;
    };
    // Start: capacitive nodes at x0, algebraic nodes in balance.
    Matrix a0(n, std::vector<double>(n, 0.0));
    std::vector<double> b0(n);
    for (std::size_t i = 0, s = 0; i < n; ++i) {
      if (r.capacity[i] > 0.0) {
        a0[i][i] = 1.0;
        b0[i] = x0[s++];
      } else {
        a0[i] = r.k[i];
        b0[i] = source(i);
      }
    }
    const std::vector<double> theta0 = solve(a0, b0);
    Matrix a1(n, std::vector<double>(n, 0.0));
    std::vector<double> b1(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (r.capacity[i] > 0.0) {
        for (std::size_t j = 0; j < n; ++j) a1[i][j] = 0.5 * r.k[i][j];
        a1[i][i] += r.capacity[i] / 3600.0;
        b1[i] = r.capacity[i] / 3600.0 * theta0[i] + source(i);
        for (std::size_t j = 0; j < n; ++j) b1[i] -= 0.5 * r.k[i][j] * theta0[j];
      } else {
        a1[i] = r.k[i];
        b1[i] = source(i);
      }
    }
    const std::vector<double> theta1 = solve(a1, b1);

    std::vector<double> x1(net.state_size()), nodes(n);
    net.step(x0, u, x1, nodes);
    for (std::size_t i = 0, s = 0; i < n; ++i) {
      const double mean = 0.5 * (theta0[i] + theta1[i]);
      EXPECT_NEAR(nodes[i], mean, 1e-9 * std::max(1.0, std::abs(mean))) << "trial " << trial << " node " << i;
      if (r.capacity[i] > 0.0) {
        EXPECT_NEAR(x1[s], theta1[i], 1e-9 * std::max(1.0, std::abs(theta1[i])));
        ++s;
      }
    }
  }
}

TEST(HourlyNetwork, IllPosedNetworksAreRejected) {
  RcNetworkBuilder floating;
  floating.add_node(1.0e6);
  floating.add_node(0.0);  // tied to nothing: undetermined
  floating.add_boundary();
  floating.connect_to_boundary(0, 0, 10.0);
  EXPECT_THROW(RcNetwork(floating, 3600.0), std::invalid_argument);

  RcNetworkBuilder no_capacity;
  no_capacity.add_node(0.0);
  no_capacity.add_boundary();
  no_capacity.connect_to_boundary(0, 0, 10.0);
  EXPECT_THROW(RcNetwork(no_capacity, 3600.0), std::invalid_argument);

  RcNetworkBuilder b;
  b.add_node(1.0e6);
  b.add_boundary();
  EXPECT_THROW(b.add_node(-1.0), std::invalid_argument);
  EXPECT_THROW(b.connect_to_boundary(0, 0, -5.0), std::invalid_argument);
  EXPECT_THROW(b.connect_to_boundary(0, 1, 5.0), std::invalid_argument);
  EXPECT_THROW(b.connect_nodes(0, 0, 5.0), std::invalid_argument);
  b.connect_to_boundary(0, 0, 5.0);
  EXPECT_THROW(RcNetwork(b, 0.0), std::invalid_argument);
  const RcNetwork ok(b, 3600.0);
  EXPECT_EQ(ok.state_index(0), 0u);
}

}  // namespace
