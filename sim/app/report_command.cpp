#include "app/report_command.hpp"

#include "app/report_data.hpp"
#include "app/report_html.hpp"
#include "util/partial_file.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace coron::app {

namespace {

/// Chart.js's text, read at run time so that the page carries it and opens offline.
std::string read_chart_js(const std::filesystem::path& file, Diagnostics& diag) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || text.str().empty()) {
    diag.add(
        file.string(), 0, 0, "",
        "Chart.js not found; install the Debian package libjs-chart.js (apt-get install libjs-chart.js)");
    return {};
  }
  return text.str();
}

void check_output(const ReportCommand& cmd, Diagnostics& diag) {
  std::error_code ec;
  for (const std::filesystem::path& file : cmd.files)
    if (std::filesystem::equivalent(file, cmd.output, ec))
      diag.add(cmd.output.string(), 0, 0, "-o", "would replace the input " + file.string());
  if (std::filesystem::is_directory(cmd.output, ec))
    diag.add(cmd.output.string(), 0, 0, "-o", "is a folder; expected the HTML file to write");
}

void write_atomically(const std::filesystem::path& file, const std::string& text) {
  util::PartialFile partial(file);
  std::ofstream out(partial.path(), std::ios::binary | std::ios::trunc);
  // A folder the user cannot write to is bad input; a full or failing disk is not.
  if (!out && !util::is_storage_failure(errno))
    throw InputError({Diagnostic{file.string(), 0, 0, "-o", "cannot write here (is the folder writable?)"}});
  out << text;
  out.close();
  if (!out) throw std::runtime_error(fmt::format("failed writing {} (is the disk full?)", file.string()));
  try {
    partial.commit();
  } catch (const std::filesystem::filesystem_error& e) {
    throw std::runtime_error(fmt::format("cannot replace {}: {}", file.string(), e.code().message()));
  }
}

}  // namespace

int report_command(const ReportCommand& cmd) {
  Diagnostics diag;
  const Language language = cmd.language == "fr" ? Language::fr : Language::en;
  const std::string chart_js = read_chart_js(cmd.chart_js, diag);
  check_output(cmd, diag);
  std::vector<ReportRun> runs;
  try {
    runs = read_report_runs(cmd.files);
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) diag.add(d);
  }
  diag.throw_if_any();
  write_atomically(cmd.output, report_html(runs, language, chart_js));
  fmt::print("{}: {} scenario{}, {} charts\n", cmd.output.string(), runs.size(), runs.size() == 1 ? "" : "s",
             report_chart_count(runs));
  return 0;
}

}  // namespace coron::app
