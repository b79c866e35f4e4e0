// The funders file (data/economics/funders.yaml or a scenario's own): who pays for works,
// with what envelope, for which dwellings and up to how much.
#include "io/works_data.hpp"
#include "io/yaml_reader.hpp"
#include "io/year_steps.hpp"
#include "util/nearest_name.hpp"

#include "coron/vocabulary.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

constexpr double max_envelope_eur_per_yr = 1e10;
constexpr std::string_view unlimited = "unlimited";

std::string quoted(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::string_view n : names) text += fmt::format("{}'{}'", text.empty() ? "" : ", ", n);
  return text;
}

/// A list of words of `names` (an enum's vocabulary), each at most once; each bad word is
/// reported at its own place with the nearest valid one.
template <std::size_t N>
std::vector<std::uint8_t> read_names(MapReader& m, std::string_view key,
                                     const std::array<std::string_view, N>& names) {
  const std::vector<std::string_view> valid(names.begin(), names.end());
  std::vector<std::uint8_t> out;
  const std::optional<std::vector<std::string>> words = m.required_strings(key);
  if (!words) return out;
  const YAML::Node list = m.node(key);
  for (std::size_t i = 0; i < words->size(); ++i) {
    const std::string& word = (*words)[i];
    const std::string item_key = fmt::format("{}[{}]", key, i);
    const std::optional<std::uint8_t> index = index_of(names, word);
    if (!index) {
      const std::string suggestion = util::nearest_name(word, valid);
      m.report(list[i], item_key,
               suggestion.empty() ? fmt::format("expected one of {}, got '{}'", quoted(valid), word)
                                  : fmt::format("expected one of {}, got '{}'; did you mean '{}'?",
                                                quoted(valid), word, suggestion));
    } else if (std::find(out.begin(), out.end(), *index) != out.end()) {
      m.report(list[i], item_key, fmt::format("'{}' is listed twice", word));
    } else {
      out.push_back(*index);
    }
  }
  return out;
}

