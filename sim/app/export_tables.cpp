#include "app/export_tables.hpp"

#include "app/compared_run.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <functional>
#include <numeric>

namespace coron::app {

Cell DatasetValues::at(std::size_t i) const {
  if (!reals.empty()) return reals[i] + 0.0;  // + 0.0: no "-0" in a spreadsheet
  const std::int64_t v = integers[i];
  if (!names.empty() && v >= 0 && static_cast<std::size_t>(v) < names.size())
    return std::string_view(names[static_cast<std::size_t>(v)]);
  return v;
}

std::size_t TableBlock::rows() const {
  return std::accumulate(extents.begin(), extents.end(), std::size_t{1}, std::multiplies<>{});
}

std::size_t ExportTable::rows() const {
  std::size_t n = 0;
  for (const TableBlock& block : blocks) n += block.rows();
  return n;
}

namespace {

constexpr std::string_view aggregate_group = "/aggregate/";
constexpr std::string_view by_cite_group = "/aggregate/by_cite/";
constexpr std::string_view quantiles_group = "/aggregate/quantiles/";
constexpr std::string_view dwelling_group = "/dwelling/";
constexpr std::string_view spend_name = "spend_by_funder";
constexpr std::size_t quantile_count = 3;  // P10, P50, P90

CellSource constant(Cell cell) {
  CellSource s;
  s.constant = cell;
  return s;
}

CellSource axis(std::size_t k, std::vector<Cell> labels) {
  CellSource s;
  s.kind = CellSource::Kind::axis;
  s.axis = k;
  s.labels = std::move(labels);
  return s;
}

CellSource values(const DatasetValues& data, std::size_t offset = 0) {
  CellSource s;
  s.kind = CellSource::Kind::values;
  s.values = &data;
  s.offset = offset;
  return s;
}

std::vector<Cell> index_labels(std::size_t n) {
  std::vector<Cell> labels;
  for (std::size_t i = 0; i < n; ++i) labels.emplace_back(static_cast<std::int64_t>(i));
  return labels;
}

bool has_attribute(const io::ResultsReader& in, std::string_view object, std::string_view name) {
  const std::vector<std::string> names = in.attribute_names(object);
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The data datasets directly in `group` (not in its subgroups, not the coordinates of its
/// axes), in name order, with their names.
std::vector<std::pair<std::string, std::string>> datasets_in(const io::ResultsReader& in,
                                                             std::string_view group) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const std::string& path : in.datasets()) {
    if (path.compare(0, group.size(), group) != 0) continue;
    std::string name = path.substr(group.size());
    if (name.find('/') == std::string::npos && in.type_name(path) != "string" && !in.is_coordinate(path))
      found.emplace_back(path, name);
  }
  return found;
}

/// The last axis of an aggregate: its bins (labels, funders), if it has one.
struct Bins {
  std::size_t count = 1;
  bool has_axis = false;
};

/// Reads a file's datasets into tables, checking each shape against /meta and /years.
class SetBuilder {
 public:
  SetBuilder(const io::ResultsReader& in, ExportSet& set, Diagnostics& diag)
      : in_(in), set_(set), diag_(diag), file_(set.file.string()) {}

  /// /meta and /years, the axes every table shares. False when the file is not one we read.
  bool read_axes() {
    if (!in_.exists("/meta") || !in_.exists("/years")) {
      diag_.add(file_, 0, 0, "/meta", "not a coron results file: expected the /meta group and /years");
      return false;
    }
    for (const char* attribute : {"schema_version", "scenario_name", "seed", "replicates"})
      if (!has_attribute(in_, "/meta", attribute))
        diag_.add(file_, 0, 0, std::string("/meta ") + attribute, "missing attribute");
    if (!diag_.empty()) return false;
    const std::int64_t version = in_.int_attribute("/meta", "schema_version");
    if (std::find(export_schema_versions.begin(), export_schema_versions.end(), version) ==
        export_schema_versions.end()) {
      diag_.add(file_, 0, 0, "/meta schema_version",
                fmt::format("schema version {}; this coron exports results files of versions {} only",
                            version, fmt::join(export_schema_versions, " and ")));
      return false;
    }
    const std::int64_t replicates = in_.int_attribute("/meta", "replicates");
    if (replicates < 1) {
      diag_.add(file_, 0, 0, "/meta replicates", fmt::format("expected at least 1, got {}", replicates));
      return false;
    }
    replicates_ = static_cast<std::size_t>(replicates);
    scenario_ = text(in_.string_attribute("/meta", "scenario_name"));
    for (const std::int32_t year : in_.read_int32("/years")) years_.emplace_back(std::int64_t{year});
    if (in_.exists("/cites/name"))
      for (const std::string& name : in_.read_strings("/cites/name")) cites_.push_back(text(name));
    read_meta();
    return true;
  }

