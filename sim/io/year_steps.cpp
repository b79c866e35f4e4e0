#include "io/year_steps.hpp"

#include "util/parse_number.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>

namespace coron::io {
namespace {

std::string show(const YAML::Node& node) {
  if (node.IsScalar()) return fmt::format("'{}'", node.Scalar());
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

}  // namespace

std::vector<YearStep> read_year_steps(MapReader& r, std::string_view key, double lo, double hi) {
  const std::string expected =
      fmt::format("a mapping of year to a number in {}..{} such as {{2024: {}}}", lo, hi, lo);
  r.describe_year_map(key, lo, hi,
                      fmt::format("{}; years in {}..{}", expected, data_min_year, data_max_year));
  const YAML::Node steps = r.node(key);
  if (!steps.IsDefined()) {
    r.report(steps, key, fmt::format("missing required key (expected {})", expected));
    return {};
  }
  if (!steps.IsMap() || steps.size() == 0) {
    r.report(steps, key, fmt::format("expected {}, got {}", expected, show(steps)));
    return {};
  }
  std::map<int, double> by_year;
  for (const auto& item : steps) {
    const std::optional<int> year =
        item.first.IsScalar() ? util::parse_integer<int>(item.first.Scalar()).optional() : std::nullopt;
    if (!year || *year < data_min_year || *year > data_max_year) {
      r.report(
          item.first, key,
          fmt::format("expected a year in {}..{}, got {}", data_min_year, data_max_year, show(item.first)));
      continue;
    }
    const std::string year_key = fmt::format("{}.{}", key, *year);
    if (by_year.count(*year) != 0) {
      r.report(item.first, year_key, "duplicate year");
      continue;
    }
    const std::optional<double> value =
        item.second.IsScalar() ? util::parse_double(item.second.Scalar()).optional() : std::nullopt;
    if (!value || *value < lo || *value > hi) {
      r.report(item.second, year_key,
               fmt::format("expected a number in {}..{}, got {}", lo, hi, show(item.second)));
      continue;
    }
    by_year.emplace(*year, *value);
  }
  std::vector<YearStep> out;
  for (const auto& [year, value] : by_year) out.push_back({year, value});
  return out;
}

}  // namespace coron::io
