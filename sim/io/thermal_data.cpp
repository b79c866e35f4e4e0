#include "io/thermal_data.hpp"

#include "io/yaml_reader.hpp"

#include "coron/thermal.hpp"
#include "coron/vocabulary.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

/// A list of exactly `count` plain numbers within [lo, hi] (for unitless tables); a bad
/// element is reported as key[i] at its own place.
std::optional<std::vector<double>> numbers(MapReader& r, std::string_view key, std::size_t count, double lo,
                                           double hi) {
  return r.required_numbers<double>(key, count, lo, hi);
}

template <std::size_t N>
void copy_to(const std::optional<std::vector<double>>& v, std::array<double, N>& a) {
  if (!v || v->size() != N) return;
  for (std::size_t i = 0; i < N; ++i) a[i] = (*v)[i];
}

/// Label limits must rise from A to F.
void check_increasing(MapReader& r, std::string_view key, const std::optional<std::vector<double>>& v) {
  if (!v) return;
  for (std::size_t i = 1; i < v->size(); ++i)
    if (!((*v)[i] > (*v)[i - 1])) {
      r.report(r.node(key), key, "expected limits increasing from A to F");
      return;
    }
}

/// One altitude class of a zone: T_efs and both climate variants; C1 is the zone's.
void read_altitude(MapReader& r, ClimateTable& c, const std::optional<std::vector<double>>& c1_east,
                   const std::optional<std::vector<double>>& c1_west,
                   const std::optional<std::vector<double>>& c1_north) {
  copy_to(r.required_quantities("cold_water", Dimension::temperature_c, months, -5.0, 30.0), c.cold_water_c);
  // One map per variant (ilpa 0, 1); C1 is the same for both.
  for (std::size_t v = 0; v < climate_variant_count; ++v) {
    MapReader m = r.map(fmt::format("ilpa_{}", v));
    if (!m.valid()) continue;
    ClimateVariant& cv = c.variant[v];
    copy_to(m.required_quantities("dh19", Dimension::degree_hours_kh, months, 0.0, 30000.0), cv.dh19_kh);
    copy_to(m.required_quantities("nref19", Dimension::time_h, months, 0.0, 744.0), cv.nref19_h);
    const auto e =
        m.required_quantities("irradiation_south", Dimension::energy_per_area_kwh_m2, months, 0.0, 300.0);
    m.finish();
    // Irradiation on orientation o is E_j . C1_o,j (south: C1 = 1).
    if (e && c1_east && c1_west && c1_north) {
      for (std::size_t j = 0; j < months; ++j) {
        cv.sun_south_kwh_m2[j] = (*e)[j];
        cv.sun_east_kwh_m2[j] = (*e)[j] * (*c1_east)[j];
        cv.sun_west_kwh_m2[j] = (*e)[j] * (*c1_west)[j];
        cv.sun_north_kwh_m2[j] = (*e)[j] * (*c1_north)[j];
      }
    }
  }
}

