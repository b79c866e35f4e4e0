#include "engine/budget_step.hpp"

#include "engine/allocation.hpp"
#include "engine/allocation_objective.hpp"
#include "engine/cite_grouping.hpp"

#include "coron/error.hpp"

#include <cmath>

namespace coron::engine {

namespace {

/// Label E, as in the rental bans: E, F and G are the labels to leave.
constexpr std::uint8_t label_e = 4;

/// Every candidate's packages: their cost and what they buy, into the scratch.
CandidatePackages price_packages(const DwellingState& state, const YearContext& context,
                                 const ObjectiveContext& objective, AllocationScratch& s) {
  const WorksPlan& plan = *context.works;
  const ReplicateBooks& books = *context.books;
  const std::size_t n = books.candidates.size();
  const std::size_t per = plan.packages.size();
  s.package_cost_eur.resize(n * per);
  s.package_outcome.resize(n * per);
  for (std::size_t c = 0; c < n; ++c)
    for (std::size_t k = 0; k < per; ++k) {
      const PackageChoice& choice = books.choices[c * per + k];
      s.package_cost_eur[c * per + k] = choice.cost_eur;
      s.package_outcome[c * per + k] = outcome(objective, state, books.candidates[c], choice);
    }
  return {per, s.package_cost_eur, s.package_outcome};
}

/// The candidate dwellings' facts; cost and outcome those of their package 0.
CandidateFacts dwelling_facts(const DwellingState& state, const YearContext& context, double poverty_line,
                              const CandidatePackages& packages, AllocationScratch& s) {
  const ReplicateBooks& books = *context.books;
  const std::size_t n = books.candidates.size();
  for (std::vector<double>* column : {&s.poor, &s.fuel_poor, &s.qpv, &s.label, &s.primary_energy_kwh_m2,
                                      &s.heritage, &s.unfit, &s.outcome, &s.cost_eur})
    column->resize(n);
  for (std::size_t c = 0; c < n; ++c) {
    const std::size_t i = books.candidates[c];
    s.poor[c] = state.occupied[i] != 0 && state.income_per_cu_eur[i] < poverty_line ? 1.0 : 0.0;
    s.fuel_poor[c] = s.fuel_poor_now[c];
    s.qpv[c] = context.stock.qpv[i] != 0 ? 1.0 : 0.0;
    s.label[c] = state.label[i];
    s.primary_energy_kwh_m2[c] = state.primary_energy_kwh_m2[i];
    s.heritage[c] = context.stock.heritage_unesco[i] != 0 ? 1.0 : 0.0;
    s.unfit[c] = context.stock.structurally_unfit[i] != 0 ? 1.0 : 0.0;
    s.outcome[c] = packages.outcome[c * packages.per_candidate];
    s.cost_eur[c] = packages.cost_eur[c * packages.per_candidate];
  }
  CandidateFacts facts;
  facts.poor_share = s.poor;
  facts.fuel_poor_share = s.fuel_poor;
  facts.qpv_share = s.qpv;
  facts.label = s.label;
  facts.primary_energy_kwh_m2 = s.primary_energy_kwh_m2;
  facts.heritage_share = s.heritage;
  facts.unfit_share = s.unfit;
  facts.outcome = s.outcome;
  facts.cost_eur = s.cost_eur;
  return facts;
}

/// x / y, with 0 / 0 read as 0 (nothing spent, nothing done: no evidence either way).
double ratio(double x, double y) { return x == 0.0 && y == 0.0 ? 0.0 : x / y; }

double stage_gate_indicator(AllocationSpec::StageGate::Indicator indicator,
                            const ReplicateBooks::FirstStage& f) {
  using Indicator = AllocationSpec::StageGate::Indicator;
  switch (indicator) {
    case Indicator::cost_per_dwelling_out_of_efg:
      return ratio(f.spent_eur, static_cast<double>(f.out_of_efg));
    case Indicator::spent_share:
      return ratio(f.spent_eur, f.budget_eur);
    case Indicator::objective_per_meur:
      return ratio(f.objective, f.spent_eur / 1e6);
  }
  return 0.0;
}

/// At the start of the gate's year: the indicator over the years before, the decision,
/// recorded in `totals` and kept in `f` for the years that follow.
void decide_stage_gate(const AllocationSpec::StageGate& gate, ReplicateBooks::FirstStage& f,
                       AllocationTotals& totals) {
  const double value = stage_gate_indicator(gate.indicator, f);
  const bool held = gate.above ? value > gate.threshold : value < gate.threshold;
  f.action = held ? gate.action : AllocationSpec::StageGate::Action::continue_;
  totals.stage_gate_decided = true;
  totals.stage_gate_indicator = value;
  totals.stage_gate_held = held;
  totals.stage_gate_action = static_cast<std::uint8_t>(f.action);
}

/// Keeps, of the candidates and their packages, those funded, in the allocation's order,
/// each with its chosen package: candidate c funded with package k when taken[c] == k + 1.
void keep_funded(ReplicateBooks& books, std::size_t packages, std::span<const std::int32_t> order,
                 std::span<const std::uint8_t> taken) {
  books.kept_candidates.clear();
  books.kept_choices.clear();
  for (const std::int32_t c : order) {
    const auto k = static_cast<std::size_t>(c);
    if (taken[k] == 0) continue;
    books.kept_candidates.push_back(books.candidates[k]);
    books.kept_choices.push_back(books.choices[k * packages + taken[k] - 1U]);
  }
  books.candidates.swap(books.kept_candidates);
  books.choices.swap(books.kept_choices);
}

/// The cités' choice, dwelling by dwelling: a cité's candidates (in stock order) in the
/// cités' order, each with its cité's package.
void expand_cites(const CiteGrouping& g, std::span<const std::int32_t> group_order,
                  std::span<const std::uint8_t> group_taken, AllocationScratch& s) {
  s.order.clear();
  s.taken.assign(g.members.size(), 0);
  for (const std::int32_t group : group_order) {
    const auto k = static_cast<std::size_t>(group);
    for (std::size_t m = g.first[k]; m < g.first[k + 1]; ++m) {
      s.order.push_back(static_cast<std::int32_t>(g.members[m]));
      s.taken[g.members[m]] = group_taken[k];
    }
  }
}

}  // namespace

void allocate_year_budget(const DwellingState& state, const YearContext& context) {
  CORON_ASSERT(context.works != nullptr && context.books != nullptr);
  const AllocationSpec& spec = context.works->options.allocation;
  ReplicateBooks& books = *context.books;
  const std::size_t packages = context.works->packages.size();
  const std::size_t n = books.candidates.size();
  books.allocation = {};
  AllocationScratch& s = books.allocation_scratch;
  // Without a budget every candidate takes its one package: alternatives come only with
  // an allocation, which always has a budget (the scenario loader's rule).
  if (!spec.enabled()) {
    CORON_ASSERT(packages == 1);
    return;
  }
  const WorksPlan& plan = *context.works;
  const ObjectiveContext objective =
      objective_context(plan.options.allocation, plan.economics, context.thermal, context.year);
  const double poverty_line = objective.prices.poverty_line_per_cu_eur;
  const CandidatePackages dwelling_packages = price_packages(state, context, objective, s);
  // The rankings' fuel poverty is this year's, as the objective's (not last year's column).
  s.fuel_poor_now.resize(n);
  for (std::size_t c = 0; c < n; ++c)
    s.fuel_poor_now[c] = fuel_poor_now(objective, state, books.candidates[c]) ? 1 : 0;
  // Before the first year written, the first year's budget (as every year-step table).
  // An envelope for the run: what is left of it.
  const bool envelope = spec.budget_eur_total.has_value();
  double budget = envelope ? books.envelope_left_eur : year_step_value(spec.budget_eur_per_yr, context.year);
  AllocationSpec::Rule rule = spec.rule;
  ReplicateBooks::FirstStage& first_stage = books.first_stage;
  if (spec.stage_gate.enabled() && context.year >= spec.stage_gate.year) {
    if (context.year == spec.stage_gate.year) {
      decide_stage_gate(spec.stage_gate, first_stage, books.allocation);
      // An envelope is cut once, what is left of it at the gate.
      if (envelope && first_stage.action == AllocationSpec::StageGate::Action::cut)
        books.envelope_left_eur = budget = budget * spec.stage_gate.cut_factor;
    }
    if (!envelope && first_stage.action == AllocationSpec::StageGate::Action::cut)
      budget *= spec.stage_gate.cut_factor;
    if (first_stage.action == AllocationSpec::StageGate::Action::switch_rule)
      rule = spec.stage_gate.switch_to;
  }

  AllocationChoice choice;
  if (spec.candidates == AllocationSpec::Candidates::cites) {
    CandidatePackages cite_packages;
    const CandidateFacts facts =
        group_by_cite(state, context.stock, books.candidates, s.fuel_poor_now, dwelling_packages,
                      poverty_line, books.cite_grouping, cite_packages);
    const std::size_t groups = books.cite_grouping.groups();
    s.group_order.resize(groups);
    s.group_taken.resize(groups);
    choice =
        allocate_budget(rule, facts, cite_packages, spec.weights, budget, s.group_order, s.group_taken, s);
    expand_cites(books.cite_grouping, s.group_order, s.group_taken, s);
  } else {
    const CandidateFacts facts = dwelling_facts(state, context, poverty_line, dwelling_packages, s);
    s.order.resize(n);
    s.taken.resize(n);
    choice = allocate_budget(rule, facts, dwelling_packages, spec.weights, budget, s.order, s.taken, s);
  }
  keep_funded(books, packages, s.order, s.taken);

  AllocationTotals& totals = books.allocation;
  for (std::size_t c = 0; c < books.candidates.size(); ++c) {
    const PackageChoice& funded = books.choices[c];
    if (funded.measures != 0) ++totals.funded;
    if (state.label[books.candidates[c]] >= label_e && funded.label_after < label_e) ++first_stage.out_of_efg;
  }
  totals.budget_eur = budget;
  totals.spent_eur = choice.spent_eur;
  // In whole cents, as the allocation counts: what is left never goes below 0.
  if (envelope)
    books.envelope_left_eur =
        static_cast<double>(std::llround(budget * 100.0) - std::llround(choice.spent_eur * 100.0)) / 100.0;
  totals.objective = choice.objective;
  totals.bound = choice.bound;
  // The share spent of an envelope is of the whole envelope, not of what each year had left.
  first_stage.budget_eur = envelope ? *spec.budget_eur_total : first_stage.budget_eur + budget;
  first_stage.spent_eur += choice.spent_eur;
  first_stage.objective += choice.objective;
}

}  // namespace coron::engine
