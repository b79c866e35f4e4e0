#include "reference_funding.hpp"

#include "coron/funding.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

// The funding ledger (models/economics/funding.cpp) against hand cases and an independent
// plain reference (reference_funding.cpp), and its invariants over random funders and works.
//
// Hand case (ThreeDwellingsThreeFundersWorkedOut), one year, funders in this order:
//   State grant: at most 50 % of the cost and 10 000 EUR a dwelling, 25 000 EUR a year.
//   FEDER grant: QPV only, 4 362 EUR a dwelling (FEDER 2014-2020 average), 100 000 EUR a year.
//   eco-PLS loan: 22 000 EUR a dwelling, only when Cep before >= 180 kWh/m2, 1 000 000 a year.
// Dwelling 1: 40 000 EUR, QPV, Cep 350.
//   State min(20 000, 10 000, 25 000 left, 40 000) = 10 000 (15 000 left);
//   FEDER min(40 000, 4 362, 100 000, 30 000) = 4 362;
//   loan min(40 000, 22 000, 1 000 000, 25 638) = 22 000; landlord 40 000 - 36 362 = 3 638.
// Dwelling 2: 15 000.50 EUR, not QPV, Cep 200.
//   State min(7 500.25, 10 000, 15 000, 15 000.50) = 7 500.25 -> 7 500 (whole euros; 7 500 left);
//   FEDER 0 (not QPV); loan min(15 000.50, 22 000, ..., 7 500.50 not covered) -> 7 500;
//   landlord 0.50.
// Dwelling 3: 30 000 EUR, QPV, Cep 150.
//   State min(15 000, 10 000, 7 500 left, 30 000) = 7 500 (envelope spent); FEDER 4 362;
//   loan 0 (Cep 150 < 180); landlord 30 000 - 11 862 = 18 138.

