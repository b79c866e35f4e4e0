#include "io/renovation_section.hpp"

#include "io/works_data.hpp"
#include "io/year_steps.hpp"

#include "coron/vocabulary.hpp"
#include "coron/works.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

constexpr int min_year = 2000;
constexpr int max_year = 2100;
constexpr std::array<std::string_view, 2> heritage_names = {"strict", "relaxed"};
constexpr std::array<std::string_view, 2> unfit_names = {"heavy", "rebuild"};

/// The works data of the scenario's data folder, if it reads without a problem. Its own
/// problems are not the scenario's: setup reports them when it loads the data.
std::optional<WorksParams> works_at_hand(const Scenario& s) {
  if (s.data_dir.empty()) return std::nullopt;
  Diagnostics diag;
  WorksParams works = load_works_params(s.data_dir, diag);
  if (!diag.empty()) return std::nullopt;
  return works;
}

void read_package(MapReader& r, PackageSpec& package, const std::optional<WorksParams>& works) {
  MapReader p = r.map("package");
  if (!p.valid()) return;
  const OneOf given = p.one_of({"reach", "measures"});
  if (given.both())
    p.report(p.node("measures"), "measures", "expected exactly one of 'reach' or 'measures', got both");
  else if (given.neither())
    p.report_here(
        "expected exactly one of 'reach' (a label or a named level) or 'measures' (a list), got neither");
  if (given.read(0)) {
    if (const auto reach = p.required<std::string>("reach")) {
      if (reach->empty())
        p.report(p.node("reach"), "reach", "expected a label A..G or a named level such as BBC, got ''");
      else if (const auto problem = works ? target_name_problem(*reach, *works) : std::nullopt)
        p.report(p.node("reach"), "reach", *problem);
      else
        package.reach = *reach;
    }
  }
  if (const auto measures = given.read(1) ? p.required_strings("measures") : std::nullopt) {
    const YAML::Node list = p.node("measures");
    bool ok = !measures->empty();
    if (!ok) p.report(list, "measures", "expected a non-empty list of measure names");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < measures->size(); ++i) {
      const std::string& name = (*measures)[i];
      const std::string key = fmt::format("measures[{}]", i);
      std::optional<std::string> problem;
      if (!seen.insert(name).second)
        problem = fmt::format("measure '{}' is listed twice", name);
      else if (works)
        problem = measure_name_problem(name, *works);
      if (problem) {
        p.report(list[i], key, *problem);
        ok = false;
      }
    }
    if (ok) package.measures = *measures;
  }
  p.finish();
}

/// One `operations[i]`: the cités (by name, or every cité of a category), when they start
/// and over how many years. `claimed` maps a named cité to the operation that took it.
OperationSpec read_operation(MapReader& o, std::size_t index, const SimulatedYears& years,
                             std::map<std::string, std::size_t>& claimed) {
  OperationSpec op;
  const OneOf given = o.one_of({"cites", "category"});
  if (given.both())
    o.report(o.node("category"), "category", "expected exactly one of 'cites' or 'category', got both");
  else if (given.neither())
    o.report_here("expected exactly one of 'cites' (a list of names) or 'category', got neither");
  if (given.read(1)) op.category = o.required_enum("category", cite_category_names);
  if (const auto cites = given.read(0) ? o.required_strings("cites") : std::nullopt) {
    const YAML::Node list = o.node("cites");
    if (cites->empty()) o.report(list, "cites", "expected a non-empty list of cité names");
    for (std::size_t i = 0; i < cites->size(); ++i) {
      const std::string& name = (*cites)[i];
      const std::string key = fmt::format("cites[{}]", i);
      if (name.empty()) {
        o.report(list[i], key, "expected a cité name, got ''");
        continue;
      }
      const auto [it, inserted] = claimed.emplace(name, index);
      if (!inserted)
        o.report(list[i], key,
                 it->second == index
                     ? fmt::format("cité '{}' is listed twice", name)
                     : fmt::format("cité '{}' is already in operations[{}]", name, it->second));
    }
    op.cites = *cites;
    // The names are matched against the stock's cités by setup, which reports
    // an unknown one here.
    for (std::size_t i = 0; i < cites->size(); ++i) {
      const YAML::Mark mark = list[i].Mark();
      op.cite_marks.push_back({mark.line + 1, mark.column + 1});
    }
  }
  // An operation starts within the simulated years; it may run past the last one.
  const int first = years.first.value_or(min_year);
  const int last = years.last.value_or(max_year);
  if (const auto start = o.required_in_range<int>("start", first, last)) op.start_year = *start;
  if (const auto n = o.required_in_range<int>("years", 1, 50)) op.years = *n;
  if (o.has("outdoor_eur_per_dwelling"))
    op.outdoor_eur_per_dwelling =
        o.required_in_range<double>("outdoor_eur_per_dwelling", 0.0, 1e6).value_or(0.0);
  return op;
}

