// Loading the stock generator's parameters: data/stock/generator.yaml (with units,
// through io::MapReader), communes.csv and cites-named-2017.csv.
#include "io/yaml_reader.hpp"
#include "stock/distributions.hpp"
#include "stock/generator.hpp"
#include "util/csv_split.hpp"

#include <fmt/core.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace coron::stock {

namespace {

using io::Dimension;
using io::MapReader;
using util::CsvField;
using util::CsvRecord;
using util::split_csv;

constexpr double max_weight = 1e9;

/// Ventilation names before the vocabulary took every row of the 3CL table.
constexpr std::size_t legacy_ventilation_count = 5;

/// A mapping {name: share} over a whole vocabulary; the first `required` names required, the
/// others (values the vocabulary gained later) 0 when absent.
template <std::size_t N>
std::array<double, N> read_shares(MapReader& parent, std::string_view key,
                                  const std::array<std::string_view, N>& names, std::size_t required = N) {
  std::array<double, N> shares{};
  MapReader m = parent.map(key);
  if (!m.valid()) return shares;
  double total = 0.0;
  for (std::size_t i = 0; i < N; ++i) {
    if (i < required || m.has(names[i]))
      shares[i] = m.required_in_range<double>(names[i], 0.0, max_weight).value_or(0.0);
    total += shares[i];
  }
  if (total <= 0.0) m.report_here("expected at least one positive share");
  m.finish();
  return shares;
}

/// `[lo unit, hi unit]` as a Range, lo <= hi.
Range read_range(MapReader& m, std::string_view key, Dimension dim, double lo, double hi) {
  const auto values = m.required_quantities(key, dim, 2, lo, hi);
  if (!values) return {};
  if ((*values)[0] > (*values)[1]) {
    m.report(m.node(key), key,
             fmt::format("expected [min, max] with min <= max, got [{}, {}]", (*values)[0], (*values)[1]));
  }
  return {(*values)[0], (*values)[1]};
}

/// A non-empty list of plain numbers within [lo, hi]; a bad element is reported as key[i].
template <class T>
std::vector<T> read_list(MapReader& m, std::string_view key, T lo, T hi) {
  return m.required_numbers<T>(key, 0, lo, hi).value_or(std::vector<T>{});
}

void read_totals(MapReader& r, StockParameters& p) {
  MapReader m = r.map("totals");
  if (!m.valid()) return;
  p.cite_count = m.required_in_range<int>("cites", 1, 100000).value_or(0);
  p.dwelling_count = m.required_in_range<int>("dwellings", 1, 100000000).value_or(0);
  p.priority_dwellings = m.required_in_range<int>("priority_dwellings", 0, 100000000).value_or(0);
  p.other_named_dwellings = m.required_in_range<int>("other_named_dwellings", 0, 100000000).value_or(0);
  p.priority_min_dwellings = m.required_in_range<int>("priority_min_dwellings", 1, 100000).value_or(1);
  p.other_named_min_dwellings = m.required_in_range<int>("other_named_min_dwellings", 1, 100000).value_or(1);
  p.unnamed_min_dwellings = m.required_in_range<int>("unnamed_min_dwellings", 1, 100000).value_or(1);
  p.cite_size_sigma = m.required_in_range<double>("cite_size_sigma", 0.0, 3.0).value_or(0.0);
  m.finish();
}

void read_owners(MapReader& r, StockParameters& p) {
  MapReader m = r.map("owners");
  if (!m.valid()) return;
  p.sia_habitat_dwellings = m.required_in_range<int>("sia_habitat_dwellings", 0, 100000000).value_or(0);
  p.other_landlord_dwellings = m.required_in_range<int>("other_landlord_dwellings", 0, 100000000).value_or(0);
  p.sia_habitat_epcis = m.required_strings("sia_habitat_epcis").value_or(std::vector<std::string>{});
  m.finish();
}

void read_flags(MapReader& r, StockParameters& p) {
  MapReader m = r.map("flags");
  if (!m.valid()) return;
  p.unesco_share = m.required_quantity("unesco_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  p.unesco_category_weight = read_shares(m, "unesco_category_weight", cite_category_names);
  p.qpv_share = m.required_quantity("qpv_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  p.qpv_category_weight = read_shares(m, "qpv_category_weight", cite_category_names);
  p.unfit_share = m.required_quantity("unfit_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  m.finish();
}

void read_q4pa(MapReader& r, StockParameters& p) {
  MapReader m = r.map("q4pa");
  if (!m.valid()) return;
  const auto q = [&m](std::string_view key) {
    return m.required_quantity(key, Dimension::air_flow_m3_per_h_m2, 0.0, 50.0).value_or(0.0);
  };
  p.q4pa_pre1948_original = q("pre1948_original");
  p.q4pa_pre1948_joinery = q("pre1948_joinery");
  p.q4pa_pre1948_insulated = q("pre1948_insulated");
  p.q4pa_1948_1974 = q("from1948_to1974");
  m.finish();
}

void read_archetype(MapReader& m, ArchetypeParameters& a) {
  constexpr double u_max = 10.0;
  a.cite_share = m.required_in_range<double>("cite_share", 0.0, 1.0).value_or(0.0);
  const std::vector<int> years = read_list<int>(m, "year_built", 1700, 2100);
  if (years.size() == 2 && years[0] <= years[1]) {
    a.year_built_min = years[0];
    a.year_built_max = years[1];
  } else if (!years.empty()) {
    m.report(m.node("year_built"), "year_built", "expected [first year, last year]");
  }
  a.floor_area_m2 = read_range(m, "floor_area", Dimension::area_m2, 10.0, 500.0);
  a.ceiling_height_m = read_range(m, "ceiling_height", Dimension::length_m, 1.8, 5.0);
  a.wall_area_per_floor_m2 = m.required_in_range<double>("wall_area_per_floor", 0.0, 10.0).value_or(0.0);
  a.roof_area_per_floor_m2 = m.required_in_range<double>("roof_area_per_floor", 0.0, 10.0).value_or(0.0);
  a.ground_floor_area_per_floor_m2 =
      m.required_in_range<double>("ground_floor_area_per_floor", 0.0, 10.0).value_or(0.0);
  a.window_area_per_floor_m2 = m.required_in_range<double>("window_area_per_floor", 0.0, 2.0).value_or(0.0);
  a.door_area_m2 = m.required_quantity("door_area", Dimension::area_m2, 0.0, 50.0).value_or(0.0);
  a.window_front_back_share = m.required_in_range<double>("window_front_back_share", 0.0, 1.0).value_or(1.0);
  a.orientation_jitter_deg = m.required_in_range<double>("orientation_jitter_deg", 0.0, 180.0).value_or(0.0);
  a.thermal_bridge_w_per_m2k =
      m.required_quantity("thermal_bridge", Dimension::u_value_w_per_m2k, 0.0, 1.0).value_or(0.0);
  a.u_wall_w_per_m2k = read_range(m, "u_wall", Dimension::u_value_w_per_m2k, 0.05, u_max);
  a.u_roof_w_per_m2k = read_range(m, "u_roof", Dimension::u_value_w_per_m2k, 0.05, u_max);
  a.b_roof = m.required_in_range<double>("b_roof", 0.0, 1.0).value_or(1.0);
  a.u_floor_w_per_m2k = read_range(m, "u_floor", Dimension::u_value_w_per_m2k, 0.05, u_max);
  a.b_floor = m.required_in_range<double>("b_floor", 0.0, 1.0).value_or(1.0);
  a.u_window_w_per_m2k = read_range(m, "u_window", Dimension::u_value_w_per_m2k, 0.3, u_max);
  a.g_window = m.required_in_range<double>("g_window", 0.0, 1.0).value_or(0.0);
  a.u_door_w_per_m2k = read_range(m, "u_door", Dimension::u_value_w_per_m2k, 0.3, u_max);
  a.inertia = static_cast<Inertia>(m.required_enum("inertia", inertia_names).value_or(0));
  a.unfit_relative_risk = m.required_in_range<double>("unfit_relative_risk", 0.0, 100.0).value_or(1.0);
  a.prior_works_share = read_shares(m, "prior_works", prior_works_names);
}

PriorMeasure read_measure(MapReader& parent, std::string_view key) {
  PriorMeasure measure;
  MapReader m = parent.map(key);
  if (!m.valid()) return measure;
  measure.probability = m.required_in_range<double>("probability", 0.0, 1.0).value_or(0.0);
  measure.u_w_per_m2k = read_range(m, "u", Dimension::u_value_w_per_m2k, 0.05, 10.0);
  m.finish();
  return measure;
}

void read_prior_works(MapReader& m, PriorWorksParameters& w) {
  w.walls = read_measure(m, "walls");
  w.roof = read_measure(m, "roof");
  w.floor = read_measure(m, "floor");
  w.windows = read_measure(m, "windows");
  w.doors = read_measure(m, "doors");
  w.g_window = read_range(m, "g_window", Dimension::dimensionless, 0.0, 1.0);
  w.inertia_if_walls_lined =
      static_cast<Inertia>(m.required_enum("inertia_if_walls_lined", inertia_names).value_or(0));
  w.heating_share = read_shares(m, "heating", heating_system_names);
  // The five systems the mining stock had; the DPE's other types are never drawn unless named.
  w.ventilation_share = read_shares(m, "ventilation", ventilation_names, legacy_ventilation_count);
}

void read_households(MapReader& r, HouseholdParameters& h) {
  MapReader m = r.map("households");
  if (!m.valid()) return;
  h.stock_year = m.required_in_range<int>("stock_year", 1900, 2100).value_or(2018);
  h.vacancy_share = m.required_quantity("vacancy_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  h.spouse_age_gap_mean = m.required_in_range<double>("spouse_age_gap_mean", -20.0, 20.0).value_or(0.0);
  h.spouse_age_gap_sd = m.required_in_range<double>("spouse_age_gap_sd", 0.0, 20.0).value_or(0.0);
  const auto spouse_shares = [](MapReader& r2, const SizeShares& sizes) {
    std::vector<double> v = read_list<double>(r2, "spouse_share_by_size", 0.0, 1.0);
    if (v.size() != sizes.size() || (!v.empty() && v[0] != 0.0))
      r2.report(r2.node("spouse_share_by_size"), "spouse_share_by_size",
                fmt::format("expected {} values, one per size of size_share, 0 first", sizes.size()));
    return v;
  };
  h.rights_holder_share =
      m.required_quantity("rights_holder_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
  {
    MapReader rh = m.map("rights_holders");
    if (rh.valid()) {
      h.rights_holder_age_mean = rh.required_in_range<double>("age_mean", 0.0, 120.0).value_or(0.0);
      h.rights_holder_age_sd = rh.required_in_range<double>("age_sd", 0.1, 50.0).value_or(1.0);
      h.rights_holder_age_min = rh.required_in_range<int>("age_min", 15, 120).value_or(60);
      h.rights_holder_age_max = rh.required_in_range<int>("age_max", 15, 120).value_or(100);
      if (h.rights_holder_age_min > h.rights_holder_age_max) rh.report_here("expected age_min <= age_max");
      h.rights_holder_size_share = read_list<double>(rh, "size_share", 0.0, 1.0);
      h.rights_holder_single_woman_share =
          rh.required_quantity("single_woman_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
      h.rights_holder_couple_woman_share =
          rh.required_quantity("couple_woman_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
      h.rights_holder_income_median_eur =
          rh.required_in_range<double>("income_median", 1.0, 1e6).value_or(1.0);
      h.rights_holder_income_sigma = rh.required_in_range<double>("income_sigma", 0.0, 3.0).value_or(0.0);
      h.rights_holder_spouse_share_by_size = spouse_shares(rh, h.rights_holder_size_share);
      h.rights_holder_entered_before = rh.required_in_range<int>("entered_before", 1900, 2100).value_or(1990);
      h.rights_holder_entry_age_min = rh.required_in_range<int>("entry_age_min", 14, 60).value_or(20);
      rh.finish();
    }
  }
  {
    MapReader t = m.map("tenants");
    if (t.valid()) {
      h.tenant_age_band_lower = read_list<int>(t, "age_band_lower", 15, 120);
      h.tenant_age_band_upper = read_list<int>(t, "age_band_upper", 15, 120);
      h.tenant_age_band_share = read_list<double>(t, "age_band_share", 0.0, 1.0);
      const std::size_t bands = h.tenant_age_band_lower.size();
      bool bands_ok = h.tenant_age_band_upper.size() == bands && h.tenant_age_band_share.size() == bands;
      for (std::size_t i = 0; bands_ok && i < bands; ++i)
        bands_ok = h.tenant_age_band_lower[i] <= h.tenant_age_band_upper[i];
      if (!bands_ok)
        t.report_here(
            "expected age_band_lower, age_band_upper and age_band_share of equal length, lower <= upper");
      h.tenant_size_share = read_list<double>(t, "size_share", 0.0, 1.0);
      h.tenant_woman_share =
          t.required_quantity("woman_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.0);
      h.tenant_income_median_eur = t.required_in_range<double>("income_median", 1.0, 1e6).value_or(1.0);
      h.tenant_poverty_threshold_eur =
          t.required_in_range<double>("poverty_threshold", 1.0, 1e6).value_or(1.0);
      h.tenant_poor_share =
          t.required_quantity("poor_share", Dimension::dimensionless, 0.0, 1.0).value_or(0.5);
      h.tenant_spouse_share_by_size = spouse_shares(t, h.tenant_size_share);
      h.tenant_tenure_lower = read_list<int>(t, "tenure_lower", 0, 100);
      h.tenant_tenure_upper = read_list<int>(t, "tenure_upper", 0, 100);
      h.tenant_tenure_share = read_list<double>(t, "tenure_share", 0.0, 1.0);
      bool tenure_ok = !h.tenant_tenure_lower.empty() &&
                       h.tenant_tenure_upper.size() == h.tenant_tenure_lower.size() &&
                       h.tenant_tenure_share.size() == h.tenant_tenure_lower.size();
      for (std::size_t i = 0; tenure_ok && i < h.tenant_tenure_lower.size(); ++i)
        tenure_ok = h.tenant_tenure_lower[i] <= h.tenant_tenure_upper[i];
      if (!tenure_ok)
        t.report_here("expected tenure_lower, tenure_upper and tenure_share of equal length, lower <= upper");
      // The lognormal's sigma follows from the median and one quantile:
      // P(X < threshold) = Phi(ln(threshold / median) / sigma) = poor share.
      const double z = detail::normal_quantile(h.tenant_poor_share);
      const double log_ratio = std::log(h.tenant_poverty_threshold_eur / h.tenant_income_median_eur);
      if (z == 0.0 || log_ratio / z <= 0.0) {
        t.report_here("expected poverty_threshold and poor_share on the same side of the median");
      } else {
        h.tenant_income_sigma = log_ratio / z;
      }
      t.finish();
    }
  }
  m.finish();
}

std::optional<std::string> read_text(const std::filesystem::path& path, Diagnostics& diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.add(path.string(), 0, 0, "", "cannot open the file");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Records of a small data CSV whose header must be exactly `header`.
std::vector<CsvRecord> read_data_csv(const std::filesystem::path& path,
                                     const std::vector<std::string>& header, Diagnostics& diag) {
  const std::optional<std::string> text = read_text(path, diag);
  if (!text) return {};
  std::string error;
  int line = 0;
  int column = 0;
  std::vector<CsvRecord> records = split_csv(*text, error, line, column);
  if (!error.empty()) {
    diag.add(path.string(), line, column, "", error);
    return {};
  }
  if (records.empty()) {
    diag.add(path.string(), 0, 0, "", "empty file, expected a header row");
    return {};
  }
  std::vector<std::string> found;
  for (const CsvField& f : records.front().fields) found.push_back(f.text);
  if (found != header) {
    std::string expected;
    for (const std::string& h : header) expected += (expected.empty() ? "" : ",") + h;
    diag.add(path.string(), 1, 1, "", "expected the header '" + expected + "'");
    return {};
  }
  records.erase(records.begin());
  std::vector<CsvRecord> good;
  for (CsvRecord& r : records) {
    if (r.fields.size() != header.size()) {
      diag.add(path.string(), r.line, 1, "",
               fmt::format("expected {} fields as in the header, got {}", header.size(), r.fields.size()));
      continue;
    }
    good.push_back(std::move(r));
  }
  return good;
}

void read_communes(const std::filesystem::path& path, StockParameters& p, Diagnostics& diag) {
  std::set<std::string, std::less<>> seen;
  for (const CsvRecord& r : read_data_csv(path, {"commune", "epci", "department", "confidence"}, diag)) {
    const CsvField& name = r.fields[0];
    if (name.text.empty() || r.fields[1].text.empty()) {
      diag.add(path.string(), r.line, name.column, "commune", "expected a commune and its EPCI");
      continue;
    }
    if (!seen.insert(name.text).second) {
      diag.add(path.string(), r.line, name.column, "commune", "'" + name.text + "' is listed twice");
      continue;
    }
    p.communes.push_back({name.text, r.fields[1].text});
  }
}

void read_named_cites(const std::filesystem::path& path, StockParameters& p, Diagnostics& diag) {
  std::set<std::string, std::less<>> communes;
  for (const Commune& c : p.communes) communes.insert(c.name);
  for (const CsvRecord& r : read_data_csv(path, {"name", "communes", "category"}, diag)) {
    NamedCite cite{r.fields[0].text, r.fields[1].text, CiteCategory::unnamed};
    const auto category = index_of(cite_category_names, r.fields[2].text);
    if (!category || *category == static_cast<std::uint8_t>(CiteCategory::unnamed)) {
      diag.add(path.string(), r.line, r.fields[2].column, "category",
               "expected priority, anru, feder or signalled, got '" + r.fields[2].text + "'");
      continue;
    }
    cite.category = static_cast<CiteCategory>(*category);
    std::string_view rest = cite.communes;
    while (!rest.empty()) {
      const std::size_t cut = rest.find(';');
      const std::string_view commune = rest.substr(0, cut);
      if (!communes.contains(commune))
        diag.add(path.string(), r.line, r.fields[1].column, "communes",
                 fmt::format("commune '{}' is not in communes.csv", commune));
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
    p.named_cites.push_back(std::move(cite));
  }
}

template <std::size_t N>
void normalise(std::array<double, N>& shares) {
  double total = 0.0;
  for (const double s : shares) total += s;
  if (total > 0.0)
    for (double& s : shares) s /= total;
}

}  // namespace

StockParameters load_stock_parameters(const std::filesystem::path& data_dir, Diagnostics& diag) {
  StockParameters p;
  const std::filesystem::path folder = data_dir / "stock";
  io::read_yaml_file(folder / "generator.yaml", diag, [&](MapReader& r) {
    r.required_in_range<int>("coron", 1, 1);
    read_totals(r, p);
    read_owners(r, p);
    read_flags(r, p);
    read_q4pa(r, p);
    r.each_map("archetypes", archetype_names,
               [&](MapReader& a, std::size_t i) { read_archetype(a, p.archetypes[i]); });
    r.each_map("prior_works", prior_works_names,
               [&](MapReader& w, std::size_t i) { read_prior_works(w, p.prior_works[i]); });
    {
      MapReader m = r.map("dhw_given_heating");
      if (m.valid()) {
        for (std::size_t i = 0; i < heating_system_count; ++i)
          p.dhw_share_given_heating[i] = read_shares(m, heating_system_names[i], dhw_system_names);
        m.finish();
      }
    }
    read_households(r, p.households);
    if (p.priority_dwellings + p.other_named_dwellings >= p.dwelling_count)
      r.report_here("expected priority_dwellings + other_named_dwellings below the total of dwellings");
    if (p.sia_habitat_dwellings + p.other_landlord_dwellings > p.dwelling_count)
      r.report_here("expected the other landlords' dwellings within the total of dwellings");
  });
  read_communes(folder / "communes.csv", p, diag);
  read_named_cites(folder / "cites-named-2017.csv", p, diag);
  if (p.named_cites.size() >= static_cast<std::size_t>(std::max(p.cite_count, 0)))
    diag.add((folder / "cites-named-2017.csv").string(), 0, 0, "",
             fmt::format("expected fewer named cités than the {} cités of the stock", p.cite_count));
  if (p.communes.empty())
    diag.add((folder / "communes.csv").string(), 0, 0, "", "expected at least one commune");

  // Shares are stored normalised; the file may give weights.
  for (ArchetypeParameters& a : p.archetypes) normalise(a.prior_works_share);
  for (PriorWorksParameters& w : p.prior_works) {
    normalise(w.heating_share);
    normalise(w.ventilation_share);
  }
  for (auto& row : p.dhw_share_given_heating) normalise(row);
  return p;
}

}  // namespace coron::stock
