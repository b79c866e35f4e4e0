// The `coron report` page from hand-made figures: the number formats of both
// languages, the escaping of every text a file brings, and which charts appear.
#include "app/report_command.hpp"
#include "app/report_html.hpp"
#include "app/report_text.hpp"
#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"

#include "coron/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace coron::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

YearlySpread spread(double p10, double p50, double p90) { return {{p10, p10}, {p50, p50}, {p90, p90}}; }

/// Two years, two replicates, every figure present; `name` and `yaml` as the file would hold them.
ReportRun full_run(const std::string& name, const std::string& yaml) {
  ReportRun run;
  run.file = name + ".h5";
  run.scenario_name = name;
  run.scenario_yaml = yaml;
  run.coron_version = "0.9.0";
  run.created_utc = "2026-01-02T03:04:05Z";
  run.seed = 77;
  run.replicates = 2;
  run.years = {2018, 2019};
  run.labels = std::vector<std::array<double, 7>>{{0, 1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6, 0}};
  run.final_energy_gwh = spread(100, 110, 120);
  run.ghg_kt = spread(20, 21, 22);
  run.started = spread(5, 6, 7);
  run.fuel_poor = spread(300, 310, 320);
  run.households_in_banned = spread(0, 1, 2);
  run.banned_from_letting = spread(3, 4, 5);
  run.spend_by_funder = {{"state <anah>", {1.5, 2.5}}, {"region", {0.5, 0.25}}};
  run.cites = {{"Cité 9 & \"Lens\"", 12, 1234.5, 2.25, 1.75, 40}, {"Cité B", 3.5, 0.125, 1, 0.5, 7}};
  return run;
}

/// The figures of a run without works: labels, energy, CO2 and fuel poverty only.
ReportRun run_without_works() {
  ReportRun run = full_run("baseline", "name: baseline\n");
  run.started.reset();
  run.households_in_banned.reset();
  run.banned_from_letting.reset();
  run.spend_by_funder.clear();
  run.cites.clear();
  return run;
}

TEST(ReportText, EnglishNumbersGroupThousandsWithCommasAndUseADecimalPoint) {
  EXPECT_EQ(format_number(12345.678, 2, Language::en), "12,345.68");
  EXPECT_EQ(format_number(1234567.0, 0, Language::en), "1,234,567");
  EXPECT_EQ(format_number(999.0, 0, Language::en), "999");
  EXPECT_EQ(format_number(-1234.5, 1, Language::en), "-1,234.5");
  EXPECT_EQ(format_number(-0.04, 1, Language::en), "0.0");  // no "-0.0"
  EXPECT_EQ(format_number(std::nan(""), 1, Language::en), "-");
}

TEST(ReportText, FrenchNumbersUseAThinSpaceForThousandsAndADecimalComma) {
  EXPECT_EQ(format_number(12345.678, 2, Language::fr), "12\u202F345,68");
  EXPECT_EQ(format_number(1234567.0, 0, Language::fr), "1\u202F234\u202F567");
  EXPECT_EQ(format_number(100.0, 1, Language::fr), "100,0");
  EXPECT_EQ(format_number(-1234.5, 1, Language::fr), "-1\u202F234,5");
}

