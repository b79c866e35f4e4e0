// MapReader: each kind of bad input yields one diagnostic at the right
// file:line:column with the dotted key path, and reading carries on.
#include "io/yaml_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <string>

namespace coron::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

/// A parsed document and its reader; `folder` resolves relative paths.
struct Doc {
  Diagnostics diag;
  std::optional<YamlFile> file;

  explicit Doc(std::string text, std::filesystem::path folder = {}) {
    file = YamlFile::parse(std::move(text), "in.yaml", std::move(folder), diag);
  }
  MapReader reader() { return MapReader(*file, file->root(), "", diag); }
  std::string messages() const {
    std::string all;
    for (const Diagnostic& d : diag.items()) all += d.format() + "\n";
    return all;
  }
};

TEST(YamlReader, RequiredValuesOfEachType) {
  Doc doc("flag: yes\ncount: -3\nbig: 18446744073709551615\nratio: 2.5\nname: cites\nzero: 010\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required<bool>("flag"), true);
  EXPECT_EQ(r.required<int>("count"), -3);
  EXPECT_EQ(r.required<std::uint64_t>("big"), 18446744073709551615ULL);
  EXPECT_EQ(r.required<double>("ratio"), 2.5);
  EXPECT_EQ(r.required<std::string>("name"), "cites");
  EXPECT_EQ(r.required<int>("zero"), 10) << "decimal, never octal";
  r.finish();
  EXPECT_TRUE(doc.diag.empty()) << doc.messages();
}

TEST(YamlReader, MissingRequiredKeyPointsAtEnclosingMapping) {
  Doc doc("# comment\nouter:\n  a: 1\n");
  MapReader r = doc.reader();
  MapReader outer = r.map("outer");
  EXPECT_EQ(outer.required<int>("b"), std::nullopt);
  ASSERT_EQ(doc.diag.size(), 1U);
  const Diagnostic& d = doc.diag.items()[0];
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.key, "outer.b");
  EXPECT_EQ(d.format(), "in.yaml:3:3: outer.b: missing required key (expected an integer)");
}

TEST(YamlReader, WrongTypeNamesExpectedAndGot) {
  Doc doc("years: thirty\nseed: -1\nname: [a, b]\nratio: 1.5.2\nflag: maybe\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required<int>("years"), std::nullopt);
  EXPECT_EQ(r.required<std::uint64_t>("seed"), std::nullopt);
  EXPECT_EQ(r.required<std::string>("name"), std::nullopt);
  EXPECT_EQ(r.required<double>("ratio"), std::nullopt);
  EXPECT_EQ(r.required<bool>("flag"), std::nullopt);
  const std::string all = doc.messages();
  EXPECT_THAT(all, HasSubstr("in.yaml:1:8: years: expected an integer, got 'thirty'"));
  EXPECT_THAT(all, HasSubstr("in.yaml:2:7: seed: expected a non-negative integer, got '-1'"));
  EXPECT_THAT(all, HasSubstr("in.yaml:3:7: name: expected a string, got a list"));
  EXPECT_THAT(all, HasSubstr("in.yaml:4:8: ratio: expected a number, got '1.5.2'"));
  EXPECT_THAT(all, HasSubstr("in.yaml:5:7: flag: expected true or false, got 'maybe'"));
  EXPECT_EQ(doc.diag.size(), 5U) << "every problem is kept, reading goes on";
}

TEST(YamlReader, OptionalIsSilentWhenAbsentButCheckedWhenPresent) {
  Doc doc("present: 4\nbad: x\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.optional<int>("absent"), std::nullopt);
  EXPECT_EQ(r.optional<int>("present"), 4);
  EXPECT_TRUE(doc.diag.empty());
  EXPECT_EQ(r.optional<int>("bad"), std::nullopt);
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:2:6: bad: expected an integer, got 'x'"));
}

TEST(YamlReader, RangeIsInclusiveAndReported) {
  Doc doc("lo: 1\nhi: 100\nover: 101\nfactor: 5.5\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required_in_range<int>("lo", 1, 100), 1);
  EXPECT_EQ(r.required_in_range<int>("hi", 1, 100), 100);
  EXPECT_EQ(r.required_in_range<int>("over", 1, 100), std::nullopt);
  EXPECT_EQ(r.required_in_range<double>("factor", 0.5, 5.0), std::nullopt);
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:3:7: over: expected an integer in 1..100, got '101'"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:4:9: factor: expected a number in 0.5..5, got '5.5'"));
  EXPECT_EQ(doc.diag.size(), 2U);
}

TEST(YamlReader, RangedKeysNameTheKindAndTheRangeWhateverIsWrong) {
  Doc doc("a: 2.5\nb: 1e999\nc: +5\nd: .nan\ne: nan\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required_in_range<int>("a", 1, 100), std::nullopt);
  EXPECT_EQ(r.required_in_range<int>("b", 1, 100), std::nullopt);
  EXPECT_EQ(r.required_in_range<int>("c", 1, 100), std::nullopt);
  EXPECT_EQ(r.required_in_range<double>("d", 0.5, 5.0), std::nullopt);
  EXPECT_EQ(r.required_in_range<double>("e", 0.5, 5.0), std::nullopt);
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:1:4: a: expected an integer in 1..100, got '2.5'"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:2:4: b: expected an integer in 1..100, got '1e999'"));
  EXPECT_THAT(doc.messages(),
              HasSubstr("in.yaml:3:4: c: expected an integer in 1..100 without a '+' sign, got '+5'"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:4:4: d: expected a number in 0.5..5, got '.nan'"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:5:4: e: expected a number in 0.5..5, got 'nan'"));
}

