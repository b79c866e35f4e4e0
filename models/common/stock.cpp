#include "coron/stock.hpp"

namespace coron {

void Stock::resize(std::size_t n) {
  auto all = [n](auto&... column) { (column.resize(n), ...); };
  all(dwelling_id, cite_id, owner, archetype, year_built, heritage_unesco, qpv, structurally_unfit);
  all(floor_area_m2, ceiling_height_m, wall_area_m2, u_wall_w_per_m2k, roof_area_m2, u_roof_w_per_m2k, b_roof,
      ground_floor_area_m2, u_floor_w_per_m2k, b_floor, window_south_m2, window_east_m2, window_west_m2,
      window_north_m2, u_window_w_per_m2k, g_window, door_area_m2, u_door_w_per_m2k, thermal_bridges_w_per_k,
      q4pa_conv_m3_per_h_m2, multiple_exposed_facades, ventilation, inertia, heating_system, dhw_system);
  all(occupied, rights_holder, head_age, head_sex, household_size, income_per_cu_eur);
}

}  // namespace coron
