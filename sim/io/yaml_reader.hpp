#pragma once
#include "io/key_schema.hpp"

#include "coron/error.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Reading YAML with diagnostics: every problem is recorded with file:line:column,
// the dotted key path and what was expected, and reading goes on so that all
// problems are reported at once. Physical quantities are written with their unit
// ("2.5 W/m2K") and parsed through Boost.Units (quantity.hpp), then stored as
// doubles in coron's internal units (include/coron/units.hpp).

namespace coron::io {

/// Physical dimensions a key may hold; each has one internal unit.
enum class Dimension {
  dimensionless,           ///< plain number or "%" (stored as a fraction)
  length_m,                ///< m, cm, mm
  area_m2,                 ///< m2
  u_value_w_per_m2k,       ///< W/m2K, W/(m2.K)
  heat_loss_w_per_k,       ///< W/K
  power_w_per_m2,          ///< W/m2
  energy_kwh,              ///< Wh, kWh, MWh, GWh
  energy_per_area_kwh_m2,  ///< kWh/m2 (per year implied)
  temperature_c,           ///< degC
  degree_hours_kh,         ///< K.h
  time_h,                  ///< h
  air_flow_m3_per_h_m2,    ///< m3/(h.m2)
  ghg_kg_per_kwh,          ///< kgCO2e/kWh
  money_eur,               ///< EUR, kEUR
  money_eur_per_m2,        ///< EUR/m2
};

/// A YAML document in memory, with the path used in messages.
class YamlFile {
 public:
  /// Reads and parses `path`. A missing file or a syntax error is recorded in
  /// `diag` (with line:column for syntax errors) and nothing is returned.
  static std::optional<YamlFile> load(const std::filesystem::path& path, Diagnostics& diag);
  /// Parses `text` as if read from `display_path`.
  static std::optional<YamlFile> parse(std::string text, std::string display_path, Diagnostics& diag);
  /// Parses `text` as if read from `display_path`, resolving relative paths against `folder`.
  static std::optional<YamlFile> parse(std::string text, std::string display_path,
                                       std::filesystem::path folder, Diagnostics& diag);

  [[nodiscard]] const YAML::Node& root() const noexcept { return root_; }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  /// Folder of the file: relative paths inside it are resolved against it.
  [[nodiscard]] std::filesystem::path folder() const;

 private:
  YamlFile(YAML::Node root, std::string path, std::string text)
      : root_(std::move(root)), path_(std::move(path)), text_(std::move(text)) {}
  YAML::Node root_;
  std::string path_;
  std::string text_;
  std::filesystem::path folder_;  ///< empty: the folder of path_
};

/// Which of a group of mutually exclusive keys a mapping has (MapReader::one_of). The
/// caller reports `both()` and `neither()` in its own words and reads each key `read(i)`.
class OneOf {
 public:
  static constexpr std::size_t max_keys = 4;
  OneOf(std::bitset<max_keys> given, bool describing) : given_(given), describing_(describing) {}
  [[nodiscard]] bool both() const noexcept { return !describing_ && given_.count() > 1; }
  [[nodiscard]] bool neither() const noexcept { return !describing_ && given_.none(); }
  /// Whether to read key i: it is the only one given, or the reader describes every branch.
  [[nodiscard]] bool read(std::size_t i) const noexcept {
    return given_[i] && (describing_ || given_.count() == 1);
  }

 private:
  std::bitset<max_keys> given_;
  bool describing_;
};

/// Reads the keys of one mapping. Keys asked for are remembered, so finish()
/// can report the others as unknown ("did you mean ...?").
/// Every getter returns nothing after recording a diagnostic when the key is
/// missing (required), has the wrong type, is out of range or has a wrong unit.
class MapReader {
 public:
  /// `node` should be a mapping; if it is not, that is reported and valid() is false.
  MapReader(const YamlFile& file, YAML::Node node, std::string key_path, Diagnostics& diag);
  /// A describing reader: it reads no document but records in `schema` each key the loader
  /// asks for (type, range, vocabulary, whether required), so that a schema of the format
  /// comes from the loader itself. has() answers yes, so every optional key is described;
  /// getters return nothing; reports are dropped; finish() marks the mapping closed.
  MapReader(KeySchema& schema, std::string key_path, Diagnostics& diag);
  [[nodiscard]] bool describing() const noexcept { return schema_ != nullptr; }

  [[nodiscard]] bool valid() const noexcept { return valid_; }
  [[nodiscard]] bool has(std::string_view key);  ///< also marks the key as known
  [[nodiscard]] const std::string& key_path() const noexcept { return key_path_; }
  [[nodiscard]] const YamlFile& file() const noexcept { return *file_; }
  [[nodiscard]] Diagnostics& diagnostics() const noexcept { return *diag_; }

  /// T is one of bool, int, unsigned, std::int64_t, std::uint64_t, double, std::string.
  template <class T>
  std::optional<T> required(std::string_view key);
  template <class T>
  std::optional<T> optional(std::string_view key);  ///< nothing, silently, when absent
  /// Numbers within [lo, hi] (inclusive).
  template <class T>
  std::optional<T> required_in_range(std::string_view key, T lo, T hi);

  /// A list of `count` plain numbers (count 0: of any non-empty length), each within
  /// [lo, hi]. T is double or int. A wrong list is reported as "expected a list of 12
  /// numbers, got ..."; a wrong element as `key[i]` at its own line:column.
  template <class T>
  std::optional<std::vector<T>> required_numbers(std::string_view key, std::size_t count, T lo, T hi);

