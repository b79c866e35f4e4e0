#include "engine/works_step.hpp"

#include "engine/budget_step.hpp"
#include "engine/slice_counts.hpp"
#include "engine/sliced_funding.hpp"

#include "coron/economics.hpp"
#include "coron/error.hpp"

#include <algorithm>
#include <optional>

// The year's works, between the thermal evaluation (this year's labels, which the
// rental bans and the at-vacancy rule read) and the lettings (which must not re-let a
// dwelling under works or banned). Selection and funding run in stock order on one
// thread: a capacity and an envelope are shared, and their order decides who gets
// them. The package search, the costly part, runs over blocks of candidates. A works
// budget (budget_step.cpp) then keeps the candidates it funds, in its rule's order. When
// the stock is one slice of several, the budget and the funding run on every slice alike
// over the year's candidates of them all (sliced_funding.cpp).

namespace coron::engine {

namespace {

/// Clears last year's works flags and money, ends contributions past their term.
void open_year(DwellingState& state, int year) {
  std::fill(state.works_started.begin(), state.works_started.end(), 0);
  std::fill(state.in_works.begin(), state.in_works.end(), 0);
  std::fill(state.target_missed.begin(), state.target_missed.end(), 0);
  std::fill(state.works_cost_eur.begin(), state.works_cost_eur.end(), 0.0);
  std::fill(state.grants_eur.begin(), state.grants_eur.end(), 0.0);
  std::fill(state.loans_eur.begin(), state.loans_eur.end(), 0.0);
  std::fill(state.landlord_eur.begin(), state.landlord_eur.end(), 0.0);
  for (std::size_t i = 0; i < state.size(); ++i)
    if (state.contribution_until[i] < year) {
      state.tenant_contribution_eur[i] = 0.0;
      state.contribution_until[i] = 0;
    }
}

/// Whether dwelling i belongs to an operation whose turn for it has come and not been taken.
bool due_in_operation(const YearContext& context, std::size_t i) {
  const WorksPlan& plan = *context.works;
  return !plan.operation.empty() && plan.operation[i] >= 0 && context.books->operation_done[i] == 0 &&
         plan.due_year[i] <= context.year;
}

/// Whether dwelling i is renovated this year, and why (its operation, or its vacancy).
bool is_candidate(const DwellingState& state, const YearContext& context, std::size_t i) {
  const RenovationOptions& options = context.works->options;
  if (due_in_operation(context, i)) return true;
  const AtVacancySpec& vacancy = options.at_vacancy;
  return vacancy.enabled && context.year >= vacancy.from_year && context.year <= vacancy.to_year &&
         state.occupied[i] == 0 && state.renovated_year[i] == 0 && state.label[i] >= vacancy.label_min;
}

/// The dwellings whose works start this year, in stock order, at most the capacity (over
/// the whole stock, of which this may be a slice).
void select_candidates(const DwellingState& state, const YearContext& context) {
  std::vector<std::size_t>& out = context.books->candidates;
  out.clear();
  const int capacity = context.works->options.capacity_per_year;
  const bool sliced = context.slices != nullptr;
  for (std::size_t i = 0; i < state.size(); ++i) {
    if (!sliced && capacity > 0 && out.size() >= static_cast<std::size_t>(capacity)) break;
    if (is_candidate(state, context, i)) out.push_back(i);
  }
  if (!sliced || capacity <= 0) return;
  // The earlier slices' candidates come first.
  const std::uint64_t mine = out.size();
  const std::uint64_t before = count_over_slices(*context.slices, std::span(&mine, 1)).before[0];
  const auto cap = static_cast<std::uint64_t>(capacity);
  out.resize(static_cast<std::size_t>(before >= cap ? 0 : std::min(mine, cap - before)));
}

PackageRules rules_for(const YearContext& context, std::size_t i) {
  PackageRules rules;
  rules.listed_facade = context.works->options.heritage_strict && context.stock.heritage_unesco[i] != 0;
  rules.unfit = context.stock.structurally_unfit[i] != 0;
  rules.unfit_works = context.works->options.unfit;
  return rules;
}

/// A package search costs a few hundred dwellings' evaluations: a year's candidates
/// (a few thousand) are shared out in small blocks.
constexpr std::size_t candidates_per_block = 32;

/// Dwelling i's package `package` of the plan under this year's factors.
PackageChoice price_package(const WorksPlan::Package& package, std::optional<std::size_t> reach_slot,
                            const WorksPlan& plan, const ThermalRow& row, const PackageRules& rules,
                            std::size_t i, const YearFactors& year_factors,
                            std::span<const double> cost_factor) {
  if (!package.target)
    return plan.search.listed(row, rules, package.listed_measures, year_factors, cost_factor);
  const ReachSet* reach = reach_slot ? package.reach_sets->find(*reach_slot, i, row, plan.search, rules,
                                                                plan.allowed, *package.target, year_factors)
                                     : nullptr;
  std::optional<PackageChoice> priced;
  if (reach != nullptr) priced = plan.search.cheapest_in(*reach, cost_factor, row);
  return priced ? *priced
                : plan.search.cheapest(row, rules, plan.allowed, *package.target, year_factors, cost_factor);
}

/// Gives each of this year's candidates without one an entry in books.priced, and lists
/// them in to_price; clears the entries first when the factors have changed.
void find_priced(const YearContext& context) {
  ReplicateBooks& books = *context.books;
  ReplicateBooks::PricedPackages& priced = books.priced;
  const std::size_t packages = context.works->packages.size();
  if (priced.factors.primary_energy_factor != context.factors.primary_energy_factor) {
    std::fill(priced.slot.begin(), priced.slot.end(), -1);
    priced.choices.clear();
    priced.factors = context.factors;
  }
  priced.to_price.clear();
  for (std::size_t c = 0; c < books.candidates.size(); ++c) {
    std::int32_t& slot = priced.slot[books.candidates[c]];
    if (slot >= 0) continue;
    slot = static_cast<std::int32_t>(priced.choices.size() / packages);
    priced.choices.resize(priced.choices.size() + packages);
    priced.to_price.push_back(c);
  }
}

/// Every package of every candidate, each independent of the others: candidate c's
/// package k in choices[c * packages + k]. Only candidates not priced before are searched.
void choose_packages(const DwellingState& state, const YearContext& context) {
  const WorksPlan& plan = *context.works;
  ReplicateBooks& books = *context.books;
  const std::size_t packages = plan.packages.size();
  find_priced(context);
  books.reach_slots.resize(packages);
  for (std::size_t k = 0; k < packages; ++k)
    books.reach_slots[k] =
        plan.packages[k].target ? plan.packages[k].reach_sets->factor_set(context.factors) : std::nullopt;
  const ThermalInputs in = thermal_inputs(state);
  const std::size_t measures = plan.works.measures.size();
  ReplicateBooks::PricedPackages& priced = books.priced;
  context.blocks.for_each(
      priced.to_price.size(),
      [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
          const std::size_t i = books.candidates[priced.to_price[p]];
          const auto cite = static_cast<std::size_t>(context.stock.cite_id[i]);
          const std::span<const double> factors(books.cost_factor.data() + cite * measures, measures);
          const ThermalRow row = thermal_row(in, i);
          const PackageRules rules = rules_for(context, i);
          const auto entry = static_cast<std::size_t>(priced.slot[i]) * packages;
          for (std::size_t k = 0; k < packages; ++k)
            priced.choices[entry + k] = price_package(plan.packages[k], books.reach_slots[k], plan, row,
                                                      rules, i, context.factors, factors);
        }
      },
      candidates_per_block / packages + 1);
  books.choices.resize(books.candidates.size() * packages);
  for (std::size_t c = 0; c < books.candidates.size(); ++c) {
    const auto entry = static_cast<std::size_t>(priced.slot[books.candidates[c]]) * packages;
    std::copy_n(priced.choices.begin() + static_cast<std::ptrdiff_t>(entry), packages,
                books.choices.begin() + static_cast<std::ptrdiff_t>(c * packages));
  }
}

/// Whether any measure of `bits` sends the occupants away during works.
bool occupants_leave(const WorksParams& works, std::int32_t bits) {
  for (std::size_t k = 0; k < works.measures.size(); ++k)
    if ((bits >> k & 1) != 0 && works.measures[k].occupants_leave) return true;
  return false;
}

/// The conventional energy bill of a dwelling's five uses priced at its heating carrier,
/// to estimate the saving a tenant's contribution is capped by.
double conventional_bill_eur(const EconomicsYear& prices, std::uint8_t heating_system, double final_kwh) {
  return final_kwh * prices.heating_eur_per_kwh[heating_system];
}

/// Prices, funds and records each candidate's works, in candidate order.
void fund_works(DwellingState& state, const YearContext& context) {
  const WorksPlan& plan = *context.works;
  ReplicateBooks& books = *context.books;
  WorksTable& table = books.year_works;
  table.clear(plan.funding.funders.size());
  books.year_works_cite.clear();
  const std::size_t funders = table.funders;
  const EconomicsYear prices = economics_year(plan.economics, context.thermal, context.year);
  for (std::size_t c = 0; c < books.candidates.size(); ++c) {
    const std::size_t i = books.candidates[c];
    const PackageChoice& choice = books.choices[c];
    const bool in_operation = due_in_operation(context, i);
    if (in_operation) books.operation_done[i] = 1;
    if (choice.measures == 0) continue;  // nothing to do: already at the target

    double cost = choice.cost_eur;
    if (in_operation)
      cost += plan.options.operations[static_cast<std::size_t>(plan.operation[i])].outdoor_eur_per_dwelling;
    if (state.occupied[i] != 0 && occupants_leave(plan.works, choice.measures))
      cost += plan.works.rehousing_eur_per_household;

    WorksToFund works;
    works.cite_id = context.stock.cite_id[i];
    works.cite_category = context.stock.cites.category[static_cast<std::size_t>(works.cite_id)];
    works.owner = context.stock.owner[i];
    works.qpv = context.stock.qpv[i] != 0;
    works.label_before = state.label[i];
    works.label_after = choice.label_after;
    works.primary_before_kwh_m2 = state.primary_energy_kwh_m2[i];
    works.primary_after_kwh_m2 = choice.primary_after_kwh_m2;
    works.final_saving_kwh = std::max(0.0, state.final_energy_kwh[i] - choice.final_after_kwh);
    works.cost_eur = cost;

    const std::size_t r = table.size();
    table.grant_eur.resize((r + 1) * funders);
    table.loan_eur.resize((r + 1) * funders);
    const std::span<double> grants(table.grant_eur.data() + r * funders, funders);
    const std::span<double> loans(table.loan_eur.data() + r * funders, funders);
    const double landlord = books.ledger.fund(works, grants, loans);
    table.year.push_back(context.year);
    books.year_works_cite.push_back(works.cite_id);
    table.row.push_back(static_cast<std::int64_t>(i));
    table.package.push_back(choice.measures);
    table.cost_eur.push_back(cost);
    table.landlord_eur.push_back(landlord);
    table.label_before.push_back(works.label_before);
    table.label_after.push_back(choice.label_after);
    table.primary_before_kwh_m2.push_back(works.primary_before_kwh_m2);
    table.primary_after_kwh_m2.push_back(choice.primary_after_kwh_m2);
    table.target_reached.push_back(choice.reached ? 1 : 0);

    double granted = 0.0, lent = 0.0;
    for (std::size_t f = 0; f < funders; ++f) {
      granted += grants[f];
      lent += loans[f];
    }
    state.works_started[i] = 1;
    books.priced.slot[i] = -1;  // its row changes on 1 January
    state.in_works[i] = 1;
    state.target_missed[i] = choice.reached ? 0 : 1;
    state.renovated_year[i] = static_cast<std::int16_t>(context.year);
    state.package[i] = choice.measures;
    state.works_cost_eur[i] = cost;
    state.grants_eur[i] = granted;
    state.loans_eur[i] = lent;
    state.landlord_eur[i] = landlord;

    const TenantContribution& contribution = plan.funding.tenant_contribution;
    if (contribution.enabled && plan.options.tenant_contribution) {
      const double before = conventional_bill_eur(prices, state.heating_system[i], state.final_energy_kwh[i]);
      const double after = conventional_bill_eur(prices, choice.after.heating_system, choice.final_after_kwh);
      state.tenant_contribution_eur[i] = tenant_contribution_eur_per_yr(contribution, before, after);
      state.contribution_until[i] = static_cast<std::int16_t>(context.year + contribution.years);
    }
  }
}

/// The budget keeps the candidates it funds, which are then funded in its order: both
/// read the year's candidates of the whole stock.
void budget_and_funding(DwellingState& state, const YearContext& context) {
  allocate_year_budget(state, context);
  fund_works(state, context);
}

/// Rental bans and works decide which dwellings may take a new lease this year.
void letting_rules(DwellingState& state, const YearContext& context) {
  const WorksParams& works = context.works->works;
  const bool bans = context.works->rental_bans;
  for (std::size_t i = 0; i < state.size(); ++i) {
    const bool banned = bans && !works.may_let(state.label[i], context.year);
    state.banned_from_letting[i] = banned ? 1 : 0;
    state.letting_blocked[i] = banned || state.in_works[i] != 0 ? 1 : 0;
  }
}

}  // namespace

