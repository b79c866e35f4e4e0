#include "policy/ranking.hpp"
#include "reference_ranking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

// The three rules on five candidates worked by hand, then the weighted score against the
// plain reference (reference_ranking.cpp) over varied populations, ties, zero weights and
// monotonicity.
//
// The hand case (criteria: poverty, fuel poverty, qpv, label, primary energy, heritage,
// condition; then outcome, cost):
//   0: 0.50 0.20 1.0 E=4 300 0.0 0.10 | 100 1000   ratio 0.10
//   1: 0.20 0.40 0.0 G=6 450 1.0 0.00 | 300 2000   ratio 0.15
//   2: 0.80 0.10 0.5 G=6 500 0.5 0.30 |  50    0   free, with a gain
//   3: 0.20 0.40 0.0 D=3 200 0.0 0.00 | 150 1000   ratio 0.15
//   4: 0.40 0.25 1.0 E=4 300 0.0 0.20 |   0  500   ratio 0
// worst_first: G {2 (500), 1 (450)}, E {0, 4 tie at 300: index}, D {3}  -> 2 1 0 4 3.
// cost_effectiveness: 2 (free gain), 1 and 3 (0.15, index), 0 (0.10), 4 (0) -> 2 1 3 0 4.
// weighted, poverty 3, fuel poverty 1, label 1:
//   poverty min 0.2, range 0.6:  0.5, 0, 1, 0, 1/3
//   fuel    min 0.1, range 0.3:  1/3, 1, 0, 1, 1/2
//   label   min 3,   range 3:    1/3, 1, 1, 0, 1/3
//   scores: 0: 1.5 + 1/3 + 1/3 = 2.1667; 1: 0 + 1 + 1 = 2; 2: 3 + 0 + 1 = 4;
//           3: 0 + 1 + 0 = 1;            4: 1 + 0.5 + 1/3 = 1.8333      -> 2 0 1 4 3.

namespace coron {
namespace {

using reference::Candidate;

// The candidates as columns, the way the library reads them.
struct Columns {
  std::vector<double> criteria[criterion_count];
  std::vector<double> outcome, cost_eur;

