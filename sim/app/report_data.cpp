#include "app/report_data.hpp"

#include "app/compared_run.hpp"
#include "app/replicate_stats.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace coron::app {

namespace {

/// The replicates' values of bin `b` at year index `y`.
std::vector<double> sample_at(const AggregateSeries& series, std::size_t y, std::size_t b) {
  std::vector<double> sample(series.replicates);
  for (std::size_t r = 0; r < series.replicates; ++r) sample[r] = series.at(r, y, b);
  return sample;
}

std::optional<YearlySpread> yearly_spread(const ComparedRun& run, std::string_view name) {
  const AggregateSeries* series = run.find(name);
  if (series == nullptr || series->replicates == 0) return std::nullopt;
  YearlySpread out;
  for (std::size_t y = 0; y < series->years; ++y) {
    const Spread s = spread_of(sample_at(*series, y, 0));
    out.p10.push_back(s.p10);
    out.p50.push_back(s.p50);
    out.p90.push_back(s.p90);
  }
  return out;
}

std::optional<std::vector<std::array<double, 7>>> label_medians(const ComparedRun& run) {
  const AggregateSeries* series = run.find("label_count");
  if (series == nullptr || series->replicates == 0 || series->width != 7) return std::nullopt;
  std::vector<std::array<double, 7>> out(series->years);
  for (std::size_t y = 0; y < series->years; ++y)
    for (std::size_t b = 0; b < 7; ++b) out[y][b] = median_of(sample_at(*series, y, b));
  return out;
}

std::vector<FunderSpend> funder_medians(const ComparedRun& run) {
  std::vector<FunderSpend> out;
  const AggregateSeries* series = run.find("spend_by_funder");
  if (series == nullptr || series->replicates == 0) return out;
  for (std::size_t f = 0; f < series->width; ++f) {
    FunderSpend spend;
    spend.funder = f < series->bin_names.size() ? series->bin_names[f] : fmt::format("funder {}", f);
    for (std::size_t y = 0; y < series->years; ++y) spend.meur.push_back(median_of(sample_at(*series, y, f)));
    out.push_back(std::move(spend));
  }
  return out;
}

/// /aggregate/by_cite/NAME, [R, Y, C], or empty when absent or of another shape.
std::vector<double> by_cite(const io::ResultsReader& in, const ReportRun& run, std::size_t cites,
                            std::string_view name, Diagnostics& diag) {
  const std::string path = fmt::format("/aggregate/by_cite/{}", name);
  if (!in.exists(path)) return {};
  const std::vector<std::size_t> shape = in.shape(path);
  if (shape.size() != 3 || shape[0] != run.replicates || shape[1] != run.years.size() || shape[2] != cites) {
    diag.add(run.file, 0, 0, path,
             fmt::format("expected shape [{}, {}, {}] (/meta replicates, /years, /cites), got [{}]",
                         run.replicates, run.years.size(), cites, fmt::join(shape, ", ")));
    return {};
  }
  return in.read_double(path);
}

/// The per-cité table, medians across replicates; empty unless the file holds every
/// column of it (a run without works has no works cost per cité).
std::vector<CiteRow> cite_rows(const io::ResultsReader& in, const ReportRun& run, Diagnostics& diag) {
  if (!in.exists("/cites/name") || run.years.empty()) return {};
  const std::vector<std::string> names = in.read_strings("/cites/name");
  const std::size_t c_count = names.size();
  const std::vector<double> renovated = by_cite(in, run, c_count, "renovated", diag);
  const std::vector<double> cost = by_cite(in, run, c_count, "works_cost_meur", diag);
  const std::vector<double> energy = by_cite(in, run, c_count, "final_energy_gwh", diag);
  const std::vector<double> fuel_poor = by_cite(in, run, c_count, "fuel_poor", diag);
  if (renovated.empty() || cost.empty() || energy.empty() || fuel_poor.empty()) return {};
  const std::size_t y_count = run.years.size();
  const auto at = [&](const std::vector<double>& v, std::size_t r, std::size_t y, std::size_t c) {
    return v[(r * y_count + y) * c_count + c];
  };
  const auto median_over_replicates = [&](auto value_of_replicate) {
    std::vector<double> sample(run.replicates);
    for (std::size_t r = 0; r < run.replicates; ++r) sample[r] = value_of_replicate(r);
    return median_of(sample);
  };
  std::vector<CiteRow> rows(c_count);
  for (std::size_t c = 0; c < c_count; ++c) {
    CiteRow& row = rows[c];
    row.name = names[c];
    row.renovated = median_over_replicates([&](std::size_t r) { return at(renovated, r, y_count - 1, c); });
    row.works_cost_meur = median_over_replicates([&](std::size_t r) {
      double sum = 0.0;
      for (std::size_t y = 0; y < y_count; ++y) sum += at(cost, r, y, c);
      return sum;
    });
    row.final_energy_first_gwh = median_over_replicates([&](std::size_t r) { return at(energy, r, 0, c); });
    row.final_energy_last_gwh =
        median_over_replicates([&](std::size_t r) { return at(energy, r, y_count - 1, c); });
    row.fuel_poor = median_over_replicates([&](std::size_t r) { return at(fuel_poor, r, y_count - 1, c); });
  }
  return rows;
}

std::string meta_string(const io::ResultsReader& in, std::string_view name) {
  const std::vector<std::string> names = in.attribute_names("/meta");
  if (std::find(names.begin(), names.end(), name) == names.end()) return {};
  return in.string_attribute("/meta", name);
}

ReportRun gather(const ComparedRun& compared, Diagnostics& diag) {
  ReportRun run;
  run.file = compared.file.string();
  run.scenario_name = compared.scenario_name;
  run.seed = compared.seed;
  run.replicates = compared.replicates;
  run.years = compared.years;
  run.labels = label_medians(compared);
  run.final_energy_gwh = yearly_spread(compared, "final_energy_gwh");
  run.ghg_kt = yearly_spread(compared, "ghg_kt");
  run.started = yearly_spread(compared, "started");
  run.fuel_poor = yearly_spread(compared, "fuel_poor");
  run.households_in_banned = yearly_spread(compared, "households_in_banned");
  run.banned_from_letting = yearly_spread(compared, "banned_from_letting");
  run.spend_by_funder = funder_medians(compared);
  try {
    const io::ResultsReader in(compared.file);
    run.scenario_yaml = meta_string(in, "scenario");
    run.coron_version = meta_string(in, "coron_version");
    run.created_utc = meta_string(in, "created_utc");
    run.cites = cite_rows(in, run, diag);
  } catch (const io::H5Error& e) {
    diag.add(run.file, 0, 0, "", std::string("cannot be read as a coron results file: ") + e.what());
  }
  return run;
}

}  // namespace

std::vector<ReportRun> read_report_runs(const std::vector<std::filesystem::path>& files) {
  Diagnostics diag;
  std::vector<ComparedRun> compared;
  for (const std::filesystem::path& file : files)
    if (std::optional<ComparedRun> run = read_compared_run(file, diag)) compared.push_back(std::move(*run));
  // The readable files are checked against the first even when another could not be
  // read, so that every problem shows at once.
  if (!compared.empty() && compared.front().file == files.front()) check_comparable(compared, diag);
  diag.throw_if_any();
  std::vector<ReportRun> runs;
  for (const ComparedRun& run : compared) runs.push_back(gather(run, diag));
  diag.throw_if_any();
  return runs;
}

}  // namespace coron::app
