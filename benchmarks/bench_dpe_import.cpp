// Importing DPE certificates (`coron stock import-dpe`): 10,000 certificates, the shipped
// sample of tests/data/dpe repeated (each file linked 250 times under its own name), read,
// mapped and assembled into a stock. Target (issue: real DPE certificates in): 10,000
// certificates in under 10 s on 2 cores.
#include "fixtures/temp_dir.hpp"
#include "io/thermal_data.hpp"
#include "stock/dpe_import.hpp"

#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr std::size_t certificates = 10'000;

// The files to import: symbolic links to the sample, 10,000 in all, made once.
const std::vector<fs::path>& certificate_files() {
  static const std::vector<fs::path> files = [] {
    std::vector<fs::path> sample;
    for (const fs::directory_entry& e : fs::directory_iterator(fs::path(CORON_SOURCE_DIR) / "tests/data/dpe"))
      if (e.path().extension() == ".xml") sample.push_back(e.path());
    std::sort(sample.begin(), sample.end());
    const fs::path dir = coron::fixtures::unique_temp_path("bench_dpe");
    fs::create_directories(dir);
    std::vector<fs::path> out;
    for (std::size_t i = 0; i < certificates; ++i) {
      const fs::path link = dir / (std::to_string(i) + ".xml");
      fs::create_symlink(sample[i % sample.size()], link);
      out.push_back(link);
    }
    return out;
  }();
  return files;
}

void BM_import_dpe_10000(benchmark::State& state) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(state.range(0)));
  const std::vector<fs::path>& files = certificate_files();
  coron::Diagnostics diag;
  const coron::ThermalParams params = coron::io::load_thermal_params(CORON_DATA_DIR, diag);
  diag.throw_if_any();
  for (auto _ : state) {
    const coron::stock::DpeImport result = coron::stock::import_dpe(files, {}, params);
    benchmark::DoNotOptimize(result.stock.floor_area_m2.data());
  }
  state.counters["certificates_per_s"] =
      benchmark::Counter(static_cast<double>(certificates) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_import_dpe_10000)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