void read_operations(MapReader& r, std::vector<OperationSpec>& out, const SimulatedYears& years) {
  if (!r.has("operations")) return;
  std::map<std::string, std::size_t> claimed;
  r.each_item("operations", "a list of operations such as [{category: priority, start: 2019, years: 10}]",
              [&](MapReader& o, std::size_t i) { out.push_back(read_operation(o, i, years, claimed)); });
}

/// `at_vacancy: {from_label: E, from: 2018, to: 2030}`: houses labelled from_label or worse
/// are renovated when they fall vacant, between the two years (both included; each
/// defaults to the run's own end).
void read_at_vacancy(MapReader& r, AtVacancySpec& v) {
  if (!r.has("at_vacancy")) return;
  MapReader a = r.map("at_vacancy");
  if (!a.valid()) return;
  v.enabled = true;
  if (a.has("from_label")) v.label_min = a.required_enum("from_label", label_names).value_or(v.label_min);
  std::optional<int> from, to;
  if (a.has("from")) from = a.required_in_range<int>("from", min_year, max_year);
  if (a.has("to")) to = a.required_in_range<int>("to", min_year, max_year);
  if (from) v.from_year = *from;
  if (to) v.to_year = *to;
  if (from && to && *to < *from)
    a.report(a.node("to"), "to", fmt::format("expected a year at least 'from' ({}), got {}", *from, *to));
  a.finish();
}

/// Largest yearly budget accepted: the knapsack counts cents in an int64 (knapsack.hpp).
constexpr double max_budget_eur_per_yr = 1e12;
/// And the largest envelope: the knapsack's largest budget (knapsack.hpp).
constexpr double max_budget_eur_total = 1e15;
constexpr double max_weight = 1e6;

/// `weights: {poverty: 2, label: 1, ...}`: each criterion at most once, at least one not 0.
void read_weights(MapReader& a, CriterionWeights& w) {
  MapReader m = a.map("weights");
  if (!m.valid()) return;
  // In the order of Criterion, as criterion_names.
  const std::array<double*, criterion_count> slots = {
      &w.poverty, &w.fuel_poverty, &w.qpv, &w.label, &w.primary_energy, &w.heritage, &w.condition};
  bool any = false;
  for (std::size_t k = 0; k < criterion_count; ++k) {
    if (!m.has(criterion_names[k])) continue;
    *slots[k] = m.required_in_range<double>(criterion_names[k], -max_weight, max_weight).value_or(0.0);
    any = any || *slots[k] != 0.0;
  }
  if (!any) m.report_here("expected at least one criterion with a weight other than 0, such as {poverty: 1}");
  m.finish();
}

/// Largest weight of an objective's term: 10^6 EUR per kWh/yr or per household is far
/// beyond any planner's valuation; the bound keeps a weighted sum finite.
constexpr double max_objective_weight = 1e6;

/// `objective: out_of_efg`, or `objective: {primary_energy_saved: 0.1, out_of_fuel_poverty: 5000}`:
/// each term at most once, every weight >= 0, at least one > 0.
void read_objective(MapReader& a, AllocationSpec& out) {
  if (!a.has("objective")) return;
  const YAML::Node node = a.node("objective");
  if (node.IsSequence()) {
    a.report(node, "objective",
             "expected an objective's name or a map of weights, such as {primary_energy_saved: 0.1}, got a "
             "sequence");
    return;
  }
  if (!node.IsMap()) {
    if (const auto objective = a.required_enum("objective", allocation_objective_terms))
      out.objective = static_cast<AllocationSpec::Objective>(*objective);
    // Describing goes on to the mapping, so that the schema takes either form.
    if (!a.describing()) return;
  }
  MapReader m = a.map("objective");
  if (!m.valid()) return;
  out.objective = AllocationSpec::Objective::weighted;
  bool any = false, all_read = true;
  std::size_t known = 0;
  for (std::size_t t = 0; t < allocation_objective_terms.size(); ++t) {
    if (!m.has(allocation_objective_terms[t])) continue;
    ++known;
    const auto w = m.required_in_range<double>(allocation_objective_terms[t], 0.0, max_objective_weight);
    out.objective_weights[t] = w.value_or(0.0);
    any = any || w.value_or(0.0) > 0.0;
    all_read = all_read && w.has_value();
  }
  // A weight already reported, or a key finish() reports as unknown, is not also counted
  // as a missing weight.
  if (!any && all_read && known == node.size())
    m.report_here(
        "expected at least one objective with a weight above 0 (the value of one unit of it), such as "
        "{primary_energy_saved: 0.1, out_of_fuel_poverty: 5000}");
  m.finish();
}