TEST(YamlReader, EnumReturnsIndexAndSuggests) {
  constexpr std::array<std::string_view, 3> names = {"gas", "fuel_oil", "electricity"};
  Doc doc("a: electricity\nb: fuel-oil\nc: wood_pellets\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required_enum("a", names), 2);
  EXPECT_EQ(r.required_enum("b", names), std::nullopt);
  EXPECT_EQ(r.required_enum("c", names), std::nullopt);
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:2:4: b: expected one of 'gas', 'fuel_oil', 'electricity', "
                                        "got 'fuel-oil'; did you mean 'fuel_oil'?"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:3:4: c: expected one of 'gas', 'fuel_oil', 'electricity', "
                                        "got 'wood_pellets'\n"));
}

TEST(YamlReader, PathIsResolvedAgainstFolderAndChecked) {
  const std::filesystem::path folder = CORON_TEST_DATA_DIR;
  Doc doc("here: good_minimal.yaml\nthere: nope.csv\nlater: nope.h5\n", folder);
  MapReader r = doc.reader();
  EXPECT_EQ(r.required_path("here", true), (folder / "good_minimal.yaml").lexically_normal());
  EXPECT_EQ(r.required_path("there", true), std::nullopt);
  EXPECT_EQ(r.required_path("later", false), (folder / "nope.h5").lexically_normal());
  ASSERT_EQ(doc.diag.size(), 1U) << doc.messages();
  EXPECT_THAT(doc.messages(),
              HasSubstr("in.yaml:2:8: there: expected an existing file or folder, got 'nope.csv'"));
}

TEST(YamlReader, UnknownKeySuggestsNearestWithinThreeEdits) {
  Doc doc("years: 3\nyeras: 4\nzzzzzzzz: 1\n");
  MapReader r = doc.reader();
  (void)r.required<int>("years");
  (void)r.optional<int>("replicates");
  r.finish();
  const std::string all = doc.messages();
  EXPECT_THAT(all, HasSubstr("in.yaml:2:1: yeras: unknown key; did you mean 'years'?"));
  EXPECT_THAT(all, HasSubstr("in.yaml:3:1: zzzzzzzz: unknown key; valid keys are 'replicates', 'years'"));
  EXPECT_EQ(doc.diag.size(), 2U);
}

TEST(YamlReader, DuplicateKeyIsReported) {
  Doc doc("a: 1\nb: 2\na: 3\n");
  MapReader r = doc.reader();
  (void)r.required<int>("a");
  (void)r.required<int>("b");
  r.finish();
  EXPECT_EQ(doc.messages(), "in.yaml:3:1: a: duplicate key (first given on line 1)\n");
}

TEST(YamlReader, NotAMappingIsReportedOnceAndChildIsSilent) {
  Doc doc("stock: [1, 2]\nenergy: 3\n");
  MapReader r = doc.reader();
  MapReader stock = r.map("stock");
  EXPECT_FALSE(stock.valid());
  EXPECT_EQ(stock.required<int>("seed"), std::nullopt);
  stock.finish();
  MapReader output = r.map("output");
  EXPECT_FALSE(output.valid());
  EXPECT_EQ(output.required<std::string>("file"), std::nullopt);
  EXPECT_FALSE(r.map("energy").valid());
  EXPECT_EQ(doc.messages(),
            "in.yaml:1:8: stock: expected a mapping, got a list\n"
            "in.yaml:1:1: output: missing required key (expected a mapping)\n"
            "in.yaml:2:9: energy: expected a mapping, got '3'\n");
}

