#include "iso13790_network.hpp"

#include <stdexcept>

namespace coron::hourly {

namespace {

// ISO 13790:2008 §7.2.2 and Table 12 (thermal-reference.md §1.1).
constexpr double surface_area_per_floor_area = 4.5;  // Lambda_at
constexpr double h_is_w_per_m2k = 3.45;              // air <-> surface
constexpr double h_ms_w_per_m2k = 9.1;               // surface <-> mass

struct MassRow {
  double area_per_floor_area, capacity_j_per_m2k;
};
constexpr MassRow mass_row(MassClass mass) noexcept {
  switch (mass) {
    case MassClass::light:
      return {2.5, 110'000.0};
    case MassClass::medium:
      return {2.5, 165'000.0};
    case MassClass::heavy:
      return {3.0, 260'000.0};
  }
  return {2.5, 165'000.0};
}

}  // namespace

Iso13790Parameters iso13790_parameters(double floor_area_m2, double h_tr_op_w_per_k, double h_tr_w_w_per_k,
                                       double h_ve_w_per_k, MassClass mass) {
  const MassRow row = mass_row(mass);
  Iso13790Parameters p;
  p.floor_area_m2 = floor_area_m2;
  p.total_area_m2 = surface_area_per_floor_area * floor_area_m2;
  p.mass_area_m2 = row.area_per_floor_area * floor_area_m2;
  p.c_m_j_per_k = row.capacity_j_per_m2k * floor_area_m2;
  p.h_tr_is_w_per_k = h_is_w_per_m2k * p.total_area_m2;
  p.h_tr_ms_w_per_k = h_ms_w_per_m2k * p.mass_area_m2;
  p.h_tr_w_w_per_k = h_tr_w_w_per_k;
  p.h_ve_w_per_k = h_ve_w_per_k;
  if (!(h_tr_op_w_per_k > 0.0 && h_tr_op_w_per_k < p.h_tr_ms_w_per_k)) {
    throw std::invalid_argument(
        "ISO 13790 network: H_tr,op must lie in (0, H_tr,ms = h_ms A_m) for H_tr,em > 0");
  }
  p.h_tr_em_w_per_k = 1.0 / (1.0 / h_tr_op_w_per_k - 1.0 / p.h_tr_ms_w_per_k);
  return p;
}

double iso13790_h_tr_ms_w_per_k(double floor_area_m2, MassClass mass) noexcept {
  return h_ms_w_per_m2k * mass_row(mass).area_per_floor_area * floor_area_m2;
}

Iso13790Gains split_gains(const Iso13790Parameters& p, double internal_w, double solar_w) noexcept {
  const double radiant = 0.5 * internal_w + solar_w;
  const double mass_share = p.mass_area_m2 / p.total_area_m2;
  const double surface_share = 1.0 - mass_share - p.h_tr_w_w_per_k / (h_ms_w_per_m2k * p.total_area_m2);
  return {0.5 * internal_w, surface_share * radiant, mass_share * radiant};
}

RcNetwork iso13790_network(const Iso13790Parameters& p, double step_s) {
  using namespace iso13790;
  if (!(p.c_m_j_per_k > 0.0)) throw std::invalid_argument("ISO 13790 network: C_m must be > 0 J/K");
  RcNetworkBuilder b;
  b.add_node(0.0);  // air
  b.add_node(0.0);  // surface (star) node
  b.add_node(p.c_m_j_per_k);
  b.add_boundary();  // outdoor air
  b.add_boundary();  // supply air
  b.connect_to_boundary(air_node, supply_boundary, p.h_ve_w_per_k);
  b.connect_nodes(air_node, surface_node, p.h_tr_is_w_per_k);
  b.connect_to_boundary(surface_node, outdoor_boundary, p.h_tr_w_w_per_k);
  b.connect_nodes(surface_node, mass_node, p.h_tr_ms_w_per_k);
  b.connect_to_boundary(mass_node, outdoor_boundary, p.h_tr_em_w_per_k);
  return RcNetwork(b, step_s);
}

}  // namespace coron::hourly