void works_step(DwellingState& state, const YearContext& context) {
  CORON_ASSERT(context.works != nullptr && context.books != nullptr);
  open_year(state, context.year);
  if (context.works->options.enabled) {
    select_candidates(state, context);
    choose_packages(state, context);
    if (context.slices != nullptr) {
      fund_over_slices(state, context, budget_and_funding);
    } else {
      budget_and_funding(state, context);
    }
  } else {
    context.books->allocation = {};
    context.books->year_works.clear(context.works->funding.funders.size());
    context.books->year_works_cite.clear();
  }
  letting_rules(state, context);
}

void works_completion_step(DwellingState& state, const YearContext& context) {
  // Last year's works take effect on 1 January: last year's bills and label were those of
  // the old dwelling; this year's label comes from the kernel on the new one. The
  // dwellings are those whose works_started is still set from last year.
  CORON_ASSERT(context.works != nullptr);
  const WorksParams& works = context.works->works;
  const ThermalInputs in = thermal_inputs(state);
  context.blocks.for_each(state.size(), [&](std::size_t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (state.works_started[i] == 0) continue;
      const std::int32_t bits = state.package[i];
      const ThermalRow after = apply_package(works, thermal_row(in, i), bits);
#define CORON_STORE(T, name, unit, spec, text) state.name[i] = after.name;
      CORON_THERMAL_COLUMNS(CORON_STORE)
#undef CORON_STORE
      const std::int16_t year = state.renovated_year[i];
      for (std::size_t k = 0; k < works.measures.size(); ++k) {
        if ((bits >> k & 1) == 0) continue;
        switch (works.measures[k].component) {
          case Component::wall:
            state.wall_works_year[i] = year;
            break;
          case Component::roof:
            state.roof_works_year[i] = year;
            break;
          case Component::floor:
            state.floor_works_year[i] = year;
            break;
          case Component::windows:
            state.windows_works_year[i] = year;
            break;
          case Component::ventilation:
            state.ventilation_works_year[i] = year;
            break;
          case Component::heating:
            state.heating_works_year[i] = year;
            break;
          case Component::dhw:
            state.dhw_works_year[i] = year;
            break;
          case Component::structure:
            state.structure_works_year[i] = year;
            break;
        }
      }
      state.works_started[i] = 0;
    }
  });
}

}  // namespace coron::engine