/// `stage_gate: {year: 2024, indicator: spent_share, below: 0.8, then: {cut: 0.5}}`, or
/// `then: {switch_rule: optimal}`; exactly one of `above` and `below`, one action.
void read_stage_gate(MapReader& a, AllocationSpec::StageGate& out, const SimulatedYears& years) {
  if (!a.has("stage_gate")) return;
  MapReader g = a.map("stage_gate");
  if (!g.valid()) return;
  // The gate looks back on at least one year and forward on at least one.
  const int first = years.first ? *years.first + 1 : 1000;
  const int last = years.last ? *years.last : 9999;
  out.year = g.required_in_range<int>("year", first, std::max(first, last)).value_or(0);
  if (const auto indicator = g.required_enum("indicator", stage_gate_indicator_names))
    out.indicator = static_cast<AllocationSpec::StageGate::Indicator>(*indicator);
  const OneOf side = g.one_of({"above", "below"});
  if (side.both() || side.neither())
    g.report_here("expected exactly one of 'above' and 'below', such as {below: 0.8}");
  for (const std::size_t i : {std::size_t{0}, std::size_t{1}}) {
    if (!side.read(i)) continue;
    out.above = i == 0;
    out.threshold = g.required_in_range<double>(i == 0 ? "above" : "below", -1e15, 1e15).value_or(0.0);
  }
  if (g.has("then")) {
    MapReader t = g.map("then");
    if (t.valid()) {
      const OneOf action = t.one_of({"cut", "switch_rule"});
      if (action.both() || action.neither())
        t.report_here("expected exactly one of 'cut' (a factor in 0..1) and 'switch_rule' (a rule)");
      if (action.read(0)) {
        out.action = AllocationSpec::StageGate::Action::cut;
        out.cut_factor = t.required_in_range<double>("cut", 0.0, 1.0).value_or(1.0);
      }
      if (action.read(1)) {
        out.action = AllocationSpec::StageGate::Action::switch_rule;
        if (const auto rule = t.required_enum("switch_rule", allocation_rule_names))
          out.switch_to = static_cast<AllocationSpec::Rule>(*rule);
      }
      t.finish();
    }
  } else {
    g.report_here("missing required key 'then', such as {cut: 0.5} or {switch_rule: optimal}");
  }
  g.finish();
}

/// `alternatives: [D, B, BBC]`: targets, each at most once and not the renovation's own.
void read_alternatives(MapReader& a, AllocationSpec& out, const PackageSpec& package,
                       const std::optional<WorksParams>& works) {
  const auto targets = a.required_strings("alternatives");
  if (!targets) return;
  const YAML::Node list = a.node("alternatives");
  if (targets->empty())
    a.report(list, "alternatives", "expected a non-empty list of targets, such as [D, B]");
  bool ok = !targets->empty();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < targets->size(); ++i) {
    const std::string& name = (*targets)[i];
    std::optional<std::string> problem;
    if (name == package.reach)
      problem = fmt::format("target '{}' is already the renovation's package", name);
    else if (!seen.insert(name).second)
      problem = fmt::format("target '{}' is listed twice", name);
    else if (works)
      problem = target_name_problem(name, *works);
    if (problem) {
      a.report(list[i], fmt::format("alternatives[{}]", i), *problem);
      ok = false;
    }
  }
  if (ok) out.alternatives = *targets;
}