namespace coron::test {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

Funder grant(double envelope, double max_share, double max_eur) {
  Funder f;
  f.name = "grant";
  f.envelope_eur_per_yr = {{2000, envelope}};
  f.max_share = max_share;
  f.max_eur_per_dwelling = max_eur;
  return f;
}

WorksToFund works(double cost, bool qpv, double cep_before) {
  WorksToFund w;
  w.cost_eur = cost;
  w.qpv = qpv;
  w.label_before = 6;
  w.label_after = 2;
  w.primary_before_kwh_m2 = cep_before;
  w.primary_after_kwh_m2 = cep_before / 3.0;
  w.final_saving_kwh = 10000.0;
  return w;
}

/// Runs the ledger on one dwelling; the split in the reference's shape.
reference::Split fund(FundingLedger& ledger, const WorksToFund& w, std::size_t funders) {
  reference::Split s;
  s.grant_eur.assign(funders, -1.0);
  s.loan_eur.assign(funders, -1.0);
  s.landlord_eur = ledger.fund(w, s.grant_eur, s.loan_eur);
  return s;
}

TEST(Funding, ThreeDwellingsThreeFundersWorkedOut) {
  FundingParams p;
  p.funders.push_back(grant(25000.0, 0.5, 10000.0));
  Funder feder = grant(100000.0, 1.0, 4362.0);
  feder.qpv_only = true;
  p.funders.push_back(feder);
  Funder eco_pls = grant(1000000.0, 1.0, 22000.0);
  eco_pls.kind = FunderKind::loan;
  eco_pls.primary_energy_before_min_kwh_m2 = 180.0;
  p.funders.push_back(eco_pls);
  FundingLedger ledger(p);
  ledger.begin_year(2020);

  const reference::Split d1 = fund(ledger, works(40000.0, true, 350.0), 3);
  EXPECT_EQ(d1.grant_eur, (std::vector<double>{10000.0, 4362.0, 0.0}));
  EXPECT_EQ(d1.loan_eur, (std::vector<double>{0.0, 0.0, 22000.0}));
  EXPECT_EQ(d1.landlord_eur, 3638.0);
  EXPECT_EQ(ledger.available(0), 15000.0);

  const reference::Split d2 = fund(ledger, works(15000.5, false, 200.0), 3);
  EXPECT_EQ(d2.grant_eur, (std::vector<double>{7500.0, 0.0, 0.0}));
  EXPECT_EQ(d2.loan_eur, (std::vector<double>{0.0, 0.0, 7500.0}));
  EXPECT_EQ(d2.landlord_eur, 0.5);

  const reference::Split d3 = fund(ledger, works(30000.0, true, 150.0), 3);
  EXPECT_EQ(d3.grant_eur, (std::vector<double>{7500.0, 4362.0, 0.0}));
  EXPECT_EQ(d3.loan_eur, (std::vector<double>{0.0, 0.0, 0.0}));
  EXPECT_EQ(d3.landlord_eur, 18138.0);

  EXPECT_EQ(ledger.available(0), 0.0);
  EXPECT_EQ(ledger.available(1), 100000.0 - 2 * 4362.0);
  EXPECT_EQ(ledger.available(2), 1000000.0 - 29500.0);
}

// One grant of 10 000 EUR a year from 2020, 4 000 from 2022; works of 6 000 EUR, fully
// fundable. Carry-over on:  2020 10 000: one works 6 000 (4 000 left);
//                           2021 10 000 + 4 000: two works 6 000 + 6 000 (2 000 left);
//                           2022 4 000 + 2 000: 6 000, then 0 (landlord 6 000).
// Carry-over off:           2020 10 000: 6 000 (4 000 lost);
//                           2021 10 000: 6 000 + 4 000 (landlord 2 000);
//                           2022 4 000: 4 000 (landlord 2 000), then 0.
std::vector<std::vector<double>> three_years(bool carry_over) {
  FundingParams p;
  Funder f = grant(0.0, 1.0, inf);
  f.envelope_eur_per_yr = {{2020, 10000.0}, {2022, 4000.0}};
  f.first_year = 2020;
  f.carry_over = carry_over;
  p.funders.push_back(f);
  FundingLedger ledger(p);
  const std::vector<int> works_per_year = {1, 2, 2};
  std::vector<std::vector<double>> grants;
  for (int y = 0; y < 3; ++y) {
    ledger.begin_year(2020 + y);
    grants.emplace_back();
    for (int k = 0; k < works_per_year[static_cast<std::size_t>(y)]; ++k)
      grants.back().push_back(fund(ledger, works(6000.0, false, 300.0), 1).grant_eur[0]);
  }
  return grants;
}

TEST(Funding, CarryOverOnAndOffOverThreeYears) {
  EXPECT_EQ(three_years(true), (std::vector<std::vector<double>>{{6000.0}, {6000.0, 6000.0}, {6000.0, 0.0}}));
  EXPECT_EQ(three_years(false),
            (std::vector<std::vector<double>>{{6000.0}, {6000.0, 4000.0}, {4000.0, 0.0}}));
}

TEST(Funding, NothingCarriesOverAGapOrAReopenedYearOrPastTheLastYear) {
  FundingParams p;
  Funder f = grant(10000.0, 1.0, inf);
  f.carry_over = true;
  f.first_year = 2020;
  f.last_year = 2023;
  p.funders.push_back(f);
  FundingLedger ledger(p);
  ledger.begin_year(2019);  // before first_year: nothing
  EXPECT_EQ(ledger.available(0), 0.0);
  ledger.begin_year(2020);
  EXPECT_EQ(ledger.available(0), 10000.0);
  ledger.begin_year(2022);  // 2021 never opened: 2020's money is lost
  EXPECT_EQ(ledger.available(0), 10000.0);
  ledger.begin_year(2022);  // reopened: not a following year
  EXPECT_EQ(ledger.available(0), 10000.0);
  ledger.begin_year(2023);
  EXPECT_EQ(ledger.available(0), 20000.0);
  ledger.begin_year(2024);  // past last_year
  EXPECT_EQ(ledger.available(0), 0.0);
}

// Each condition alone makes an eligible dwelling ineligible.
TEST(Funding, EachEligibilityConditionExcludes) {
  FundingParams p;
  Funder f = grant(1.0e6, 0.5, inf);
  f.cite_categories = {static_cast<std::uint8_t>(CiteCategory::priority),
                       static_cast<std::uint8_t>(CiteCategory::anru)};
  f.cite_ids = {3, 7, 12};
  f.qpv_only = true;
  f.owners = {static_cast<std::uint8_t>(Owner::sia_habitat)};
  f.label_before_min = 4;  // E or worse
  f.primary_energy_before_min_kwh_m2 = 250.0;
  f.primary_saving_min = 0.4;
  f.label_after_max = 2;  // C or better
  p.funders.push_back(f);
  FundingLedger ledger(p);
  ledger.begin_year(2020);

  WorksToFund ok;
  ok.cite_category = static_cast<std::uint8_t>(CiteCategory::anru);
  ok.cite_id = 7;
  ok.qpv = true;
  ok.owner = static_cast<std::uint8_t>(Owner::sia_habitat);
  ok.label_before = 4;
  ok.label_after = 2;
  ok.primary_before_kwh_m2 = 250.0;
  ok.primary_after_kwh_m2 = 150.0;  // saving 0.4 exactly
  ok.cost_eur = 10000.0;
  EXPECT_EQ(fund(ledger, ok, 1).grant_eur[0], 5000.0) << "every condition holds, at its bound";

  std::vector<WorksToFund> failing(8, ok);
  failing[0].cite_category = static_cast<std::uint8_t>(CiteCategory::feder);
  failing[1].cite_id = 8;
  failing[2].qpv = false;
  failing[3].owner = static_cast<std::uint8_t>(Owner::maisons_et_cites);
  failing[4].label_before = 3;
  failing[5].primary_before_kwh_m2 = 249.0;
  failing[5].primary_after_kwh_m2 = 100.0;  // saving still above 0.4
  failing[6].primary_after_kwh_m2 = 151.0;
  failing[7].label_after = 3;
  for (std::size_t k = 0; k < failing.size(); ++k) {
    const reference::Split s = fund(ledger, failing[k], 1);
    EXPECT_EQ(s.grant_eur[0], 0.0) << "condition " << k;
    EXPECT_EQ(s.landlord_eur, 10000.0) << "condition " << k;
  }
}

TEST(Funding, PerKwhCapAndLoanKind) {
  FundingParams p;
  Funder cee = grant(1.0e6, 1.0, inf);
  cee.eur_per_kwh_saved = 0.08;
  p.funders.push_back(cee);
  Funder loan = grant(1.0e6, 1.0, 5000.0);
  loan.kind = FunderKind::loan;
  p.funders.push_back(loan);
  FundingLedger ledger(p);
  ledger.begin_year(2020);
  WorksToFund w = works(20000.0, false, 300.0);
  w.final_saving_kwh = 12345.0;  // 0.08 x 12 345 = 987.6 -> 987
  const reference::Split s = fund(ledger, w, 2);
  EXPECT_EQ(s.grant_eur, (std::vector<double>{987.0, 0.0}));
  EXPECT_EQ(s.loan_eur, (std::vector<double>{0.0, 5000.0}));
  EXPECT_EQ(s.landlord_eur, 20000.0 - 5987.0);
  w.final_saving_kwh = -500.0;  // worse after works: nothing per kWh, never negative
  EXPECT_EQ(fund(ledger, w, 2).grant_eur[0], 0.0);
}

TEST(Funding, LoanAnnuityWorkedOut) {
  // 22 000 EUR at 3 % over 30 years: 22 000 x 0.03 / (1 - 1.03^-30) = 1 122.4237 EUR a year.
  EXPECT_NEAR(loan_annuity_eur(22000.0, 0.03, 30), 1122.4237050, 1e-6);
  EXPECT_NEAR(loan_annuity_eur(22000.0, 0.0, 30), 733.3333333, 1e-6);
  EXPECT_EQ(loan_annuity_eur(22000.0, 0.03, 0), 0.0);
  EXPECT_EQ(loan_annuity_eur(22000.0, 0.03, -2), 0.0);
  // The repayments, discounted at the loan's rate, give back the principal.
  for (const double rate : {0.005, 0.01, 0.03, 0.06}) {
    const double a = loan_annuity_eur(10000.0, rate, 25);
    double present = 0.0;
    for (int t = 1; t <= 25; ++t) present += a / std::pow(1.0 + rate, t);
    EXPECT_NEAR(present, 10000.0, 1e-6) << rate;
  }
}

TEST(Funding, TenantContributionIsAShareOfTheSaving) {
  TenantContribution c;
  c.enabled = true;
  c.saving_share = 0.5;
  EXPECT_EQ(tenant_contribution_eur_per_yr(c, 2000.0, 800.0), 600.0);  // 0.5 x 1 200
  c.saving_share = 0.3;
  EXPECT_NEAR(tenant_contribution_eur_per_yr(c, 2000.0, 800.0), 360.0, 1e-9);
  EXPECT_EQ(tenant_contribution_eur_per_yr(c, 800.0, 900.0), 0.0);  // no saving, nothing owed
  c.enabled = false;
  EXPECT_EQ(tenant_contribution_eur_per_yr(c, 2000.0, 800.0), 0.0);
}

// ---- random funders and works -------------------------------------------------------

struct RandomCase {
  FundingParams params;
  std::vector<int> years;                       ///< opened in this order (gaps, repeats)
  std::vector<std::vector<WorksToFund>> works;  ///< per opened year
};

template <class T>
std::vector<T> some_of(std::mt19937_64& rng, int count, double keep) {
  std::bernoulli_distribution pick(keep);
  std::vector<T> out;
  for (int v = 0; v < count; ++v)
    if (pick(rng)) out.push_back(static_cast<T>(v));
  if (out.empty()) out.push_back(static_cast<T>(rng() % static_cast<unsigned>(count)));
  return out;
}

RandomCase random_case(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::bernoulli_distribution half(0.5), rarely(0.2);
  auto integer = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
  };
  RandomCase c;
  const int funders = integer(1, 6);
  for (int f = 0; f < funders; ++f) {
    Funder fu;
    fu.name = "f";
    fu.kind = half(rng) ? FunderKind::grant : FunderKind::loan;
    const int steps = rarely(rng) ? 0 : integer(1, 3);
    int from = integer(2012, 2020);
    for (int s = 0; s < steps; ++s) {
      const double value = rarely(rng) ? 0.0 : 1.0e6 * u(rng) * u(rng);
      fu.envelope_eur_per_yr.push_back({from, rarely(rng) ? std::floor(value) : value});
      from += integer(1, 4);
    }
    fu.first_year = integer(2010, 2021);
    fu.last_year = rarely(rng) ? fu.first_year + integer(0, 8) : 9999;
    fu.carry_over = half(rng);
    if (rarely(rng)) fu.cite_categories = some_of<std::uint8_t>(rng, 5, 0.5);
    if (rarely(rng)) fu.cite_ids = some_of<std::int32_t>(rng, 30, 0.5);  // increasing: sorted
    fu.qpv_only = rarely(rng);
    if (rarely(rng)) fu.owners = some_of<std::uint8_t>(rng, 3, 0.5);
    if (rarely(rng)) fu.label_before_min = static_cast<std::uint8_t>(integer(0, 6));
    if (rarely(rng)) fu.primary_energy_before_min_kwh_m2 = 100.0 + 250.0 * u(rng);
    if (rarely(rng)) fu.primary_saving_min = 0.6 * u(rng);
    if (rarely(rng)) fu.label_after_max = static_cast<std::uint8_t>(integer(0, 6));
    fu.max_share = half(rng) ? 1.0 : 0.1 + 0.9 * u(rng);
    if (half(rng)) fu.max_eur_per_dwelling = rarely(rng) ? 4362.0 : 1000.0 + 30000.0 * u(rng);
    if (rarely(rng)) fu.eur_per_kwh_saved = 2.0 * u(rng);
    c.params.funders.push_back(fu);
  }
  int year = integer(2016, 2020);
  const int opened = integer(1, 9);
  for (int k = 0; k < opened; ++k) {
    c.years.push_back(year);
    c.works.emplace_back();
    const int count = integer(0, 40);
    for (int d = 0; d < count; ++d) {
      WorksToFund w;
      w.cite_category = static_cast<std::uint8_t>(integer(0, 4));
      w.cite_id = integer(0, 29);
      w.owner = static_cast<std::uint8_t>(integer(0, 2));
      w.qpv = half(rng);
      w.label_before = static_cast<std::uint8_t>(integer(0, 6));
      w.label_after = static_cast<std::uint8_t>(integer(0, 6));
      w.primary_before_kwh_m2 = rarely(rng) ? 0.0 : 50.0 + 550.0 * u(rng);
      w.primary_after_kwh_m2 = w.primary_before_kwh_m2 * (0.1 + 1.0 * u(rng));
      w.final_saving_kwh = -2000.0 + 30000.0 * u(rng);
      const double cost = rarely(rng) ? 0.0 : 120000.0 * u(rng);
      w.cost_eur = half(rng) ? std::round(cost) : cost;
      c.works.back().push_back(w);
    }
    const int step = integer(0, 9);
    year += step == 0 ? 0 : step == 1 ? 2 : 1;  // mostly the next year; sometimes a gap or the same
  }
  return c;
}

