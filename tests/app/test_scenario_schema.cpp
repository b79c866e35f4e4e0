// `coron schema`: a describing MapReader records what a loader asks for (the same code that
// reads a document), the scenario's description has the loader's keys, ranges and branches,
// and the JSON writer turns a hand-built description into the expected text.
#include "app/scenario_schema.hpp"
#include "io/scenario_loader.hpp"
#include "io/yaml_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace coron::app {
namespace {

using io::KeySchema;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::array<std::string_view, 3> colours = {"red", "green", "blue"};

/// A small loader, written as the scenario's sections are; `added` stands for a key a later
/// change adds to it.
void read_sample(io::MapReader& r, bool added) {
  (void)r.required_in_range<int>("count", 1, 9);
  if (r.has("colour")) (void)r.required_enum("colour", colours);
  const io::OneOf source = r.one_of({"left", "right"});
  if (source.read(0)) (void)r.required<std::string>("left");
  if (source.read(1)) {
    io::MapReader right = r.map("right");
    (void)right.required<bool>("flag");
    right.finish();
  }
  if (added) (void)r.required_in_range<double>("added_ratio", 0.0, 0.5);
  r.finish();
}

KeySchema describe_sample(bool added) {
  KeySchema schema;
  Diagnostics ignored;
  io::MapReader r(schema, "", ignored);
  read_sample(r, added);
  EXPECT_TRUE(ignored.empty());
  return schema;
}

const KeySchema* property(const KeySchema& s, std::string_view name) {
  const auto it = std::find_if(s.properties.begin(), s.properties.end(),
                               [name](const io::KeyProperty& p) { return p.name == name; });
  return it == s.properties.end() ? nullptr : &it->schema;
}

std::vector<std::string> names(const KeySchema& s) {
  std::vector<std::string> out;
  for (const io::KeyProperty& p : s.properties) out.push_back(p.name);
  return out;
}

TEST(DescribingReader, RecordsEachKeyTheLoaderAsksForWithItsTypeRangeAndWhetherRequired) {
  const KeySchema s = describe_sample(false);
  EXPECT_EQ(s.type, KeySchema::Type::object);
  EXPECT_TRUE(s.closed);  // finish(): unknown keys are refused
  EXPECT_THAT(names(s), ElementsAre("count", "colour", "left", "right"));
  EXPECT_THAT(s.required, ElementsAre("count"));  // colour, left, right are asked with has()
  const KeySchema* count = property(s, "count");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->type, KeySchema::Type::integer);
  EXPECT_EQ(count->minimum, 1.0);
  EXPECT_EQ(count->maximum, 9.0);
  EXPECT_EQ(count->description, "an integer in 1..9");
  EXPECT_THAT(property(s, "colour")->enumeration, ElementsAre("red", "green", "blue"));
  ASSERT_EQ(s.one_of.size(), 1U);
  EXPECT_THAT(s.one_of.front(), ElementsAre("left", "right"));
  // Both branches were described, though a document may hold only one.
  EXPECT_EQ(property(s, "left")->type, KeySchema::Type::string);
  const KeySchema* right = property(s, "right");
  EXPECT_TRUE(right->closed);
  EXPECT_THAT(right->required, ElementsAre("flag"));
  EXPECT_EQ(property(*right, "flag")->type, KeySchema::Type::boolean);
}

TEST(DescribingReader, AKeyAddedToTheLoaderAppearsInTheSchemaWithNothingElseChanged) {
  const std::string before = json_schema_node(describe_sample(false), 0);
  const std::string after = json_schema_node(describe_sample(true), 0);
  EXPECT_THAT(before, Not(HasSubstr("added_ratio")));
  EXPECT_THAT(after, HasSubstr(R"("added_ratio": {
      "description": "a number in 0..0.5",
      "type": "number",
      "minimum": 0,
      "maximum": 0.5
    })"));
  EXPECT_THAT(after, HasSubstr(R"("required": ["count", "added_ratio"])"));
}

TEST(DescribingReader, TheSameLoaderStillReadsADocument) {
  Diagnostics diag;
  const auto file = io::YamlFile::parse("count: 12\nleft: x\ncolor: red\n", "in.yaml", diag);
  ASSERT_TRUE(file.has_value());
  io::MapReader r(*file, file->root(), "", diag);
  read_sample(r, false);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diag.items()) messages.push_back(d.format());
  // Reading is as it was: the range, and an unknown key with the nearest known one.
  EXPECT_THAT(messages, ElementsAre("in.yaml:1:8: count: expected an integer in 1..9, got '12'",
                                    "in.yaml:3:1: color: unknown key; did you mean 'colour'?"));
}

TEST(DescribingReader, AKeyReadTwoWaysTakesEither) {
  KeySchema s;
  Diagnostics ignored;
  io::MapReader r(s, "", ignored);
  if (r.has("objective")) {
    (void)r.required_enum("objective", colours);
    io::MapReader m = r.map("objective");
    (void)m.required<double>("weight");
    m.finish();
  }
  const KeySchema* objective = property(s, "objective");
  ASSERT_NE(objective, nullptr);
  EXPECT_EQ(objective->type, KeySchema::Type::any);
  ASSERT_EQ(objective->any_of.size(), 2U);
  EXPECT_EQ(objective->any_of.front().type, KeySchema::Type::string);
  EXPECT_EQ(objective->any_of.back().type, KeySchema::Type::object);
  EXPECT_THAT(names(objective->any_of.back()), ElementsAre("weight"));
}

