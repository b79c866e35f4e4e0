#include "stock/dpe_solar.hpp"

#include <algorithm>
#include <cstddef>

namespace coron::stock {

namespace {

#include "stock/dpe_solar_tables.inc"

constexpr int outside = 1;
constexpr int veranda = 10;  ///< enum_type_adjacence_id: "espace tampon solarisé"
constexpr std::size_t months = 12;

/// Horizontal glazing: either enumeration says so (Open3CL takes its 'horizontal' C1 then).
bool is_horizontal(int orientation, int tilt) noexcept { return orientation == 5 || tilt == 4; }

/// C1 of month j for a glazing of `orientation` and `tilt` (enum ids). An unknown orientation
/// counts as south, as the row's facade does; an unknown tilt as vertical.
double c1(std::size_t zone, std::size_t j, int orientation, int tilt) noexcept {
  if (is_horizontal(orientation, tilt)) return c1_horizontal[zone][j];
  const int o = orientation >= 1 && orientation <= 4 ? orientation : 1;
  const int t = tilt >= 1 && tilt <= 3 ? tilt : 3;
  return c1_tilted[zone][j][o - 1][t - 1];
}

}  // namespace

std::size_t facade_of(int orientation) noexcept {
  switch (orientation) {
    case 2:
      return 3;
    case 3:
      return 1;
    case 4:
      return 2;
    default:
      return 0;  // south, horizontal, or unknown
  }
}

FacadeSun facade_sun(const io::DpeCertificate& c, std::size_t zone, std::size_t altitude, std::size_t ilpa) {
  const double* e = irradiation_south[ilpa][altitude][zone];
  /// Heating-season irradiation of a glazing, relative to a south vertical plane's month by month.
  const auto season = [&](int orientation, int tilt) {
    double sum = 0.0;
    for (std::size_t j = 0; j < months; ++j) sum += e[j] * c1(zone, j, orientation, tilt);
    return sum;
  };
  constexpr int south = 1, east = 3, west = 4, north = 2;
  constexpr int vertical = 3;
  const std::array<double, facade_count> vertical_season{season(south, vertical), season(east, vertical),
                                                         season(west, vertical), season(north, vertical)};

  FacadeSun sun;
  std::array<double, facade_count> area{}, collected{}, onto_veranda{};
  double area_all = 0.0, sw_area = 0.0, direct_through_veranda = 0.0, onto_veranda_all = 0.0;
  const io::DpeVeranda* ets = c.verandas.empty() ? nullptr : &c.verandas.front();
  // Some certifying software writes one veranda twice: only a different one is worth a note.
  for (const io::DpeVeranda& v : c.verandas) sun.several_verandas = sun.several_verandas || !v.same_as(*ets);
  for (const io::DpeSurface& w : c.windows) {
    if (w.b <= 0.0) continue;
    const std::size_t f = facade_of(w.orientation);
    sun.horizontal = sun.horizontal || is_horizontal(w.orientation, w.tilt);
    area[f] += w.area_m2;
    area_all += w.area_m2;
    sw_area += w.solar_factor * w.area_m2;
    const double ssd = w.area_m2 * w.solar_factor * w.masks * season(w.orientation, w.tilt);
    if (w.adjacency == outside) {
      collected[f] += ssd;
    } else if (w.adjacency == veranda && ets != nullptr) {
      // 3CL §6.3: the sun crossing the veranda straight in, T . S_sd.
      collected[f] += ets->transparency * ssd;
      direct_through_veranda += ets->transparency * ssd;
      onto_veranda[f] += w.area_m2;
      onto_veranda_all += w.area_m2;
    }
  }
  if (ets != nullptr) {
    // 3CL §6.3: the veranda's glazing lets in S_st = sum A . (0.8 T + 0.024) . F_e . C1; what the
    // dwelling does not get straight through its windows reaches it at b_ver.
    double through_veranda = 0.0;
    for (const io::DpeVeranda::Glazing& g : ets->glazing)
      through_veranda +=
          g.area_m2 * (0.8 * ets->transparency + 0.024) * g.masks * season(g.orientation, g.tilt);
    const double indirect = std::max(0.0, through_veranda - direct_through_veranda) * ets->b_ver;
    if (onto_veranda_all > 0.0) {
      for (std::size_t f = 0; f < facade_count; ++f)
        collected[f] += indirect * onto_veranda[f] / onto_veranda_all;
    } else {
      collected[0] += indirect;
      sun.veranda_elsewhere = indirect > 0.0;
    }
  }
  const double g = area_all > 0.0 ? std::clamp(sw_area / area_all, 0.0, 1.0) : 0.0;
  for (std::size_t f = 0; f < facade_count; ++f) {
    const double unshaded = area[f] * g * vertical_season[f];
    if (unshaded > 0.0) sun.factor[f] = collected[f] / unshaded;
  }
  return sun;
}

}  // namespace coron::stock
