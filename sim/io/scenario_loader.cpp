#include "io/scenario_loader.hpp"

#include "io/renovation_section.hpp"
#include "util/nearest_name.hpp"
#include "util/parse_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <type_traits>

namespace coron::io {
namespace {

constexpr int min_year = 2000;
constexpr int max_year = 2100;
constexpr double min_primary_factor = 0.5;
constexpr double max_primary_factor = 5.0;

/// The whole scalar as a T, or nothing (keys and values of a year map are plain scalars).
/// The messages give the range, which answers every way of being wrong.
template <class T>
std::optional<T> parse_whole(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>)
    return util::parse_double(node.Scalar()).optional();
  else
    return util::parse_integer<T>(node.Scalar()).optional();
}

std::string show(const YAML::Node& node) {
  if (node.IsScalar()) return fmt::format("'{}'", node.Scalar());
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

void read_stock(MapReader& root, Scenario& s) {
  MapReader stock = root.map("stock");
  if (!stock.valid()) return;
  constexpr std::array<std::string_view, 3> sources{"generate", "file", "dpe"};
  constexpr std::string_view expected = "expected exactly one of 'generate', 'file' or 'dpe'";
  const OneOf source = stock.one_of({sources[0], sources[1], sources[2]});
  if (source.both()) {
    // At the last source given: the one that came too many.
    std::string_view last;
    for (const std::string_view key : sources)
      if (stock.node(key).IsDefined()) last = key;
    stock.report(stock.node(last), last, fmt::format("{}, got several", expected));
  } else if (source.neither()) {
    stock.report_here(fmt::format("{}, got none", expected));
  }
  if (source.read(0)) {
    s.stock.kind = StockSource::Kind::generate;
    MapReader gen = stock.map("generate");
    if (const auto seed = gen.required<std::uint64_t>("seed")) s.stock.seed = *seed;
    gen.finish();
  }
  if (source.read(1)) {
    s.stock.kind = StockSource::Kind::file;
    if (const auto path = stock.required_path("file", true)) {
      if (std::filesystem::is_directory(*path))
        stock.report(stock.node("file"), "file",
                     fmt::format("expected a stock CSV file, got the folder '{}'", path->string()));
      else
        s.stock.file = *path;
    }
  }
  if (source.read(2)) {
    s.stock.kind = StockSource::Kind::dpe;
    if (auto paths = stock.required_paths("dpe", true)) s.stock.dpe = std::move(*paths);
  }
  if (stock.has("cites")) {
    if (!stock.describing() && !stock.node("dpe").IsDefined()) {
      stock.report(stock.node("cites"), "cites",
                   "a cités table is read only with 'dpe' (it assigns certificates to cités)");
    } else if (const auto path = stock.required_path("cites", true)) {
      if (std::filesystem::is_directory(*path))
        stock.report(stock.node("cites"), "cites",
                     fmt::format("expected a cités table (CSV), got the folder '{}'", path->string()));
      else
        s.stock.dpe_cites = *path;
    }
  }
  stock.finish();
}

void read_energy(MapReader& root, Scenario& s, std::optional<int> start_year) {
  MapReader energy = root.map("energy");
  if (!energy.valid()) return;
  constexpr std::string_view key = "electricity_primary_factor";
  const YAML::Node steps = energy.node(key);
  const std::string expected = "a mapping of year to factor such as {2018: 2.3, 2026: 1.9}";
  energy.describe_year_map(key, min_primary_factor, max_primary_factor,
                           fmt::format("{}; years in {}..{}", expected, min_year, max_year));
  if (!steps.IsDefined()) {
    energy.report(steps, key, fmt::format("missing required key (expected {})", expected));
  } else if (!steps.IsMap() || steps.size() == 0) {
    energy.report(steps, key, fmt::format("expected {}, got {}", expected, show(steps)));
  } else {
    // Sorted by year whatever the order written, so the step function is well defined.
    std::map<int, double> by_year;
    std::map<int, YAML::Node> year_nodes;
    bool ok = true;
    const std::string path = std::string(key);
    for (const auto& item : steps) {
      const std::optional<int> year = parse_whole<int>(item.first);
      if (!year || *year < min_year || *year > max_year) {
        energy.report(item.first, path,
                      fmt::format("expected a year in {}..{}, got {}", min_year, max_year, show(item.first)));
        ok = false;
        continue;
      }
      const std::string year_key = fmt::format("{}.{}", key, *year);
      if (by_year.count(*year) != 0) {
        energy.report(item.first, year_key, "duplicate year");
        ok = false;
        continue;
      }
      const std::optional<double> factor = parse_whole<double>(item.second);
      if (!factor || *factor < min_primary_factor || *factor > max_primary_factor) {
        energy.report(item.second, year_key,
                      fmt::format("expected a number in {}..{}, got {}", min_primary_factor,
                                  max_primary_factor, show(item.second)));
        ok = false;
        continue;
      }
      by_year.emplace(*year, *factor);
      year_nodes.emplace(*year, item.first);
    }
    if (ok && start_year && by_year.begin()->first > *start_year) {
      // Years before the first step would have no factor at all.
      const int first = by_year.begin()->first;
      energy.report(
          year_nodes.at(first), fmt::format("{}.{}", key, first),
          fmt::format("expected the first year to be at most start_year ({}), got {}", *start_year, first));
      ok = false;
    }
    if (ok)
      for (const auto& [year, factor] : by_year) s.electricity_primary_factor.push_back({year, factor});
  }
  energy.finish();
}

void read_output(MapReader& root, Scenario& s) {
  MapReader output = root.map("output");
  if (!output.valid()) return;
  if (const auto file = output.required<std::string>("file")) {
    const std::filesystem::path path(*file);
    if (path.extension() != ".h5" || path.stem().empty())
      output.report(output.node("file"), "file",
                    fmt::format("expected an HDF5 file name ending in .h5, got '{}'", *file));
    else
      s.output.file = path;  // relative to the working directory, like a compiler's -o
  }
  if (!output.has("dwelling_columns")) {
    s.output.dwelling_columns = default_dwelling_columns();
  } else if (const auto columns = output.required_strings("dwelling_columns")) {
    const YAML::Node list = output.node("dwelling_columns");
    const std::vector<std::string>& known = known_dwelling_columns();
    std::set<std::string> seen;
    bool ok = true;
    for (std::size_t i = 0; i < columns->size(); ++i) {
      const std::string& name = (*columns)[i];
      const std::string item_key = fmt::format("dwelling_columns[{}]", i);
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        const std::string suggestion = util::nearest_name(name, known);
        std::string valid;
        for (const std::string& k : known) valid += (valid.empty() ? "'" : ", '") + k + "'";
        output.report(list[i], item_key,
                      suggestion.empty()
                          ? fmt::format("unknown column '{}'; valid columns are {}", name, valid)
                          : fmt::format("unknown column '{}'; did you mean '{}'?", name, suggestion));
        ok = false;
      } else if (!seen.insert(name).second) {
        output.report(list[i], item_key, fmt::format("duplicate column '{}'", name));
        ok = false;
      }
    }
    if (ok) s.output.dwelling_columns = *columns;
  }
  if (output.has("dwelling_replicates"))
    if (const auto count = output.required_in_range<int>("dwelling_replicates", 0, 1000000))
      s.output.dwelling_replicates = *count;
  if (output.has("compression"))
    if (const auto level = output.required_in_range<int>("compression", 0, 9)) s.output.compression = *level;
  output.finish();
}

/// The optional `demography:` section: whether households change, and the basin's
/// mortality multiplier when it should differ from data/demography's.
void read_demography(MapReader& root, Scenario& s) {
  if (!root.has("demography")) return;
  MapReader d = root.map("demography");
  if (!d.valid()) return;
  if (d.has("enabled"))
    if (const auto enabled = d.required<bool>("enabled")) s.demography.enabled = *enabled;
  if (d.has("mortality_multiplier"))
    if (const auto k = d.required_in_range<double>("mortality_multiplier", 0.0, 10.0))
      s.demography.mortality_multiplier = *k;
  d.finish();
}

/// The optional `thermal:` section: the monthly method alone (the default), or also the
/// hourly model on a weather file, with its set-points.
void read_thermal(MapReader& root, Scenario& s) {
  if (!root.has("thermal")) return;
  MapReader t = root.map("thermal");
  if (!t.valid()) return;
  if (t.has("model"))
    if (const auto model = t.required_enum("model", thermal_model_names))
      s.thermal.model = static_cast<ThermalOptions::Model>(*model);
  const bool hourly = s.thermal.model == ThermalOptions::Model::hourly;
  if (hourly || t.has("weather")) {
    // Read (and checked) whenever written, so a typo in the path shows before the model is switched on.
    if (const auto weather = t.required_path("weather", true)) {
      if (std::filesystem::is_directory(*weather))
        t.report(t.node("weather"), "weather",
                 fmt::format("expected an EPW weather file, got the folder '{}'", weather->string()));
      else
        s.thermal.weather_file = *weather;
    }
  }
  if (t.has("set_points")) {
    MapReader set = t.map("set_points");
    if (set.valid()) {
      if (set.has("heating_c"))
        if (const auto c = set.required_in_range<double>("heating_c", 0.0, 40.0))
          s.thermal.heating_set_point_c = *c;
      if (set.has("cooling_c"))
        if (const auto c = set.required_in_range<double>("cooling_c", 0.0, 40.0))
          s.thermal.cooling_set_point_c = *c;
      if (s.thermal.heating_set_point_c > s.thermal.cooling_set_point_c) {
        const std::string_view at = set.has("cooling_c") ? "cooling_c" : "heating_c";
        set.report(set.node(at), at,
                   fmt::format("expected a cooling set-point at least the heating one ({}), got {}",
                               s.thermal.heating_set_point_c, s.thermal.cooling_set_point_c));
      }
      set.finish();
    }
  }
  t.finish();
}

}  // namespace