TEST(Funding, EqualsReferenceOnRandomFundersAndWorks) {
  std::mt19937_64 rng(20180601);
  std::size_t compared = 0, funded = 0, envelope_bound = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const RandomCase c = random_case(rng);
    const std::size_t n = c.params.funders.size();
    FundingLedger ledger(c.params);
    reference::Ledger expected(c.params);
    for (std::size_t y = 0; y < c.years.size(); ++y) {
      ledger.begin_year(c.years[y]);
      expected.begin_year(c.years[y]);
      for (std::size_t f = 0; f < n; ++f)
        ASSERT_EQ(ledger.available(f), expected.money[f]) << "trial " << trial << " year " << c.years[y];
      for (const WorksToFund& w : c.works[y]) {
        const reference::Split got = fund(ledger, w, n);
        const reference::Split want = expected.fund(w);
        ASSERT_EQ(got.grant_eur, want.grant_eur) << "trial " << trial << " year " << c.years[y];
        ASSERT_EQ(got.loan_eur, want.loan_eur) << "trial " << trial << " year " << c.years[y];
        ASSERT_EQ(got.landlord_eur, want.landlord_eur) << "trial " << trial;
        ++compared;
        if (want.landlord_eur < w.cost_eur) ++funded;
        for (std::size_t f = 0; f < n; ++f)
          if (expected.money[f] == 0.0 && want.grant_eur[f] + want.loan_eur[f] > 0.0) ++envelope_bound;
      }
    }
  }
  // The population exercises what it should: many dwellings, a good part of them funded,
  // envelopes running out (about 40 000, 32 % and 200 with seed 20180601).
  EXPECT_GT(compared, 20000U);
  EXPECT_GT(funded, compared / 4);
  EXPECT_GT(envelope_bound, 100U);
}

