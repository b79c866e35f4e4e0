// `coron report` as a user meets it: a short real run with works and two replicates,
// its page opened in headless Chromium (the page records its own script errors and
// how many charts it drew), and the refusals (exit code 2, nothing written).
#include "app/cli_runner.hpp"
#include "app/compare_cases.hpp"
#include "app/report_text.hpp"
#include "fixtures/partials.hpp"
#include "fixtures/short_scenario.hpp"
#include "io/results_reader.hpp"

#include <fmt/core.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <tuple>

namespace coron {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_coron;

const std::string chromium = CORON_CHROMIUM;
const std::filesystem::path artefact_dir = CORON_TEST_ARTEFACT_DIR;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// Everything a shell command prints on standard output (its stderr is dropped: Chromium
/// logs there about the missing GPU and D-Bus of a container).
std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), got);
  pclose(pipe);
  return out;
}

/// Whether the dumped DOM holds `text`; a failure then names the text, not the whole page.
bool dom_has(const std::string& dom, const std::string& text) { return dom.find(text) != std::string::npos; }

/// `text` as Chromium serialises it in the dumped DOM: in text & < > escaped, in an
/// attribute & and " (a quote stays a quote, unlike the page's own escaping).
std::string dom_escaped(const std::string& text, bool attribute) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '"' && attribute)
      out += "&quot;";
    else if (c == '<' && !attribute)
      out += "&lt;";
    else if (c == '>' && !attribute)
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

/// Whether some table cell of `page` reads `<td data-v="...">digits,two digits</td>`.
bool has_cell_with_decimal_comma(const std::string& page) {
  const std::string open = "<td data-v=\"";
  for (std::size_t at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
    const std::size_t text = page.find("\">", at + open.size());
    const std::size_t close = page.find("</td>", at);
    if (text == std::string::npos || close == std::string::npos || text > close) continue;
    const std::string cell = page.substr(text + 2, close - text - 2);
    const std::size_t comma = cell.find(',');
    const bool digits_before =
        comma != std::string::npos && comma > 0 && cell.find_first_not_of("0123456789") == comma;
    if (digits_before && cell.size() == comma + 3 &&
        cell.find_first_not_of("0123456789", comma + 1) == std::string::npos)
      return true;
  }
  return false;
}

/// Headless Chromium on `page` with `extra` arguments; as root it needs --no-sandbox.
std::string chromium_command(const std::filesystem::path& page, const std::filesystem::path& profile,
                             const std::string& extra) {
  return "'" + chromium + "' --headless=new --no-sandbox --disable-gpu --virtual-time-budget=5000 " +
         "--user-data-dir='" + profile.string() + "' " + extra + " 'file://" + page.string() + "'";
}

/// The cité renovating the most by the last year, and the median of its two replicates
/// as the table shows it (read straight from /aggregate/by_cite, [R, Y, C]).
std::tuple<std::string, double, std::string> busiest_cite(const std::filesystem::path& file) {
  const io::ResultsReader in(file);
  const std::vector<std::string> names = in.read_strings("/cites/name");
  const std::vector<double> renovated = in.read_double("/aggregate/by_cite/renovated");
  const std::vector<std::size_t> shape = in.shape("/aggregate/by_cite/renovated");
  EXPECT_EQ(shape[0], 2U);
  const std::size_t years = shape[1];
  const std::size_t cites = shape[2];
  std::size_t best = 0;
  double best_median = -1.0;
  for (std::size_t c = 0; c < cites; ++c) {
    const double r0 = renovated[(0 * years + years - 1) * cites + c];
    const double r1 = renovated[(1 * years + years - 1) * cites + c];
    const double median = (r0 + r1) / 2.0;  // type 7 of two values: their mean
    if (median > best_median) {
      best_median = median;
      best = c;
    }
  }
  const int decimals = best_median == std::floor(best_median) ? 0 : 1;
  return {names[best], best_median, app::format_number(best_median, decimals, app::Language::en)};
}

