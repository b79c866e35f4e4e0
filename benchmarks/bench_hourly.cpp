// The hourly model on a stock-year: 70,000 ISO 13790 5R1C dwellings x 8,760 hours, ideal
// heating and cooling with a night set-back, on 1 and 2 threads (TBB over the engine's fixed
// blocks of dwellings). The weather is synthetic (annual and daily sines), the dwellings'
// envelopes drawn from a fixed sequence, each with a network of its own (the worst case: no
// two dwellings share a factorisation). Reports dwelling-hours per second.
#include "engine/blocks.hpp"
#include "thermal/ideal_loads.hpp"
#include "thermal/iso13790_network.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace {

using namespace coron::hourly;

constexpr std::size_t stock_dwellings = 70'000;
constexpr std::size_t year_hours = 8'760;

struct SyntheticYear {
  std::vector<double> outdoor_c, solar_w_per_m2;  // irradiance on the glazing
};

const SyntheticYear& synthetic_year() {
  static const SyntheticYear year = [] {
    SyntheticYear y;
    for (std::size_t h = 0; h < year_hours; ++h) {
      const double season = std::cos(2.0 * std::numbers::pi * static_cast<double>(h) / 8760.0);
      const double day = std::sin(2.0 * std::numbers::pi * (static_cast<double>(h % 24) - 9.0) / 24.0);
      y.outdoor_c.push_back(11.0 - 7.5 * season + 4.0 * day);
      y.solar_w_per_m2.push_back(std::max(0.0, day) * (350.0 - 200.0 * season));
    }
    return y;
  }();
  return year;
}

struct Dwelling {
  Iso13790Parameters p;
  double window_area_m2;
};

// A fixed pseudo-random sequence (splitmix64), so that every run draws the same stock.
double unit(std::uint64_t i, std::uint64_t stream) {
  std::uint64_t z = i * 0x9E3779B97F4A7C15ULL + stream * 0xBF58476D1CE4E5B9ULL + 0x94D049BB133111EBULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

std::vector<Dwelling> synthetic_dwellings(std::size_t n) {
  std::vector<Dwelling> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double a_f = 50.0 + 70.0 * unit(i, 1);
    const double window = 0.12 * a_f;
    const double h_op = a_f * (0.4 + 2.6 * unit(i, 2));
    const double h_w = window * (1.4 + 3.4 * unit(i, 3));
    const double h_ve = 1200.0 * (0.3 + 0.9 * unit(i, 4)) * 2.5 * a_f / 3600.0;
    const auto mass = static_cast<MassClass>(i % 3);
    out.push_back({iso13790_parameters(a_f, h_op, h_w, h_ve, mass), window});
  }
  return out;
}

struct StockYear {
  std::vector<Dwelling> dwellings;
  std::vector<RcNetwork> networks;
  std::vector<IdealLoads> loads;
  std::vector<SetPoints> set_points;  // the schedule unrolled over the year: no modulo per hour
};

const StockYear& stock_year() {
  static const StockYear s = [] {
    std::vector<double> heating(24, 19.0), cooling(24, 27.0);
    for (std::size_t h = 0; h < 6; ++h) heating[h] = 16.0;  // night set-back, 0 h - 6 h
    heating[23] = 16.0;
    const SetPointSchedule schedule(heating, cooling);
    StockYear y{synthetic_dwellings(stock_dwellings), {}, {}, {}};
    for (std::size_t h = 0; h < year_hours; ++h) y.set_points.push_back(schedule.at(h));
    y.networks.reserve(stock_dwellings);
    y.loads.reserve(stock_dwellings);
    for (const Dwelling& d : y.dwellings) y.networks.push_back(iso13790_network(d.p));
    for (std::size_t i = 0; i < stock_dwellings; ++i) {
      y.loads.emplace_back(y.networks[i], iso13790::air_node, y.networks[i].heat_input(iso13790::air_node),
                           y.dwellings[i].p.floor_area_m2);
    }
    return y;
  }();
  return s;
}

struct DwellingYear {
  double heating_wh = 0.0, cooling_wh = 0.0, peak_heating_w = 0.0;
  std::uint32_t hours_above_28 = 0;
};

// One dwelling's year. The gain split is linear: split a watt of internal and a watt of solar
// gain once, then scale hour by hour.
DwellingYear simulate_year(const StockYear& s, std::size_t i, const SyntheticYear& w) {
  const Dwelling& d = s.dwellings[i];
  const IdealLoads& loads = s.loads[i];
  const Iso13790Gains per_internal_w = split_gains(d.p, 1.0, 0.0);
  const Iso13790Gains per_solar_w = split_gains(d.p, 0.0, 1.0);
  const double internal_w = 4.0 * d.p.floor_area_m2;
  const double solar_area_m2 = 0.5 * d.window_area_m2;
  const PowerLimits limits{100.0 * d.p.floor_area_m2, 40.0 * d.p.floor_area_m2};
  std::array<double, 1> x{18.0}, next{};
  std::array<double, 3> nodes{};
  DwellingYear out;
  for (std::size_t h = 0; h < year_hours; ++h) {
    const double solar_w = solar_area_m2 * w.solar_w_per_m2[h];
    const std::array<double, iso13790::input_count> u{
        w.outdoor_c[h], w.outdoor_c[h], per_internal_w.air_w * internal_w,
        per_internal_w.surface_w * internal_w + per_solar_w.surface_w * solar_w,
        per_internal_w.mass_w * internal_w + per_solar_w.mass_w * solar_w};
    const HourLoad load = loads.step(x, u, s.set_points[h], limits, next, nodes);
    x = next;
    if (load.power_w > 0.0) {
      out.heating_wh += load.power_w;
      out.peak_heating_w = std::max(out.peak_heating_w, load.power_w);
    } else {
      out.cooling_wh -= load.power_w;
    }
    out.hours_above_28 += load.controlled_c > 28.0 ? 1u : 0u;
  }
  return out;
}

void BM_hourly_build_networks(benchmark::State& state) {
  const std::vector<Dwelling> dwellings = synthetic_dwellings(stock_dwellings);
  for (auto _ : state) {
    std::vector<RcNetwork> networks;
    networks.reserve(dwellings.size());
    for (const Dwelling& d : dwellings) networks.push_back(iso13790_network(d.p));
    benchmark::DoNotOptimize(networks.data());
  }
  state.counters["networks_per_s"] =
      benchmark::Counter(static_cast<double>(dwellings.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_hourly_build_networks)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_hourly_stock_year(benchmark::State& state) {
  const StockYear& s = stock_year();
  const SyntheticYear& w = synthetic_year();
  std::vector<DwellingYear> results(stock_dwellings);
  const coron::engine::Blocks blocks(true);
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] {
      blocks.for_each(stock_dwellings, [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) results[i] = simulate_year(s, i, w);
      });
    });
    benchmark::DoNotOptimize(results.data());
    benchmark::ClobberMemory();
  }
  double heating_mwh = 0.0;
  for (const DwellingYear& r : results) heating_mwh += r.heating_wh * 1e-6;
  state.counters["dwelling_hours_per_s"] = benchmark::Counter(
      static_cast<double>(stock_dwellings * year_hours) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["stock_heating_gwh"] = heating_mwh * 1e-3;
}
BENCHMARK(BM_hourly_stock_year)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
