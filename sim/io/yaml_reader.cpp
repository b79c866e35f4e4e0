#include "io/yaml_reader.hpp"

#include "io/input_file.hpp"
#include "io/input_limits.hpp"
#include "io/quantity.hpp"
#include "util/nearest_name.hpp"
#include "util/parse_number.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <limits>
#include <map>
#include <sstream>
#include <type_traits>

namespace coron::io {
namespace {

/// 1-based line and column of `node`, or nothing when yaml-cpp has no mark for it
/// (absent keys, nodes built in memory).
std::optional<std::pair<int, int>> position(const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0 || mark.column < 0) return std::nullopt;
  return std::pair{mark.line + 1, mark.column + 1};
}

/// A key and its value in a mapping.
struct Entry {
  YAML::Node key;
  YAML::Node value;
};

/// The first entry named `key`. Looked up by hand rather than with operator[],
/// which on a non-const node would insert the key.
std::optional<Entry> find_entry(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return std::nullopt;
  for (const auto& item : map)
    if (item.first.IsScalar() && item.first.Scalar() == key) return Entry{item.first, item.second};
  return std::nullopt;
}

/// What a node holds, for the "got Y" half of a message.
std::string got(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) {
    // An explicit "null" or "~" is shown as written; an empty value as nothing.
    if (node.IsDefined() && !node.Scalar().empty() && node.Scalar() != "~" && node.Scalar() != "null")
      return fmt::format("'{}'", node.Scalar());
    return "nothing";
  }
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return fmt::format("'{}'", node.Scalar());
}

/// Like got(), with the length of a list: "a list of 11".
std::string got_list(const YAML::Node& node) {
  return node.IsSequence() ? fmt::format("a list of {}", node.size()) : got(node);
}

template <class T>
constexpr std::string_view noun() {
  if constexpr (std::is_same_v<T, bool>)
    return "true or false";
  else if constexpr (std::is_same_v<T, std::string>)
    return "a string";
  else
    return util::number_noun<T>();
}

template <class T>
std::string range_noun(T lo, T hi) {
  return fmt::format("{} in {}..{}", noun<T>(), lo, hi);
}

/// A whole scalar as a number T, by the parser shared with the stock CSV reader.
template <class T>
util::Parsed<T> parse_number(const YAML::Node& node) {
  if (!node.IsScalar()) return util::NumberError::not_a_number;
  if constexpr (std::is_floating_point_v<T>)
    return util::parse_double(node.Scalar());
  else
    return util::parse_integer<T>(node.Scalar());
}

/// Parses a whole scalar as T; nothing when it is not exactly one T, and then
/// `expected` (if given) says what would have been accepted.
template <class T>
std::optional<T> parse_scalar(const YAML::Node& node, std::string* expected = nullptr) {
  const auto fail = [expected](std::string_view what) -> std::optional<T> {
    if (expected != nullptr) *expected = what;
    return std::nullopt;
  };
  if (!node.IsScalar()) return fail(noun<T>());
  if constexpr (std::is_same_v<T, std::string>) {
    return node.Scalar();
  } else if constexpr (std::is_same_v<T, bool>) {
    bool value = false;
    if (YAML::convert<bool>::decode(node, value)) return value;
    return fail(noun<T>());
  } else {
    const util::Parsed<T> parsed = parse_number<T>(node);
    if (parsed) return parsed.value();
    return fail(util::expected_number<T>(parsed.error()));
  }
}

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::string_view n : names) {
    if (!text.empty()) text += ", ";
    text += fmt::format("'{}'", n);
  }
  return text;
}

/// Listens to a parse without building anything; from its second document on, it stops
/// the parse at that document's start.
class DocumentCounter final : public YAML::EventHandler {
 public:
  struct Second {
    YAML::Mark mark;
  };
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) throw Second{mark};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
  }
  void OnMapEnd() override {}

 private:
  int documents_ = 0;
};