/// A boiler class's part-load rows (3CL §13.2.1): the table generateur_combustion's rows by
/// installation period and power, in rising order of from_year.
void read_part_load(MapReader& m, BoilerPartLoad& b) {
  b.enabled = true;
  if (const auto k = m.required_enum("kind", boiler_kind_names)) b.kind = static_cast<BoilerKind>(*k);
  b.pcs_over_pci = m.required_in_range<double>("pcs_over_pci", 1.0, 1.2).value_or(1.0);
  b.temp_fonc_100_c =
      m.required_quantity("temp_fonc_100", Dimension::temperature_c, 20.0, 100.0).value_or(80.0);
  b.combustion_regulation = m.required<bool>("combustion_regulation").value_or(false);
  int previous_year = -1;
  m.each_item(
      "periods", "a list of table rows, {from, rpn, rpint, qp0, temp_fonc_30}",
      [&](MapReader& row, std::size_t i) {
        if (i >= boiler_period_capacity) {
          row.report_here(fmt::format("expected at most {} rows", boiler_period_capacity));
          return;
        }
        BoilerPeriod& r = b.periods[i];
        r.from_year = row.required_in_range<int>("from", 0, 2100).value_or(0);
        if (r.from_year < previous_year)
          row.report(row.node("from"), "from", "expected rows in rising order of installation year");
        previous_year = r.from_year;
        r.max_pn_kw =
            row.has("max_pn_kw") ? row.required_in_range<double>("max_pn_kw", 0.0, 1e6).value_or(1e9) : 1e9;
        const auto pair = [&](std::string_view key, double& a, double& slope) {
          const auto v = row.required_numbers<double>(key, 2, -1000.0, 1000.0);
          if (v && v->size() == 2) {
            a = (*v)[0];
            slope = (*v)[1];
          }
        };
        pair("rpn", r.rpn_a, r.rpn_b);
        pair("rpint", r.rpint_a, r.rpint_b);
        const auto qp0 = row.required_numbers<double>("qp0", 3, -1000.0, 1000.0);
        if (qp0 && qp0->size() == 3) {
          r.qp0_a = (*qp0)[0];
          r.qp0_b = (*qp0)[1];
          r.qp0_exponent = (*qp0)[2];
        }
        // Solid-fuel boilers have no 30 % point (their curve goes through QP50).
        if (b.kind != BoilerKind::solid_fuel)
          r.temp_fonc_30_c =
              row.required_quantity("temp_fonc_30", Dimension::temperature_c, 20.0, 100.0).value_or(0.0);
        b.period_count = i + 1;
      });
  if (b.period_count == 0) b.enabled = false;
}

/// A heat-pump class's SCOP rows (3CL §12.4, tv.js `scop`), in rising order of from_year.
void read_scop(MapReader& m, HeatPumpScop& scop) {
  int previous_year = -1;
  m.each_item("periods", "a list of table rows, {from, h1_h2, h3}", [&](MapReader& row, std::size_t i) {
    if (i >= heat_pump_period_capacity) {
      row.report_here(fmt::format("expected at most {} rows", heat_pump_period_capacity));
      return;
    }
    HeatPumpPeriod& r = scop.periods[i];
    r.from_year = row.required_in_range<int>("from", 0, 2100).value_or(0);
    if (r.from_year <= previous_year)
      row.report(row.node("from"), "from", "expected rows in strictly rising order of installation year");
    previous_year = r.from_year;
    r.scop_h1_h2 = row.required_in_range<double>("h1_h2", 1.0, 10.0).value_or(1.0);
    r.scop_h3 = row.required_in_range<double>("h3", 1.0, 10.0).value_or(1.0);
    scop.period_count = i + 1;
  });
}

/// Every zone and altitude class; the lighting hours N_h of each zone go to `lighting_hours`
/// (lighting also needs method.yaml's usage factor and power).
void read_climate(MapReader& r, ThermalParams& p, std::array<double, climate_zone_count>& lighting_hours) {
  (void)r.optional<std::string>("source");
  const auto days = numbers(r, "days", months, 0.0, 31.0);
  r.each_map("zones", climate_zone_names, [&](MapReader& z, std::size_t zone) {
    lighting_hours[zone] =
        z.required_quantity("lighting_hours", Dimension::time_h, 0.0, 8760.0).value_or(0.0);
    const auto c1_east = numbers(z, "c1_east", months, 0.0, 5.0);
    const auto c1_west = numbers(z, "c1_west", months, 0.0, 5.0);
    const auto c1_north = numbers(z, "c1_north", months, 0.0, 5.0);
    z.each_map("altitudes", altitude_class_names, [&](MapReader& a, std::size_t altitude) {
      ClimateTable& c = p.climate[climate_index(zone, altitude)];
      copy_to(days, c.days);
      read_altitude(a, c, c1_east, c1_west, c1_north);
    });
  });
}