  void add_aggregates() {
    ExportTable whole{
        "aggregates", {"scenario", "replicate", "year", "indicator", "bin", "value", "unit"}, {}};
    ExportTable by_cite{
        "aggregates_by_cite",
        {"scenario", "replicate", "year", "cite", "cite_index", "indicator", "bin", "value", "unit"},
        {}};
    ExportTable quantiles{
        "quantiles", {"scenario", "year", "indicator", "bin", "p10", "p50", "p90", "unit"}, {}};
    for (const auto& [path, name] : datasets_in(in_, aggregate_group)) {
      if (name == spend_name) continue;
      if (const auto width = checked_width(path, {replicates_, years_.size()})) {
        TableBlock block{{replicates_, years_.size(), width->count}, {}};
        block.sources = {
            constant(scenario_),    axis(0, index_labels(replicates_)),         axis(1, years_),
            constant(text(name)),   axis(2, bin_labels(path, *width, "names")), values(read(path)),
            constant(unit_of(path))};
        whole.blocks.push_back(std::move(block));
      }
    }
    for (const auto& [path, name] : datasets_in(in_, by_cite_group)) {
      if (name == spend_name) continue;
      if (const auto width = checked_width(path, {replicates_, years_.size(), cites_.size()})) {
        TableBlock block{{replicates_, years_.size(), cites_.size(), width->count}, {}};
        block.sources = {constant(scenario_),
                         axis(0, index_labels(replicates_)),
                         axis(1, years_),
                         axis(2, cites_),
                         axis(2, index_labels(cites_.size())),
                         constant(text(name)),
                         axis(3, bin_labels(path, *width, "names")),
                         values(read(path)),
                         constant(unit_of(path))};
        by_cite.blocks.push_back(std::move(block));
      }
    }
    for (const auto& [path, name] : datasets_in(in_, quantiles_group)) {
      if (name == spend_name) continue;
      if (const auto width = checked_width(path, {quantile_count, years_.size()})) {
        const DatasetValues& data = read(path);
        const std::size_t per_quantile = years_.size() * width->count;
        TableBlock block{{years_.size(), width->count}, {}};
        block.sources = {constant(scenario_),
                         axis(0, years_),
                         constant(text(name)),
                         axis(1, bin_labels(path, *width, "names")),
                         values(data, 0),
                         values(data, per_quantile),
                         values(data, 2 * per_quantile),
                         constant(unit_of(path))};
        quantiles.blocks.push_back(std::move(block));
      }
    }
    set_.tables.push_back(std::move(whole));
    set_.tables.push_back(std::move(by_cite));
    set_.tables.push_back(std::move(quantiles));
  }