TEST(YamlReader, RootMustBeAMapping) {
  Doc list("- a\n- b\n");
  EXPECT_FALSE(list.reader().valid());
  EXPECT_EQ(list.messages(), "in.yaml:1:1: expected a mapping, got a list\n");
  Doc empty("# nothing here\n");
  EXPECT_FALSE(empty.reader().valid());
  EXPECT_EQ(empty.messages(), "in.yaml: expected a mapping of keys, got an empty document\n");
}

TEST(YamlReader, NestedFlowMappingPositions) {
  Doc doc("stock:\n  generate: {seed: abc}\n");
  MapReader r = doc.reader();
  MapReader gen = r.map("stock").map("generate");
  EXPECT_EQ(gen.required<std::uint64_t>("seed"), std::nullopt);
  EXPECT_EQ(doc.messages(),
            "in.yaml:2:20: stock.generate.seed: expected a non-negative integer, got 'abc'\n");
}

TEST(YamlReader, SyntaxErrorHasLineAndColumn) {
  Diagnostics diag;
  EXPECT_FALSE(YamlFile::parse("name: a\nyears: 3: 4\n", "syntax.yaml", diag).has_value());
  ASSERT_EQ(diag.size(), 1U);
  EXPECT_EQ(diag.items()[0].format(), "syntax.yaml:2:9: YAML syntax error: illegal map value");
}

TEST(YamlReader, MissingFileIsNamed) {
  Diagnostics diag;
  EXPECT_FALSE(YamlFile::load("/nonexistent/scenario.yaml", diag).has_value());
  ASSERT_EQ(diag.size(), 1U);
  EXPECT_EQ(diag.items()[0].format(), "/nonexistent/scenario.yaml: cannot read: no such file");
}

TEST(YamlReader, LoadKeepsTextAndFolder) {
  Diagnostics diag;
  const std::filesystem::path path = std::filesystem::path(CORON_TEST_DATA_DIR) / "good_minimal.yaml";
  const std::optional<YamlFile> file = YamlFile::load(path, diag);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->path(), path.string());
  EXPECT_EQ(file->folder(), path.parent_path());
  EXPECT_THAT(file->text(), HasSubstr("name: minimal"));
  EXPECT_TRUE(diag.empty());
}

TEST(YamlReader, QuantityGetter) {
  Doc doc("u: 0.25 W/m2K\nwall: 35 cm\nhot: 900 degC\nbare: 12\n");
  MapReader r = doc.reader();
  EXPECT_EQ(r.required_quantity("u", Dimension::u_value_w_per_m2k, 0.05, 6.0), 0.25);
  EXPECT_EQ(r.required_quantity("wall", Dimension::area_m2, 0.0, 1e6), std::nullopt);
  EXPECT_EQ(r.required_quantity("hot", Dimension::temperature_c, -40.0, 60.0), std::nullopt);
  EXPECT_EQ(r.required_quantity("bare", Dimension::area_m2, 0.0, 1e6), std::nullopt);
  EXPECT_EQ(r.required_quantity("none", Dimension::area_m2, 0.0, 1e6), std::nullopt);
  const std::string all = doc.messages();
  EXPECT_THAT(all,
              HasSubstr("in.yaml:2:7: wall: expected an area such as '12.5 m2' ('cm' is a unit of length; "
                        "accepted units: m2), got '35 cm'"));
  EXPECT_THAT(all, HasSubstr("in.yaml:3:6: hot: expected a temperature in -40..60 degC, got '900 degC'"));
  EXPECT_THAT(all, HasSubstr("in.yaml:4:7: bare: expected an area such as '12.5 m2' (the unit is missing"));
  EXPECT_THAT(all, HasSubstr("in.yaml:1:1: none: missing required key (expected an area such as '12.5 m2')"));
  EXPECT_EQ(doc.diag.size(), 4U);
}