namespace {

/// Every key of the scenario, read from `root` (or described, when `root` describes).
void read_scenario_keys(MapReader& root, Scenario& s) {
  if (const auto version = root.required<int>("coron")) {
    if (*version != scenario_schema_version)
      root.report(root.node("coron"), "coron",
                  fmt::format("expected schema version {}, got {}", scenario_schema_version, *version));
  }
  if (const auto name = root.required<std::string>("name")) {
    if (name->empty())
      root.report(root.node("name"), "name", "expected a non-empty name, got ''");
    else
      s.name = *name;
  }
  if (const auto description = root.optional<std::string>("description")) s.description = *description;
  if (const auto seed = root.required<std::uint64_t>("seed")) s.seed = *seed;
  const std::optional<int> start_year = root.required_in_range<int>("start_year", min_year, max_year);
  if (start_year) s.start_year = *start_year;
  const std::optional<int> years = root.required_in_range<int>("years", 1, 100);
  if (years) s.years = *years;
  if (const auto replicates = root.required_in_range<int>("replicates", 1, 1000)) s.replicates = *replicates;
  if (const auto data = root.required_path("data", true)) {
    if (!std::filesystem::is_directory(*data))
      root.report(root.node("data"), "data",
                  fmt::format("expected the parameters folder, got the file '{}'", data->string()));
    else
      s.data_dir = *data;
  }
  read_stock(root, s);
  read_energy(root, s, start_year);
  read_output(root, s);
  read_demography(root, s);
  read_thermal(root, s);
  SimulatedYears simulated;
  if (start_year && years) simulated = {*start_year, *start_year + *years - 1};
  read_renovation(root, s, simulated);
  if (root.has("rental_bans")) s.rental_bans = root.required<bool>("rental_bans").value_or(true);
  root.finish();
}

}  // namespace