  /// The three spend_by_funder tables, each when its dataset is in the file.
  void add_spend_by_funder() {
    const std::string whole_path = std::string(aggregate_group) + std::string(spend_name);
    if (in_.exists(whole_path))
      if (const auto funders = checked_width(whole_path, {replicates_, years_.size()}, true)) {
        ExportTable table{
            "spend_by_funder", {"scenario", "replicate", "year", "funder", "value", "unit"}, {}};
        TableBlock block{{replicates_, years_.size(), funders->count}, {}};
        block.sources = {constant(scenario_),      axis(0, index_labels(replicates_)),
                         axis(1, years_),          axis(2, bin_labels(whole_path, *funders, "funders")),
                         values(read(whole_path)), constant(unit_of(whole_path))};
        table.blocks.push_back(std::move(block));
        set_.tables.push_back(std::move(table));
      }
    const std::string cite_path = std::string(by_cite_group) + std::string(spend_name);
    if (in_.exists(cite_path))
      if (const auto funders = checked_width(cite_path, {replicates_, years_.size(), cites_.size()}, true)) {
        ExportTable table{"spend_by_funder_by_cite",
                          {"scenario", "replicate", "year", "cite", "cite_index", "funder", "value", "unit"},
                          {}};
        TableBlock block{{replicates_, years_.size(), cites_.size(), funders->count}, {}};
        block.sources = {constant(scenario_),
                         axis(0, index_labels(replicates_)),
                         axis(1, years_),
                         axis(2, cites_),
                         axis(2, index_labels(cites_.size())),
                         axis(3, bin_labels(cite_path, *funders, "funders")),
                         values(read(cite_path)),
                         constant(unit_of(cite_path))};
        table.blocks.push_back(std::move(block));
        set_.tables.push_back(std::move(table));
      }
    const std::string quantile_path = std::string(quantiles_group) + std::string(spend_name);
    if (in_.exists(quantile_path))
      if (const auto funders = checked_width(quantile_path, {quantile_count, years_.size()}, true)) {
        ExportTable table{
            "spend_by_funder_quantiles", {"scenario", "year", "funder", "p10", "p50", "p90", "unit"}, {}};
        const DatasetValues& data = read(quantile_path);
        const std::size_t per_quantile = years_.size() * funders->count;
        TableBlock block{{years_.size(), funders->count}, {}};
        block.sources = {constant(scenario_),
                         axis(0, years_),
                         axis(1, bin_labels(quantile_path, *funders, "funders")),
                         values(data, 0),
                         values(data, per_quantile),
                         values(data, 2 * per_quantile),
                         constant(unit_of(quantile_path))};
        table.blocks.push_back(std::move(block));
        set_.tables.push_back(std::move(table));
      }
  }

  /// One row per replicate, year and dwelling, a column per /dwelling dataset; and the
  /// columns' units and descriptions beside it.
  void add_dwellings() {
    ExportTable table{"dwellings", {"replicate", "year", "dwelling_id", "cite"}, {}};
    ExportTable units{"dwellings_units", {"column", "unit", "description"}, {}};
    const std::vector<std::int64_t> ids = in_.read_int64("/stock/dwelling_id");
    const std::vector<std::int64_t> cite_of = in_.read_int64("/stock/cite_id");
    std::vector<Cell> id_labels(ids.begin(), ids.end());
    std::vector<Cell> cite_labels;
    for (const std::int64_t c : cite_of)
      cite_labels.push_back(c >= 0 && static_cast<std::size_t>(c) < cites_.size()
                                ? cites_[static_cast<std::size_t>(c)]
                                : Cell{c});
    TableBlock block;
    std::vector<Cell> names;
    std::vector<Cell> unit_cells;
    std::vector<Cell> descriptions;
    for (const auto& [path, name] : datasets_in(in_, dwelling_group)) {
      const std::vector<std::size_t> shape = in_.shape(path);
      const bool fits = shape.size() == 3 && shape[0] >= 1 && shape[0] <= replicates_ &&
                        shape[1] == years_.size() && shape[2] == ids.size() &&
                        (block.extents.empty() || shape[0] == block.extents[0]);
      if (!fits) {
        diag_.add(file_, 0, 0, path,
                  fmt::format("expected shape [R_d, {}, {}] with 1 <= R_d <= {} (/meta replicates, /years, "
                              "/stock) and the same R_d as the other /dwelling datasets, got [{}]",
                              years_.size(), ids.size(), replicates_, fmt::join(shape, ", ")));
        continue;
      }
      if (block.extents.empty()) {
        block.extents = {shape[0], years_.size(), ids.size()};
        block.sources = {axis(0, index_labels(shape[0])), axis(1, years_), axis(2, id_labels),
                         axis(2, cite_labels)};
      }
      table.columns.push_back(name);
      block.sources.push_back(values(read(path, true)));
      names.push_back(text(name));
      unit_cells.push_back(unit_of(path));
      descriptions.push_back(attribute_text(path, "description"));
    }
    if (!block.extents.empty()) table.blocks.push_back(std::move(block));
    if (!names.empty()) {
      TableBlock unit_block{{names.size()}, {}};
      unit_block.sources = {axis(0, std::move(names)), axis(0, std::move(unit_cells)),
                            axis(0, std::move(descriptions))};
      units.blocks.push_back(std::move(unit_block));
    }
    set_.tables.push_back(std::move(table));
    set_.tables.push_back(std::move(units));
  }

 private:
  std::string_view text(std::string value) { return set_.texts.emplace_back(std::move(value)); }

  Cell attribute_text(const std::string& path, std::string_view name) {
    if (!has_attribute(in_, path, name)) return {};
    return text(in_.string_attribute(path, name));
  }

  Cell unit_of(const std::string& path) { return attribute_text(path, "units"); }