TEST(YamlReader, QuantitiesInBothForms) {
  Doc doc(
      "a: {unit: W/m2K, values: [0.5, 1, 2.5]}\n"
      "b: ['30 cm', '0.2 m', 5 mm]\n"
      "c: {unit: W/m2K, values: [0.5, 1]}\n"
      "d: {unit: m2, values: [0.5, 1, 2]}\n"
      "e: ['1 m', '1 m2', '1 m']\n");
  MapReader r = doc.reader();
  EXPECT_THAT(
      r.required_quantities("a", Dimension::u_value_w_per_m2k, 3, 0.0, 10.0).value_or(std::vector<double>{}),
      ElementsAre(0.5, 1.0, 2.5));
  EXPECT_THAT(r.required_quantities("b", Dimension::length_m, 3, 0.0, 10.0).value_or(std::vector<double>{}),
              ElementsAre(0.3, 0.2, 0.005));
  EXPECT_EQ(r.required_quantities("c", Dimension::u_value_w_per_m2k, 3, 0.0, 10.0), std::nullopt);
  EXPECT_EQ(r.required_quantities("d", Dimension::u_value_w_per_m2k, 3, 0.0, 10.0), std::nullopt);
  EXPECT_EQ(r.required_quantities("e", Dimension::length_m, 3, 0.0, 10.0), std::nullopt);
  const std::string all = doc.messages();
  EXPECT_THAT(all, HasSubstr("in.yaml:3:26: c.values: expected a list of 3 numbers, got a list of 2"));
  EXPECT_THAT(
      all, HasSubstr("in.yaml:4:11: d.unit: expected a U-value such as '2.5 W/m2K' ('m2' is a unit of area"));
  EXPECT_THAT(all,
              HasSubstr("in.yaml:5:12: e[1]: expected a length such as '0.35 m' ('m2' is a unit of area"));
  EXPECT_EQ(doc.diag.size(), 3U) << all;
}

TEST(YamlReader, ListOfStrings) {
  Doc doc("cols: [a, b]\nbad: [a, [b]]\nnot: x\n");
  MapReader r = doc.reader();
  EXPECT_THAT(r.required_strings("cols").value_or(std::vector<std::string>{}), ElementsAre("a", "b"));
  EXPECT_EQ(r.required_strings("bad"), std::nullopt);
  EXPECT_EQ(r.required_strings("not"), std::nullopt);
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:2:10: bad[1]: expected a string, got a list"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:3:6: not: expected a list of strings, got 'x'"));
}

TEST(YamlReader, HasAndNodeMarkKeysKnown) {
  Doc doc("extra: {x: 1}\nflag: true\n");
  MapReader r = doc.reader();
  EXPECT_TRUE(r.has("flag"));
  EXPECT_FALSE(r.has("absent"));
  EXPECT_TRUE(r.node("extra").IsMap());
  EXPECT_FALSE(r.node("absent").IsDefined());
  r.finish();
  EXPECT_TRUE(doc.diag.empty()) << doc.messages();
}

TEST(YamlReader, ReportUsesNodeOrFallsBackToMapping) {
  Doc doc("top:\n  a: 1\n  b: 2\n");
  MapReader top = doc.reader().map("top");
  top.report(top.node("b"), "b", "expected b to be less than a, got 2");
  top.report(top.node("missing"), "missing", "custom");
  top.report_here("whole mapping");
  EXPECT_EQ(doc.messages(),
            "in.yaml:3:6: top.b: expected b to be less than a, got 2\n"
            "in.yaml:2:3: top.missing: custom\n"
            "in.yaml:2:3: top: whole mapping\n");
}

}  // namespace
}  // namespace coron::io