  explicit Columns(const std::vector<Candidate>& candidates) {
    for (const Candidate& c : candidates) {
      for (std::size_t k = 0; k < criterion_count; ++k) criteria[k].push_back(c.criteria[k]);
      outcome.push_back(c.outcome);
      cost_eur.push_back(c.cost_eur);
    }
  }
  [[nodiscard]] CandidateFacts facts() const {
    return {criteria[0], criteria[1], criteria[2], criteria[3], criteria[4],
            criteria[5], criteria[6], outcome,     cost_eur};
  }
};

CriterionWeights weights_of(const double (&w)[7]) { return {w[0], w[1], w[2], w[3], w[4], w[5], w[6]}; }

std::vector<std::int32_t> ranked(RankingRule rule, const CandidateFacts& facts,
                                 const CriterionWeights& weights, std::size_t n) {
  std::vector<std::int32_t> order(n, -1);
  std::vector<double> scratch(rule == RankingRule::weighted ? n : 0);
  rank(rule, facts, weights, order, scratch);
  return order;
}

std::vector<Candidate> hand_case() {
  return {{{0.50, 0.20, 1.0, 4, 300, 0.0, 0.10}, 100, 1000},
          {{0.20, 0.40, 0.0, 6, 450, 1.0, 0.00}, 300, 2000},
          {{0.80, 0.10, 0.5, 6, 500, 0.5, 0.30}, 50, 0},
          {{0.20, 0.40, 0.0, 3, 200, 0.0, 0.00}, 150, 1000},
          {{0.40, 0.25, 1.0, 4, 300, 0.0, 0.20}, 0, 500}};
}

using Order = std::vector<std::int32_t>;

TEST(Ranking, WorstFirstByHand) {
  const Columns columns(hand_case());
  EXPECT_EQ(ranked(RankingRule::worst_first, columns.facts(), {}, 5), (Order{2, 1, 0, 4, 3}));
}

TEST(Ranking, CostEffectivenessByHand) {
  const Columns columns(hand_case());
  EXPECT_EQ(ranked(RankingRule::cost_effectiveness, columns.facts(), {}, 5), (Order{2, 1, 3, 0, 4}));
}

TEST(Ranking, WeightedByHand) {
  const Columns columns(hand_case());
  const CriterionWeights w{.poverty = 3, .fuel_poverty = 1, .label = 1};
  EXPECT_EQ(ranked(RankingRule::weighted, columns.facts(), w, 5), (Order{2, 0, 1, 4, 3}));
  std::vector<double> scores(5);
  weighted_scores(columns.facts(), w, scores);
  const double expected[5] = {1.5 + 2.0 / 3, 2.0, 4.0, 1.0, 1.5 + 1.0 / 3};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(scores[i], expected[i], 1e-12) << "candidate " << i;
}

TEST(Ranking, CostEffectivenessFreeCandidates) {
  // Two free gains (the larger first), a free nothing (ratio 0, before a negative ratio but
  // after a positive one) and a free loss, last.
  std::vector<Candidate> c(6);
  c[0].outcome = 10, c[0].cost_eur = 100;  // 0.1
  c[1].outcome = -5, c[1].cost_eur = 0;    // free loss: last
  c[2].outcome = 1, c[2].cost_eur = 0;     // free gain
  c[3].outcome = 0, c[3].cost_eur = 0;     // 0
  c[4].outcome = 7, c[4].cost_eur = 0;     // free gain, larger
  c[5].outcome = -1, c[5].cost_eur = 10;   // -0.1
  const Columns columns(c);
  EXPECT_EQ(ranked(RankingRule::cost_effectiveness, columns.facts(), {}, 6), (Order{4, 2, 0, 3, 5, 1}));
}

// A population with many repeated values (labels, shares of small cités, whole kWh) so that
// ties are common, and now and then a criterion equal for everyone.
std::vector<Candidate> varied_population(std::mt19937_64& rng, std::size_t n) {
  std::uniform_int_distribution<int> label(0, 6), households(1, 12), kwh(80, 600), coin(0, 3);
  std::uniform_real_distribution<double> unit(0.0, 1.0), cost(0.0, 5e5);
  const bool constant_heritage = coin(rng) == 0;
  std::vector<Candidate> candidates(n);
  for (Candidate& c : candidates) {
    const int size = households(rng);
    for (int k : {0, 1, 2, 5, 6})
      c.criteria[k] = std::uniform_int_distribution<int>(0, size)(rng) / static_cast<double>(size);
    if (constant_heritage) c.criteria[5] = 0.25;
    c.criteria[3] = label(rng);
    c.criteria[4] = coin(rng) == 0 ? unit(rng) * 700 : kwh(rng);
    c.outcome = coin(rng) == 0 ? 0.0 : (unit(rng) - 0.1) * 1e5;
    c.cost_eur = coin(rng) == 0 ? 0.0 : cost(rng);
  }
  // Exact duplicates of earlier candidates: their order must follow the index.
  for (std::size_t i = n / 2; i < n; i += 7) candidates[i] = candidates[i - n / 2];
  return candidates;
}

TEST(Ranking, WeightedMatchesReferenceOverVariedPopulations) {
  std::mt19937_64 rng(20170301);
  std::uniform_real_distribution<double> weight(-1.0, 3.0);
  std::uniform_int_distribution<int> coin(0, 2), size(1, 150);
  for (int trial = 0; trial < 300; ++trial) {
    const auto n = static_cast<std::size_t>(size(rng));
    const std::vector<Candidate> candidates = varied_population(rng, n);
    double w[7];
    for (double& x : w) x = coin(rng) == 0 ? 0.0 : weight(rng);
    const Columns columns(candidates);
    ASSERT_EQ(ranked(RankingRule::weighted, columns.facts(), weights_of(w), n),
              reference::weighted_order(candidates, w))
        << "trial " << trial;
    std::vector<double> scores(n);
    weighted_scores(columns.facts(), weights_of(w), scores);
    const std::vector<double> expected = reference::weighted_scores(candidates, w);
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(scores[i], expected[i]) << "trial " << trial << " candidate " << i;
  }
}

TEST(Ranking, OtherRulesMatchReferenceOverVariedPopulations) {
  std::mt19937_64 rng(2012);
  std::uniform_int_distribution<int> size(1, 150);
  for (int trial = 0; trial < 300; ++trial) {
    const auto n = static_cast<std::size_t>(size(rng));
    const std::vector<Candidate> candidates = varied_population(rng, n);
    const Columns columns(candidates);
    ASSERT_EQ(ranked(RankingRule::worst_first, columns.facts(), {}, n),
              reference::worst_first_order(candidates))
        << "trial " << trial;
    ASSERT_EQ(ranked(RankingRule::cost_effectiveness, columns.facts(), {}, n),
              reference::cost_effectiveness_order(candidates))
        << "trial " << trial;
  }
}

TEST(Ranking, IdenticalCandidatesKeepTheirIndexOrder) {
  std::vector<Candidate> candidates(9, Candidate{{0.3, 0.2, 1.0, 5, 320, 0.0, 0.1}, 40, 800});
  const Columns columns(candidates);
  const Order identity{0, 1, 2, 3, 4, 5, 6, 7, 8};
  const CriterionWeights w{.poverty = 1,
                           .fuel_poverty = 1,
                           .qpv = 1,
                           .label = 1,
                           .primary_energy = 1,
                           .heritage = 1,
                           .condition = 1};
  for (RankingRule rule : {RankingRule::worst_first, RankingRule::weighted, RankingRule::cost_effectiveness})
    EXPECT_EQ(ranked(rule, columns.facts(), w, 9), identity) << static_cast<int>(rule);
}

TEST(Ranking, TiedScoresGoToTheLowerIndex) {
  // Candidates 1, 3 and 4 differ only on heritage, which has no weight: equal scores.
  std::vector<Candidate> candidates = {{{0.9, 0, 0, 0, 0, 0, 0}},
                                       {{0.5, 0, 0, 0, 0, 1.0, 0}},
                                       {{0.1, 0, 0, 0, 0, 0, 0}},
                                       {{0.5, 0, 0, 0, 0, 0.0, 0}},
                                       {{0.5, 0, 0, 0, 0, 0.5, 0}}};
  const Columns columns(candidates);
  EXPECT_EQ(ranked(RankingRule::weighted, columns.facts(), {.poverty = 1}, 5), (Order{0, 1, 3, 4, 2}));
  // Reversed, the tied ones still go by index.
  std::reverse(candidates.begin(), candidates.end());
  const Columns reversed(candidates);
  EXPECT_EQ(ranked(RankingRule::weighted, reversed.facts(), {.poverty = 1}, 5), (Order{4, 0, 1, 3, 2}));
}

TEST(Ranking, ZeroWeightIgnoresItsCriterion) {
  std::mt19937_64 rng(543);
  const std::size_t n = 120;
  const std::vector<Candidate> candidates = varied_population(rng, n);
  const CriterionWeights w{.poverty = 2,
                           .fuel_poverty = 1,
                           .qpv = 0.5,
                           .label = 1,
                           .primary_energy = 0,
                           .heritage = 0.7,
                           .condition = 0};
  const Columns columns(candidates);
  const Order order = ranked(RankingRule::weighted, columns.facts(), w, n);
  // Scramble the two unweighted criteria: nothing moves.
  Columns scrambled(candidates);
  std::shuffle(scrambled.criteria[4].begin(), scrambled.criteria[4].end(), rng);
  std::shuffle(scrambled.criteria[6].begin(), scrambled.criteria[6].end(), rng);
  EXPECT_EQ(ranked(RankingRule::weighted, scrambled.facts(), w, n), order);
  // Nor does leaving them out.
  CandidateFacts without = columns.facts();
  without.primary_energy_kwh_m2 = {};
  without.unfit_share = {};
  EXPECT_EQ(ranked(RankingRule::weighted, without, w, n), order);
  // A weighted criterion scrambled does move candidates (so the check above can fail).
  Columns moved(candidates);
  std::shuffle(moved.criteria[0].begin(), moved.criteria[0].end(), rng);
  EXPECT_NE(ranked(RankingRule::weighted, moved.facts(), w, n), order);
}

TEST(Ranking, RaisingPovertyNeverMovesACandidateDown) {
  std::mt19937_64 rng(11250);
  std::uniform_real_distribution<double> weight(0.0, 2.0), raise(0.0, 0.5);
  int moved_up = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const std::size_t n = 60;
    const std::vector<Candidate> candidates = varied_population(rng, n);
    double w[7];
    for (double& x : w) x = weight(rng);
    w[0] = 0.1 + weight(rng);
    const auto j = static_cast<std::int32_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
    std::vector<Candidate> raised = candidates;
    raised[static_cast<std::size_t>(j)].criteria[0] += raise(rng);  // may become the new maximum
    const Order before = ranked(RankingRule::weighted, Columns(candidates).facts(), weights_of(w), n);
    const Order after = ranked(RankingRule::weighted, Columns(raised).facts(), weights_of(w), n);
    const auto place = [j](const Order& o) { return std::find(o.begin(), o.end(), j) - o.begin(); };
    ASSERT_LE(place(after), place(before)) << "trial " << trial;
    moved_up += place(after) < place(before) ? 1 : 0;
  }
  EXPECT_GT(moved_up, 100);  // the raise does matter, so the check above has teeth
}

TEST(Ranking, EmptyCandidateList) {
  const CandidateFacts none;
  for (RankingRule rule : {RankingRule::worst_first, RankingRule::weighted, RankingRule::cost_effectiveness})
    EXPECT_TRUE(ranked(rule, none, {.poverty = 1}, 0).empty());
}

}  // namespace
}  // namespace coron