TEST(ScenarioSchema, HasTheLoadersKeysRangesAndBranches) {
  const KeySchema s = io::describe_scenario();
  EXPECT_TRUE(s.closed);
  EXPECT_THAT(s.required, ElementsAre("coron", "name", "seed", "start_year", "years", "replicates", "data",
                                      "stock", "energy", "output"));
  EXPECT_THAT(names(s),
              ElementsAre("coron", "name", "description", "seed", "start_year", "years", "replicates", "data",
                          "stock", "energy", "output", "demography", "thermal", "renovation", "rental_bans"));
  EXPECT_EQ(property(s, "replicates")->maximum, 1000.0);
  EXPECT_EQ(property(s, "start_year")->minimum, 2000.0);
  const KeySchema& stock = *property(s, "stock");
  ASSERT_EQ(stock.one_of.size(), 1U);
  EXPECT_THAT(stock.one_of.front(), ElementsAre("generate", "file", "dpe"));
  const KeySchema& dpe = *property(stock, "dpe");
  EXPECT_EQ(dpe.type, KeySchema::Type::array);
  EXPECT_EQ(dpe.min_items, 1U);
  ASSERT_EQ(dpe.items.size(), 1U);
  EXPECT_EQ(dpe.items.front().type, KeySchema::Type::string);
  EXPECT_EQ(property(stock, "cites")->type, KeySchema::Type::string);
  EXPECT_THAT(property(stock, "generate")->required, ElementsAre("seed"));
  const KeySchema& factor = *property(*property(s, "energy"), "electricity_primary_factor");
  ASSERT_EQ(factor.year_values.size(), 1U);
  EXPECT_EQ(factor.year_values.front().minimum, 0.5);
  EXPECT_EQ(factor.year_values.front().maximum, 5.0);
  EXPECT_THAT(property(*property(s, "thermal"), "model")->enumeration, ElementsAre("monthly", "hourly"));

  const KeySchema& renovation = *property(s, "renovation");
  EXPECT_THAT(renovation.required, ElementsAre("package"));
  const KeySchema& operations = *property(renovation, "operations");
  ASSERT_EQ(operations.items.size(), 1U);
  const KeySchema& operation = operations.items.front();
  EXPECT_THAT(operation.one_of.front(), ElementsAre("cites", "category"));
  EXPECT_THAT(operation.required, ElementsAre("start", "years"));
  const KeySchema& allocation = *property(renovation, "allocation");
  EXPECT_THAT(allocation.one_of.front(), ElementsAre("budget_eur_per_yr", "budget_eur_total"));
  EXPECT_EQ(property(allocation, "objective")->any_of.size(), 2U);
  // Read only under some rules, described whatever the rule.
  EXPECT_EQ(property(allocation, "alternatives")->type, KeySchema::Type::array);
  EXPECT_EQ(property(allocation, "weights")->type, KeySchema::Type::object);
  const KeySchema& gate = *property(allocation, "stage_gate");
  ASSERT_EQ(gate.one_of.size(), 1U);
  EXPECT_THAT(gate.one_of.front(), ElementsAre("above", "below"));
  EXPECT_THAT(property(gate, "then")->one_of.front(), ElementsAre("cut", "switch_rule"));
}

TEST(JsonSchema, AHandBuiltDescriptionIsWrittenAsExpected) {
  KeySchema s;
  s.type = KeySchema::Type::object;
  s.closed = true;
  KeySchema n;
  n.type = KeySchema::Type::integer;
  n.minimum = 1;
  n.maximum = 3;
  KeySchema steps;
  steps.type = KeySchema::Type::object;
  KeySchema& value = steps.year_values.emplace_back();
  value.type = KeySchema::Type::number;
  value.minimum = 0.5;
  s.properties.push_back({"n", n});
  s.properties.push_back({"steps", steps});
  s.required = {"n"};
  s.one_of = {{"n", "steps"}};
  EXPECT_EQ(json_schema_node(s, 0), R"({
  "type": "object",
  "properties": {
    "n": {
      "type": "integer",
      "minimum": 1,
      "maximum": 3
    },
    "steps": {
      "type": "object",
      "propertyNames": {"pattern": "^[0-9]{4}$"},
      "minProperties": 1,
      "additionalProperties": {
        "type": "number",
        "minimum": 0.5
      }
    }
  },
  "required": ["n"],
  "oneOf": [
    {
      "required": ["n"]
    },
    {
      "required": ["steps"]
    }
  ],
  "additionalProperties": false
})");
}

TEST(JsonSchema, TheScenarioSchemaIsDraft202012) {
  const std::string text = scenario_json_schema();
  EXPECT_THAT(text,
              ::testing::StartsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                                    "  \"title\": \"coron scenario\",\n  \"description\": "));
  EXPECT_EQ(std::count(text.begin(), text.end(), '{'), std::count(text.begin(), text.end(), '}'));
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace coron::app