void read_systems(MapReader& r, ThermalParams& p) {
  // T_base by zone group (h1, h2, h3: the zone name's first two letters) and altitude class.
  MapReader sizing = r.map("boiler_sizing");
  if (sizing.valid()) {
    MapReader base = sizing.map("base_temperature");
    if (base.valid()) {
      for (const std::string_view group : {"h1", "h2", "h3"}) {
        const auto t =
            base.required_quantities(group, Dimension::temperature_c, altitude_class_count, -40.0, 15.0);
        if (!t) continue;
        for (std::size_t zone = 0; zone < climate_zone_count; ++zone)
          if (climate_zone_names[zone].substr(0, 2) == group)
            for (std::size_t altitude = 0; altitude < altitude_class_count; ++altitude)
              p.base_temperature_c[climate_index(zone, altitude)] = (*t)[altitude];
      }
      base.finish();
    }
    sizing.finish();
  }
  MapReader circulator = r.map("circulator");
  if (circulator.valid()) {
    CirculatorParams& c = p.circulator;
    c.minimum_w = circulator.required_in_range<double>("minimum_w", 0.0, 1000.0).value_or(c.minimum_w);
    c.emitter_pressure_drop_kpa =
        circulator.required_in_range<double>("emitter_pressure_drop_kpa", 0.0, 1000.0)
            .value_or(c.emitter_pressure_drop_kpa);
    c.length_factor =
        circulator.required_in_range<double>("length_factor", 0.0, 10.0).value_or(c.length_factor);
    c.levels = circulator.required_in_range<double>("levels", 1.0, 100.0).value_or(c.levels);
    c.design_temperature_drop_k = circulator.required_in_range<double>("design_temperature_drop_k", 1.0, 50.0)
                                      .value_or(c.design_temperature_drop_k);
    circulator.finish();
  }
  r.each_map("heating", heating_system_names, [&](MapReader& m, std::size_t s) {
    HeatingSystemParams& h = p.heating[s];
    if (const auto c = m.required_enum("carrier", carrier_names)) h.carrier = static_cast<Carrier>(*c);
    h.generation_efficiency = m.required_in_range<double>("generation_efficiency", 0.1, 6.0).value_or(1.0);
    h.emission_efficiency = m.required_in_range<double>("emission_efficiency", 0.1, 1.0).value_or(1.0);
    h.distribution_efficiency =
        m.required_in_range<double>("distribution_efficiency", 0.1, 1.0).value_or(1.0);
    h.regulation_efficiency = m.required_in_range<double>("regulation_efficiency", 0.1, 1.0).value_or(1.0);
    MapReader i0 = m.map("intermittence_i0");
    if (i0.valid()) {
      for (std::size_t k = 0; k < inertia_count; ++k)
        h.intermittence_i0[k] = i0.required_in_range<double>(inertia_names[k], 0.1, 1.0).value_or(1.0);
      i0.finish();
    }
    h.auxiliary_kwh_per_kwh_need =
        m.required_in_range<double>("auxiliary_per_kwh_need", 0.0, 0.1).value_or(0.0);
    h.water_network = m.required<bool>("water_network").value_or(false);
    h.auxiliary_kwh_per_m2 =
        m.required_quantity("auxiliary_per_m2", Dimension::energy_per_area_kwh_m2, 0.0, 100.0).value_or(0.0);
    if (m.has("part_load")) {
      MapReader part_load = m.map("part_load");
      if (part_load.valid()) {
        read_part_load(part_load, h.part_load);
        part_load.finish();
      }
    }
    if (m.has("scop") && m.has("part_load"))
      m.report(m.node("scop"), "scop", "a boiler's part_load or a heat pump's scop, not both");
    if (m.has("scop")) {
      MapReader scop = m.map("scop");
      if (scop.valid()) {
        read_scop(scop, h.scop);
        scop.finish();
      }
    }
  });

  r.each_map("dhw", dhw_system_names, [&](MapReader& m, std::size_t s) {
    if (const auto c = m.required_enum("carrier", carrier_names)) p.dhw[s].carrier = static_cast<Carrier>(*c);
    DhwSystemParams& d = p.dhw[s];
    if (const auto g = m.required_enum("generator", dhw_generator_names))
      d.generator = static_cast<DhwGenerator>(*g);
    d.nominal_efficiency = m.required_in_range<double>("nominal_efficiency", 0.1, 6.0).value_or(1.0);
    d.standby_loss_w = m.required_in_range<double>("standby_loss_w", 0.0, 10000.0).value_or(0.0);
    d.pilot_w = m.required_in_range<double>("pilot_w", 0.0, 1000.0).value_or(0.0);
    d.storage_l = m.required_in_range<double>("storage_l", 0.0, 10000.0).value_or(0.0);
    d.storage_loss_cr = m.required_in_range<double>("storage_loss_cr", 0.0, 5.0).value_or(0.0);
    d.distribution_efficiency =
        m.required_in_range<double>("distribution_efficiency", 0.1, 1.0).value_or(1.0);
  });

  r.each_map("ventilation", ventilation_names, [&](MapReader& m, std::size_t s) {
    VentilationParams& v = p.ventilation[s];
    v.q_varep_m3_per_h_m2 =
        m.required_quantity("q_varep", Dimension::air_flow_m3_per_h_m2, 0.0, 10.0).value_or(0.0);
    v.q_vasouf_m3_per_h_m2 =
        m.required_quantity("q_vasouf", Dimension::air_flow_m3_per_h_m2, 0.0, 10.0).value_or(0.0);
    v.s_mea_m3_per_h_m2 =
        m.required_quantity("s_mea", Dimension::air_flow_m3_per_h_m2, 0.0, 10.0).value_or(0.0);
    v.auxiliary_kwh_per_dwelling =
        m.required_quantity("auxiliary_per_dwelling", Dimension::energy_kwh, 0.0, 5000.0).value_or(0.0);
    v.auxiliary_kwh_per_m2 =
        m.required_quantity("auxiliary_per_m2", Dimension::energy_per_area_kwh_m2, 0.0, 100.0).value_or(0.0);
    v.flat_auxiliary_kwh_per_m2 =
        m.required_quantity("flat_auxiliary_per_m2", Dimension::energy_per_area_kwh_m2, 0.0, 100.0)
            .value_or(0.0);
  });
}