TEST(ReportBrowser, ShortRunPageDrawsEveryChartWithoutErrorInHeadlessChromium) {
  ASSERT_THAT(chromium, Not(HasSubstr("NOTFOUND")))
      << "chromium is not installed: `make deps` (or apt-get install chromium) installs it";
  TempDir dir("report_browser");
  const std::filesystem::path scenario = fixtures::short_scenario(dir.path(), "optimal", 2);
  const auto run = run_coron("run -q --replicates 2 -o optimal.h5 '" + scenario.string() + "'", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto report = run_coron("report optimal.h5 -o report.html", dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "report.html").empty());
  const std::string html = read_text(dir.path() / "report.html");
  // Offline: Chart.js is inside and nothing is fetched from elsewhere.
  EXPECT_THAT(html, HasSubstr("Chart.js v3.9"));
  EXPECT_THAT(html, Not(HasSubstr("src=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"http")));

  // The page as written, plus a probe that clicks the "Renovated" header twice (ascending,
  // then descending) and records the first row's cité: the table's sorting at work.
  std::string probed = html;
  probed.insert(
      probed.rfind("</body>"),
      "<script>const th = document.querySelectorAll('table.sortable th')[1]; th.click(); th.click();"
      "document.body.dataset.sortedFirst = "
      "document.querySelector('table.sortable tbody tr').cells[0].textContent;</script>\n");
  std::ofstream(dir.path() / "probed.html") << probed;
  const std::string dom =
      output_of(chromium_command(dir.path() / "probed.html", dir.path() / "profile", "--dump-dom"));
  ASSERT_TRUE(dom_has(dom, "</html>")) << "chromium printed no page";
  EXPECT_FALSE(dom_has(dom, "data-errors=")) << dom.substr(0, dom.find("<script>"));
  // data-charts-drawn="N/M" (no std::regex: g++ 12 warns inside it under the sanitizers).
  const std::string key = "data-charts-drawn=\"";
  const std::size_t at = dom.find(key);
  ASSERT_NE(at, std::string::npos) << "the page's check never ran";
  const std::size_t slash = dom.find('/', at);
  const std::size_t quote = dom.find('"', at + key.size());
  ASSERT_TRUE(slash != std::string::npos && quote != std::string::npos && slash < quote);
  const std::string drawn_count = dom.substr(at + key.size(), slash - at - key.size());
  const std::string chart_count = dom.substr(slash + 1, quote - slash - 1);
  // Labels, energy, CO2, renovations, spending by funder, fuel poverty, rental bans.
  EXPECT_EQ(chart_count, "7");
  EXPECT_EQ(drawn_count, chart_count) << "some canvas stayed blank";
  EXPECT_TRUE(dom_has(dom, "<strong>optimal</strong>: 2018-2019, Replicates: 2"))
      << "<strong>optimal</strong>: 2018-2019, Replicates: 2";
  EXPECT_TRUE(dom_has(dom, "Final energy (GWh/yr) 2018")) << "Final energy (GWh/yr) 2018";
  EXPECT_TRUE(dom_has(dom, "Final energy (GWh/yr) 2019")) << "Final energy (GWh/yr) 2019";
  const auto [cite, renovated_median, renovated] = busiest_cite(dir.path() / "optimal.h5");
  EXPECT_NE(renovated, "0");
  // The cité's row: its name, then the renovated count as a number and as shown.
  const std::string row = "<td>" + dom_escaped(cite, false) + "</td><td data-v=\"" +
                          fmt::format("{}", renovated_median) + "\">" + renovated + "</td>";
  EXPECT_TRUE(dom_has(dom, row)) << row;
  EXPECT_TRUE(dom_has(dom, "data-sorted-first=\"" + dom_escaped(cite, true) + "\""))
      << "data-sorted-first=\"" + dom_escaped(cite, true) + "\"";

  // The screenshot stays in the build's test folder for a person to look at.
  std::filesystem::create_directories(artefact_dir);
  const std::filesystem::path shot = artefact_dir / "report.png";
  std::filesystem::remove(shot);
  (void)output_of(chromium_command(dir.path() / "report.html", dir.path() / "profile",
                                   "--screenshot='" + shot.string() + "' --window-size=1280,2400"));
  ASSERT_TRUE(std::filesystem::exists(shot));
  EXPECT_GT(std::filesystem::file_size(shot), 10'000U);

  // French: the same page with French words and number formats.
  const auto french = run_coron("report optimal.h5 -o rapport.html --lang fr", dir.path());
  ASSERT_EQ(french.exit_code, 0) << french.output;
  const std::string page_fr = read_text(dir.path() / "rapport.html");
  EXPECT_THAT(page_fr, HasSubstr("<h1>Rapport coron</h1>"));
  EXPECT_THAT(page_fr, HasSubstr(R"("locale":"fr-FR")"));
  EXPECT_TRUE(has_cell_with_decimal_comma(page_fr)) << "no decimal comma in the table";
}

TEST(ReportCli, MissingUnreadableAndOtherStockFilesAreRefusedAtOnceAndNothingIsWritten) {
  TempDir dir("report_bad");
  testing::write_hand_run(dir.path() / "base.h5", testing::base_run());
  std::ofstream(dir.path() / "notes.h5") << "not HDF5\n";
  testing::HandRun other = testing::programme_run();
  other.dwelling_ids = {7};
  testing::write_hand_run(dir.path() / "other.h5", other);
  const auto r = run_coron("report base.h5 gone.h5 notes.h5 other.h5 -o report.html", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("gone.h5: no such file"));
  EXPECT_THAT(r.output, HasSubstr("notes.h5: cannot be read as a coron results file"));
  EXPECT_THAT(r.output, HasSubstr("other.h5: /stock: was run on another stock than the reference base.h5"));
  EXPECT_THAT(r.output, HasSubstr("3 problems found"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "report.html"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "report.html").empty());

  const auto replaced = run_coron("report base.h5 -o base.h5", dir.path());
  EXPECT_EQ(replaced.exit_code, 2) << replaced.output;
  EXPECT_THAT(replaced.output, HasSubstr("would replace the input base.h5"));
  EXPECT_EQ(run_coron("report base.h5 -o r.html --lang de", dir.path()).exit_code, 2);
  EXPECT_EQ(run_coron("report base.h5", dir.path()).exit_code, 2);  // no -o
  const auto help = run_coron("report --help", dir.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.output, HasSubstr("--lang"));
}

TEST(ReportCli, HandFilesGiveAPageNamingBothScenarios) {
  TempDir dir("report_hand");
  testing::write_hand_run(dir.path() / "base.h5", testing::base_run());
  testing::write_hand_run(dir.path() / "prog.h5", testing::programme_run());
  const auto r = run_coron("report base.h5 prog.h5 -o report.html", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = read_text(dir.path() / "report.html");
  EXPECT_THAT(page, HasSubstr("<strong>base</strong>"));
  EXPECT_THAT(page, HasSubstr("<strong>prog</strong>"));
}

}  // namespace
}  // namespace coron
