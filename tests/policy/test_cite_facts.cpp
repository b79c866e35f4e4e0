#include "policy/cite_facts.hpp"
#include "reference_ranking.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

// Cité facts from dwellings: a hand case, then the plain reference (reference_ranking.cpp)
// over a random stock.
//
// Hand case, poverty line 11,250 EUR/CU, three cités (the third without dwellings):
//   dwelling  cité occupied income  fuel-poor qpv label Cep  area heritage unfit
//   0         0    yes      10,000  yes       yes G=6   400  50   yes      no
//   1         1    yes      20,000  no        no  D=3   200  100  no       yes
//   2         0    no       0       no        yes E=4   300  100  yes      yes
//   3         0    yes      11,250  no        no  F=5   250  50   no       no
//   4         1    yes      5,000   yes       no  C=2   100  100  no       no
// Cité 0: 3 dwellings, 2 households (0, 3; dwelling 2 is vacant, so its nil income does
//   not count), poor 1/2 (3 sits on the line: not below), fuel-poor 1/2, qpv 2/3, label
//   mean (6 + 4 + 5) / 3 = 5, worst 6, Cep (400·50 + 300·100 + 250·50) / 200 = 312.5,
//   heritage 2/3, unfit 1/3, area 200.
// Cité 1: 2 dwellings, 2 households, poor 1/2, fuel-poor 1/2, qpv 0, label mean 2.5,
//   worst 3, Cep (200·100 + 100·100) / 200 = 150, heritage 0, unfit 1/2, area 200.
// Cité 2: everything 0.

namespace coron {
namespace {

using reference::Dwelling;

struct DwellingColumns {
  std::vector<std::int32_t> cite_id;
  std::vector<std::uint8_t> occupied, fuel_poor, qpv, label, heritage, unfit;
  std::vector<double> income, primary, area;