  /// The values of a dataset; with `decode`, codes turned into their `names` when it has
  /// them (an aggregate's `names` label its bins, not its values).
  const DatasetValues& read(const std::string& path, bool decode = false) {
    DatasetValues& data = set_.values.emplace_back();
    if (in_.type_name(path) == "float64") {
      data.reals = in_.read_double(path);
    } else {
      data.integers = in_.read_int64(path);
      if (decode && has_attribute(in_, path, "names")) data.names = in_.string_array_attribute(path, "names");
    }
    return data;
  }

  /// Bin labels: the dataset's `attribute` (names, funders) when it has one of the right
  /// size; else the bin numbers; a single empty label for a dataset without bins.
  std::vector<Cell> bin_labels(const std::string& path, Bins bins, std::string_view attribute) {
    if (!bins.has_axis) return {Cell{}};
    if (has_attribute(in_, path, attribute)) {
      const std::vector<std::string> names = in_.string_array_attribute(path, attribute);
      if (names.size() == bins.count) {
        std::vector<Cell> labels;
        for (const std::string& name : names) labels.emplace_back(text(name));
        return labels;
      }
    }
    return index_labels(bins.count);
  }

  /// Bins per element of the leading axes `lead` (1 when the dataset has none), or
  /// nothing when its shape disagrees (then a diagnostic). `bins_required`: a last axis
  /// must follow the leading ones.
  std::optional<Bins> checked_width(const std::string& path, const std::vector<std::size_t>& lead,
                                    bool bins_required = false) {
    const std::vector<std::size_t> shape = in_.shape(path);
    const bool lead_fits = shape.size() >= lead.size() && std::equal(lead.begin(), lead.end(), shape.begin());
    const bool rank_fits = shape.size() == lead.size() + 1 || (!bins_required && shape.size() == lead.size());
    if (!lead_fits || !rank_fits) {
      diag_.add(
          file_, 0, 0, path,
          fmt::format("expected shape [{}{}] (/meta replicates, /years, /cites), got [{}]",
                      fmt::join(lead, ", "), bins_required ? ", bins" : "(, bins)", fmt::join(shape, ", ")));
      return std::nullopt;
    }
    if (shape.size() == lead.size()) return Bins{};
    return Bins{shape.back(), true};
  }

  void read_meta() {
    auto& attributes = set_.meta.attributes;
    attributes.emplace_back("file", text(set_.file.string()));
    for (const char* name : {"scenario_name", "coron_version", "created_utc"})
      if (has_attribute(in_, "/meta", name))
        attributes.emplace_back(name, text(in_.string_attribute("/meta", name)));
    attributes.emplace_back("schema_version", in_.int_attribute("/meta", "schema_version"));
    attributes.emplace_back("seed", in_.uint64_attribute("/meta", "seed"));
    for (const char* name : {"replicates", "start_year", "end_year", "threads"})
      if (has_attribute(in_, "/meta", name)) attributes.emplace_back(name, in_.int_attribute("/meta", name));
    for (const char* name : {"data_dir", "scenario"})
      if (has_attribute(in_, "/meta", name))
        attributes.emplace_back(name, text(in_.string_attribute("/meta", name)));
  }

  const io::ResultsReader& in_;
  ExportSet& set_;
  Diagnostics& diag_;
  std::string file_;
  std::size_t replicates_ = 0;
  Cell scenario_;
  std::vector<Cell> years_;
  std::vector<Cell> cites_;
};

}  // namespace

std::optional<ExportSet> read_export_set(const std::filesystem::path& file, const ExportChoice& choice,
                                         Diagnostics& diag) {
  const std::string name = file.string();
  if (!results_file_exists(file, diag)) return std::nullopt;
  const std::size_t problems_before = diag.size();
  try {
    const io::ResultsReader in(file);
    std::optional<ExportSet> set(std::in_place);
    set->file = file;
    Diagnostics local;
    SetBuilder builder(in, *set, local);
    if (builder.read_axes()) {
      builder.add_aggregates();
      builder.add_spend_by_funder();
      if (choice.dwellings) builder.add_dwellings();
    }
    for (const Diagnostic& d : local.items()) diag.add(d);
    if (diag.size() != problems_before) return std::nullopt;
    return set;
  } catch (const io::H5Error& e) {
    diag.add(name, 0, 0, "", std::string("cannot be read as a coron results file: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace coron::app
