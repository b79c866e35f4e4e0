
#include "engine/aggregate.hpp"
#include "engine/thermal_driver.hpp"

#include "coron/engine.hpp"
#include "coron/units.hpp"

#include <tbb/task_arena.h>

namespace coron {

ThermalInputs thermal_inputs(const Stock& s) noexcept {
  ThermalInputs in;
  in.floor_area_m2 = s.floor_area_m2;
  in.ceiling_height_m = s.ceiling_height_m;
  in.wall_area_m2 = s.wall_area_m2;
  in.u_wall_w_per_m2k = s.u_wall_w_per_m2k;
  in.roof_area_m2 = s.roof_area_m2;
  in.u_roof_w_per_m2k = s.u_roof_w_per_m2k;
  in.b_roof = s.b_roof;
  in.ground_floor_area_m2 = s.ground_floor_area_m2;
  in.u_floor_w_per_m2k = s.u_floor_w_per_m2k;
  in.b_floor = s.b_floor;
  in.window_south_m2 = s.window_south_m2;
  in.window_east_m2 = s.window_east_m2;
  in.window_west_m2 = s.window_west_m2;
  in.window_north_m2 = s.window_north_m2;
  in.u_window_w_per_m2k = s.u_window_w_per_m2k;
  in.g_window = s.g_window;
  in.door_area_m2 = s.door_area_m2;
  in.u_door_w_per_m2k = s.u_door_w_per_m2k;
  in.thermal_bridges_w_per_k = s.thermal_bridges_w_per_k;
  in.q4pa_conv_m3_per_h_m2 = s.q4pa_conv_m3_per_h_m2;
  in.multiple_exposed_facades = s.multiple_exposed_facades;
  in.ventilation = s.ventilation;
  in.inertia = s.inertia;
  in.heating_system = s.heating_system;
  in.dhw_system = s.dhw_system;
  return in;
}

namespace {

/// Conversion factors in force in `year`: electricity from the scenario, every
/// other carrier 1 (DPE 2021 convention, thermal-reference.md §4.2).
YearFactors factors_for(const Scenario& scenario, int year) {
  YearFactors f;
  f.primary_energy_factor.fill(1.0);
  f.primary_energy_factor[static_cast<std::size_t>(Carrier::electricity)] =
      scenario.electricity_primary_factor_in(year);
  return f;
}

ThermalOutputs outputs_at(Results& r, std::size_t rep, std::size_t y) {
  const std::size_t offset = r.row(rep, y);
  const std::size_t n = r.dwellings;
  return ThermalOutputs{
      std::span<double>(r.heating_need_kwh).subspan(offset, n),
      std::span<double>(r.final_energy_kwh).subspan(offset, n),
      std::span<double>(r.primary_energy_kwh_m2).subspan(offset, n),
      std::span<double>(r.ghg_kg_m2).subspan(offset, n),
      std::span<std::uint8_t>(r.label).subspan(offset, n),
  };
}

void record_totals(Results& r, std::size_t rep, std::size_t y, const engine::YearTotals& t) {
  const std::size_t cell = rep * r.years + y;
  for (std::size_t c = 0; c < label_count; ++c) r.label_count[cell * label_count + c] = t.per_label[c];
  r.final_energy_gwh[cell] = t.final_energy_kwh / units::kwh_per_gwh;
  r.ghg_kt[cell] = t.ghg_kg / units::kg_per_kt;
}

}  // namespace

Results run_simulation(const Scenario& scenario, const Stock& stock, const ThermalParams& params,
                       const RunOptions& options) {
  const auto replicates = static_cast<std::size_t>(scenario.replicates);
  const auto years = static_cast<std::size_t>(scenario.years);
  const std::size_t n = stock.size();
  Results results;
  results.allocate(replicates, years, n);
  for (std::size_t y = 0; y < years; ++y) results.year[y] = scenario.start_year + static_cast<int>(y);

  const ThermalInputs in = thermal_inputs(stock);
  const bool parallel = options.kernel == Kernel::parallel;
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);

  const double steps = static_cast<double>(replicates * years);
  for (std::size_t rep = 0; rep < replicates; ++rep) {
    for (std::size_t y = 0; y < years; ++y) {
      const YearFactors factors = factors_for(scenario, results.year[y]);
      const ThermalOutputs out = outputs_at(results, rep, y);
      engine::YearTotals totals;
      arena.execute([&] {
        if (parallel)
          engine::evaluate_parallel(in, params, factors, out);
        else
          engine::evaluate_reference(in, params, factors, out);
        totals = engine::aggregate_year(out.final_energy_kwh, out.ghg_kg_m2, stock.floor_area_m2, out.label,
                                        parallel);
      });
      record_totals(results, rep, y, totals);
      if (options.progress) options.progress(static_cast<double>(rep * years + y + 1) / steps);
    }
  }
  return results;
}

}  // namespace coron
