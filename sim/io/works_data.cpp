#include "io/works_data.hpp"

#include "io/yaml_reader.hpp"
#include "util/nearest_name.hpp"

#include "coron/vocabulary.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

constexpr int min_year = 2000;
constexpr int max_year = 2100;

// U-values after works: better than any existing element, worse than nothing.
constexpr double min_u = 0.05;
constexpr double max_u = 6.0;

/// The keys that describe what a measure does to its component; each applies to some
/// components only, and giving one to another component is a mistake worth naming.
enum class EffectKey : std::uint8_t { u, g, q4pa_conv, from_outside, lining_thickness, system, rebuild };
constexpr std::array<std::string_view, 7> effect_key_names = {
    "u", "g", "q4pa_conv", "from_outside", "lining_thickness", "system", "rebuild"};

bool applies(EffectKey key, Component c) {
  switch (key) {
    case EffectKey::u:
      return c == Component::wall || c == Component::roof || c == Component::floor || c == Component::windows;
    case EffectKey::g:
      return c == Component::windows;
    case EffectKey::q4pa_conv:
      return c == Component::windows || c == Component::ventilation;
    case EffectKey::from_outside:
    case EffectKey::lining_thickness:
      return c == Component::wall;
    case EffectKey::system:
      return c == Component::ventilation || c == Component::heating || c == Component::dhw;
    case EffectKey::rebuild:
      return c == Component::structure;
  }
  return false;
}

/// Reports every effect key given that does not apply to `c` (and marks them known).
void reject_foreign_keys(MapReader& m, Component c) {
  for (std::size_t k = 0; k < effect_key_names.size(); ++k) {
    const std::string_view key = effect_key_names[k];
    if (!applies(static_cast<EffectKey>(k), c) && m.has(key))
      m.report(m.node(key), key,
               fmt::format("does not apply to a {} measure", component_names[static_cast<std::size_t>(c)]));
  }
}

void read_effect(MapReader& m, Component c, Measure& out) {
  reject_foreign_keys(m, c);
  if (applies(EffectKey::u, c))
    out.u_w_per_m2k = m.required_quantity("u", Dimension::u_value_w_per_m2k, min_u, max_u).value_or(0.0);
  if (applies(EffectKey::g, c)) out.g_window = m.required_in_range<double>("g", 0.0, 1.0).value_or(0.0);
  if (applies(EffectKey::q4pa_conv, c) && m.has("q4pa_conv"))
    out.q4pa_conv_m3_per_h_m2 =
        m.required_quantity("q4pa_conv", Dimension::air_flow_m3_per_h_m2, 0.01, 50.0).value_or(0.0);
  if (c == Component::wall) {
    if (m.has("from_outside")) out.from_outside = m.required<bool>("from_outside").value_or(false);
    if (m.has("lining_thickness")) {
      if (out.from_outside)
        m.report(m.node("lining_thickness"), "lining_thickness",
                 "does not apply to insulation from outside (from_outside: true)");
      else
        out.lining_thickness_m =
            m.required_quantity("lining_thickness", Dimension::length_m, 0.0, 0.5).value_or(0.0);
    }
  }
  std::optional<std::uint8_t> system;
  if (c == Component::ventilation) system = m.required_enum("system", ventilation_names);
  if (c == Component::heating) system = m.required_enum("system", heating_system_names);
  if (c == Component::dhw) system = m.required_enum("system", dhw_system_names);
  out.system = system.value_or(0);
  if (c == Component::structure && m.has("rebuild"))
    out.rebuild = m.required<bool>("rebuild").value_or(false);
}

void read_cost(MapReader& m, MeasureCost& cost) {
  MapReader c = m.map("cost");
  if (!c.valid()) return;
  const bool has_fixed = c.has("fixed");
  const bool has_per_m2 = c.has("per_m2");
  if (has_fixed) cost.fixed_eur = c.required_quantity("fixed", Dimension::money_eur, 0.0, 1e7).value_or(0.0);
  if (has_per_m2) {
    cost.eur_per_m2 = c.required_quantity("per_m2", Dimension::money_eur_per_m2, 0.0, 1e5).value_or(0.0);
    if (const auto basis = c.required_enum("basis", cost_basis_names)) {
      cost.basis = static_cast<CostBasis>(*basis);
      if (cost.basis == CostBasis::none)
        c.report(c.node("basis"), "basis", "expected the area per_m2 is counted on, got 'none'");
    }
  } else if (c.has("basis")) {
    c.report(c.node("basis"), "basis", "applies only with 'per_m2'");
  }
  if (!has_fixed && !has_per_m2) c.report_here("expected 'fixed', 'per_m2' or both, got neither");
  if (const auto range = c.required_numbers<double>("range", 2, 0.0, 100.0)) {
    const double low = (*range)[0], high = (*range)[1];
    if (!(low <= 1.0 && 1.0 <= high))
      c.report(
          c.node("range"), "range",
          fmt::format("expected [low, high] with low <= 1 <= high (multipliers of the central cost), got "
                      "[{}, {}]",
                      low, high));
    cost.low = low;
    cost.high = high;
  }
  c.finish();
}

