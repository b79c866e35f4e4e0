#include "io/run_provenance.hpp"

#include <chrono>
#include <ctime>
#include <utility>

namespace coron::io {

namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

RunProvenance provenance_of(const Scenario& scenario, std::string coron_version) {
  RunProvenance run;
  run.coron_version = std::move(coron_version);
  run.scenario_name = scenario.name;
  run.scenario_text = scenario.text;
  run.seed = scenario.seed;
  run.replicates = scenario.replicates;
  run.start_year = scenario.start_year;
  run.end_year = scenario.end_year();
  run.created_utc = utc_now_iso8601();
  return run;
}

void write_provenance(Object& meta, const RunProvenance& run) {
  meta.set_attribute("coron_version", run.coron_version);
  meta.set_attribute("scenario", run.scenario_text);
  meta.set_attribute("scenario_name", run.scenario_name);
  meta.set_attribute("seed", run.seed);
  meta.set_attribute("replicates", run.replicates);
  meta.set_attribute("start_year", run.start_year);
  meta.set_attribute("end_year", run.end_year);
  meta.set_attribute("created_utc", run.created_utc);
}

}  // namespace coron::io