void read_factors(MapReader& r, ThermalParams& p) {
  const auto by_carrier = [&](std::string_view key, std::array<double, carrier_count>& out) {
    MapReader m = r.map(key);
    if (!m.valid()) return;
    for (std::size_t c = 0; c < carrier_count; ++c)
      out[c] = m.required_quantity(carrier_names[c], Dimension::ghg_kg_per_kwh, 0.0, 2.0).value_or(0.0);
    m.finish();
  };
  by_carrier("heating", p.ghg_heating_kg_per_kwh);
  by_carrier("hot_water", p.ghg_dhw_kg_per_kwh);
  p.ghg_electricity_lighting_kg_per_kwh =
      r.required_quantity("electricity_lighting", Dimension::ghg_kg_per_kwh, 0.0, 2.0).value_or(0.0);
  p.ghg_electricity_auxiliary_kg_per_kwh =
      r.required_quantity("electricity_auxiliaries", Dimension::ghg_kg_per_kwh, 0.0, 2.0).value_or(0.0);
}

void read_labels(MapReader& r, ThermalParams& p) {
  const auto limits = [](MapReader& m, std::string_view key, std::array<double, 6>& out) {
    const auto v = numbers(m, key, 6, 0.0, 10000.0);
    check_increasing(m, key, v);
    copy_to(v, out);
  };
  limits(r, "cep_kwh_per_m2", p.cep_limits_kwh_m2);
  limits(r, "eges_kg_per_m2", p.eges_limits_kg_m2);

  constexpr std::size_t rows = 32;  // 8 .. 39 m2
  if (!r.has("small_dwellings")) {
    (void)r.required<std::string>("small_dwellings");
  } else {
    const YAML::Node seq = r.node("small_dwellings");
    if (!seq.IsSequence() || seq.size() != rows) {
      r.report(seq, "small_dwellings",
               fmt::format("expected a list of {} rows, one per m2 from 8 to 39", rows));
    } else {
      for (std::size_t i = 0; i < rows; ++i) {
        MapReader row(r.file(), seq[i], fmt::format("small_dwellings[{}]", i), r.diagnostics());
        if (!row.valid()) continue;
        const int expected_m2 = static_cast<int>(8 + i);
        if (const auto a = row.required<int>("area_m2"); a && *a != expected_m2)
          row.report(row.node("area_m2"), "area_m2",
                     fmt::format("expected {} (rows run from 8 to 39 m2 in order), got {}", expected_m2, *a));
        limits(row, "cep_kwh_per_m2", p.small_cep_limits_kwh_m2[i]);
        limits(row, "eges_kg_per_m2", p.small_eges_limits_kg_m2[i]);
        row.finish();
      }
    }
  }
}