std::string required_source(MapReader& m) {
  const std::optional<std::string> source = m.required<std::string>("source");
  if (source && source->empty())
    m.report(m.node("source"), "source", "expected where the numbers come from, got ''");
  return source.value_or("");
}

void read_measures(MapReader& top, WorksParams& p) {
  const YAML::Node list = top.node("measures");
  if (!list.IsDefined()) {
    top.report(list, "measures", "missing required key (expected a list of measures)");
    return;
  }
  if (!list.IsSequence() || list.size() == 0) {
    top.report(list, "measures", "expected a non-empty list of measures");
    return;
  }
  if (list.size() > max_measures)
    top.report(list, "measures",
               fmt::format("expected at most {} measures (a package is a bit set of them), got {}",
                           max_measures, list.size()));
  std::map<std::string, int, std::less<>> first_line;
  for (std::size_t i = 0; i < list.size(); ++i) {
    MapReader m(top.file(), list[i], fmt::format("measures[{}]", i), top.diagnostics());
    if (!m.valid()) continue;
    Measure measure;
    if (const auto name = m.required<std::string>("name")) {
      const int line = m.node("name").Mark().line + 1;
      if (name->empty())
        m.report(m.node("name"), "name", "expected a measure name, got ''");
      else if (const auto [it, inserted] = first_line.emplace(*name, line); !inserted)
        m.report(m.node("name"), "name",
                 fmt::format("duplicate measure '{}' (first given on line {})", *name, it->second));
      measure.name = *name;
    }
    const std::optional<std::uint8_t> component = m.required_enum("component", component_names);
    if (component) {
      measure.component = static_cast<Component>(*component);
      read_effect(m, measure.component, measure);
    } else {
      for (const std::string_view key : effect_key_names) (void)m.has(key);  // judged once the component is
    }
    read_cost(m, measure.cost);
    measure.lifetime_years = m.required_in_range<int>("lifetime_years", 1, 200).value_or(0);
    measure.duration_months = m.required_in_range<double>("duration_months", 0.0, 120.0).value_or(0.0);
    measure.occupants_leave = m.required<bool>("occupants_leave").value_or(false);
    measure.source = required_source(m);
    m.finish();
    p.measures.push_back(std::move(measure));
  }
}

void read_rebuilt(MapReader& top, RebuiltEnvelope& r) {
  MapReader m = top.map("rebuilt");
  if (!m.valid()) return;
  const auto u = [&](std::string_view key) {
    return m.required_quantity(key, Dimension::u_value_w_per_m2k, min_u, max_u).value_or(0.0);
  };
  r.u_wall_w_per_m2k = u("u_wall");
  r.u_roof_w_per_m2k = u("u_roof");
  r.u_floor_w_per_m2k = u("u_floor");
  r.u_window_w_per_m2k = u("u_window");
  r.g_window = m.required_in_range<double>("g_window", 0.0, 1.0).value_or(0.0);
  r.u_door_w_per_m2k = u("u_door");
  r.q4pa_conv_m3_per_h_m2 =
      m.required_quantity("q4pa_conv", Dimension::air_flow_m3_per_h_m2, 0.01, 50.0).value_or(0.0);
  // psi.l per m2 of living area: W/K per m2, the dimension of a U-value.
  r.thermal_bridges_w_per_k_per_m2 =
      m.required_quantity("thermal_bridges_per_m2", Dimension::u_value_w_per_m2k, 0.0, 5.0).value_or(0.0);
  r.ventilation = m.required_enum("ventilation", ventilation_names).value_or(0);
  r.heating_system = m.required_enum("heating_system", heating_system_names).value_or(0);
  r.dhw_system = m.required_enum("dhw_system", dhw_system_names).value_or(0);
  r.inertia = m.required_enum("inertia", inertia_names).value_or(0);
  (void)required_source(m);
  m.finish();
}

void read_targets(MapReader& top, WorksParams& p) {
  if (!top.has("targets")) return;
  MapReader targets = top.map("targets");
  if (!targets.valid()) return;
  for (const auto& item : top.node("targets")) {
    if (!item.first.IsScalar()) continue;  // reported by finish()
    const std::string name = item.first.Scalar();
    MapReader m = targets.map(name);
    if (!m.valid()) continue;
    if (index_of(label_names, name)) {
      targets.report(item.first, name, "a named target may not be a label letter (A..G are targets already)");
      continue;
    }
    PackageTarget t;
    t.name = name;
    t.primary_energy_max_kwh_m2 =
        m.required_quantity("primary_energy_max", Dimension::energy_per_area_kwh_m2, 1.0, 1000.0)
            .value_or(0.0);
    if (m.has("label_max")) t.label_max = m.required_enum("label_max", label_names).value_or(label_count - 1);
    (void)required_source(m);
    m.finish();
    p.named_targets.push_back(std::move(t));
  }
  targets.finish();
}

void read_works(MapReader& top, WorksParams& p) {
  (void)top.optional<std::string>("source");
  read_measures(top, p);
  read_rebuilt(top, p.rebuilt);
  read_targets(top, p);
  MapReader r = top.map("rehousing");
  if (r.valid()) {
    p.rehousing_eur_per_household =
        r.required_quantity("eur_per_household", Dimension::money_eur, 0.0, 1e6).value_or(0.0);
    p.rehousing_source = required_source(r);
    r.finish();
  }
}