TEST(Funding, InvariantsOnRandomFundersAndWorks) {
  std::mt19937_64 rng(59);
  std::size_t carried_years = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const RandomCase c = random_case(rng);
    const std::size_t n = c.params.funders.size();
    FundingLedger ledger(c.params);
    std::vector<double> grant(n), loan(n);
    for (std::size_t y = 0; y < c.years.size(); ++y) {
      ledger.begin_year(c.years[y]);
      std::vector<double> envelope(n), spent(n, 0.0);
      for (std::size_t f = 0; f < n; ++f) {
        envelope[f] = ledger.available(f);
        ASSERT_GE(envelope[f], 0.0);
        const Funder& fu = c.params.funders[f];
        const bool in_years = fu.first_year <= c.years[y] && c.years[y] <= fu.last_year;
        if (!in_years) {
          EXPECT_EQ(envelope[f], 0.0);
        }
        if (fu.carry_over && in_years && envelope[f] > 0.0) ++carried_years;
      }
      for (const WorksToFund& w : c.works[y]) {
        const double landlord = ledger.fund(w, grant, loan);
        ASSERT_GE(landlord, 0.0);
        double in_order = 0.0, grants = 0.0, loans = 0.0;
        for (std::size_t f = 0; f < n; ++f) {
          const Funder& fu = c.params.funders[f];
          ASSERT_GE(grant[f], 0.0);
          ASSERT_GE(loan[f], 0.0);
          ASSERT_EQ(fu.kind == FunderKind::grant ? loan[f] : grant[f], 0.0);
          const double amount = grant[f] + loan[f];
          if (!reference::funder_eligible(fu, w)) {
            ASSERT_EQ(amount, 0.0) << "ineligible funder " << f;
          }
          ASSERT_LE(amount, fu.max_share * w.cost_eur);
          ASSERT_LE(amount, fu.max_eur_per_dwelling);
          if (fu.eur_per_kwh_saved > 0.0) {
            ASSERT_LE(amount, std::max(0.0, fu.eur_per_kwh_saved * w.final_saving_kwh));
          }
          ASSERT_EQ(amount, std::floor(amount)) << "whole euros";
          spent[f] += amount;
          ASSERT_LE(spent[f], envelope[f]) << "funder " << f << " overspends in " << c.years[y];
          ASSERT_EQ(ledger.available(f), envelope[f] - spent[f]);
          in_order += amount;
          grants += grant[f];
          loans += loan[f];
        }
        // To the last bit, in two orders of addition.
        ASSERT_EQ(in_order + landlord, w.cost_eur);
        ASSERT_EQ(landlord + loans + grants, w.cost_eur);
      }
    }
  }
  EXPECT_GT(carried_years, 500U);
}

}  // namespace
}  // namespace coron::test