void read_method(MapReader& r, ThermalParams& p, double& lighting_w_per_m2) {
  MapReader alpha = r.map("gain_exponent_alpha");
  if (alpha.valid()) {
    for (std::size_t k = 0; k < inertia_count; ++k)
      p.gain_exponent_alpha[k] = alpha.required_in_range<double>(inertia_names[k], 1.01, 10.0).value_or(3.0);
    alpha.finish();
  }
  p.internal_gain_w_per_m2 =
      r.required_quantity("internal_gain", Dimension::power_w_per_m2, 0.0, 50.0).value_or(0.0);
  MapReader occ = r.map("occupant");
  if (occ.valid()) {
    const double heat_w = occ.required_in_range<double>("heat_w", 0.0, 500.0).value_or(0.0);
    const double present_h =
        occ.required_in_range<double>("hours_present_per_week", 0.0, 168.0).value_or(0.0);
    const double week_h = occ.required_in_range<double>("hours_per_week", 1.0, 168.0).value_or(168.0);
    p.occupant_gain_wh = present_h / week_h * heat_w;  // (132/168) . 90, the order of 3CL
    occ.finish();
  }
  p.dhw_litres_per_occupant_day =
      r.required_in_range<double>("dhw_litres_per_occupant_day", 0.0, 500.0).value_or(0.0);
  p.dhw_hot_water_c =
      r.required_quantity("dhw_hot_water", Dimension::temperature_c, 20.0, 80.0).value_or(40.0);
  MapReader light = r.map("lighting");
  if (light.valid()) {
    const double usage = light.required_in_range<double>("usage_factor", 0.0, 1.0).value_or(0.0);
    const double power = light.required_quantity("power", Dimension::power_w_per_m2, 0.0, 50.0).value_or(0.0);
    lighting_w_per_m2 = usage * power;  // times N_h of the zone (climate-zones.yaml)
    light.finish();
  }
  p.window_shading_factor = r.required_in_range<double>("window_shading_factor", 0.0, 1.0).value_or(1.0);
  MapReader ilpa = r.map("ilpa_by_inertia");
  if (ilpa.valid()) {
    for (std::size_t k = 0; k < inertia_count; ++k)
      p.ilpa_by_inertia[k] =
          static_cast<std::uint8_t>(ilpa.required_in_range<int>(inertia_names[k], 0, 1).value_or(0));
    ilpa.finish();
  }
}

}  // namespace

ThermalParams load_thermal_params(const std::filesystem::path& data_dir, Diagnostics& diag) {
  ThermalParams p;
  const fs::path dir = data_dir / "thermal";
  const auto read = [&](const char* file, void (*reader)(MapReader&, ThermalParams&)) {
    read_yaml_file(dir / file, diag, [&](MapReader& top) { reader(top, p); });
  };
  std::array<double, climate_zone_count> lighting_hours{};
  double lighting_w_per_m2 = 0.0;
  read_yaml_file(dir / "climate-zones.yaml", diag,
                 [&](MapReader& top) { read_climate(top, p, lighting_hours); });
  read("systems.yaml", read_systems);
  read("factors.yaml", read_factors);
  read("dpe-labels.yaml", read_labels);
  read_yaml_file(dir / "method.yaml", diag, [&](MapReader& top) { read_method(top, p, lighting_w_per_m2); });
  // 3CL §16: C . P_ecl . N_h / 1000, N_h by zone (W/m2 . h -> kWh/m2).
  for (std::size_t z = 0; z < climate_zone_count; ++z)
    for (std::size_t a = 0; a < altitude_class_count; ++a)
      p.climate[climate_index(z, a)].lighting_kwh_per_m2 = lighting_w_per_m2 * lighting_hours[z] / 1000.0;
  return p;
}

}  // namespace coron::io