void read_rental_bans(MapReader& top, WorksParams& p) {
  (void)top.optional<std::string>("source");
  const YAML::Node list = top.node("bans");
  if (!list.IsDefined()) {
    top.report(list, "bans", "missing required key (expected a list such as [{label: G, from: 2025}])");
    return;
  }
  if (!list.IsSequence()) {
    top.report(list, "bans", "expected a list such as [{label: G, from: 2025}]");
    return;
  }
  std::map<std::uint8_t, int> line_of_label;
  struct Read {
    YAML::Node from;    ///< where to report an order problem
    std::size_t index;  ///< in the list
    RentalBan ban;
  };
  std::vector<Read> read;
  for (std::size_t i = 0; i < list.size(); ++i) {
    MapReader m(top.file(), list[i], fmt::format("bans[{}]", i), top.diagnostics());
    if (!m.valid()) continue;
    const auto label = m.required_enum("label", label_names);
    const auto year = m.required_in_range<int>("from", min_year, max_year);
    m.finish();
    if (!label || !year) continue;
    const int line = m.node("label").Mark().line + 1;
    if (const auto [it, inserted] = line_of_label.emplace(*label, line); !inserted) {
      m.report(
          m.node("label"), "label",
          fmt::format("duplicate ban of label {} (first given on line {})", label_names[*label], it->second));
      continue;
    }
    read.push_back({m.node("from"), i, RentalBan{*label, *year}});
  }
  // A ban covers every worse label, so a worse label banned later than a better one
  // would be a ban that never bites: surely a slip.
  for (std::size_t i = 0; i < read.size(); ++i)
    for (std::size_t j = 0; j < read.size(); ++j) {
      const RentalBan& worse = read[i].ban;
      const RentalBan& better = read[j].ban;
      if (worse.label > better.label && worse.from_year > better.from_year)
        top.report(
            read[i].from, fmt::format("bans[{}].from", read[i].index),
            fmt::format("expected label {} to be banned no later than the better label {} ({}), got {}",
                        label_names[worse.label], label_names[better.label], better.from_year,
                        worse.from_year));
    }
  for (const Read& r : read) p.rental_bans.push_back(r.ban);
}

}  // namespace

WorksParams load_works_params(const std::filesystem::path& data_dir, Diagnostics& diag) {
  WorksParams p;
  read_yaml_file(data_dir / "measures.yaml", diag, [&](MapReader& top) { read_works(top, p); });
  read_yaml_file(data_dir / "economics" / "rental-bans.yaml", diag,
                 [&](MapReader& top) { read_rental_bans(top, p); });
  return p;
}

WorksParams load_works_params(const std::filesystem::path& data_dir) {
  Diagnostics diag;
  WorksParams p = load_works_params(data_dir, diag);
  diag.throw_if_any();
  return p;
}

std::optional<std::string> measure_name_problem(std::string_view name, const WorksParams& works) {
  if (works.find(name)) return std::nullopt;
  std::vector<std::string> names;
  for (const Measure& m : works.measures) names.push_back(m.name);
  const std::string suggestion = util::nearest_name(name, names);
  if (!suggestion.empty()) return fmt::format("unknown measure '{}'; did you mean '{}'?", name, suggestion);
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "'" : ", '") + n + "'";
  return fmt::format("unknown measure '{}'; the measures of data/measures.yaml are {}", name, all);
}

std::optional<std::string> target_name_problem(std::string_view name, const WorksParams& works) {
  if (works.target(name)) return std::nullopt;
  std::vector<std::string> names(label_names.begin(), label_names.end());
  for (const PackageTarget& t : works.named_targets) names.push_back(t.name);
  const std::string suggestion = util::nearest_name(name, names, 1);
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "'" : ", '") + n + "'";
  if (!suggestion.empty()) return fmt::format("unknown target '{}'; did you mean '{}'?", name, suggestion);
  return fmt::format("unknown target '{}'; expected a label or a named level: {}", name, all);
}

std::vector<std::string> check_renovation(const RenovationOptions& renovation, const WorksParams& works) {
  std::vector<std::string> problems;
  if (!renovation.enabled) return problems;
  const PackageSpec& package = renovation.package;
  for (std::size_t i = 0; i < package.measures.size(); ++i)
    if (const auto problem = measure_name_problem(package.measures[i], works))
      problems.push_back(fmt::format("renovation.package.measures[{}]: {}", i, *problem));
  if (!package.reach.empty())
    if (const auto problem = target_name_problem(package.reach, works))
      problems.push_back(fmt::format("renovation.package.reach: {}", *problem));
  const std::vector<std::string>& alternatives = renovation.allocation.alternatives;
  for (std::size_t i = 0; i < alternatives.size(); ++i)
    if (const auto problem = target_name_problem(alternatives[i], works))
      problems.push_back(fmt::format("renovation.allocation.alternatives[{}]: {}", i, *problem));
  return problems;
}

}  // namespace coron::io