  explicit DwellingColumns(const std::vector<Dwelling>& dwellings) {
    for (const Dwelling& d : dwellings) {
      cite_id.push_back(d.cite);
      occupied.push_back(d.occupied);
      fuel_poor.push_back(d.fuel_poor);
      qpv.push_back(d.qpv);
      label.push_back(d.label);
      heritage.push_back(d.heritage);
      unfit.push_back(d.unfit);
      income.push_back(d.income_per_cu_eur);
      primary.push_back(d.primary_energy_kwh_m2);
      area.push_back(d.floor_area_m2);
    }
  }
  [[nodiscard]] DwellingFactColumns view() const {
    return {cite_id, occupied, income, fuel_poor, qpv, label, primary, area, heritage, unfit};
  }
};

struct CiteColumns {
  std::vector<double> v[11];
  explicit CiteColumns(std::size_t n) {
    for (auto& c : v) c.assign(n, -1.0);  // not zero, so that a slot left unwritten shows
  }
  [[nodiscard]] CiteFactColumns view() {
    return {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]};
  }
};

reference::Cite cite_at(const CiteFactColumns& c, std::size_t k) {
  return {c.dwellings[k],      c.households[k],      c.floor_area_m2[k],
          c.poor_share[k],     c.fuel_poor_share[k], c.qpv_share[k],
          c.label_mean[k],     c.label_worst[k],     c.primary_energy_kwh_m2[k],
          c.heritage_share[k], c.unfit_share[k]};
}

void expect_cite(const reference::Cite& got, const reference::Cite& want, std::size_t k, double tol) {
  EXPECT_NEAR(got.dwellings, want.dwellings, tol) << "cité " << k;
  EXPECT_NEAR(got.households, want.households, tol) << "cité " << k;
  EXPECT_NEAR(got.floor_area_m2, want.floor_area_m2, tol) << "cité " << k;
  EXPECT_NEAR(got.poor_share, want.poor_share, tol) << "cité " << k;
  EXPECT_NEAR(got.fuel_poor_share, want.fuel_poor_share, tol) << "cité " << k;
  EXPECT_NEAR(got.qpv_share, want.qpv_share, tol) << "cité " << k;
  EXPECT_NEAR(got.label_mean, want.label_mean, tol) << "cité " << k;
  EXPECT_NEAR(got.label_worst, want.label_worst, tol) << "cité " << k;
  EXPECT_NEAR(got.primary_energy_kwh_m2, want.primary_energy_kwh_m2, tol) << "cité " << k;
  EXPECT_NEAR(got.heritage_share, want.heritage_share, tol) << "cité " << k;
  EXPECT_NEAR(got.unfit_share, want.unfit_share, tol) << "cité " << k;
}

std::vector<Dwelling> hand_stock() {
  // cite, occupied, fuel poor, qpv, heritage, unfit, income, Cep, area, label
  return {{0, true, true, true, true, false, 10000, 400, 50, 6},
          {1, true, false, false, false, true, 20000, 200, 100, 3},
          {0, false, false, true, true, true, 0, 300, 100, 4},
          {0, true, false, false, false, false, 11250, 250, 50, 5},
          {1, true, true, false, false, false, 5000, 100, 100, 2}};
}

TEST(CiteFacts, ByHand) {
  const DwellingColumns dwellings(hand_stock());
  CiteColumns out(3);
  aggregate_cite_facts(dwellings.view(), 11250.0, out.view());
  expect_cite(cite_at(out.view(), 0), {3, 2, 200, 0.5, 0.5, 2.0 / 3, 5, 6, 312.5, 2.0 / 3, 1.0 / 3}, 0,
              1e-12);
  expect_cite(cite_at(out.view(), 1), {2, 2, 200, 0.5, 0.5, 0, 2.5, 3, 150, 0, 0.5}, 1, 1e-12);
  expect_cite(cite_at(out.view(), 2), {}, 2, 0.0);
}

TEST(CiteFacts, CandidatesTakeTheChosenLabel) {
  const DwellingColumns dwellings(hand_stock());
  CiteColumns out(3);
  const CiteFactColumns cites = out.view();
  aggregate_cite_facts(dwellings.view(), 11250.0, cites);
  EXPECT_EQ(cite_candidates(cites, CiteLabel::worst).label[0], 6.0);
  EXPECT_EQ(cite_candidates(cites, CiteLabel::mean).label[0], 5.0);
  const CandidateFacts f = cite_candidates(cites, CiteLabel::worst);
  EXPECT_EQ(f.poor_share[1], 0.5);
  EXPECT_EQ(f.unfit_share[1], 0.5);
  EXPECT_EQ(f.primary_energy_kwh_m2[0], 312.5);
  EXPECT_TRUE(f.outcome.empty() && f.cost_eur.empty());
}

TEST(CiteFacts, MatchesReferenceOverRandomStock) {
  std::mt19937_64 rng(70000);
  std::uniform_int_distribution<int> coin(0, 1), label(0, 6), cites(1, 40);
  std::uniform_real_distribution<double> income(0.0, 40000.0), cep(50.0, 700.0), area(25.0, 140.0);
  for (int trial = 0; trial < 30; ++trial) {
    const auto cite_count = static_cast<std::size_t>(cites(rng));
    std::vector<Dwelling> stock(2000);
    for (Dwelling& d : stock) {
      // The last cité gets no dwelling: its facts must all be 0.
      d.cite = std::uniform_int_distribution<std::int32_t>(0, static_cast<std::int32_t>(cite_count) - 1)(rng);
      if (d.cite == static_cast<std::int32_t>(cite_count) - 1 && cite_count > 1) d.cite = 0;
      d.occupied = coin(rng) != 0 || coin(rng) != 0;
      d.fuel_poor = d.occupied && coin(rng) != 0;
      d.qpv = coin(rng) != 0, d.heritage = coin(rng) != 0, d.unfit = coin(rng) != 0 && coin(rng) != 0;
      d.income_per_cu_eur = d.occupied ? income(rng) : 0.0;
      d.primary_energy_kwh_m2 = cep(rng), d.floor_area_m2 = area(rng);
      d.label = static_cast<std::uint8_t>(label(rng));
    }
    const DwellingColumns dwellings(stock);
    CiteColumns out(cite_count);
    aggregate_cite_facts(dwellings.view(), 14600.0, out.view());
    const std::vector<reference::Cite> want = reference::cite_facts(stock, cite_count, 14600.0);
    for (std::size_t k = 0; k < cite_count; ++k) expect_cite(cite_at(out.view(), k), want[k], k, 0.0);
  }
}

}  // namespace
}  // namespace coron