namespace coron::io {
namespace {

// Every number a YAML file holds goes through one parser: each getter that reads a
// number refuses what is not a finite, normal number (or zero), at its place.
TEST(YamlReader, NonFiniteAndSubnormalNumbersAreRefusedByEveryNumberGetter) {
  for (const std::string bad :
       {"nan", "-nan", "NAN", ".nan", "inf", ".inf", "-.inf", "1e999", "5e-324", "1e-400"}) {
    Doc doc("plain: " + bad + "\nranged: " + bad + "\nlist: [1, " + bad + "]\narea: " + bad +
            " m2\nareas: {unit: m2, values: [" + bad + "]}\nareas2: ['" + bad + " m2']\nwhole: " + bad +
            "\n");
    MapReader r = doc.reader();
    EXPECT_EQ(r.required<double>("plain"), std::nullopt) << bad;
    EXPECT_EQ(r.required_in_range<double>("ranged", 0.0, 1e6), std::nullopt) << bad;
    EXPECT_EQ(r.required_numbers<double>("list", 2, 0.0, 1e6), std::nullopt) << bad;
    EXPECT_EQ(r.required_quantity("area", Dimension::area_m2, 0.0, 1e6), std::nullopt) << bad;
    EXPECT_EQ(r.required_quantities("areas", Dimension::area_m2, 1, 0.0, 1e6), std::nullopt) << bad;
    EXPECT_EQ(r.required_quantities("areas2", Dimension::area_m2, 1, 0.0, 1e6), std::nullopt) << bad;
    EXPECT_EQ(r.required<int>("whole"), std::nullopt) << bad;
    r.finish();
    const std::string all = doc.messages();
    EXPECT_EQ(doc.diag.size(), 7u) << bad << "\n" << all;
    for (const char* where : {"in.yaml:1:8: plain: expected ", "in.yaml:2:9: ranged: expected ",
                              "in.yaml:3:11: list[1]: expected ", "in.yaml:4:7: area: expected ",
                              "in.yaml:5:", "in.yaml:6:", "in.yaml:7:8: whole: expected "})
      EXPECT_THAT(all, HasSubstr(where)) << bad << "\n" << all;
  }
}

TEST(YamlReader, ASubnormalIsRefusedAsTooSmallAndAnInfinityAsNotFinite) {
  Doc doc("a: 5e-324\nb: nan\nc: 1e999\n");
  MapReader r = doc.reader();
  (void)r.required<double>("a");
  (void)r.required<double>("b");
  (void)r.required<double>("c");
  EXPECT_EQ(doc.messages(),
            "in.yaml:1:4: a: expected a number of magnitude 0 or at least 2.2250738585072014e-308, "
            "got '5e-324'\n"
            "in.yaml:2:4: b: expected a finite number, got 'nan'\n"
            "in.yaml:3:4: c: expected a number in -1.7976931348623157e+308..1.7976931348623157e+308, got "
            "'1e999'\n");
}

TEST(YamlReader, ASecondDocumentIsRefusedAtItsDashes) {
  // A syntax error in the second document would not be seen at all by a one-document read.
  Doc doc("a: 1\nb: 2\n---\nc: [unclosed\n");
  EXPECT_FALSE(doc.file.has_value());
  ASSERT_EQ(doc.diag.size(), 1u) << doc.messages();
  EXPECT_EQ(doc.messages(),
            "in.yaml:3:1: a second YAML document: a scenario or data file holds exactly one (remove this "
            "'---' and what follows, or split the file)\n");
  // An explicit start and end of the one document are fine.
  Doc one("---\na: 1\n...\n");
  EXPECT_TRUE(one.file.has_value()) << one.messages();
  EXPECT_EQ(one.reader().required<int>("a"), 1);
  // A syntax error in the first document is still reported as such.
  Doc broken("a: [1\n---\nb: 2\n");
  EXPECT_THAT(broken.messages(), HasSubstr("YAML syntax error"));
}

TEST(YamlReader, AUtf8ByteOrderMarkIsAcceptedAndPositionsAreUnchanged) {
  Doc doc(
      "\xEF\xBB\xBF"
      "a: 1\nb: x\n");
  ASSERT_TRUE(doc.file.has_value()) << doc.messages();
  MapReader r = doc.reader();
  EXPECT_EQ(r.required<int>("a"), 1);
  EXPECT_EQ(r.required<int>("b"), std::nullopt);
  EXPECT_EQ(doc.messages(), "in.yaml:2:4: b: expected an integer, got 'x'\n");
}

TEST(YamlReader, TextThatIsNotUtf8IsRefusedEverywhereItIs) {
  // Latin-1 'é' in a value, a NUL, and a stray byte in a comment after it: all three listed.
  Doc doc(std::string("name: Cit\xE9\nx: a\0b\n# \xFF\n", 22));
  EXPECT_FALSE(doc.file.has_value());
  ASSERT_EQ(doc.diag.size(), 3u) << doc.messages();
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:1:10: byte 0xE9, not UTF-8"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:2:5: a NUL byte"));
  EXPECT_THAT(doc.messages(), HasSubstr("in.yaml:3:3: byte 0xFF, not UTF-8"));
}

TEST(YamlReader, AUtf16FileIsRefusedAsUtf16) {
  const std::string utf16(
      "\xFF\xFE"
      "a\0:\0 \0"
      "1\0",
      10);
  Doc doc(utf16);
  EXPECT_FALSE(doc.file.has_value());
  EXPECT_EQ(doc.messages(),
            "in.yaml: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8\n");
}

}  // namespace
}  // namespace coron::io
