// The scenario/data YAML files and the stock CSV read numbers with one parser
// (util/parse_number.hpp): the same texts are accepted and refused on both paths,
// and a refusal starts with the same "expected ..." words.
#include "io/yaml_reader.hpp"
#include "stock/stock_csv.hpp"
#include "util/csv_split.hpp"

#include "coron/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace coron::stock {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

/// The second row of a fixture with `text` (CSV-escaped) as the field after `before`.
std::string stock_csv_with(std::string_view before, std::string_view text) {
  std::ifstream in(std::string(CORON_TEST_DATA_DIR) + "/bad_stock_not_a_number.csv");
  std::string header;
  std::string row;
  std::getline(in, header);
  std::getline(in, row);
  // The fixture's own mistake (u_wall_w_per_m2k = abc) is mended first.
  row.replace(row.find(",abc,"), 5, ",0.5,");
  const std::size_t start = row.find(before) + before.size();
  const std::size_t end = row.find(',', start);
  // Built piecewise: g++ 12 warns falsely (-Wrestrict) on chains of string +.
  std::string out = header;
  out.append("\n").append(row, 0, start).append(util::csv_escape(text)).append(row, end).append("\n");
  return out;
}

/// The U-value column (0.5 in the fixture, after the wall area).
std::string with_u_wall(std::string_view text) { return stock_csv_with(",62.46,", text); }
/// The year_built column.
std::string with_year(std::string_view text) { return stock_csv_with("cite_moderne,", text); }

/// Nothing when the CSV reads, else its first message.
std::string csv_outcome(const std::string& text) {
  try {
    (void)parse_stock_csv(text, "in.csv");
  } catch (const InputError& e) {
    return e.diagnostics().front().message;
  }
  return "";
}

/// Nothing when the YAML value reads as a T, else its message.
template <class T>
std::string yaml_outcome(std::string_view value) {
  Diagnostics diag;
  const auto file = io::YamlFile::parse("x: \"" + std::string(value) + "\"\n", "in.yaml", diag);
  io::MapReader r(*file, file->root(), "", diag);
  (void)r.required<T>("x");
  return diag.empty() ? "" : diag.items().front().message;
}

/// "expected X" of a message "expected X, got '...'".
std::string expected_part(const std::string& message) { return message.substr(0, message.find(", got")); }

TEST(NumberRules, RealColumnAndYamlNumberAgree) {
  for (const std::string_view text : {"2.5", " 2.5", "2.5\t", ".5", "5.", "1e0", "0.25e1", "007", "abc",
                                      "+2.5", "inf", "nan", "0x1", "2.5kg", "1,5", "", "1e999", "2 .5"}) {
    const std::string yaml = yaml_outcome<double>(text);
    const std::string csv = csv_outcome(with_u_wall(text));
    EXPECT_EQ(yaml.empty(), csv.empty()) << "'" << text << "' yaml: " << yaml << " csv: " << csv;
    // Out of the type's range, each path gives its own range: 1e999 is not a U-value in (0, 10].
    if (!yaml.empty() && text != "1e999") {
      EXPECT_THAT(csv, StartsWith(expected_part(yaml))) << text;
    }
  }
}

TEST(NumberRules, IntegerColumnAndYamlIntegerAgree) {
  for (const std::string_view text : {"1990", " 1990 ", "01990", "1990.5", "1990.0", "1.99e3", "+1990", "abc",
                                      "1990abc", "0x7C6", "inf", "", "99999999999999999999"}) {
    const std::string yaml = yaml_outcome<std::int64_t>(text);
    const std::string csv = csv_outcome(with_year(text));
    EXPECT_EQ(yaml.empty(), csv.empty()) << "'" << text << "' yaml: " << yaml << " csv: " << csv;
    if (!yaml.empty() && text != "99999999999999999999") {
      EXPECT_THAT(csv, StartsWith(expected_part(yaml))) << text;
    }
  }
}

TEST(NumberRules, EachCaseIsWordedForWhatWentWrong) {
  EXPECT_EQ(yaml_outcome<int>("2.5"), "expected an integer, got '2.5'");
  EXPECT_EQ(yaml_outcome<int>("3000000000"),
            "expected an integer in -2147483648..2147483647, got '3000000000'");
  EXPECT_EQ(yaml_outcome<unsigned>("-1"), "expected a non-negative integer, got '-1'");
  EXPECT_EQ(yaml_outcome<double>("nan"), "expected a finite number, got 'nan'");
  EXPECT_EQ(yaml_outcome<double>("+1"), "expected a number without a '+' sign, got '+1'");
  const auto csv = [](std::string_view year) { return csv_outcome(with_year(year)); };
  EXPECT_EQ(csv("1990.5"), "expected an integer (a year within [1700, 2100]), got '1990.5'");
  // Out of range, the column's own range is what helps.
  EXPECT_EQ(csv("99999999999999999999"), "expected a year within [1700, 2100], got '99999999999999999999'");
  EXPECT_EQ(csv("1600"), "expected a year within [1700, 2100], got '1600'");
}

}  // namespace
}  // namespace coron::stock