void read_eligibility(MapReader& f, Funder& out) {
  if (!f.has("eligibility")) return;
  MapReader e = f.map("eligibility");
  if (!e.valid()) return;
  if (e.has("cite_categories")) out.cite_categories = read_names(e, "cite_categories", cite_category_names);
  if (e.has("cites")) {
    if (auto names = e.required_strings("cites")) {
      const YAML::Node list = e.node("cites");
      std::set<std::string> seen;
      for (std::size_t i = 0; i < names->size(); ++i)
        if ((*names)[i].empty() || !seen.insert((*names)[i]).second)
          e.report(list[i], fmt::format("cites[{}]", i),
                   (*names)[i].empty() ? "expected a cité name, got ''"
                                       : fmt::format("'{}' is listed twice", (*names)[i]));
      out.cite_names = std::move(*names);
    }
  }
  if (e.has("qpv_only")) out.qpv_only = e.required<bool>("qpv_only").value_or(false);
  if (e.has("owners")) out.owners = read_names(e, "owners", owner_names);
  if (e.has("label_before_min"))
    out.label_before_min = e.required_enum("label_before_min", label_names).value_or(0);
  if (e.has("primary_energy_before_min"))
    out.primary_energy_before_min_kwh_m2 =
        e.required_quantity("primary_energy_before_min", Dimension::energy_per_area_kwh_m2, 0.0, 2000.0)
            .value_or(0.0);
  if (e.has("primary_saving_min"))
    out.primary_saving_min =
        e.required_quantity("primary_saving_min", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  if (e.has("label_after_max"))
    out.label_after_max = e.required_enum("label_after_max", label_names).value_or(label_count - 1);
  e.finish();
}

/// `envelope_eur_per_yr`: a year map of euros, or `unlimited` for money not rationed at
/// the stock's scale (then one infinite step from first_year).
void read_envelope(MapReader& f, Funder& out) {
  const YAML::Node node = f.node("envelope_eur_per_yr");
  if (node.IsScalar() && node.Scalar() == unlimited) {
    out.envelope_eur_per_yr = {{out.first_year, std::numeric_limits<double>::infinity()}};
    return;
  }
  if (node.IsScalar()) {
    f.report(node, "envelope_eur_per_yr",
             fmt::format("expected a mapping of year to euros such as {{2018: 10000000}} or '{}', got '{}'",
                         unlimited, node.Scalar()));
    return;
  }
  out.envelope_eur_per_yr = read_year_steps(f, "envelope_eur_per_yr", 0.0, max_envelope_eur_per_yr);
}

void read_loan_terms(MapReader& f, Funder& out) {
  if (out.kind == FunderKind::loan) {
    out.interest_rate =
        f.required_quantity("interest_rate", Dimension::dimensionless, 0.0, 0.2).value_or(0.0);
    out.loan_years = f.required_in_range<int>("loan_years", 1, 60).value_or(0);
    return;
  }
  for (const std::string_view key : {"interest_rate", "loan_years"})
    if (f.has(key)) f.report(f.node(key), key, "applies to loans only (kind: loan)");
}

Funder read_funder(MapReader& f) {
  Funder out;
  if (const auto name = f.required<std::string>("name")) {
    if (name->empty()) f.report(f.node("name"), "name", "expected a funder name, got ''");
    out.name = *name;
  }
  if (const auto kind = f.required_enum("kind", funder_kind_names)) out.kind = static_cast<FunderKind>(*kind);
  if (const auto source = f.required<std::string>("source")) {
    if (source->empty()) f.report(f.node("source"), "source", "expected where the numbers come from, got ''");
    out.source = *source;
  }
  out.first_year =
      f.required_in_range<int>("first_year", data_min_year, data_max_year).value_or(data_min_year);
  if (f.has("last_year")) {
    if (const auto last = f.required_in_range<int>("last_year", data_min_year, data_max_year)) {
      if (*last < out.first_year)
        f.report(f.node("last_year"), "last_year",
                 fmt::format("expected a year at least first_year ({}), got {}", out.first_year, *last));
      out.last_year = *last;
    }
  }
  read_envelope(f, out);
  if (f.has("carry_over")) out.carry_over = f.required<bool>("carry_over").value_or(false);
  read_eligibility(f, out);
  if (f.has("max_share")) out.max_share = f.required_in_range<double>("max_share", 0.0, 1.0).value_or(1.0);
  if (f.has("max_eur_per_dwelling"))
    out.max_eur_per_dwelling = f.required_in_range<double>("max_eur_per_dwelling", 0.0, 1e7)
                                   .value_or(std::numeric_limits<double>::infinity());
  if (f.has("eur_per_kwh_saved"))
    out.eur_per_kwh_saved = f.required_in_range<double>("eur_per_kwh_saved", 0.0, 100.0).value_or(0.0);
  read_loan_terms(f, out);
  return out;
}

void read_funders(MapReader& top, FundingParams& p) {
  (void)top.optional<std::string>("source");
  const YAML::Node list = top.node("funders");
  if (!list.IsDefined()) {
    top.report(list, "funders", "missing required key (expected a list of funders)");
  } else if (!list.IsSequence()) {
    top.report(list, "funders", "expected a list of funders");
  } else {
    std::map<std::string, int, std::less<>> first_line;
    for (std::size_t i = 0; i < list.size(); ++i) {
      MapReader f(top.file(), list[i], fmt::format("funders[{}]", i), top.diagnostics());
      if (!f.valid()) continue;
      Funder funder = read_funder(f);
      f.finish();
      if (!funder.name.empty()) {
        const int line = f.node("name").Mark().line + 1;
        if (const auto [it, inserted] = first_line.emplace(funder.name, line); !inserted)
          f.report(f.node("name"), "name",
                   fmt::format("duplicate funder '{}' (first given on line {})", funder.name, it->second));
      }
      p.funders.push_back(std::move(funder));
    }
  }
  MapReader t = top.map("tenant_contribution");
  if (t.valid()) {
    p.tenant_contribution.saving_share = t.required_in_range<double>("saving_share", 0.0, 1.0).value_or(0.5);
    p.tenant_contribution.years = t.required_in_range<int>("years", 1, 50).value_or(15);
    (void)t.optional<std::string>("source");
    t.finish();
  }
}

}  // namespace

std::filesystem::path default_funders_file(const std::filesystem::path& data_dir) {
  return data_dir / "economics" / "funders.yaml";
}

FundingParams load_funding_params(const std::filesystem::path& file, Diagnostics& diag) {
  FundingParams p;
  read_yaml_file(file, diag, [&](MapReader& top) { read_funders(top, p); });
  return p;
}

FundingParams load_funding_params(const std::filesystem::path& file) {
  Diagnostics diag;
  FundingParams p = load_funding_params(file, diag);
  diag.throw_if_any();
  return p;
}

}  // namespace coron::io