  /// "value unit" converted to the internal unit of `dim`, checked within [lo, hi] (internal unit).
  std::optional<double> required_quantity(std::string_view key, Dimension dim, double lo, double hi);
  /// A sequence of `count` quantities: either `{unit: "W/m2K", values: [..]}` or a list of "value unit"
  /// strings.
  std::optional<std::vector<double>> required_quantities(std::string_view key, Dimension dim,
                                                         std::size_t count, double lo, double hi);
  /// One of `names` (an enum's vocabulary), returned as its index.
  template <std::size_t N>
  std::optional<std::uint8_t> required_enum(std::string_view key,
                                            const std::array<std::string_view, N>& names) {
    return required_enum_impl(key, std::vector<std::string_view>(names.begin(), names.end()));
  }
  /// A path resolved against the file's folder; `must_exist` checks it is there.
  std::optional<std::filesystem::path> required_path(std::string_view key, bool must_exist);
  /// A non-empty list of such paths; a bad item is reported as `key[i]` at its own line:column.
  std::optional<std::vector<std::filesystem::path>> required_paths(std::string_view key, bool must_exist);
  /// A list of strings.
  std::optional<std::vector<std::string>> required_strings(std::string_view key);

  /// The child mapping `key` (reported when missing or not a mapping: then !valid()).
  MapReader map(std::string_view key);
  /// Which of `keys` (at most OneOf::max_keys) the mapping has; marks them known. A describing
  /// reader records them as a group of which exactly one must be given, and reads every branch.
  OneOf one_of(std::initializer_list<std::string_view> keys);
  /// Records that `key`, read by the caller from node(), is a mapping of year to a number in
  /// [lo, hi] (`expected` in the loader's words); nothing when reading.
  void describe_year_map(std::string_view key, double lo, double hi, std::string_view expected);

  /// The list `key` of mappings: calls `read(item, i)` for each with a reader of it, then
  /// checks its keys. Not a list is reported as "expected " + `expected`.
  template <class Read>
  void each_item(std::string_view key, std::string_view expected, Read&& read) {
    if (describing()) {
      MapReader item(item_schema(key), child_path(key) + "[]", *diag_);
      read(item, std::size_t{0});
      item.finish();
      return;
    }
    const YAML::Node list = node(key);
    if (!list.IsSequence()) {
      report(list, key, "expected " + std::string(expected));
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      MapReader item(*file_, list[i], child_path(key) + "[" + std::to_string(i) + "]", *diag_);
      if (!item.valid()) continue;
      read(item, i);
      item.finish();
    }
  }

  /// The raw node (marks the key known); an undefined node when absent.
  YAML::Node node(std::string_view key);
  /// Records a problem at `at` (its mark) for `key` under this mapping.
  void report(const YAML::Node& at, std::string_view key, std::string message);
  /// Records a problem at this mapping itself.
  void report_here(std::string message);
  /// Reports every key of the mapping not asked for, with the nearest known key.
  void finish();

  /// The child mapping `key` holds one mapping per word of `names` (an enum's vocabulary):
  /// calls `read(child, i)` for each that is there, then checks its keys and theirs.
  template <std::size_t N, class Read>
  void each_map(std::string_view key, const std::array<std::string_view, N>& names, Read&& read) {
    MapReader group = map(key);
    if (!group.valid()) return;
    for (std::size_t i = 0; i < N; ++i) {
      MapReader child = group.map(names[i]);
      if (!child.valid()) continue;
      read(child, i);
      child.finish();
    }
    group.finish();
  }

 private:
  std::optional<std::uint8_t> required_enum_impl(std::string_view key,
                                                 const std::vector<std::string_view>& names);
  std::string child_path(std::string_view key) const;
  /// Describing: records `shape` for `key`; a key already recorded another way takes either.
  KeySchema& record(std::string_view key, KeySchema shape);
  /// Describing: records `key` as a list of mappings and returns the element's schema.
  KeySchema& item_schema(std::string_view key);
  /// `value` as a path resolved against the file's folder (reported under `key` when not one).
  std::optional<std::filesystem::path> path_at(const YAML::Node& value, const std::string& key,
                                               bool must_exist);

  const YamlFile* file_;
  YAML::Node node_;
  std::string key_path_;
  Diagnostics* diag_;
  std::set<std::string, std::less<>> known_;
  bool valid_ = true;
  KeySchema* schema_ = nullptr;                  ///< describing: where keys are recorded
  std::set<std::string, std::less<>> optional_;  ///< describing: keys asked for with has()
};

/// Loads `path` and calls `read(top)` with a reader of its top mapping, then reports the
/// keys `read` did not ask for. A missing file or a syntax error is recorded in `diag`.
template <class Read>
void read_yaml_file(const std::filesystem::path& path, Diagnostics& diag, Read&& read) {
  const std::optional<YamlFile> file = YamlFile::load(path, diag);
  if (!file) return;
  MapReader top(*file, file->root(), "", diag);
  if (!top.valid()) return;
  read(top);
  top.finish();
}

/// Parses "value unit" for `dim` into the internal unit; on failure returns nothing and
/// sets `error` to what was expected (e.g. "expected a U-value such as '2.5 W/m2K'"),
/// with the reason in parentheses; it does not repeat the text, so callers append ", got '...'".
std::optional<double> parse_quantity(std::string_view text, Dimension dim, std::string& error);

}  // namespace coron::io