/// Where a second document starts in `text` (its '---'), or nothing when there is one
/// document. yaml-cpp's Load reads the first document only, so a second one, and any
/// syntax error in it, would otherwise go unnoticed. Throws ParserException for a syntax
/// error in the first document.
std::optional<YAML::Mark> second_document(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentCounter counter;
  try {
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const DocumentCounter::Second& second) {
    return second.mark;
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------
// YamlFile

std::optional<YamlFile> YamlFile::load(const std::filesystem::path& path, Diagnostics& diag) {
  std::optional<std::string> text =
      read_input_file(path, max_yaml_bytes, "a scenario or data YAML file", diag);
  if (!text) return std::nullopt;
  return parse(std::move(*text), path.string(), diag);
}

std::optional<YamlFile> YamlFile::parse(std::string text, std::string display_path, Diagnostics& diag) {
  return parse(std::move(text), std::move(display_path), {}, diag);
}

std::optional<YamlFile> YamlFile::parse(std::string text, std::string display_path,
                                        std::filesystem::path folder, Diagnostics& diag) {
  if (util::without_utf8_bom(text).size() != text.size()) text.erase(0, 3);
  if (!check_utf8_text(text, display_path, diag)) return std::nullopt;
  try {
    if (const std::optional<YAML::Mark> second = second_document(text)) {
      diag.add(std::move(display_path), second->line + 1, second->column + 1, "",
               "a second YAML document: a scenario or data file holds exactly one (remove this '---' "
               "and what follows, or split the file)");
      return std::nullopt;
    }
    YAML::Node root = YAML::Load(text);
    YamlFile file(std::move(root), std::move(display_path), std::move(text));
    file.folder_ = std::move(folder);
    return file;
  } catch (const YAML::ParserException& e) {
    const int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    const int column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    diag.add(std::move(display_path), line, column, "", "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    diag.add(std::move(display_path), 0, 0, "", "cannot read YAML: " + e.msg);
  }
  return std::nullopt;
}

std::filesystem::path YamlFile::folder() const {
  if (!folder_.empty()) return folder_;
  std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

// ---------------------------------------------------------------------------
// MapReader

MapReader::MapReader(const YamlFile& file, YAML::Node node, std::string key_path, Diagnostics& diag)
    : file_(&file), node_(std::move(node)), key_path_(std::move(key_path)), diag_(&diag) {
  if (!node_.IsMap()) {
    valid_ = false;
    if (key_path_.empty() && (!node_.IsDefined() || node_.IsNull()))
      report_here("expected a mapping of keys, got an empty document");
    else
      report_here("expected a mapping, got " + got(node_));
  }
}

MapReader::MapReader(KeySchema& schema, std::string key_path, Diagnostics& diag)
    : file_(nullptr), key_path_(std::move(key_path)), diag_(&diag), schema_(&schema) {
  schema_->type = KeySchema::Type::object;
}

KeySchema& MapReader::record(std::string_view key, KeySchema shape) {
  known_.emplace(key);
  auto& properties = schema_->properties;
  const auto it = std::find_if(properties.begin(), properties.end(),
                               [key](const KeyProperty& p) { return p.name == key; });
  if (it == properties.end()) {
    if (optional_.count(key) == 0) schema_->required.emplace_back(key);
    return properties.emplace_back(KeyProperty{std::string(key), std::move(shape)}).schema;
  }
  KeySchema& known = it->schema;
  if (known.type == KeySchema::Type::any) {
    known = std::move(shape);
    return known;
  }
  // Read two ways (a name or a mapping of weights): either is accepted.
  if (known.any_of.empty()) {
    KeySchema first = std::move(known);
    known = KeySchema{};
    known.any_of.push_back(std::move(first));
  }
  return known.any_of.emplace_back(std::move(shape));
}

KeySchema& MapReader::item_schema(std::string_view key) {
  KeySchema list;
  list.type = KeySchema::Type::array;
  list.items.emplace_back();
  return record(key, std::move(list)).items.front();
}

OneOf MapReader::one_of(std::initializer_list<std::string_view> keys) {
  CORON_ASSERT(keys.size() <= OneOf::max_keys);
  std::bitset<OneOf::max_keys> given;
  std::size_t i = 0;
  for (std::string_view key : keys) given[i++] = has(key);
  if (describing()) schema_->one_of.emplace_back(keys.begin(), keys.end());
  return OneOf(given, describing());
}

void MapReader::describe_year_map(std::string_view key, double lo, double hi, std::string_view expected) {
  if (!describing()) return;
  KeySchema years;
  years.type = KeySchema::Type::object;
  years.description = expected;
  KeySchema& value = years.year_values.emplace_back();
  value.type = KeySchema::Type::number;
  value.minimum = lo;
  value.maximum = hi;
  record(key, std::move(years));
}

std::string MapReader::child_path(std::string_view key) const {
  if (key_path_.empty()) return std::string(key);
  if (key.empty()) return key_path_;
  if (key.front() == '[') return key_path_ + std::string(key);
  return key_path_ + "." + std::string(key);
}

void MapReader::report(const YAML::Node& at, std::string_view key, std::string message) {
  if (describing()) return;
  auto where = position(at);
  if (!where) where = position(node_);
  const auto [line, column] = where.value_or(std::pair{0, 0});
  diag_->add(file_->path(), line, column, child_path(key), std::move(message));
}

void MapReader::report_here(std::string message) { report(node_, "", std::move(message)); }

bool MapReader::has(std::string_view key) {
  known_.emplace(key);
  if (describing()) {
    optional_.emplace(key);
    return true;
  }
  return valid_ && find_entry(node_, key).has_value();
}

YAML::Node MapReader::node(std::string_view key) {
  known_.emplace(key);
  if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
  if (auto entry = find_entry(node_, key)) return entry->value;
  return YAML::Node(YAML::NodeType::Undefined);
}

namespace {

/// The shape of a plain value T.
template <class T>
KeySchema shape_of(std::string_view description) {
  KeySchema shape;
  if constexpr (std::is_same_v<T, bool>)
    shape.type = KeySchema::Type::boolean;
  else if constexpr (std::is_same_v<T, std::string>)
    shape.type = KeySchema::Type::string;
  else if constexpr (std::is_floating_point_v<T>)
    shape.type = KeySchema::Type::number;
  else
    shape.type = KeySchema::Type::integer;
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    // The integer types' own limits, which the loader checks too.
    shape.minimum = static_cast<double>(std::numeric_limits<T>::min());
    shape.maximum = static_cast<double>(std::numeric_limits<T>::max());
  }
  shape.description = description;
  return shape;
}

template <class T>
KeySchema ranged(T lo, T hi, std::string_view description) {
  KeySchema shape = shape_of<T>(description);
  shape.minimum = static_cast<double>(lo);
  shape.maximum = static_cast<double>(hi);
  return shape;
}

/// Shared body of the getters: the value node, or nothing after a report when missing.
YAML::Node require_node(MapReader& reader, std::string_view key, std::string_view expected, bool valid) {
  YAML::Node value = reader.node(key);
  if (!value.IsDefined() && valid)
    reader.report(value, key, fmt::format("missing required key (expected {})", expected));
  return value;
}

}  // namespace

template <class T>
std::optional<T> MapReader::required(std::string_view key) {
  if (describing()) {
    record(key, shape_of<T>(noun<T>()));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, noun<T>(), valid_);
  if (!value.IsDefined()) return std::nullopt;
  std::string expected;
  if (auto parsed = parse_scalar<T>(value, &expected)) return parsed;
  report(value, key, fmt::format("expected {}, got {}", expected, got(value)));
  return std::nullopt;
}

template <class T>
std::optional<T> MapReader::optional(std::string_view key) {
  if (!has(key)) return std::nullopt;
  return required<T>(key);
}

template <class T>
std::optional<T> MapReader::required_in_range(std::string_view key, T lo, T hi) {
  // Whatever is wrong, the message names the kind and the range: "an integer in 1..100"
  // also answers 2.5, 'abc' and 1e999.
  const std::string expected = range_noun(lo, hi);
  if (describing()) {
    record(key, ranged(lo, hi, expected));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;
  const util::Parsed<T> parsed = parse_number<T>(value);
  if (!parsed || parsed.value() < lo || parsed.value() > hi) {
    const bool plus = !parsed && parsed.error() == util::NumberError::plus_sign;
    report(value, key,
           fmt::format("expected {}{}, got {}", expected, plus ? " without a '+' sign" : "", got(value)));
    return std::nullopt;
  }
  return parsed.value();
}

template <class T>
std::optional<std::vector<T>> MapReader::required_numbers(std::string_view key, std::size_t count, T lo,
                                                          T hi) {
  const std::string_view plural = std::is_floating_point_v<T> ? "numbers" : "integers";
  const std::string expected = count == 0 ? fmt::format("a non-empty list of {}", plural)
                                          : fmt::format("a list of {} {}", count, plural);
  if (describing()) {
    KeySchema list;
    list.type = KeySchema::Type::array;
    list.description = expected;
    list.min_items = count == 0 ? 1 : count;
    if (count != 0) list.max_items = count;
    list.items.push_back(ranged(lo, hi, range_noun(lo, hi)));
    record(key, std::move(list));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;
  if (!value.IsSequence() || (count == 0 ? value.size() == 0 : value.size() != count)) {
    report(value, key, fmt::format("expected {}, got {}", expected, got_list(value)));
    return std::nullopt;
  }
  std::vector<T> result;
  result.reserve(value.size());
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const YAML::Node item = value[i];
    const util::Parsed<T> parsed = parse_number<T>(item);
    if (!parsed || parsed.value() < lo || parsed.value() > hi) {
      const bool plus = !parsed && parsed.error() == util::NumberError::plus_sign;
      report(item, fmt::format("{}[{}]", key, i),
             fmt::format("expected {}{}, got {}", range_noun(lo, hi), plus ? " without a '+' sign" : "",
                         got(item)));
      ok = false;
      continue;
    }
    result.push_back(parsed.value());
  }
  if (!ok) return std::nullopt;
  return result;
}

template std::optional<std::vector<double>> MapReader::required_numbers<double>(std::string_view, std::size_t,
                                                                                double, double);
template std::optional<std::vector<int>> MapReader::required_numbers<int>(std::string_view, std::size_t, int,
                                                                          int);

#define CORON_INSTANTIATE(T)                                          \
  template std::optional<T> MapReader::required<T>(std::string_view); \
  template std::optional<T> MapReader::optional<T>(std::string_view);
CORON_INSTANTIATE(bool)
CORON_INSTANTIATE(int)
CORON_INSTANTIATE(unsigned)
CORON_INSTANTIATE(std::int64_t)
CORON_INSTANTIATE(std::uint64_t)
CORON_INSTANTIATE(double)
CORON_INSTANTIATE(std::string)
#undef CORON_INSTANTIATE
template std::optional<int> MapReader::required_in_range<int>(std::string_view, int, int);
template std::optional<unsigned> MapReader::required_in_range<unsigned>(std::string_view, unsigned, unsigned);
template std::optional<std::int64_t> MapReader::required_in_range<std::int64_t>(std::string_view,
                                                                                std::int64_t, std::int64_t);
template std::optional<std::uint64_t> MapReader::required_in_range<std::uint64_t>(std::string_view,
                                                                                  std::uint64_t,
                                                                                  std::uint64_t);
template std::optional<double> MapReader::required_in_range<double>(std::string_view, double, double);

namespace {

/// A quantity from one scalar, checked within [lo, hi]; reports at `at` under `key`.
std::optional<double> quantity_from(MapReader& reader, const YAML::Node& at, std::string_view key,
                                    const std::string& text, Dimension dim, double lo, double hi) {
  std::string error;
  const std::optional<double> value = parse_quantity(text, dim, error);
  if (!value) {
    reader.report(at, key, fmt::format("{}, got '{}'", error, text));
    return std::nullopt;
  }
  if (*value < lo || *value > hi) {
    const DimensionInfo& info = dimension_info(dim);
    const std::string unit = info.symbol.empty() ? std::string() : fmt::format(" {}", info.symbol);
    const std::string converted =
        fmt::format("{}{}", *value, unit) == text ? "" : fmt::format(" (= {}{})", *value, unit);
    reader.report(
        at, key,
        fmt::format("expected {} in {}..{}{}, got '{}'{}", info.noun, lo, hi, unit, text, converted));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> MapReader::required_quantity(std::string_view key, Dimension dim, double lo,
                                                   double hi) {
  const DimensionInfo& info = dimension_info(dim);
  const std::string expected = fmt::format("{} such as '{}'", info.noun, info.example);
  if (describing()) {
    record(key, shape_of<std::string>(expected));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;
  if (!value.IsScalar()) {
    report(value, key, fmt::format("expected {}, got {}", expected, got(value)));
    return std::nullopt;
  }
  return quantity_from(*this, value, key, value.Scalar(), dim, lo, hi);
}

std::optional<std::vector<double>> MapReader::required_quantities(std::string_view key, Dimension dim,
                                                                  std::size_t count, double lo, double hi) {
  const DimensionInfo& info = dimension_info(dim);
  const std::string expected =
      fmt::format("{} values of {}: {{unit: {}, values: [...]}} or a list such as ['{}', ...]", count,
                  info.noun, info.symbol.empty() ? "\"%\"" : info.symbol, info.example);
  if (describing()) {
    KeySchema any;
    any.description = expected;
    record(key, std::move(any));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;

  std::vector<double> result;
  bool ok = true;
  if (value.IsMap()) {
    MapReader inner(*file_, value, child_path(key), *diag_);
    const std::optional<std::string> unit = inner.required<std::string>("unit");
    const YAML::Node values = inner.node("values");
    inner.finish();
    if (!values.IsDefined()) {
      inner.report(values, "values",
                   fmt::format("missing required key (expected a list of {} numbers)", count));
      return std::nullopt;
    }
    if (!unit) return std::nullopt;
    std::string error;
    if (!parse_quantity("1 " + *unit, dim, error)) {
      inner.report(inner.node("unit"), "unit", fmt::format("{}, got unit '{}'", error, *unit));
      return std::nullopt;
    }
    if (!values.IsSequence() || values.size() != count) {
      inner.report(values, "values",
                   fmt::format("expected a list of {} numbers, got {}", count, got_list(values)));
      return std::nullopt;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      const YAML::Node item = values[i];
      const std::string item_key = fmt::format("values[{}]", i);
      if (std::string item_expected; !parse_scalar<double>(item, &item_expected)) {
        inner.report(item, item_key, fmt::format("expected {}, got {}", item_expected, got(item)));
        ok = false;
        continue;
      }
      const auto q = quantity_from(inner, item, item_key, item.Scalar() + " " + *unit, dim, lo, hi);
      if (q)
        result.push_back(*q);
      else
        ok = false;
    }
  } else if (value.IsSequence()) {
    if (value.size() != count) {
      report(value, key, fmt::format("expected {}, got {}", expected, got_list(value)));
      return std::nullopt;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const YAML::Node item = value[i];
      const std::string item_key = fmt::format("{}[{}]", key, i);
      if (!item.IsScalar()) {
        report(item, item_key,
               fmt::format("expected {} such as '{}', got {}", info.noun, info.example, got(item)));
        ok = false;
        continue;
      }
      const auto q = quantity_from(*this, item, item_key, item.Scalar(), dim, lo, hi);
      if (q)
        result.push_back(*q);
      else
        ok = false;
    }
  } else {
    report(value, key, fmt::format("expected {}, got {}", expected, got(value)));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return result;
}

std::optional<std::uint8_t> MapReader::required_enum_impl(std::string_view key,
                                                          const std::vector<std::string_view>& names) {
  const std::string expected = "one of " + quoted_list(names);
  if (describing()) {
    KeySchema word = shape_of<std::string>(expected);
    word.enumeration.assign(names.begin(), names.end());
    record(key, std::move(word));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;
  if (value.IsScalar()) {
    const auto it = std::find(names.begin(), names.end(), value.Scalar());
    if (it != names.end()) return static_cast<std::uint8_t>(it - names.begin());
    const std::string suggestion = util::nearest_name(value.Scalar(), names);
    if (!suggestion.empty()) {
      report(value, key,
             fmt::format("expected {}, got {}; did you mean '{}'?", expected, got(value), suggestion));
      return std::nullopt;
    }
  }
  report(value, key, fmt::format("expected {}, got {}", expected, got(value)));
  return std::nullopt;
}

namespace {

constexpr std::string_view existing_path = "a path to an existing file or folder, relative to the file";
constexpr std::string_view any_path = "a path, relative to the file";

}  // namespace

std::optional<std::filesystem::path> MapReader::path_at(const YAML::Node& value, const std::string& key,
                                                        bool must_exist) {
  const std::optional<std::string> text = parse_scalar<std::string>(value);
  if (!text || text->empty()) {
    report(value, key, fmt::format("expected a path, got {}", text ? "''" : got(value)));
    return std::nullopt;
  }
  std::filesystem::path path(*text);
  if (path.is_relative()) path = file_->folder() / path;
  path = path.lexically_normal();
  std::error_code ec;
  if (must_exist && !std::filesystem::exists(path, ec)) {
    report(
        value, key,
        fmt::format("expected an existing file or folder, got '{}' (not found: {})", *text, path.string()));
    return std::nullopt;
  }
  return path;
}

std::optional<std::filesystem::path> MapReader::required_path(std::string_view key, bool must_exist) {
  if (describing()) {
    record(key, shape_of<std::string>(must_exist ? existing_path : any_path));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, "a path", valid_);
  if (!value.IsDefined()) return std::nullopt;
  return path_at(value, std::string(key), must_exist);
}

std::optional<std::vector<std::filesystem::path>> MapReader::required_paths(std::string_view key,
                                                                            bool must_exist) {
  constexpr std::string_view expected = "a non-empty list of paths";
  if (describing()) {
    KeySchema list;
    list.type = KeySchema::Type::array;
    list.description = std::string(expected) + ", relative to the file";
    list.min_items = 1;
    list.items.push_back(shape_of<std::string>(must_exist ? existing_path : any_path));
    record(key, std::move(list));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, expected, valid_);
  if (!value.IsDefined()) return std::nullopt;
  if (!value.IsSequence() || value.size() == 0) {
    report(value, key,
           fmt::format("expected {}, got {}", expected, value.IsSequence() ? "an empty list" : got(value)));
    return std::nullopt;
  }
  std::vector<std::filesystem::path> paths;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::optional<std::filesystem::path> path = path_at(value[i], fmt::format("{}[{}]", key, i), must_exist);
    if (path)
      paths.push_back(std::move(*path));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return paths;
}

std::optional<std::vector<std::string>> MapReader::required_strings(std::string_view key) {
  if (describing()) {
    KeySchema list;
    list.type = KeySchema::Type::array;
    list.description = "a list of strings";
    list.items.push_back(shape_of<std::string>("a string"));
    record(key, std::move(list));
    return std::nullopt;
  }
  const YAML::Node value = require_node(*this, key, "a list of strings", valid_);
  if (!value.IsDefined()) return std::nullopt;
  if (!value.IsSequence()) {
    report(value, key, fmt::format("expected a list of strings, got {}", got(value)));
    return std::nullopt;
  }
  std::vector<std::string> result;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const YAML::Node item = value[i];
    if (!item.IsScalar()) {
      report(item, fmt::format("{}[{}]", key, i), fmt::format("expected a string, got {}", got(item)));
      ok = false;
      continue;
    }
    result.push_back(item.Scalar());
  }
  if (!ok) return std::nullopt;
  return result;
}

MapReader MapReader::map(std::string_view key) {
  if (describing()) {
    KeySchema mapping;
    mapping.type = KeySchema::Type::object;
    return MapReader(record(key, std::move(mapping)), child_path(key), *diag_);
  }
  const YAML::Node value = require_node(*this, key, "a mapping", valid_);
  if (!value.IsDefined()) {
    // Already reported (or the parent is itself invalid): an empty, silent reader.
    MapReader child(*file_, YAML::Node(YAML::NodeType::Map), child_path(key), *diag_);
    child.valid_ = false;
    return child;
  }
  return MapReader(*file_, value, child_path(key), *diag_);
}

void MapReader::finish() {
  if (describing()) {
    // A key only probed (has, node) is accepted too, whatever its value.
    for (const std::string& key : known_)
      if (std::none_of(schema_->properties.begin(), schema_->properties.end(),
                       [&key](const KeyProperty& p) { return p.name == key; }))
        record(key, KeySchema{});
    schema_->closed = true;
    return;
  }
  if (!valid_) return;
  std::vector<std::string> valid_keys(known_.begin(), known_.end());
  std::map<std::string, int, std::less<>> first_line;
  for (const auto& item : node_) {
    const YAML::Node& key = item.first;
    if (!key.IsScalar()) {
      report(key, "", fmt::format("expected a key name, got {}", got(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    const int line = position(key).value_or(std::pair{0, 0}).first;
    if (const auto [it, inserted] = first_line.emplace(name, line); !inserted) {
      report(key, name, fmt::format("duplicate key (first given on line {})", it->second));
      continue;
    }
    if (known_.count(name) != 0) continue;
    const std::string suggestion = util::nearest_name(name, valid_keys);
    if (!suggestion.empty()) {
      report(key, name, fmt::format("unknown key; did you mean '{}'?", suggestion));
    } else {
      report(key, name,
             fmt::format("unknown key; valid keys are {}",
                         quoted_list(std::vector<std::string_view>(valid_keys.begin(), valid_keys.end()))));
    }
  }
}

}  // namespace coron::io