TEST(ReportText, HtmlEscapingCoversEveryMarkupCharacter) {
  EXPECT_EQ(escape_html(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(escape_html("Cité 9"), "Cité 9");
}

TEST(ReportText, JsonStringsCannotCloseTheScript) {
  EXPECT_EQ(json_string("a\"b\\c\n</script>"), R"("a\"b\\c\n\u003c/script>")");
  EXPECT_EQ(json_string(std::string("\x01", 1)), R"("\u0001")");
}

TEST(ReportHtml, EveryTextFromTheFilesIsEscaped) {
  const ReportRun run = full_run("A&B <i>", "name: x\nnote: </pre><script>alert(1)</script>\n");
  const std::string page = report_html(std::span(&run, 1), Language::en, "/* chart.js */");
  EXPECT_THAT(page, HasSubstr("<strong>A&amp;B &lt;i&gt;</strong>"));
  EXPECT_THAT(page, HasSubstr("note: &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page, HasSubstr("<td>Cité 9 &amp; &quot;Lens&quot;</td>"));
  EXPECT_THAT(page, Not(HasSubstr("<i>")));
  // The error hook, Chart.js and the page's own script; names in the chart data are
  // JSON with '<' escaped, so nothing from the files opens or closes a script.
  EXPECT_EQ(count_of(page, "<script"), 3U);
  EXPECT_EQ(count_of(page, "</script>"), 3U);
  EXPECT_THAT(page, HasSubstr(R"("label":"state \u003canah>")"));
  EXPECT_THAT(page, HasSubstr("/* chart.js */"));
}

TEST(ReportHtml, FrenchPageHasFrenchWordsAndNumbers) {
  const ReportRun run = full_run("mission", "name: mission\n");
  const std::string page = report_html(std::span(&run, 1), Language::fr, "");
  EXPECT_THAT(page, HasSubstr("<html lang=\"fr\">"));
  EXPECT_THAT(page, HasSubstr("<h1>Rapport coron</h1>"));
  EXPECT_THAT(page, HasSubstr("Dépenses par financeur"));
  EXPECT_THAT(page, HasSubstr(R"("locale":"fr-FR")"));
  // Works cost 1234.5 MEUR and the median 3.5 renovated, in the table.
  EXPECT_THAT(page, HasSubstr("<td data-v=\"1234.5\">1\u202F234,50</td>"));
  EXPECT_THAT(page, HasSubstr("<td data-v=\"3.5\">3,5</td>"));
  EXPECT_THAT(page, Not(HasSubstr("Spending by funder")));
  const std::string english = report_html(std::span(&run, 1), Language::en, "");
  EXPECT_THAT(english, HasSubstr("<td data-v=\"1234.5\">1,234.50</td>"));
  EXPECT_THAT(english, HasSubstr("<td data-v=\"12\">12</td>"));
}

TEST(ReportHtml, OneCanvasPerChartAndEachChartOnlyWithItsData) {
  const ReportRun full = full_run("mission", "");
  // Labels, energy, CO2, renovations, spending, fuel poverty, rental bans.
  EXPECT_EQ(report_chart_count(std::span(&full, 1)), 7U);
  const std::string page = report_html(std::span(&full, 1), Language::en, "");
  EXPECT_EQ(count_of(page, "<canvas"), 7U);
  EXPECT_THAT(page, HasSubstr("Spending by funder"));
  EXPECT_THAT(page, HasSubstr("<table class=\"sortable\">"));

  const ReportRun bare = run_without_works();
  EXPECT_EQ(report_chart_count(std::span(&bare, 1)), 4U);
  const std::string bare_page = report_html(std::span(&bare, 1), Language::en, "");
  EXPECT_EQ(count_of(bare_page, "<canvas"), 4U);
  EXPECT_THAT(bare_page, Not(HasSubstr("Spending by funder")));
  EXPECT_THAT(bare_page, Not(HasSubstr("Rental-ban exposure")));
  EXPECT_THAT(bare_page, Not(HasSubstr("Renovations started per year")));
  EXPECT_THAT(bare_page, Not(HasSubstr("<table")));

  // Side by side: one label chart and one spending chart per scenario, the
  // trajectories shared (one line per scenario on the same axes).
  const std::vector<ReportRun> both = {full, bare};
  EXPECT_EQ(report_chart_count(both), 8U);
  const std::string both_page = report_html(both, Language::en, "");
  EXPECT_EQ(count_of(both_page, "<canvas"), 8U);
  EXPECT_EQ(count_of(both_page, R"("label":"baseline")"), 3U);  // energy, CO2, fuel poverty
}

TEST(ReportHtml, BandsOnlyWithSeveralReplicates) {
  ReportRun run = full_run("mission", "");
  EXPECT_THAT(report_html(std::span(&run, 1), Language::en, ""), HasSubstr(R"("label":"mission P10-P90")"));
  run.replicates = 1;
  EXPECT_THAT(report_html(std::span(&run, 1), Language::en, ""), Not(HasSubstr("P10-P90\"")));
}

TEST(ReportHtml, ScenariosOfDifferentHorizonsShareTheLongerAxisWithGaps) {
  const ReportRun longer = full_run("long", "");
  ReportRun shorter = full_run("short", "");
  shorter.years = {2019};
  shorter.final_energy_gwh = YearlySpread{{1}, {2}, {3}};
  shorter.replicates = 1;
  const std::vector<ReportRun> both = {shorter, longer};
  const std::string page = report_html(both, Language::en, "");
  // The energy chart: 2018 and 2019 on the axis; "short" has no 2018, drawn as a gap.
  EXPECT_THAT(page, HasSubstr(R"("labels":["2018","2019"],"datasets":[{"label":"short","data":[null,2])"));
}

TEST(ReportCommand, MissingChartJsAndMissingFilesAreRefusedTogetherAndNothingIsWritten) {
  const fixtures::TempDir dir("report_missing");
  ReportCommand cmd;
  cmd.files = {dir.path() / "gone.h5"};
  cmd.output = dir.path() / "report.html";
  cmd.chart_js = dir.path() / "no-chart.min.js";
  try {
    (void)report_command(cmd);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no-chart.min.js: Chart.js not found; install the Debian package "
                                    "libjs-chart.js"));
    EXPECT_THAT(e.what(), HasSubstr("gone.h5: no such file"));
  }
  EXPECT_FALSE(std::filesystem::exists(cmd.output));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "report.html").empty());
}

}  // namespace
}  // namespace coron::app
