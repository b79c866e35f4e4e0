#include "app/bestest_cases.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace coron::bestest {

namespace {

constexpr double pi = std::numbers::pi;

// thermal-reference.md §2.1: 8 m x 6 m x 2.7 m, one zone.
constexpr double floor_area_m2 = 48.0;
constexpr double volume_m3 = 129.6;

// §2.4 (Modelica Case600FF.mo): opaque areas and U-values of the 140-2020 mapping.
constexpr double wall_u = 0.534, roof_u = 0.327, floor_u = 0.0377;
constexpr double north_wall_m2 = 21.6, east_wall_m2 = 16.2, south_wall_m2 = 9.6, west_wall_m2 = 16.2;
constexpr double roof_m2 = 48.0, floor_m2 = 48.0;
// §2.1/§2.4: 12 m2 of double clear glass on the south wall, U 3.1 in the 2020 mapping, SHGC
// 0.789 at normal incidence.
constexpr double window_m2 = 12.0, window_u = 3.1, window_g = 0.789;
// §2.4: h_is = 2.1 W/(m2K) (the mapping's, not ISO's 3.45), A_t = 4.5 A_f, h_ms = 9.1 (ISO).
constexpr double h_is = 2.1, h_ms = 9.1, total_area_per_floor = 4.5;
// §2.1: 0.5 ach at Denver's altitude is 0.414 ach of sea-level air (Modelica airRat). rho c_p
// = 1.2 kg/m3 x 1005 J/(kg K), which gives §2.4's derived H_ve = 17.97 W/K.
constexpr double air_changes_per_h = 0.414, air_rho_cp_j_per_m3k = 1.2 * 1005.0;
// §2.1: 200 W continuous. §2.1: heat below 20 degC, cool above 27 degC (air temperature).
constexpr double internal_w = 200.0, heating_c = 20.0, cooling_c = 27.0;

struct Mass {
  double capacity_j_per_m2k, area_per_floor;  // C_m and A_m per m2 of floor
};
// §2.4: Case600Mass.mo and Case900Mass.mo.
constexpr Mass light_600{51'289.8, 4.522};
constexpr Mass heavy_900{249'272.0, 2.7};

hourly::Iso13790Parameters network_for(Mass mass) {
  hourly::Iso13790Parameters p;
  p.floor_area_m2 = floor_area_m2;
  p.total_area_m2 = total_area_per_floor * floor_area_m2;
  p.mass_area_m2 = mass.area_per_floor * floor_area_m2;
  p.c_m_j_per_k = mass.capacity_j_per_m2k * floor_area_m2;
  p.h_tr_is_w_per_k = h_is * p.total_area_m2;
  p.h_tr_ms_w_per_k = h_ms * p.mass_area_m2;
  p.h_tr_w_w_per_k = window_u * window_m2;
  // The floor is taken to outdoor air (b = 1, §2.4), as the walls and the roof.
  const double h_tr_op = wall_u * (north_wall_m2 + east_wall_m2 + south_wall_m2 + west_wall_m2) +
                         roof_u * roof_m2 + floor_u * floor_m2;
  p.h_tr_em_w_per_k = 1.0 / (1.0 / h_tr_op - 1.0 / p.h_tr_ms_w_per_k);
  p.h_ve_w_per_k = air_rho_cp_j_per_m3k * air_changes_per_h * volume_m3 / 3600.0;
  return p;
}

BestestCase make_case(std::string name, Mass mass, bool free_float) {
  constexpr double wall = pi / 2.0;  // tilt of a vertical surface
  BestestCase c;
  c.name = std::move(name);
  c.network = network_for(mass);
  c.window = {wall, pi};
  c.window_area_m2 = window_m2;
  c.window_u_w_per_m2k = window_u;
  c.window_g = window_g;
  // ISO 13790 §11.4.6: form factor to the sky 1 for a roof, 0.5 for a wall. The floor sees
  // neither sun nor sky.
  c.opaque = {{{wall, 0.0}, north_wall_m2, wall_u, 0.5},
              {{wall, pi / 2.0}, east_wall_m2, wall_u, 0.5},
              {{wall, pi}, south_wall_m2, wall_u, 0.5},
              {{wall, 3.0 * pi / 2.0}, west_wall_m2, wall_u, 0.5},
              {{0.0, 0.0}, roof_m2, roof_u, 1.0}};
  c.internal_gains_w = internal_w;
  if (!free_float) c.set_points = hourly::SetPoints{heating_c, cooling_c};
  return c;
}

}  // namespace

const std::vector<std::string>& bestest_case_names() {
  static const std::vector<std::string> names{"600", "900", "600FF", "900FF"};
  return names;
}

BestestCase bestest_case(std::string_view name) {
  if (name == "600") return make_case("600", light_600, false);
  if (name == "900") return make_case("900", heavy_900, false);
  if (name == "600FF") return make_case("600FF", light_600, true);
  if (name == "900FF") return make_case("900FF", heavy_900, true);
  throw std::invalid_argument("BESTEST case '" + std::string(name) + "': expected 600, 900, 600FF or 900FF");
}

double beam_incidence_factor(double theta_rad) noexcept {
  const double t = theta_rad;
  return std::max(0.0, 1.0 - 0.189 * t + 0.644 * t * t - 0.596 * t * t * t);
}

double diffuse_incidence_factor() noexcept {
  // Midpoint rule on 65,536 intervals: the integrand is smooth but for the floor's kink near
  // grazing incidence; the sum is then within 1e-9 of the integral. Computed once.
  static const double factor = [] {
    constexpr int steps = 65536;
    const double dt = 0.5 * pi / steps;
    double sum = 0.0;
    for (int k = 0; k < steps; ++k) {
      const double t = (k + 0.5) * dt;
      sum += beam_incidence_factor(t) * std::cos(t) * std::sin(t) * dt;
    }
    return 2.0 * sum;
  }();
  return factor;
}

}  // namespace coron::bestest