std::optional<Scenario> read_scenario(const YamlFile& file, Diagnostics& diag) {
  const std::size_t problems_before = diag.size();
  Scenario s;
  s.text = file.text();
  s.source_file = file.path();

  MapReader root(file, file.root(), "", diag);
  if (!root.valid()) return std::nullopt;
  read_scenario_keys(root, s);
  if (diag.size() != problems_before) return std::nullopt;
  return s;
}

KeySchema describe_scenario() {
  KeySchema schema;
  Diagnostics ignored;
  MapReader root(schema, "", ignored);
  Scenario s;
  read_scenario_keys(root, s);
  return schema;
}

namespace {

/// Throws every problem, in the order they appear in the file, or returns the scenario.
Scenario scenario_or_throw(const std::optional<YamlFile>& file, Diagnostics& diag) {
  std::optional<Scenario> scenario;
  if (file) scenario = read_scenario(*file, diag);
  if (!diag.empty()) {
    std::vector<Diagnostic> items = diag.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair{a.line, a.column} < std::pair{b.line, b.column};
    });
    throw InputError(std::move(items));
  }
  CORON_ASSERT(scenario.has_value());
  return std::move(*scenario);
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file) {
  Diagnostics diag;
  const std::optional<YamlFile> yaml = YamlFile::load(file, diag);
  return scenario_or_throw(yaml, diag);
}

Scenario parse_scenario(std::string text, std::string display_path, const std::filesystem::path& folder) {
  Diagnostics diag;
  const std::optional<YamlFile> yaml =
      YamlFile::parse(std::move(text), std::move(display_path), folder, diag);
  return scenario_or_throw(yaml, diag);
}

}  // namespace coron::io
