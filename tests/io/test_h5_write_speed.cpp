// Write time and size of a baseline-sized results file (70,000 dwellings x 30
// years, all five /dwelling columns). The sweep over chunk shapes and deflate
// levels is disabled by default; run it with
//   test_io_h5 --gtest_also_run_disabled_tests --gtest_filter='*WriteSpeed*'
// It backs the chunk shape chosen in results_writer.hpp (docs/hdf5-schema.md).

#include "io/results_reader.hpp"
#include "io/results_writer.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double uniform(std::uint64_t& state) { return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53; }

// Two shapes of per-dwelling data along years.
//  - baseline: what a no-renovation run gives with 3CL's fixed conventional
//    climate: every value repeats exactly from one year to the next, except
//    primary energy (and so maybe the label) of electrically heated dwellings
//    when the electricity primary factor steps (2.3 -> 2.1 -> 1.9).
//  - drifting: a worst case where every value moves a little every year (as a
//    year-by-year climate would make it), so no year repeats another bit for bit.
enum class Drift { baseline, drifting };

void make_data(Drift drift, std::size_t n, std::size_t years, Stock& stock, Results& results) {
  std::uint64_t rng = 2018;
  stock.resize(n);
  stock.cites.name = {"all"};
  stock.cites.communes = {"Lens"};
  stock.cites.epci = {"CA Lens-Liévin"};
  stock.cites.category = {0};
  stock.cites.dwellings = {static_cast<std::int32_t>(n)};
  stock.cites.heritage_unesco = {0};
  stock.cites.qpv = {0};
  results.allocate(1, years, n);
  std::vector<double> need(n);
  std::vector<double> efficiency(n);
  std::vector<bool> electric(n);
  for (std::size_t i = 0; i < n; ++i) {
    stock.dwelling_id[i] = static_cast<std::int64_t>(i + 1);
    stock.floor_area_m2[i] = 45.0 + 50.0 * uniform(rng);
    need[i] = stock.floor_area_m2[i] * (120.0 + 250.0 * uniform(rng));
    efficiency[i] = 0.65 + 0.3 * uniform(rng);
    electric[i] = uniform(rng) < 0.2;
  }
  for (std::size_t y = 0; y < years; ++y) {
    const int year = 2018 + static_cast<int>(y);
    results.year[y] = year;
    const double climate =
        drift == Drift::drifting ? 1.0 + 0.04 * std::sin(1.7 * static_cast<double>(y)) : 1.0;
    const double electricity_pef = year < 2025 ? 2.3 : year < 2030 ? 2.1 : 1.9;
    const std::size_t row = results.row(0, y);
    for (std::size_t i = 0; i < n; ++i) {
      const double area = stock.floor_area_m2[i];
      const double h = need[i] * climate;
      const double f = h / efficiency[i] + 2000.0;
      const double ep = f * (electric[i] ? electricity_pef : 1.0) / area;
      results.heating_need_kwh[row + i] = h;
      results.final_energy_kwh[row + i] = f;
      results.primary_energy_kwh_m2[row + i] = ep;
      results.ghg_kg_m2[row + i] = f * 0.227 / area;
      results.label[row + i] = static_cast<std::uint8_t>(std::min(6.0, std::floor(ep / 70.0)));
    }
  }
}

// The default chunk puts all years of a few thousand dwellings together, so
// years that repeat bit for bit cost almost nothing once deflated.
TEST(H5WriteSpeed, DefaultChunkingCompressesRepeatedYears) {
  const std::size_t n = 10'000;
  Stock stock;
  Results results;
  make_data(Drift::baseline, n, 30, stock, results);
  OutputSpec spec;
  spec.dwelling_columns = known_dwelling_columns();
  spec.compression = 1;
  const fs::path dir = fs::temp_directory_path() / "coron_test_h5_chunking";
  fs::create_directories(dir);
  const fs::path file = dir / "baseline.h5";
  write_results(file, RunMetadata{}, stock, results, spec);
  {
    const ResultsReader in(file);
    const DataSet need = in.file().open_dataset("/dwelling/heating_need_kwh");
    EXPECT_EQ(need.chunk(), (std::vector<std::size_t>{1, 30, 2000}));  // 10,000 in five equal pieces
    EXPECT_EQ(need.deflate_level(), 1);
    EXPECT_LT(need.storage_bytes(), n * 30 * sizeof(double) / 8);
    EXPECT_EQ(in.read_double("/dwelling/heating_need_kwh"), results.heating_need_kwh);
    EXPECT_EQ(in.read_uint8("/dwelling/label"), results.label);
  }
  fs::remove_all(dir);
}

TEST(H5WriteSpeed, DISABLED_BaselineSweep) {
  const std::size_t n = 70'000;
  const std::size_t years = 30;
  RunMetadata meta;
  meta.scenario_name = "speed";
  OutputSpec spec;
  spec.dwelling_columns = known_dwelling_columns();
  const fs::path dir = fs::temp_directory_path() / "coron_test_h5_speed";
  fs::create_directories(dir);
  const fs::path file = dir / "baseline.h5";

  // Dwelling extents are targets: the writer splits N into equal chunks.
  const std::vector<detail::DwellingChunk> shapes = {
      {1, 16384}, {1, 65536}, {30, 1024}, {30, 2048}, {30, 4096}, {30, 8192}, {10, 4096}, {30, 65536},
  };
  for (Drift drift : {Drift::baseline, Drift::drifting}) {
    Stock stock;
    Results results;
    make_data(drift, n, years, stock, results);
    std::printf("%s data\n%-18s %6s %10s %12s\n", drift == Drift::baseline ? "baseline" : "drifting",
                "chunk target", "level", "best ms", "size MB");
    for (const auto& chunk : shapes) {
      for (int level : {0, 1, 4}) {
        spec.compression = level;
        double best = 1e300;
        for (int rep = 0; rep < 3; ++rep) {
          const auto t0 = std::chrono::steady_clock::now();
          detail::write_results(file, meta, stock, results, spec, chunk);
          const auto t1 = std::chrono::steady_clock::now();
          best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        const std::string shape =
            "(1," + std::to_string(chunk.years) + "," + std::to_string(chunk.dwellings) + ")";
        std::printf("%-18s %6d %10.1f %12.2f\n", shape.c_str(), level, best,
                    static_cast<double>(fs::file_size(file)) / 1e6);
        std::fflush(stdout);
      }
    }
    const ResultsReader in(file);
    EXPECT_EQ(in.read_double("/dwelling/primary_energy_kwh_m2"), results.primary_energy_kwh_m2);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace coron::io