/// `allocation: {budget_eur_per_yr: {2018: 5000000}, rule: weighted, weights: {...}, objective: ...}`;
/// `objective` a name or a map of weights (read_objective).
void read_allocation(MapReader& r, AllocationSpec& out, const PackageSpec& package,
                     const std::optional<WorksParams>& works, const SimulatedYears& years) {
  if (!r.has("allocation")) return;
  MapReader a = r.map("allocation");
  if (!a.valid()) return;
  // A yearly budget, or one envelope for the run; exactly one.
  const OneOf budget = a.one_of({"budget_eur_per_yr", "budget_eur_total"});
  if (budget.both() || budget.neither())
    a.report_here(
        "expected exactly one of 'budget_eur_per_yr' (a budget per year, such as {2018: 16100000}) and "
        "'budget_eur_total' (one envelope for the run, such as 161000000)");
  if (budget.read(0))
    out.budget_eur_per_yr = read_year_steps(a, "budget_eur_per_yr", 0.0, max_budget_eur_per_yr);
  if (budget.read(1))
    out.budget_eur_total = a.required_in_range<double>("budget_eur_total", 0.0, max_budget_eur_total);
  if (a.has("rule"))
    if (const auto rule = a.required_enum("rule", allocation_rule_names))
      out.rule = static_cast<AllocationSpec::Rule>(*rule);
  read_objective(a, out);
  if (a.has("candidates"))
    if (const auto candidates = a.required_enum("candidates", allocation_candidate_names))
      out.candidates = static_cast<AllocationSpec::Candidates>(*candidates);
  read_stage_gate(a, out.stage_gate, years);
  const bool has_weights = a.has("weights");
  using Rule = AllocationSpec::Rule;
  // Only the knapsack chooses among a candidate's packages.
  const bool optimal_used =
      out.rule == Rule::optimal ||
      (out.stage_gate.enabled() && out.stage_gate.action == AllocationSpec::StageGate::Action::switch_rule &&
       out.stage_gate.switch_to == Rule::optimal);
  if (a.has("alternatives")) {
    // Described whatever the rule: which rule is chosen is the document's.
    if (optimal_used || a.describing())
      read_alternatives(a, out, package, works);
    else
      a.report(a.node("alternatives"), "alternatives",
               "expected only with rule 'optimal' or a stage gate switching to it (the rankings take the "
               "renovation's package)");
  }
  const bool switches_to_weighted = out.stage_gate.enabled() &&
                                    out.stage_gate.action == AllocationSpec::StageGate::Action::switch_rule &&
                                    out.stage_gate.switch_to == Rule::weighted;
  // `optimal` sets the weighted ranking's choice against its own when weights are given.
  const bool weights_used = out.rule == Rule::weighted || out.rule == Rule::optimal || switches_to_weighted;
  if (out.rule == Rule::weighted && !has_weights)
    a.report_here("rule 'weighted' expects 'weights', such as {poverty: 2, label: 1}");
  else if (switches_to_weighted && !has_weights)
    a.report(a.node("stage_gate"), "stage_gate", "switch_rule 'weighted' expects the allocation's 'weights'");
  else if (!weights_used && has_weights && !a.describing())
    a.report(a.node("weights"), "weights",
             "expected only with rule 'weighted' or 'optimal', or a stage gate switching to 'weighted'");
  else if (has_weights)
    read_weights(a, out.weights);
  a.finish();
}

}  // namespace

void read_renovation(MapReader& root, Scenario& s, const SimulatedYears& years) {
  if (!root.has("renovation")) return;
  MapReader r = root.map("renovation");
  if (!r.valid()) return;
  RenovationOptions& out = s.renovation;
  out.enabled = true;
  // The measures and targets are checked by name when the data folder is at hand.
  const std::optional<WorksParams> works =
      r.node("package").IsDefined() || r.node("allocation").IsDefined() ? works_at_hand(s) : std::nullopt;
  read_package(r, out.package, works);
  if (r.has("heritage"))
    if (const auto h = r.required_enum("heritage", heritage_names)) out.heritage_strict = *h == 0;
  if (r.has("unfit"))
    if (const auto u = r.required_enum("unfit", unfit_names))
      out.unfit = static_cast<RenovationOptions::Unfit>(*u);
  if (r.has("capacity_per_year"))
    out.capacity_per_year = r.required_in_range<int>("capacity_per_year", 0, 1000000).value_or(0);
  read_operations(r, out.operations, years);
  read_at_vacancy(r, out.at_vacancy);
  read_allocation(r, out.allocation, out.package, works, years);
  if (r.has("funders")) {
    if (const auto path = r.required_path("funders", true)) {
      if (std::filesystem::is_directory(*path))
        r.report(r.node("funders"), "funders",
                 fmt::format("expected a funders YAML file, got the folder '{}'", path->string()));
      else
        out.funders_file = *path;
    }
  }
  if (r.has("tenant_contribution"))
    out.tenant_contribution = r.required<bool>("tenant_contribution").value_or(false);
  if (r.has("rent_increase_eur_per_m2_month"))
    out.rent_increase_eur_per_m2_month =
        r.required_in_range<double>("rent_increase_eur_per_m2_month", 0.0, 50.0).value_or(0.0);
  r.finish();
}

}  // namespace coron::io
